"""What lists, counts, facets, search and the document list need to know about every member
of the store, kept in memory and brought up to date by the writes themselves.

Reading it from the store means scanning whole classes: at 1,000 documents the projects alone
took ~4 s on a busy machine (the on-disk store pays ~40 µs for each row it reads), at 10,000 a
minute or more. So it is read whole once (:meth:`ReadModel.read`), and afterwards each write
re-reads only the entities it touched (:func:`touched`, then :meth:`ReadModel.refreshed`).

Why that is exact: every fact kept here is a triple about its entity (its class, names,
aliases, texts, the links its facets count), except a target's zone, which is a triple about
the zone that links it (``zone zk:hasTarget target``). A write changes the union of the
documents only by triples of the graphs it writes, so the entities those graphs state such
triples about, before the write and after it, are the only ones whose facts can change; and
re-reading them from the union gives what a whole read would. (A zone that stops or starts
being a zone changes the zone facet of every target it links: those targets are re-read too.)

A model is never changed in place: a refresh returns a new one, so a request that still reads
the previous model while a write lands sees one consistent state.
"""
from __future__ import annotations

import bisect
import heapq
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

import pyoxigraph as ox

from zonekg.graph.errors import Starting
from zonekg.graph.terms import TermTuple, plain
from zonekg.ontology import PREFIXES, ZK

Select = Callable[[str], Iterable[dict[str, TermTuple | None]]]
"""Runs a SELECT and returns its rows by variable name (:meth:`Catalog.select` and friends, or
one that streams them)."""

ENTITY_CLASSES = {
    "zones": "zk:Zone",
    "agencies": "zk:Agency",
    "companies": "zk:Company",
    "industries": "zk:Industry",
    "projects": "zk:Project",
    "targets": "zk:Target",
}
NAMED_COLLECTIONS = ("zones", "agencies", "companies", "industries", "projects")
"""The collections whose members have names (``rdfs:label``); targets have a metric instead."""

NAMING = {"targets": "zk:metric"}
"""The property whose least value names a member (default ``rdfs:label``)."""

SEARCHED = ("rdfs:label", "skos:altLabel")
"""What search and the ``q`` filter match: names and aliases (lower-cased) …"""
TEXTS = ("zk:text",)
"""… and, for ``q`` only, the text a member was read from."""

FACETS = {
    "projects": {
        "zone": "?e zk:locatedIn ?f .",
        "lead_agency": "?e zk:leadAgency ?f .",
        "industry": "?e zk:industry ?f .",
    },
    "targets": {
        "zone": "?f zk:hasTarget ?e ; a zk:Zone .",
        "year": "?e zk:targetYear ?f .",
        "kind": "?e zk:targetKind ?f .",
    },
}
"""Counts shown beside a list: the pattern linking a member ``?e`` to a facet value ``?f``."""

LINKS = {
    "zones": {"focus_industry": "?e zk:focusIndustry ?f ."},
    "targets": {"metric": "?e zk:metric ?f ."},
}
"""Links kept like facets but not shown beside a list: what :class:`ZoneProfiles` needs
besides the projects' zone and industry facets and the targets' zone facet."""

FACET_VALUE_COLLECTIONS = {"zone": "zones", "lead_agency": "agencies", "industry": "industries"}
"""Where the name of an IRI facet value is found (its least label, as in lists)."""

FACET_LIMIT = 100
"""Values shown per facet (most frequent first)."""

DOCUMENT_FIELDS = {
    "title": "dct:title",
    "publisher": "dct:publisher",
    "date": "dct:issued",
    "doc_number": "zk:documentNumber",
    "index_number": "zk:indexNumber",
    "source": "dct:source",
    "plan_year": "zk:planYear",
}
"""A document's metadata in the document list: field name and property."""

VALUES_CHUNK = 500
"""IRIs per ``VALUES`` block of a refresh (a query's text stays under ~50 KB)."""

NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
HAS_TARGET = f"{ZK}hasTarget"
MODEL_CLASSES = {_expand(c) for c in (*ENTITY_CLASSES.values(), "zk:Document")}
MODEL_PREDICATES = {_expand(p) for p in (
    "rdfs:label", *SEARCHED, *TEXTS, *NAMING.values(), *DOCUMENT_FIELDS.values(), "zk:fileName",
    "zk:locatedIn", "zk:leadAgency", "zk:industry", "zk:targetYear", "zk:targetKind", "zk:focusIndustry")}
"""The predicates of every fact the model keeps, besides ``rdf:type`` and ``zk:hasTarget``."""


def term_order(term: TermTuple) -> tuple:
    """Where a facet value goes among equals in count: IRIs by their text, numbers by value,
    other literals by their text. Sorted here, not by the store, so every backend gives the
    same order (stores order IRIs and ties differently)."""
    kind, value, _, datatype = term
    if kind == "literal" and datatype in NUMERIC:
        return (1, Decimal(value), value)
    return (0 if kind == "uri" else 2, value)


def top(counts: Mapping[TermTuple, int], limit: int = FACET_LIMIT) -> list[tuple[TermTuple, int]]:
    """The ``limit`` most frequent values, ties in :func:`term_order`. O(n log limit)."""
    return heapq.nsmallest(limit, counts.items(), key=lambda kv: (-kv[1], term_order(kv[0])))


def touched(quads: Iterable[ox.Quad]) -> set[str]:
    """The IRIs a document graph with these quads states a fact of the model about: the
    subjects of those facts, and the targets a ``zk:hasTarget`` links. Give it a written
    graph's quads before the write and after it; their union is what the write may change."""
    out: set[str] = set()
    for quad in quads:
        predicate = quad.predicate.value
        if not isinstance(quad.subject, ox.NamedNode):
            continue
        if predicate in MODEL_PREDICATES or (predicate == RDF_TYPE and isinstance(quad.object, ox.NamedNode)
                                               and quad.object.value in MODEL_CLASSES):
            out.add(quad.subject.value)
        elif predicate == HAS_TARGET and isinstance(quad.object, ox.NamedNode):
            out.update((quad.subject.value, quad.object.value))
    return out


def _scoped(iris: Iterable[str] | None) -> Iterator[str]:
    """``VALUES ?e { … }`` blocks over ``iris`` (IRIs read from the store), or one empty
    scope (the whole store) for None."""
    if iris is None:
        yield ""
        return
    ordered = sorted(iris)
    for start in range(0, len(ordered), VALUES_CHUNK):
        yield "VALUES ?e { " + " ".join(f"<{i}>" for i in ordered[start:start + VALUES_CHUNK]) + " }"


def _pairs(select: Select, pattern: str, iris: Iterable[str] | None, value: str = "v") -> Iterator[tuple[str, TermTuple]]:
    """``(?e, ?value)`` of ``pattern`` for ``iris`` (or every match in the store)."""
    for scope in _scoped(iris):
        for row in select(f"SELECT ?e ?{value} WHERE {{ {scope} {pattern} }}"):
            term = row[value]
            if row["e"] is not None and term is not None:
                yield row["e"][1], term


Fact = tuple[int, str, TermTuple]
"""``(query, member, value)``: one row of the ``query``-th of :func:`fact_queries`."""


def fact_queries(name: str) -> list[tuple[str, str, str, str]]:
    """What is read of the collection ``name``, in this order: ``(role, key, pattern, value
    variable)`` with role ``name`` (the naming property), ``searched`` and ``text`` (forms and
    texts), ``facet`` (facets and links, keyed by name) or ``typed`` (a zone's class alone)."""
    class_ = ENTITY_CLASSES[name]
    queries = [("name", "", f"?e a {class_} ; {NAMING.get(name, 'rdfs:label')} ?v", "v")]
    queries += [("searched" if prop in SEARCHED else "text", prop, f"?e a {class_} ; {prop} ?v", "v")
                for prop in (*SEARCHED, *TEXTS)]
    queries += [("facet", facet, f"?e a {class_} . {link}", "f")
                for facet, link in {**FACETS.get(name, {}), **LINKS.get(name, {})}.items()]
    if name == "zones":
        queries.append(("typed", "", "?e a zk:Zone . BIND(true AS ?v)", "v"))
    return queries


