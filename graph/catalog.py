"""The everyday questions as Python calls: lists and details of zones, agencies, companies,
industries, projects and targets, with the quotes they came from; search, triple patterns,
resources and documents.

Both the REST API and the pages read the graph through this module, so what a user sees on a
page and what a script gets over HTTP are the same facts. Every user value is bound as a
SPARQL parameter (:class:`~zonekg.graph.terms.Param`), never pasted into query text.

Oxigraph only accepts a substitution for a variable that the outermost SELECT projects, so
every query here projects its parameters (and groups by them when it aggregates); they are
constants, so this changes no answer. IRIs that *are* written into query text (``VALUES``
lists) were read from the store first, never taken from a request.
"""
from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zonekg.graph.errors import Starting
from zonekg.graph.executor import GraphResult, QueryError, QueryResult, SelectResult
from zonekg.graph.memo import GenerationMemo
from zonekg.graph.read_model import (
    ENTITY_CLASSES, FACET_VALUE_COLLECTIONS, FACETS, NAMED_COLLECTIONS, TEXT_SEPARATOR, Collection, Current, Documents,
    ZoneProfiles, number, term_order, top,
)
from zonekg.graph.results import term_json
from zonekg.graph.store import GraphStore
from zonekg.graph.terms import Param, TermTuple, bound, is_iri, plain
from zonekg.ontology import ID, PREFIXES, ZK

Runner = Callable[[str, dict[str, Param] | None], QueryResult]
"""Runs a read query: :meth:`QueryExecutor.run` in the service, :func:`local_runner` in-process."""

COLLECTION_OF_CLASS = {f"{ZK}{cls[3:]}": name for name, cls in ENTITY_CLASSES.items()}

ID_KINDS = ("zone", "agency", "company", "industry", "project", "target", "document")
"""First path segment after ``…/id/`` of each kind of IRI zonekg mints."""

MAX_LIMIT = 500
MAX_PROPERTIES = 1000
"""How many statements about one resource :meth:`Catalog.resource` shows at most."""

ZONE_LINKS = {
    "zones": "?e zk:partOf+ ?zs .",
    "projects": "?e zk:locatedIn ?zs .",
    "agencies": "?pr zk:locatedIn ?zs ; zk:leadAgency|zk:participatingAgency ?e .",
    "companies": "?pr zk:locatedIn ?zs ; zk:involvesCompany ?e .",
    "industries": "{ ?zs zk:focusIndustry ?e } UNION { ?pr zk:locatedIn ?zs ; zk:industry ?e }",
    "targets": "?zs zk:hasTarget ?e .",
}
"""How a member ``?e`` of each collection belongs to ``?zs``, the zone of the ``zone=`` filter
or one of its parks (transitively; for zones, ``?zs`` is the zone itself)."""


HELD_FILTERS = {"lead": "lead_agency", "zone": "zone", "industry": "industry"}
"""Project filters answered from the read model's facet links: filter → facet (each facet's
pattern is the filter's: ``?e zk:leadAgency``, ``zk:locatedIn`` one of the zone's scope,
``zk:industry``)."""


def local_runner(store: GraphStore) -> Runner:
    """A runner over an open store in this process (CLI, tests); no time limit."""
    return lambda sparql, params: store.query(sparql, params)


def resolve_iri(value: str) -> str | None:
    """The IRI a user means by ``value``, or None when it is a name.

    Accepted: a full IRI (``https://w3id.org/zonekg/id/zone/高新区``, optionally in ``<…>``), a
    prefixed name with one of zonekg's prefixes (``zk:leadAgency``), or the path after ``/id/``
    (``zone/高新区``, ``agency/某某区管委会/经发局``).
    """
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if value.startswith(("http://", "https://", "urn:")):
        return value
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and "/" not in prefix:
        return PREFIXES[prefix] + local
    kind, slash, rest = value.partition("/")
    if slash and rest and kind in ID_KINDS:
        return ID + value
    return None


def _ref(iri: TermTuple | None, label: TermTuple | None) -> dict[str, str | None]:
    return {"id": plain(iri), "name": plain(label)}


@dataclass
class ListFilter:
    """Optional filters of a list. Entity filters take a name, any alias, or an IRI.

    ``q``: text in a name or alias; ``name``: this exact name or alias (or IRI); ``document``: a document file name; ``zone``: members
    belonging to the zone or its parks; projects only: ``lead``/``participant`` (agencies,
    ``administration`` narrowing the lead to one administration), ``agency`` (either role),
    ``industry``.
    """

    q: str | None = None
    name: str | None = None
    document: str | None = None
    zone: str | None = None
    lead: str | None = None
    participant: str | None = None
    administration: str | None = None
    agency: str | None = None
    industry: str | None = None

    def key(self) -> tuple[str | None, ...]:
        """The filter as a hashable value (memo key)."""
        return tuple(vars(self).values())


