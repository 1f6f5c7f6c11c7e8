"""Map a document and its extraction to RDF quads in the document's named graph.

Every asserted triple about an entity gets a reified evidence node (an ``rdf:Statement``:
``rdf:subject``, ``rdf:predicate``, ``rdf:object``) linked by ``zk:passage`` to the sentence it
was read from, so each fact stays traceable to its document and sentence. A sentence is one
``zk:Passage`` (its quote, block index and document) however many facts it states: at 1,000
generated documents 149,041 evidence nodes quoted 26,318 distinct sentences, and repeating a
sentence's three triples on each of its facts made up half of the store's triples. IRIs come
from :mod:`zonekg.ontology.iris` and are deterministic.

The quads are written as N-Quads text, term by term, the bytes Oxigraph's own serializer
writes for the same quads: building a pyoxigraph ``Quad`` cost ~6 µs when its object was a
literal (a third of the mapping), and the text is what a worker hands to the store anyway.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal

import pyoxigraph as ox
from pyoxigraph import NamedNode, Quad

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction import distinct, lexicon
from zonekg.loaders.extraction.model import Entity, Evidence, Extraction, Kind, Ref, Relation, Target
from zonekg.ontology import DCT, PROV, RDF, RDFS, SKOS, XSD, ZK
from zonekg.ontology import iris

CLASS_OF_KIND = {
    Kind.ZONE: "Zone",
    Kind.AGENCY: "Agency",
    Kind.COMPANY: "Company",
    Kind.INDUSTRY: "Industry",
    Kind.PROJECT: "Project",
}
METADATA_PROPERTIES = {
    "publisher": f"{DCT}publisher",
    "date": f"{DCT}issued",
    "index_number": f"{ZK}indexNumber",
    "doc_number": f"{ZK}documentNumber",
    "source": f"{DCT}source",
    "site_owner": f"{DCT}rightsHolder",
}


MIN_DEPARTMENT = 3
"""Fewest characters of a department left after its scope prefix (商务局, 经发局); shorter
remains (区委 → 委) are no department."""
LEVELS = "区县市镇旗"
"""Last character of a place written in front of a department (某某区商务局, 某某县工信局)."""


def split_scope(name: str, administrations: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """``(scope, department)`` when ``name`` writes a department after the administration
    it belongs to, else None.

    Plans name one department with or without its administration in front: 区商务局, 县工信局
    (a one-character scope), 某某区商务局, 某某高新区经济发展局 (a place, or one of
    ``administrations``: the names the document's own administration goes by). A one-character
    scope that opens a word is no scope (市场监督管理局).
    """
    names = lexicon.load("names")
    heads = tuple(s for s in names["agency_suffixes"] if s not in names["administration_suffixes"]
                  and s not in ("镇", "街道"))

    def department(rest: str) -> bool:
        return len(rest) >= MIN_DEPARTMENT and rest.endswith(heads)

    for scope in sorted((a for a in administrations if a), key=len, reverse=True):
        if name.startswith(scope) and department(name[len(scope):]):
            return scope, name[len(scope):]
    words = distinct.segmenter()[1]
    if name[:1] in lexicon.words("names", "scope_prefixes") and name[:2] not in words and department(name[1:]):
        return name[:1], name[1:]
    for i, ch in enumerate(name[1:], start=1):
        if ch in LEVELS and department(name[i + 1:]):
            return name[: i + 1], name[i + 1:]
    return None


Term = str
"""An RDF term as N-Quads writes it: ``<iri>``, ``"text"@zh``, ``"8"^^<…#decimal>``."""

_ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_STRING_ESCAPES = str.maketrans(
    {c: _ESCAPES.get(c, f"\\u{c:04X}") for c in [*range(0x20), 0x22, 0x5C, 0x7F, 0xFFFE, 0xFFFF]})
"""How N-Quads escapes a string, character for character as Oxigraph writes it (the named
escapes, ``\\uXXXX`` for the other control characters and the two non-characters)."""


@functools.cache
def _node(iri: str) -> Term:
    """The term of a vocabulary IRI (a property or class: a few dozen), written once per process."""
    return f"<{iri}>"


def _named(iri: str) -> Term:
    """The term of a minted IRI, checked as pyoxigraph checks one (a bad IRI fails this
    document here, not the store's load of every document)."""
    return f"<{NamedNode(iri).value}>"


def _string(text: str) -> Term:
    return f'"{text.translate(_STRING_ESCAPES)}"'


def _zh(text: str) -> Term:
    return f'"{text.translate(_STRING_ESCAPES)}"@zh'


def _typed(text: str, datatype: str) -> Term:
    return f'"{text.translate(_STRING_ESCAPES)}"^^{_node(datatype)}'


def _decimal(value: Decimal) -> Term:
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return _typed(text, f"{XSD}decimal")


def _integer(value: int) -> Term:
    return _typed(str(value), f"{XSD}integer")


_RDF_TYPE, _RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = (_node(f"{RDF}{p}") for p in ("type", "subject", "predicate", "object"))
_PASSAGE_CLASS, _PASSAGE = _node(f"{ZK}Passage"), _node(f"{ZK}passage")
_QUOTE, _BLOCK_INDEX, _QUOTED_FROM = _node(f"{ZK}quote"), _node(f"{ZK}blockIndex"), _node(f"{PROV}wasQuotedFrom")


class DocumentMapper:
    """Builds the quads of one document; one instance per document."""

    def __init__(self, document: SourceDocument, extraction: Extraction) -> None:
        self.document = document
        self.extraction = extraction
        self.file = document.name
        self.doc = _named(iris.document_iri(self.file))
        self._end = f" {self.doc} .\n"
        """What ends every line: the document's graph."""
        self._evidence_count = 0
        self._passages: dict[tuple[int, str], Term] = {}
        self._objects: dict[tuple[Ref, Relation], list[Ref]] = {}
        for fact in extraction.facts:
            self._objects.setdefault((fact.subject, fact.relation), []).append(fact.object)
        self._department: dict[Ref, str | None] = {}
        self._iri_of: dict[Ref, Term] = {}
        for entity in extraction.entities:
            self._iri_of[entity.ref] = _named(self._mint(entity))

    def _related(self, subject: Ref, relation: Relation) -> list[Ref]:
        """``extraction.related``, from an index built once (it scans every fact)."""
        return self._objects.get((subject, relation), [])

    # -- IRIs --------------------------------------------------------------------------
    def _administration(self, agency: Entity) -> str:
        """The administration an agency is scoped to: its stated parent, else the document's
        issuer, else its zone, else the document itself."""
        parents = self._related(agency.ref, Relation.PART_OF)
        if parents:
            return parents[0].name
        return self.extraction.issuer or self.extraction.main_zone or self.document.path.stem

    def _scopes(self, administration: str) -> tuple[str, ...]:
        """How a document writes its administration in front of a department: the
        administration's name without its governing body (某某高新区 of 某某高新区管委会) and
        the plan's main zone."""
        suffixes = lexicon.words("names", "administration_suffixes")
        place = next((administration[: -len(s)] for s in suffixes if administration.endswith(s)), administration)
        return tuple(dict.fromkeys(p for p in (place, self.extraction.main_zone) if p and len(p) >= 2))

    def _mint(self, entity: Entity) -> str:
        match entity.kind:
            case Kind.ZONE:
                return iris.zone_iri(entity.name)
            case Kind.COMPANY:
                return iris.company_iri(entity.name)
            case Kind.INDUSTRY:
                return iris.industry_iri(entity.name)
            case Kind.AGENCY:
                administration = self._administration(entity)
                own = self._scopes(administration)
                scoped = split_scope(entity.name, own)
                self._department[entity.ref] = scoped[1] if scoped else None
                if scoped and entity.name != administration and (len(scoped[0]) == 1 or scoped[0] in own):
                    # one agency within this administration, however the plan writes it
                    return iris.agency_iri(administration, scoped[1])
                return iris.agency_iri(administration, entity.name)
            case Kind.PROJECT:
                zones = self._related(entity.ref, Relation.LOCATED_IN)
                scope = zones[0].name if zones else self.extraction.main_zone or self.document.path.stem
                return iris.project_iri(scope, entity.name)
        raise ValueError(entity.kind)

    def iri(self, ref: Ref) -> Term | None:
        return self._iri_of.get(ref)

    # -- quads -------------------------------------------------------------------------
    def _quad(self, s: Term, p: str, o: Term) -> str:
        """One N-Quads line in the document's graph."""
        return f"{s} {_node(p)} {o}{self._end}"

    def _passage(self, ev: Evidence) -> tuple[Term, str]:
        """The node of the sentence ``ev`` quotes, and its four lines the first time a fact of
        this document quotes it (nothing after: one sentence is the evidence of many facts)."""
        key = (ev.block, ev.quote)
        node = self._passages.get(key)
        if node is not None:
            return node, ""
        node = self._passages[key] = f"<{iris.passage_iri(self.file, ev.block, ev.quote)}>"  # (under the checked document IRI)
        end = self._end
        return node, (f"{node} {_RDF_TYPE} {_PASSAGE_CLASS}{end}"
                      f"{node} {_QUOTE} {_zh(ev.quote)}{end}"
                      f"{node} {_BLOCK_INDEX} {_integer(ev.block)}{end}"
                      f"{node} {_QUOTED_FROM} {self.doc}{end}")

    def _evidence(self, s: Term, p: str, o: Term, ev: Evidence) -> str:
        """The four lines of a fact's evidence node (and its passage's, when new), as one
        string (one per fact of a document: the mapping's commonest block). No ``a
        zk:Evidence``: ``rdf:subject`` finds evidence as well (it is used for nothing else),
        ``zk:passage``'s domain implies the class, and the type was a fifth of the lines a
        fact's evidence wrote (see BENCHMARKS.md, *Evidence by passage*)."""
        node = f"<{iris.evidence_iri(self.file, self._evidence_count)}>"  # (under the checked document IRI)
        self._evidence_count += 1
        passage, passage_lines = self._passage(ev)
        end = self._end
        return (f"{passage_lines}"
                f"{node} {_RDF_SUBJECT} {s}{end}"
                f"{node} {_RDF_PREDICATE} {_node(p)}{end}"
                f"{node} {_RDF_OBJECT} {o}{end}"
                f"{node} {_PASSAGE} {passage}{end}")

    def quads(self) -> Iterator[str]:
        yield from self._document_quads()
        for entity in self.extraction.entities:
            yield from self._entity_quads(entity)
        for fact in self.extraction.facts:
            s, o = self.iri(fact.subject), self.iri(fact.object)
            if s is None or o is None:
                continue
            predicate = f"{ZK}{fact.relation.value}"
            yield self._quad(s, predicate, o)
            yield self._evidence(s, predicate, o, fact.evidence)
        for target in self.extraction.targets:
            yield from self._target_quads(target)

    def _document_quads(self) -> Iterator[str]:
        doc = self.doc
        yield self._quad(doc, f"{RDF}type", _node(f"{ZK}Document"))
        yield self._quad(doc, f"{ZK}fileName", _string(self.file))
        yield self._quad(doc, f"{DCT}title", _zh(self.document.title))
        for key, value in sorted(self.document.metadata.items()):
            if key in METADATA_PROPERTIES and value:
                yield self._quad(doc, METADATA_PROPERTIES[key], _string(value))
        yield self._quad(doc, f"{ZK}contentDigest", _string(self.document.content_digest()))
        if self.extraction.plan_year:
            yield self._quad(doc, f"{ZK}planYear", _integer(self.extraction.plan_year))
        main_zone = self.iri(Ref(Kind.ZONE, self.extraction.main_zone or ""))
        if main_zone is not None:
            yield self._quad(doc, f"{ZK}mainZone", main_zone)
        issuer = self.iri(Ref(Kind.AGENCY, self.extraction.issuer or ""))
        if issuer is not None:
            yield self._quad(doc, f"{ZK}issuer", issuer)

    def _entity_quads(self, entity: Entity) -> Iterator[str]:
        node = self._iri_of[entity.ref]
        cls = _node(f"{ZK}{CLASS_OF_KIND[entity.kind]}")
        yield self._quad(node, f"{RDF}type", cls)
        yield self._quad(node, f"{RDFS}label", _zh(entity.name))
        department = self._department.get(entity.ref)
        for alias in sorted((entity.aliases | {department or entity.name}) - {entity.name}):
            yield self._quad(node, f"{SKOS}altLabel", _zh(alias))
        yield self._quad(self.doc, f"{ZK}mentions", node)
        if entity.investment_cny is not None:
            yield self._quad(node, f"{ZK}totalInvestment", _decimal(entity.investment_cny))
        if entity.area_m2 is not None:
            yield self._quad(node, f"{ZK}floorArea", _decimal(entity.area_m2))
        if entity.task:
            yield self._quad(node, f"{ZK}task", _zh(entity.task))
        for ev in entity.evidence[:1]:
            yield self._evidence(node, f"{RDF}type", cls, ev)

    def _target_quads(self, target: Target) -> Iterator[str]:
        node = _named(
            iris.indicator_iri(
                self.file, target.actual, target.text, target.metric, str(target.value), target.unit
            )
        )
        cls = "Statistic" if target.actual else "Target"
        yield self._quad(node, f"{RDF}type", _node(f"{ZK}{cls}"))
        yield self._quad(node, f"{ZK}metric", _zh(target.metric))
        yield self._quad(node, f"{ZK}targetKind", _string(target.kind.value))
        yield self._quad(node, f"{ZK}value", _decimal(target.value))
        yield self._quad(node, f"{ZK}unit", _string(target.unit))
        yield self._quad(node, f"{ZK}text", _zh(target.text))
        year_property = "referenceYear" if target.actual else "targetYear"
        if target.year:
            yield self._quad(node, f"{ZK}{year_property}", _integer(target.year))
        link = "hasStatistic" if target.actual else "hasTarget"
        owners = [self.doc]
        zone = self.iri(Ref(Kind.ZONE, target.zone or self.extraction.main_zone or ""))
        if zone is not None:
            owners.append(zone)
        for owner in owners:
            yield self._quad(owner, f"{ZK}{link}", node)
        yield self._evidence(owners[-1], f"{ZK}{link}", node, target.evidence)


def to_nquads(document: SourceDocument, extraction: Extraction) -> tuple[bytes, int]:
    """All quads of ``document``, in its own named graph, as N-Quads; and how many there are."""
    body = "".join(DocumentMapper(document, extraction).quads()).encode("utf-8")
    return body, body.count(b"\n")  # (no raw line break inside a term: N-Quads escapes it)


def to_quads(document: SourceDocument, extraction: Extraction) -> list[Quad]:
    """All quads of ``document``, in its own named graph, as pyoxigraph quads."""
    return list(ox.parse(to_nquads(document, extraction)[0], format=ox.RdfFormat.N_QUADS))