def facts(select: Select, name: str, iris: Iterable[str] | None = None) -> Iterator[Fact]:
    """The facts of the members of ``name`` among ``iris`` (every member when None), query by
    query (:func:`fact_queries`), each in the store's order."""
    scope = None if iris is None else list(iris)
    for index, (_, _, pattern, value) in enumerate(fact_queries(name)):
        for iri, term in _pairs(select, pattern, scope, value):
            yield index, iri, term


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    """The least naming label: a member written differently by two documents has one name."""
    forms: tuple[str, ...]
    """Names and aliases, lower-cased: what search matches."""
    texts: tuple[str, ...]
    """The forms and the texts a member was read from: what the ``q`` filter matches."""


def tallies(facets: Mapping[str, Mapping[str, tuple[TermTuple, ...]]]) -> dict[str, Counter[TermTuple]]:
    """Facet name → value → how many members have it."""
    return {facet: Counter(v for vs in values.values() for v in vs) for facet, values in facets.items()}


@dataclass(frozen=True)
class Collection:
    """One collection's members in list order, with what search, ``q`` and facets need."""

    iris: list[str]
    """Members by name, then IRI."""
    members: dict[str, Member]
    facets: dict[str, dict[str, tuple[TermTuple, ...]]] = field(default_factory=dict)
    """Facet name → member → the facet's values for it."""
    counts: dict[str, Counter[TermTuple]] = field(default_factory=dict)
    """Facet name → value → members with that value."""
    typed: frozenset[str] = frozenset()
    """IRIs of the class, named or not (kept for zones: a target's zone facet needs it)."""

    def key(self, iri: str) -> tuple[str, str]:
        return (self.members[iri].name, iri)

    @cached_property
    def text(self) -> TextIndex:
        """Every member's texts in one string, for the ``q`` filter: built the first time a
        ``q`` asks (the service's warm-up asks after each start and write), once per
        collection (a write makes a new one). O(characters of the texts): 0.34 CPU-s and
        ~10 MB for the projects' 3.9 M characters at 10,000 documents."""
        return TextIndex.of(self.iris, self.members)

    @property
    def names(self) -> Mapping[str, str]:
        """Each member's name, by IRI (a view, not a copy)."""
        return _Names(self.members)

    def in_order(self, iris: Iterable[str]) -> list[str]:
        """The members among ``iris``, in list order. O(k log k)."""
        return sorted((i for i in iris if i in self.members), key=self.key)

    def top(self, facet: str) -> list[tuple[TermTuple, int]]:
        """The most frequent values of ``facet`` (see :func:`top`)."""
        return top(self.counts.get(facet, Counter()))

    @classmethod
    def read(cls, select: Select, name: str, iris: Iterable[str] | None = None) -> Collection:
        """The members among ``iris`` (every member when None), read from the store. O(their
        facts): one simple pattern per property (a VALUES over the properties measured 2.3x
        slower on a whole-class scan)."""
        return cls.of_facts(name, facts(select, name, iris))

    @classmethod
    def of_facts(cls, name: str, found: Iterable[Fact]) -> Collection:
        """The collection ``found`` (the :func:`facts` of some of its members, in the order
        :func:`facts` gives them) describes: a member's names come before its other facts."""
        queries = fact_queries(name)
        names: dict[str, str] = {}
        forms: dict[str, list[str]] = {}
        texts: dict[str, list[str]] = {}
        values: dict[str, dict[str, set[TermTuple]]] = {key: {} for role, key, _, _ in queries if role == "facet"}
        typed: set[str] = set()
        for index, iri, term in found:
            role, key, _, _ = queries[index]
            if role == "name":
                if iri not in names or term[1] < names[iri]:
                    names[iri] = term[1]
            elif role in ("searched", "text") and iri in names:
                if role == "searched":
                    forms.setdefault(iri, []).append(term[1].lower())
                texts.setdefault(iri, []).append(term[1].lower())
            elif role == "facet" and iri in names:
                values[key].setdefault(iri, set()).add(term)
            elif role == "typed":
                typed.add(iri)
        members = {i: Member(n, tuple(forms.get(i, ())), tuple(texts.get(i, ()))) for i, n in names.items()}
        facets = {facet: {i: tuple(sorted(v, key=term_order)) for i, v in held.items()} for facet, held in values.items()}
        return cls(sorted(members, key=lambda i: (members[i].name, i)), members, facets, tallies(facets),
                   frozenset(typed))

    def replaced(self, iris: set[str], fresh: Collection) -> Collection:
        """This collection with the members among ``iris`` replaced by those ``fresh`` read
        (a member of neither is dropped). O(n) for the copies, O(k log n) to place k members."""
        members = dict(self.members)
        order = list(self.iris)
        for iri in sorted(iris & members.keys(), key=self.key, reverse=True):
            del order[bisect.bisect_left(order, self.key(iri), key=self.key)]
            del members[iri]
        members.update(fresh.members)
        for iri in fresh.members:
            bisect.insort(order, iri, key=lambda i: (members[i].name, i))
        facets: dict[str, dict[str, tuple[TermTuple, ...]]] = {}
        counts: dict[str, Counter[TermTuple]] = {}
        for facet, values in self.facets.items():
            values, tally = dict(values), Counter(self.counts[facet])
            for iri in iris & values.keys():
                tally.subtract(values.pop(iri))
            for iri, added in fresh.facets.get(facet, {}).items():
                values[iri] = added
                tally.update(added)
            facets[facet], counts[facet] = values, +tally  # +: drops values no member has any more
        typed = (self.typed - iris) | fresh.typed
        return Collection(order, members, facets, counts, typed)