class _Query:
    """The parameters of one query under construction, named ``?p0``, ``?p1`` …"""

    def __init__(self) -> None:
        self.params: dict[str, Param] = {}
        self._fresh = 0

    def bind(self, param: Param) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = param
        return f"?{name}"

    @property
    def projected(self) -> str:
        """The parameter variables, to append to SELECT and GROUP BY (see the module doc)."""
        return " ".join(f"?{name}" for name in self.params)

    def fresh(self) -> str:
        self._fresh += 1
        return f"?v{self._fresh}"

    @staticmethod
    def one_of(var: str, iris: tuple[str, ...]) -> str:
        """``VALUES var { … }`` over IRIs read from the store (never a request's text)."""
        return f"VALUES {var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def _records(result: QueryResult) -> list[dict[str, TermTuple | None]]:
    """The rows of a catalog query's answer; a QueryError when the row cap cut them."""
    assert isinstance(result, SelectResult), "catalog queries are SELECT queries"
    if result.truncated:
        raise QueryError(
            f"the read model's query hit the row cap of {len(result.rows)} rows; "
            "page through the data instead"
        )
    return result.records()


def _triples_query(
    s: str | None, p: str | None, o: Param | None, limit: int, offset: int
) -> tuple[str, dict[str, Param] | None]:
    """The query of one page of :meth:`Catalog.triples` (one row more than the page: whether
    more follow) and its parameters."""
    params: dict[str, Param] = {}
    head, filters = ["?s", "?p", "?o"], ""
    for var, iri in (("s", s), ("p", p)):
        if iri is not None:
            params[var] = Param.iri(iri)
    if o is not None and o.is_iri:
        params["o"] = o
    elif o is not None:
        params["text"] = o
        head.append("?text")
        filters = "FILTER(isLiteral(?o) && STR(?o) = ?text)"
    sparql = f"SELECT {' '.join(head)} WHERE {{ ?s ?p ?o {filters} }} LIMIT {int(limit) + 1} OFFSET {int(offset)}"
    return sparql, params or None


def _triples_page(
    rows: list[dict[str, TermTuple | None]], limit: int
) -> tuple[list[dict[str, dict[str, str]]], bool]:
    """The page's triples as SPARQL JSON terms, and whether more follow (a row past ``limit``)."""
    triples = [{k: term_json(term) for k in ("s", "p", "o") if (term := r[k])} for r in rows[:limit]]
    return triples, len(rows) > limit


def _documents_page(found: Documents, limit: int, offset: int) -> tuple[list[dict], int]:
    """One page of the documents (copies: the model's rows are shared) and their count."""
    return [dict(row) for row in found.rows[offset:offset + limit]], len(found.typed)