TEXT_SEPARATOR = "\x00"
"""Ends each text of :class:`TextIndex`; no text a document gives holds it."""


@dataclass(frozen=True)
class TextIndex:
    """The members' texts (lower-cased) joined into one string, each member's part starting
    at its offset, in list order. A text search is then ``str.find`` over the string (C,
    ~10x faster than testing each member's texts in Python: 0.25 CPU-s for the 248,000
    projects at 10,000 documents, 0.02 this way) and a bisection per match."""

    joined: str
    starts: array[int]
    """Where each member's part begins (8 bytes a member, not a Python int each)."""
    iris: list[str]
    """The collection's own list (shared, not copied)."""

    @classmethod
    def of(cls, iris: list[str], members: Mapping[str, Member]) -> TextIndex:
        parts, starts, at = [], array("q"), 0
        for iri in iris:
            part = "".join(text + TEXT_SEPARATOR for text in members[iri].texts) or TEXT_SEPARATOR
            starts.append(at)
            parts.append(part)
            at += len(part)
        return cls("".join(parts), starts, iris)

    def containing(self, needle: str) -> list[str]:
        """The members with a text containing ``needle`` (lower-cased, without the
        separator), in list order. O(characters) in C, O(answer log members) here: after a
        match the search goes on at the next member."""
        found: list[str] = []
        at = self.joined.find(needle)
        while at >= 0:
            member = bisect.bisect_right(self.starts, at) - 1
            found.append(self.iris[member])
            if member + 1 == len(self.starts):
                break
            at = self.joined.find(needle, self.starts[member + 1])
        return found


class _Names(Mapping[str, str]):
    def __init__(self, members: dict[str, Member]) -> None:
        self._members = members

    def __getitem__(self, iri: str) -> str:
        return self._members[iri].name

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)


@dataclass(frozen=True)
class Documents:
    """The ingested documents: one row per document and file name, by file name."""

    rows: list[dict]
    """``{"id", "file", <DOCUMENT_FIELDS>}``, by file name then IRI."""
    typed: frozenset[str]
    """Every IRI said to be a ``zk:Document`` (what the count counts)."""

    @classmethod
    def read(cls, select: Select, iris: Iterable[str] | None = None) -> Documents:
        """The documents among ``iris`` (every document when None). O(their metadata)."""
        scope = None if iris is None else list(iris)
        typed = {iri for iri, _ in _pairs(select, "?e a zk:Document . BIND(true AS ?v)", scope)}
        found: dict[str, dict[str, set[TermTuple]]] = {iri: {} for iri in typed}
        for key, prop in {"file": "zk:fileName", **DOCUMENT_FIELDS}.items():
            for iri, term in _pairs(select, f"?e a zk:Document ; {prop} ?v", scope):
                found[iri].setdefault(key, set()).add(term)
        rows = []
        for iri, fields in found.items():
            # The least value of each field: every backend picks the same one.
            row: dict = {k: plain(min(fields[k], key=term_order)) if k in fields else None for k in DOCUMENT_FIELDS}
            plan_year = fields.get("plan_year")
            row["plan_year"] = number(min(plan_year, key=term_order)) if plan_year else None
            for file in sorted(t[1] for t in fields.get("file", ())):
                rows.append({"id": iri, "file": file, **row})
        return cls(sorted(rows, key=lambda r: (r["file"], r["id"])), frozenset(typed))

    def replaced(self, iris: set[str], fresh: Documents) -> Documents:
        rows = [r for r in self.rows if r["id"] not in iris] + fresh.rows
        return Documents(sorted(rows, key=lambda r: (r["file"], r["id"])), (self.typed - iris) | fresh.typed)


def number(term: TermTuple | None) -> float | int | None:
    """A numeric literal as an int when whole, else a float (None stays None)."""
    if term is None:
        return None
    value = Decimal(term[1])
    return int(value) if value == value.to_integral() else float(value)


Profile = dict[str, Counter[str]]
"""Zone → industry (or metric) → how many links give the zone that industry (or metric)."""


@dataclass(frozen=True)
class ZoneProfiles:
    """What each zone is about, both ways: its industries (its focus industries and those of
    the projects located in it) and its targets' metrics, and the zones of each industry
    and metric. Comparing a zone with every other one then costs what the zones it shares
    something with share, not a scan of the store (61 s at 10,000 documents that way).

    Counted, not just kept as sets, so a write can take away what the entities it touched
    gave before and add what they give now (:meth:`replaced`) without a whole recount."""

    industries: Profile
    metrics: Profile
    zones_by_industry: Profile
    zones_by_metric: Profile

    @staticmethod
    def _links(collections: Mapping[str, Collection], iris: Iterable[str] | None) -> Iterator[tuple[bool, str, str]]:
        """``(is_industry, zone, industry or metric)`` of each link the members among ``iris``
        (all when None) give, once per member. O(their facet values)."""
        def among(collection: str, facet: str) -> Iterator[tuple[str, tuple[TermTuple, ...]]]:
            values = collections[collection].facets.get(facet, {})
            chosen = values.keys() if iris is None else (i for i in iris if i in values)
            return ((i, values[i]) for i in chosen)

        for zone, industries in among("zones", "focus_industry"):
            yield from ((True, zone, i[1]) for i in industries)
        projects = collections["projects"].facets
        for project, zones in among("projects", "zone"):
            for industry in projects.get("industry", {}).get(project, ()):
                yield from ((True, z[1], industry[1]) for z in zones)
        metrics = collections["targets"].facets.get("metric", {})
        for target, zones in among("targets", "zone"):
            for metric in metrics.get(target, ()):
                yield from ((False, z[1], metric[1]) for z in zones)

    @classmethod
    def of(cls, collections: Mapping[str, Collection]) -> ZoneProfiles:
        """The profiles of every zone. O(projects + targets + zones)."""
        return cls({}, {}, {}, {}).replaced({}, collections, None)

    def replaced(self, old: Mapping[str, Collection], new: Mapping[str, Collection],
                 iris: Iterable[str] | None) -> ZoneProfiles:
        """These profiles with what the members among ``iris`` gave in ``old`` taken away
        and what they give in ``new`` added. O(zones, industries and metrics) for the copies
        of the outer maps, O(the members' links) for the rest; only the counters that change
        are copied."""
        maps = [dict(self.industries), dict(self.metrics), dict(self.zones_by_industry), dict(self.zones_by_metric)]
        copied: set[tuple[int, str]] = set()

        def add(index: int, key: str, value: str, step: int) -> None:
            if (index, key) not in copied:
                maps[index][key] = Counter(maps[index].get(key, ()))
                copied.add((index, key))
            counter = maps[index][key]
            counter[value] += step
            if counter[value] <= 0:
                del counter[value]

        scope = None if iris is None else list(iris)
        for collections, step in ((old, -1), (new, 1)):
            if not collections:
                continue
            for is_industry, zone, value in self._links(collections, scope):
                add(0 if is_industry else 1, zone, value, step)
                add(2 if is_industry else 3, value, zone, step)
        for index, key in copied:
            if not maps[index][key]:
                del maps[index][key]
        return ZoneProfiles(*maps)