class Catalog:
    """Read model over the graph for the REST API and the pages."""

    def __init__(self, run: Runner, generation: Callable[[], int] | None = None, model: Current | None = None,
                 at_once: Callable[[str, dict[str, Param] | None], QueryResult | None] | None = None) -> None:
        """``generation`` (the service's write counter) turns on memoised answers: each list,
        count, facet set and detail is computed once per generation. ``model`` is the read
        model the service keeps up to date (:mod:`~zonekg.graph.read_model`): the order of
        each collection, its unfiltered facets and the document list come from it. Without
        them (CLI, tests, the benchmark's ceiling) every call asks the store. ``at_once``
        answers a query on the calling thread when its cost allows, None when it does not
        (:meth:`~zonekg.graph.executor.LimitedPool.run_at_once`)."""
        self._run = run
        self._at_once = at_once
        self._answers = GenerationMemo(generation) if generation else None
        self._model = model

    def _cached(self, memo: GenerationMemo | None, key: tuple, compute: Callable[[], Any]) -> Any:
        return memo.get(key, compute) if memo is not None else compute()

    def select(self, sparql: str, params: dict[str, Param] | None = None) -> list[dict[str, TermTuple | None]]:
        return _records(self._run(sparql, params))

    def _select(self, query: _Query, head: str, body: str, tail: str = "") -> list[dict[str, TermTuple | None]]:
        """``SELECT head ?p… WHERE { body } tail`` with the query's parameters projected."""
        return self.select(f"SELECT {head} {query.projected} WHERE {{ {body} }} {tail}", query.params or None)

    # -- names -------------------------------------------------------------------------
    def named(self, value: str) -> tuple[str, ...]:
        """The IRIs of the entities ``value`` names: its IRI (if the store has it), or every
        entity with this name or alias. O(matches): label look-ups use the store's index."""
        query = _Query()
        iri = resolve_iri(value)
        if iri is not None:
            node = query.bind(Param.iri(iri))
            rows = self._select(query, "", f"{{ {node} ?p ?o }} UNION {{ ?s ?p {node} }}", "LIMIT 1")
            return (iri,) if rows else ()
        # Names are @zh; a plain literal is tried too. Both are bound constants, so each is an
        # index look-up, never a scan of every label with a FILTER.
        tagged, bare = query.bind(Param(value, language="zh")), query.bind(Param(value))
        rows = self._select(
            query, "DISTINCT ?x",
            f"{{ ?x rdfs:label|skos:altLabel {tagged} }} UNION {{ ?x rdfs:label|skos:altLabel {bare} }}",
            "ORDER BY ?x",
        )
        return tuple(bound(r["x"]) for r in rows)

    def zone_scope(self, zones: tuple[str, ...]) -> tuple[str, ...]:
        """The zones and their parks, transitively. O(parks)."""
        if not zones:
            return ()
        rows = self.select(f"SELECT DISTINCT ?zs WHERE {{ {_Query.one_of('?z', zones)} ?zs zk:partOf* ?z }}")
        return tuple(sorted({bound(r["zs"]) for r in rows} | set(zones)))

    # -- lists ---------------------------------------------------------------------------
    def _where(self, collection: str, flt: ListFilter, query: _Query) -> str | None:
        """The pattern of the members of ``collection`` that pass ``flt``; None when a filter
        names nothing, so the answer is empty without asking the store.

        Every entity filter is looked up once (:meth:`named`) and joined on ``VALUES``, so the
        store starts from the named entity and walks out to the members: cost grows with the
        answer, not with the store. (A ``FILTER EXISTS`` per member was the old way: it tried
        every member of the class, 4,425 ms against 51 ms for the same rows.)
        """
        lines: list[str] = []
        if flt.name:
            found = self.named(flt.name)
            if not found:
                return None
            lines.append(_Query.one_of("?e", found))
        if flt.zone:
            zones = self.named(flt.zone)
            if not zones:
                return None
            scope = zones if collection == "zones" else self.zone_scope(zones)
            lines.append(f"{_Query.one_of('?zs', scope)} {ZONE_LINKS[collection]}")
        if flt.lead or flt.administration:
            clause = self._lead_clause(flt)
            if clause is None:
                return None
            lines.append(clause)
        for i, (value, pattern) in enumerate((
            (flt.participant, "?e zk:participatingAgency ?x{i} ."),
            (flt.agency, "?e zk:leadAgency|zk:participatingAgency ?x{i} ."),
            (flt.industry, "?e zk:industry ?x{i} ."),
        )):
            if value:
                found = self.named(value)
                if not found:
                    return None
                lines.append(f"{_Query.one_of(f'?x{i}', found)} {pattern.format(i=i)}")
        if flt.document:
            graphs = self._document_graphs(flt.document)
            if not graphs:
                return None
            lines.append(f"{_Query.one_of('?g', graphs)} GRAPH ?g {{ ?e a {ENTITY_CLASSES[collection]} }}")
        lines.append(f"?e a {ENTITY_CLASSES[collection]} .")
        lines.append("?e zk:metric ?label ." if collection == "targets" else "?e rdfs:label ?label .")
        if flt.q:
            text = query.fresh()
            lines.append(
                f"FILTER EXISTS {{ ?e rdfs:label|skos:altLabel|zk:text {text} "
                f"FILTER(CONTAINS(LCASE(STR({text})), {query.bind(Param(flt.q.lower()))})) }}"
            )
        return "\n".join(lines)

    def _lead_clause(self, flt: ListFilter) -> str | None:
        """The pattern of a member led by ``flt.lead`` and/or by an agency part of
        ``flt.administration``; None when either names nothing."""
        clause = "?e zk:leadAgency ?lead ."
        if flt.lead:
            leads = self.named(flt.lead)
            if not leads:
                return None
            clause = f"{_Query.one_of('?lead', leads)} {clause}"
        if flt.administration:
            administrations = self.named(flt.administration)
            if not administrations:
                return None
            clause += f" ?lead zk:partOf ?adm . {_Query.one_of('?adm', administrations)}"
        return clause

    def _document_graphs(self, document: str) -> tuple[str, ...]:
        """The named graph of a document given by file name or IRI. O(1)."""
        iri = resolve_iri(document)
        query = _Query()
        if iri is not None:
            graph = query.bind(Param.iri(iri))
            rows = self._select(query, "", f"{graph} a zk:Document", "LIMIT 1")
            return (iri,) if rows else ()
        rows = self._select(query, "DISTINCT ?g", f"?g zk:fileName {query.bind(Param(document))}")
        return tuple(bound(r["g"]) for r in rows)

    def order(self, collection: str) -> Collection:
        """Every member of ``collection`` in list order (by name, then IRI), with the forms
        search and ``q`` match: from the service's read model (kept up to date by the writes),
        else read from the store, O(members)."""
        if self._model is not None:
            return self._model.get().collections[collection]
        return Collection.read(self.select, collection)

    def zone_profiles(self) -> ZoneProfiles:
        """Each zone's industries and metrics, both ways (what comparing zones needs): the
        service's read model keeps them up to date; without it they are read from the store,
        O(zones + projects + targets)."""
        if self._model is not None:
            return self._model.get().zones
        return ZoneProfiles.of({name: Collection.read(self.select, name) for name in ("zones", "projects", "targets")})

    def warm(self, stop: Callable[[], bool] = lambda: False) -> None:
        """Compute what a first visitor asks for (every collection's first page and facets,
        the index its ``q`` filter searches) so no request pays for it; the service calls this
        after start and each write. ``stop`` is checked between collections (the service is
        closing)."""
        for collection in ENTITY_CLASSES:
            if stop():
                return
            self.list(collection, ListFilter(), 50, 0)
            if self._model is not None:
                self.order(collection).text  # noqa: B018 (built once per collection, kept by it)
            if collection in FACETS:
                self.facets(collection, ListFilter())

    def members(self, collection: str, flt: ListFilter) -> list[str]:
        """The IRIs of the members that pass ``flt``, in list order. O(answer log answer) for
        entity filters (in memory for a project's lead, zone, industry; others join from the
        named entity in the store); for ``q`` alone O(characters of the collection's texts)
        in C (:class:`~zonekg.graph.read_model.TextIndex`) and O(answer) in Python, with
        another filter O(that filter's answer); O(1) for no filter at all (the order itself)."""
        order = self.order(collection)
        if flt == ListFilter():
            return order.iris

        def compute() -> list[str]:
            joined = ListFilter(**{**vars(flt), "q": None})
            held = self._held(collection, joined)
            if joined == ListFilter():
                found = order.iris
            elif held is not None:
                found = order.in_order(held)
            else:
                where = self._where(collection, joined, _Query())
                if where is None:
                    return []
                rows = self.select(f"SELECT DISTINCT ?e WHERE {{ {where} }}")
                found = order.in_order(bound(r["e"]) for r in rows)
            if flt.q:
                needle = flt.q.lower()
                if found is order.iris and TEXT_SEPARATOR not in needle:
                    return order.text.containing(needle)
                found = [i for i in found if any(needle in t for t in order.members[i].texts)]
            return found
        return self._cached(self._answers, ("members", collection, flt.key()), compute)

    def _held(self, collection: str, flt: ListFilter) -> set[str] | None:
        """The members passing ``flt`` from the read model's lookups (:class:`Lookups`) when
        every filter it sets is one the model keeps (a project's lead, zone, industry); None
        otherwise. O(answer): the names and the members of each named entity are looked up in
        memory (an IRI or a name with cased letters in the store), a zone's parks in the store."""
        chosen = {k: v for k, v in vars(flt).items() if v}
        if self._model is None or collection != "projects" or not chosen or chosen.keys() - HELD_FILTERS.keys():
            return None
        lookups = self._model.get().lookups
        found: set[str] | None = None
        for key, value in chosen.items():
            named = None if resolve_iri(value) is not None else lookups.named(value)
            entities = tuple(sorted(named)) if named is not None else self.named(value)
            if key == "zone":
                entities = self.zone_scope(entities)
            holders = lookups.holders[HELD_FILTERS[key]]
            held = set().union(*(holders.get(i, ()) for i in entities))
            found = held if found is None else found & held
        return found

    def count(self, collection: str, flt: ListFilter) -> int:
        return len(self.members(collection, flt))

    def refs(self, collection: str, flt: ListFilter, limit: int, offset: int = 0) -> list[dict[str, str | None]]:
        """``{"id", "name"}`` of one page of a collection, ordered by name. O(page) once the
        members are known."""
        members = self.order(collection).members
        return [{"id": iri, "name": members[iri].name} for iri in self.members(collection, flt)[offset:offset + limit]]

    def list(self, collection: str, flt: ListFilter, limit: int, offset: int) -> tuple[list[dict], int]:
        """One page of a collection (full items) and the total count. O(page) + members."""
        def compute() -> tuple[list[dict], int]:
            page = self.refs(collection, flt, limit, offset)
            return self.describe(collection, [r["id"] for r in page if r["id"]]), self.count(collection, flt)
        return self._cached(self._answers, ("list", collection, flt.key(), limit, offset), compute)

    def facets(self, collection: str, flt: ListFilter) -> dict[str, builtins.list[dict]]:
        """Counts of the filtered members by each facet of the collection (most frequent first).
        O(answer · facet links): the filters join from the named entities, as for members."""
        return self._cached(self._answers, ("facets", collection, flt.key()), lambda: self._facets(collection, flt))

    def _facets(self, collection: str, flt: ListFilter) -> dict[str, builtins.list[dict]]:
        """With the read model: unfiltered, its counts, O(values); filtered, the facet values
        it keeps for each member that passes, O(answer) in memory (a GROUP BY over the members
        of a ``q`` filter took 12 s on 1,000 documents under load). Without it: one GROUP BY
        per facet, O(answer · facet links). Either way ranked here (count, then value), so
        every backend shows the same values in the same order."""
        out: dict[str, list[dict]] = {}
        for facet, link in FACETS.get(collection, {}).items():
            if flt == ListFilter() and self._model is not None:
                ranked = self.order(collection).top(facet)
            elif self._model is not None:
                values = self.order(collection).facets.get(facet, {})
                ranked = top(Counter(v for iri in self.members(collection, flt) for v in values.get(iri, ())))
            else:
                query = _Query()
                where = self._where(collection, flt, query)
                if where is None:
                    out[facet] = []
                    continue
                rows = self._select(query, "?f (COUNT(DISTINCT ?e) AS ?n)", f"{where} {link}",
                                    f"GROUP BY ?f {query.projected}")
                ranked = top(Counter({r["f"]: int(plain(r["n"]) or 0) for r in rows if r["f"] is not None}))
            names = self._names(FACET_VALUE_COLLECTIONS.get(facet), [v[1] for v, _ in ranked if v[0] == "uri"])
            out[facet] = [self._facet_value(value, count, names) for value, count in ranked]
        return out

    def _names(self, collection: str | None, iris: builtins.list[str]) -> dict[str, str]:
        """The names (least label) of ``iris``: from the read model, else read. O(len(iris))."""
        if not iris or collection is None:
            return {}
        if self._model is not None:
            members = self.order(collection).members
            return {i: members[i].name for i in iris if i in members}
        names: dict[str, str] = {}
        for row in self.select(f"SELECT ?f ?l WHERE {{ {_Query.one_of('?f', tuple(iris))} ?f rdfs:label ?l }}"):
            iri, label = bound(row["f"]), bound(row["l"])
            if iri not in names or label < names[iri]:
                names[iri] = label
        return names

    @staticmethod
    def _facet_value(value: TermTuple, count: int, names: dict[str, str]) -> dict:
        if value[0] == "uri":
            return {"id": value[1], "name": names.get(value[1]), "count": count}
        return {"value": number(value) if value[3] else plain(value), "count": count}

    # -- details -------------------------------------------------------------------------
    def kinds(self, iri: str) -> builtins.list[str]:
        """The collections ``iri`` belongs to (empty when it is no entity of the store, or no
        IRI at all). O(1)."""
        if not is_iri(iri):
            return []
        query = _Query()
        subject = query.bind(Param.iri(iri))
        rows = self._select(query, "?cls", f"{subject} a ?cls")
        return [COLLECTION_OF_CLASS[c] for c in (plain(r["cls"]) for r in rows) if c in COLLECTION_OF_CLASS]

    def entity(self, collection: str, iri: str) -> dict | None:
        """The full item of ``iri`` if it is a member of ``collection``. O(its statements)."""
        def compute() -> dict | None:
            if collection not in self.kinds(iri):
                return None
            return self.describe(collection, [iri])[0]
        return self._cached(self._answers, ("entity", collection, iri), compute)

    def describe(self, collection: str, iris: builtins.list[str]) -> builtins.list[dict]:
        """Full REST items for ``iris`` (read from the store, all of one collection), in order.
        O(statements about them): four or five queries, each joined from ``VALUES`` of ``iris``."""
        if not iris:
            return []
        values = "VALUES ?e { " + " ".join(f"<{i}>" for i in iris) + " }"
        items: dict[str, dict[str, Any]] = {i: {"id": i, "name": None, "aliases": [], "sources": []} for i in iris}
        self._add_names(items, values)
        # A target's evidence is the statement "zone hasTarget target": the target is its object.
        self._add_sources(items, values, "rdf:object" if collection == "targets" else "rdf:subject")
        if collection == "projects":
            self._add_project_details(items, values)
        elif collection == "targets":
            self._add_target_details(items, values)
        return [items[i] for i in iris]

    def _add_names(self, items: dict[str, dict], values: str) -> None:
        """Documents may spell one entity differently (区商务局 and 商务局 are one agency): the
        least label is its name, as in lists, and the others are aliases."""
        for row in self.select(
            f"SELECT ?e ?name ?alias WHERE {{ {values} {{ ?e rdfs:label ?name BIND(false AS ?alias) }} "
            "UNION { ?e skos:altLabel ?name BIND(true AS ?alias) } } ORDER BY ?e ?alias STR(?name)"
        ):
            item, name = items[bound(row["e"])], bound(row["name"])
            if item["name"] is None:
                item["name"] = name
            elif name != item["name"] and name not in item["aliases"]:
                item["aliases"].append(name)

    def _add_sources(self, items: dict[str, dict], values: str, role: str) -> None:
        rows = self.select(
            f"""SELECT ?e ?file ?quote ?block WHERE {{ {values}
              GRAPH ?g {{ ?ev {role} ?e ; zk:passage ?passage .
                          ?passage zk:quote ?quote ; zk:blockIndex ?block . }}
              ?g zk:fileName ?file .
            }} ORDER BY ?e ?file ?block"""
        )
        seen: set[tuple[str, str]] = set()
        for row in rows:
            key = (bound(row["e"]), bound(row["file"]))
            if key in seen:
                continue
            seen.add(key)
            items[key[0]]["sources"].append({"document": key[1], "quote": plain(row["quote"])})

    def _add_project_details(self, items: dict[str, dict], values: str) -> None:
        for item in items.values():
            item.update(zone=None, lead_agencies=[], participating_agencies=[],
                        industries=[], investment_cny=None, area_m2=None)
        links = {
            "zk:leadAgency": "lead_agencies",
            "zk:participatingAgency": "participating_agencies",
            "zk:industry": "industries",
            "zk:locatedIn": "zone",
        }
        # One branch per property, each starting from the items: a ``VALUES ?p`` joined with
        # ``?e ?p ?o`` made Oxigraph walk every statement of the four properties (0.15-0.2 CPU-s
        # for a page at 1,000 documents, 50x this).
        branches = " UNION ".join(f"{{ ?e {p} ?o BIND({p} AS ?p) }}" for p in links)
        rows = self.select(
            f"""SELECT DISTINCT ?e ?p ?o ?label WHERE {{ {values}
              {{ {branches} }} OPTIONAL {{ ?o rdfs:label ?label }}
            }} ORDER BY ?e ?p STR(?label)"""
        )
        # An entity that documents spell differently has a row per label: its first (least)
        # label names it once, as in lists.
        seen: set[tuple[str, str, str | None]] = set()
        for row in rows:
            key = "zk:" + bound(row["p"]).rsplit("#", 1)[1]
            ref = _ref(row["o"], row["label"])
            item = items[bound(row["e"])]
            if (item["id"], key, ref["id"]) in seen:
                continue
            seen.add((item["id"], key, ref["id"]))
            if links[key] == "zone":
                item["zone"] = item["zone"] or ref
            else:
                item[links[key]].append(ref)
        for row in self.select(
            f"""SELECT ?e ?inv ?area WHERE {{ {values}
              OPTIONAL {{ ?e zk:totalInvestment ?inv }} OPTIONAL {{ ?e zk:floorArea ?area }} }}"""
        ):
            item = items[bound(row["e"])]
            item["investment_cny"] = item["investment_cny"] or number(row["inv"])
            item["area_m2"] = item["area_m2"] or number(row["area"])

    def _add_target_details(self, items: dict[str, dict], values: str) -> None:
        for row in self.select(
            f"""SELECT ?e ?metric ?kind ?value ?unit ?year ?text ?zone ?zoneLabel WHERE {{ {values}
              ?e zk:metric ?metric ; zk:targetKind ?kind ; zk:value ?value ; zk:unit ?unit .
              OPTIONAL {{ ?e zk:targetYear ?year }} OPTIONAL {{ ?e zk:text ?text }}
              OPTIONAL {{ ?zone zk:hasTarget ?e ; a zk:Zone ; rdfs:label ?zoneLabel }}
            }}"""
        ):
            item = items[bound(row["e"])]
            item.update(
                name=plain(row["metric"]),
                metric=plain(row["metric"]),
                kind=plain(row["kind"]),
                value=number(row["value"]),
                unit=plain(row["unit"]),
                year=number(row["year"]),
                text=plain(row["text"]),
                zone=_ref(row["zone"], row["zoneLabel"]) if row["zone"] else None,
            )

    def zone(self, iri: str) -> dict | None:
        """A zone with what belongs to it: parks, industries, targets, projects and agencies
        (the first 500 of each). O(what belongs to it): each part joins from the zone."""
        def compute() -> dict | None:
            found = self.entity("zones", iri)
            if found is None:
                return None
            item = dict(found)
            within = ListFilter(zone=iri)
            item["parks"] = self.refs("zones", within, MAX_LIMIT)
            item["industries"] = self.refs("industries", within, MAX_LIMIT)
            item["agencies"] = self.refs("agencies", within, MAX_LIMIT)
            item["projects"] = self.refs("projects", within, MAX_LIMIT)
            item["targets"], _ = self.list("targets", within, MAX_LIMIT, 0)
            return item
        return self._cached(self._answers, ("zone", iri), compute)

    # -- search --------------------------------------------------------------------------
    def search(self, text: str, limit: int, offset: int) -> tuple[builtins.list[dict], int]:
        """Entities of every named kind whose name or an alias contains ``text``, ranked:
        exact match, then prefix, then anywhere; shorter names first within a rank.
        O(named entities) in memory over the cached orders, O(page) in the store (one query
        for the page's aliases); each page is kept per generation."""
        def compute() -> list[tuple[int, int, str, str, str]]:
            needle = text.lower()
            found: dict[str, tuple[int, int, str, str, str]] = {}
            for kind in NAMED_COLLECTIONS:
                for iri, member in self.order(kind).members.items():
                    matching = [f for f in member.forms if needle in f]
                    if not matching or iri in found:
                        continue
                    rank = min(0 if f == needle else 1 if f.startswith(needle) else 2 for f in matching)
                    found[iri] = (rank, min(map(len, matching)), member.name, iri, kind)
            return sorted(found.values())

        def page() -> tuple[builtins.list[dict], int]:
            ranked = self._cached(self._answers, ("search", text), compute)
            ranks = ("exact", "prefix", "contains")
            hits = [{"id": iri, "name": name, "kind": kind, "match": ranks[rank]}
                    for rank, _, name, iri, kind in ranked[offset:offset + limit]]
            if hits:
                named: dict[str, dict] = {hit["id"]: {"name": None, "aliases": []} for hit in hits}
                self._add_names(named, "VALUES ?e { " + " ".join(f"<{i}>" for i in named) + " }")
                for hit in hits:
                    hit["aliases"] = named[hit["id"]]["aliases"]
            return hits, len(ranked)
        return self._cached(self._answers, ("search page", text, limit, offset), page)

    # -- triples and resources -----------------------------------------------------------
    def triples(
        self, s: str | None, p: str | None, o: Param | None, limit: int, offset: int
    ) -> tuple[builtins.list[dict[str, dict[str, str]]], bool]:
        """One page of the triples matching a pattern, and whether more follow.

        A page costs O(offset + limit) index steps, not O(store): the engine streams the
        pattern's index over the union (a set: no DISTINCT needed) and stops after the page. An
        ``ORDER BY`` here sorted every match before the first page (1.5 s unfiltered on the
        five samples, growing with the store), so pages come in the index's order instead,
        which is the same from page to page while the store is unchanged (a remote server
        keeps an order of its own). A literal ``o`` is compared by its text, so with neither
        ``s`` nor ``p`` given the scan runs over the statements until the page is full
        (O(store) when few match).

        ``s`` and ``p`` are IRIs; ``o`` an IRI, or a literal matched on its text alone
        (whatever its language or datatype). Terms come in the SPARQL JSON results shape.
        """
        return _triples_page(self.select(*_triples_query(s, p, o, limit, offset)), limit)

    def triples_at_once(
        self, s: str | None, p: str | None, o: Param | None, limit: int, offset: int
    ) -> tuple[builtins.list[dict[str, dict[str, str]]], bool] | None:
        """:meth:`triples` read on the calling thread, when the page is small enough to hold
        it (the event loop, which then takes no hop to a thread and back:
        :meth:`~zonekg.graph.executor.QueryExecutor.run_at_once`); None when it is not."""
        result = self._at_once(*_triples_query(s, p, o, limit, offset)) if self._at_once else None
        return None if result is None else _triples_page(_records(result), limit)

    def resource(self, iri: str) -> dict | None:
        """Everything said about ``iri``: its item if it is an entity, its statements and the
        statements pointing to it; None when the store never mentions it. O(s log s) for its
        s statements each way, at most :data:`MAX_PROPERTIES` of them shown each way: index
        look-ups, sorted here; the item comes from the details kept per generation."""
        query = _Query()
        node = query.bind(Param.iri(iri))
        outgoing = self._statements(query, "?p ?o", f"{node} ?p ?o", "?o")
        incoming = self._statements(query, "?s ?p", f"?s ?p {node}", "?s")
        if not outgoing and not incoming:
            return None
        kinds = self.kinds(iri)
        entity = self.entity(kinds[0], iri) if kinds else None
        item = {**(entity or {"id": iri}), "kinds": kinds}
        item["properties"] = [{"predicate": plain(r["p"]), "object": term_json(r["o"])} for r in outgoing if r["o"]]
        item["incoming"] = [{"subject": plain(r["s"]), "predicate": plain(r["p"])} for r in incoming]
        return item

    def _statements(self, query: _Query, head: str, pattern: str, other: str) -> builtins.list[dict]:
        """The first :data:`MAX_PROPERTIES` matches of ``pattern`` by predicate, then by the
        ``other`` end (:func:`term_order`). Read unordered and sorted here when they all fit:
        the engine's ORDER BY decodes both terms from disk at every comparison (23 ms for the
        397 statements pointing to a busy zone, against 2 ms read unordered); only a
        resource with more takes the engine's order to pick which to show."""
        rows = self._select(query, head, pattern, f"LIMIT {MAX_PROPERTIES + 1}")
        if len(rows) > MAX_PROPERTIES:
            rows = self._select(query, head, pattern, f"ORDER BY ?p {other} LIMIT {MAX_PROPERTIES}")
        name = other[1:]
        return sorted(rows, key=lambda r: (bound(r["p"]), term_order(r[name]) if r[name] else ()))

    def statements_about(self, iri: str) -> GraphResult:
        """The statements with ``iri`` as subject, as RDF (for JSON-LD and friends). O(them)."""
        result = self._run("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": Param.iri(iri)})
        assert isinstance(result, GraphResult)
        return result

    # -- documents -----------------------------------------------------------------------
    def documents(self, limit: int, offset: int) -> tuple[builtins.list[dict], int]:
        """One page of the ingested documents (by file name) and their count: a slice of the
        read model's list, else read from the store, O(documents)."""
        found = self._model.get().documents if self._model is not None else Documents.read(self.select)
        return _documents_page(found, limit, offset)

    def documents_at_once(self, limit: int, offset: int) -> tuple[builtins.list[dict], int] | None:
        """:meth:`documents` when the read model is in place now (a slice in memory, fit for
        the event loop); None when it is not: waiting for it, or reading the store, is a
        thread's work."""
        try:
            found = self._model.get(wait=0).documents if self._model is not None else None
        except Starting:
            return None
        return None if found is None else _documents_page(found, limit, offset)

    def document(self, file: str) -> dict | None:
        """A document's metadata, counts per kind, and every fact it states with its quote.
        O(its statements): the file name is looked up, not compared with every document's;
        computed once per generation (about a dozen queries), then kept like the details."""
        return self._cached(self._answers, ("document", file), lambda: self._document(file))

    def _document(self, file: str) -> dict | None:
        query = _Query()
        graphs = self._select(query, "DISTINCT ?g", f"?g zk:fileName {query.bind(Param(file))}")
        if not graphs:
            return None
        found = Documents.read(self.select, {bound(r["g"]) for r in graphs})
        doc = next((row for row in found.rows if row["file"] == file), None)
        if doc is None:
            return None
        graph = _Query()
        g = graph.bind(Param.iri(doc["id"]))
        counts = {name: 0 for name in ENTITY_CLASSES}
        for row in self._select(
            graph, "?cls (COUNT(DISTINCT ?m) AS ?n)",
            f"GRAPH {g} {{ {{ {g} zk:mentions ?m . ?m a ?cls }} UNION {{ {g} zk:hasTarget ?m . ?m a ?cls }} }}",
            f"GROUP BY ?cls {graph.projected}",
        ):
            kind = COLLECTION_OF_CLASS.get(bound(row["cls"]))
            if kind:
                counts[kind] = int(plain(row["n"]) or 0)
        doc["counts"] = counts
        doc["facts"] = self._facts(graph, g)
        return doc

    def _facts(self, query: _Query, graph: str) -> builtins.list[dict]:
        rows = self._select(
            query, "?ev ?s ?sl ?p ?o ?ol ?quote ?block",
            f"""GRAPH {graph} {{ ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; zk:passage ?passage .
                   ?passage zk:quote ?quote ; zk:blockIndex ?block . }}
               OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?o rdfs:label ?ol }}""",
            "ORDER BY ?block ?ev",
        )
        facts: dict[str, dict] = {}
        for row in rows:
            obj = row["o"]
            facts.setdefault(bound(row["ev"]), {
                "subject": _ref(row["s"], row["sl"]),
                "predicate": plain(row["p"]),
                "object": _ref(obj, row["ol"]) if obj and obj[0] == "uri" else {"value": plain(obj)},
                "quote": plain(row["quote"]),
                "block": number(row["block"]),
            })
        return list(facts.values())