Postings = dict[str, frozenset[str]]
"""A key (a name, a facet value's IRI) → the IRIs it leads to."""

NAMED_VALUES = tuple(dict.fromkeys(FACET_VALUE_COLLECTIONS.values()))
"""The collections whose members a project filter names (a lead, a zone, an industry)."""


@dataclass(frozen=True)
class Lookups:
    """What a project list filtered by a lead, a zone or an industry needs, so its first answer
    reads nothing from the store but the zone's parks: the zones, agencies and industries by
    each of their names and aliases (lower-cased, as :attr:`Member.forms`), and the projects
    by each IRI value of their facets. Looking the name up in the store cost 0.4 CPU-s at
    10,000 documents for a name that 10,000 agencies bear (区自然资源分局), and building the
    facet links once per write 0.5 CPU-s.

    Kept up to date by each write like :class:`ZoneProfiles` (what the touched members gave
    before is taken away, what they give now added); only the postings that change are
    copied. Memory: one frozenset per name and per facet value (~220 bytes each), shared IRI
    strings inside."""

    names: Postings
    holders: dict[str, Postings]
    """Facet of a project → IRI value → the projects that have it."""

    def named(self, value: str) -> frozenset[str] | None:
        """The zones, agencies and industries named ``value`` (a name or an alias), or None
        when ``value`` has cased letters: the forms are lower-cased and a name filter is
        exact, so only the store can tell ``5G`` from ``5g``. O(answer)."""
        if value.lower() != value.upper():
            return None
        return self.names.get(value, frozenset())

    @staticmethod
    def _keys(collections: Mapping[str, Collection], iris: Iterable[str] | None) -> Iterator[tuple[str | None, str, str]]:
        """``(facet, key, iri)`` for each posting the members among ``iris`` (all when None)
        give; the facet is None for a name. O(their forms and facet values)."""
        def among(keys: Mapping[str, object]) -> Iterable[str]:
            return keys.keys() if iris is None else (i for i in iris if i in keys)

        for name in NAMED_VALUES:
            members = collections[name].members
            for iri in among(members):
                yield from ((None, form, iri) for form in set(members[iri].forms))
        facets = collections["projects"].facets
        for facet in FACETS["projects"]:
            values = facets.get(facet, {})
            for iri in among(values):
                yield from ((facet, term[1], iri) for term in values[iri] if term[0] == "uri")

    @classmethod
    def of(cls, collections: Mapping[str, Collection]) -> Lookups:
        """The lookups of every member. O(names + facet links)."""
        return cls({}, {facet: {} for facet in FACETS["projects"]}).replaced({}, collections, None)

    def replaced(self, old: Mapping[str, Collection], new: Mapping[str, Collection],
                 iris: Iterable[str] | None) -> Lookups:
        """These lookups with what the members among ``iris`` gave in ``old`` taken away and
        what they give in ``new`` added. O(names + facet values) for the copies of the maps,
        O(the changed postings) for the rest."""
        scope = None if iris is None else list(iris)
        changes: list[dict[str | None, dict[str, set[str]]]] = [{}, {}]
        for collections, change in ((old, changes[0]), (new, changes[1])):
            if collections:
                for facet, key, iri in self._keys(collections, scope):
                    change.setdefault(facet, {}).setdefault(key, set()).add(iri)
        removed, added = changes
        maps: dict[str | None, Postings] = {None: dict(self.names), **{f: dict(p) for f, p in self.holders.items()}}
        for facet in removed.keys() | added.keys():
            postings, gone, come = maps[facet], removed.get(facet, {}), added.get(facet, {})
            for key in gone.keys() | come.keys():
                now = (postings.get(key, frozenset()) - gone.get(key, set())) | come.get(key, set())
                if now:
                    postings[key] = frozenset(now)
                else:
                    postings.pop(key, None)
        names = maps.pop(None)
        return Lookups(names, {facet: postings for facet, postings in maps.items() if facet is not None})


@dataclass(frozen=True)
class ReadModel:
    collections: dict[str, Collection]
    documents: Documents
    zones: ZoneProfiles
    lookups: Lookups

    @classmethod
    def of(cls, collections: dict[str, Collection], documents: Documents) -> ReadModel:
        """The model of these collections, with the indexes derived from them. O(members)."""
        return cls(collections, documents, ZoneProfiles.of(collections), Lookups.of(collections))

    @classmethod
    def read(cls, select: Select) -> ReadModel:
        """The whole model, read from the store. O(store): one scan per class and property."""
        return cls.of({name: Collection.read(select, name) for name in ENTITY_CLASSES}, Documents.read(select))

    def refreshed(self, select: Select, iris: set[str]) -> ReadModel:
        """A model with everything about ``iris`` (see :func:`touched`) re-read from the
        store. O(facts about them): each query starts from their ``VALUES``."""
        if not iris:
            return self
        fresh = Refresh.read(select, iris, self.collections["zones"].typed & iris)
        collections = {name: old.replaced(fresh.iris, fresh.collections[name]) for name, old in self.collections.items()}
        return ReadModel(collections, self.documents.replaced(fresh.iris, fresh.documents),
                         self.zones.replaced(self.collections, collections, fresh.iris),
                         self.lookups.replaced(self.collections, collections, fresh.iris))


@dataclass(frozen=True)
class Refresh:
    """What a write changed, read again from the store: the members to replace (``iris``) and
    what they are now (each collection's and the documents' fresh members). O(facts about
    them), whatever the model's size, so a model held in pieces is refreshed piece by piece."""

    iris: set[str]
    collections: dict[str, Collection]
    documents: Documents

    @classmethod
    def read(cls, select: Select, iris: set[str], were_zones: set[str] | frozenset[str]) -> Refresh:
        """Re-read ``iris``; ``were_zones`` are those of them the model held as zones."""
        classes: dict[str, set[str]] = {}
        for iri, term in _pairs(select, "?e a ?v", iris):
            classes.setdefault(term[1], set()).add(iri)
        of_class = {name: classes.get(_expand(class_), set()) for name, class_ in ENTITY_CLASSES.items()}
        # A zone that starts or stops being one changes the zone facet of the targets it links.
        regrouped = set(were_zones) ^ of_class["zones"]
        if regrouped:
            linked = {term[1] for _, term in _pairs(select, "?e zk:hasTarget ?v", regrouped)} - iris
            of_class["targets"] |= {i for i, _ in _pairs(select, "?e a zk:Target . BIND(true AS ?v)", linked)}
            iris = iris | linked
        documents = classes.get(_expand("zk:Document"), set())
        return cls(iris,
                   {name: Collection.read(select, name, chosen) if chosen else Collection([], {})
                    for name, chosen in of_class.items()},
                   Documents.read(select, documents) if documents else Documents([], frozenset()))


READY_WAIT = 10.0
"""How long a request waits for the first read model before it is told to come back (503)."""


class Current:
    """The service's current read model. Until the first one is in place (read at start, or
    again after a write it could not follow), requests wait up to :data:`READY_WAIT`
    seconds, then get :class:`~zonekg.graph.errors.Starting`."""

    def __init__(self) -> None:
        self._model: ReadModel | None = None
        self._ready = threading.Event()

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for a model; whether there is one."""
        return self._ready.wait(seconds)

    def get(self, wait: float | None = None) -> ReadModel:
        if not self._ready.wait(READY_WAIT if wait is None else wait) or self._model is None:
            raise Starting("the service is reading its store's names and counts; ask again in a few seconds")
        return self._model

    def install(self, model: ReadModel) -> None:
        self._model = model
        self._ready.set()

    def clear(self) -> None:
        self._ready.clear()
        self._model = None
