"""shapes.ttl: the mapping's output passes, broken graphs fail, the ingested samples pass, and
the shapes agree with the ontology's domains and ranges."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from zonekg.api.cli import main
from zonekg.api.commands import sample_corpus
from zonekg.graph.store import GraphStore, open_store
from zonekg.graph.validation import validate_document, validate_graph
from zonekg.loaders.pipeline import iter_files
from zonekg.ontology import ZK, ontology_path, shapes_path
from zonekg.ontology.iris import document_iri

zk = Namespace(ZK)
SH = Namespace("http://www.w3.org/ns/shacl#")
OWL_UNION = URIRef("http://www.w3.org/2002/07/owl#unionOf")


def test_hand_made_document_conforms(hand_graph: Graph) -> None:
    conforms, report = validate_graph(hand_graph)
    assert conforms, report


def one(g: Graph, p: URIRef, o: URIRef | None = None) -> URIRef:
    """The first subject, in IRI order, having ``p`` (with object ``o``): stable across runs."""
    return min(g.subjects(p, o))


def drop_label(g: Graph) -> None:
    g.remove((one(g, RDF.type, zk.Agency), RDFS.label, None))


def english_label(g: Graph) -> None:
    zone = one(g, RDF.type, zk.Zone)
    g.set((zone, RDFS.label, Literal("Qinglan High-tech Zone", lang="en")))


def second_label(g: Graph) -> None:
    g.add((one(g, RDF.type, zk.Company), RDFS.label, Literal("另一个名字", lang="zh")))


def text_value(g: Graph) -> None:
    g.set((one(g, RDF.type, zk.Target), zk.value, Literal("八点五")))


def no_value(g: Graph) -> None:
    g.remove((one(g, RDF.type, zk.Target), zk.value, None))


def unknown_kind(g: Graph) -> None:
    g.set((one(g, RDF.type, zk.Target), zk.targetKind, Literal("percentage")))


def ancient_year(g: Graph) -> None:
    g.set((one(g, zk.targetYear), zk.targetYear, Literal(1800, datatype=XSD.integer)))


def lead_agency_is_a_zone(g: Graph) -> None:
    project = one(g, RDF.type, zk.Project)
    g.set((project, zk.leadAgency, one(g, RDF.type, zk.Zone)))


def located_in_an_agency(g: Graph) -> None:
    project = one(g, RDF.type, zk.Project)
    g.set((project, zk.locatedIn, one(g, RDF.type, zk.Agency)))


def agency_part_of_a_zone(g: Graph) -> None:
    g.add((one(g, RDF.type, zk.Agency), zk.partOf, one(g, RDF.type, zk.Zone)))


def negative_investment(g: Graph) -> None:
    g.set((one(g, RDF.type, zk.Project), zk.totalInvestment, Literal("-5", datatype=XSD.decimal)))


def passage_without_quote(g: Graph) -> None:
    g.remove((one(g, RDF.type, zk.Passage), zk.quote, None))


def evidence_without_passage(g: Graph) -> None:
    g.remove((one(g, RDF.subject), zk.passage, None))


def evidence_read_from_an_entity(g: Graph) -> None:
    g.set((one(g, RDF.subject), zk.passage, one(g, RDF.type, zk.Project)))


def evidence_of_unasserted_fact(g: Graph) -> None:
    project = one(g, RDF.type, zk.Project)
    g.remove((project, zk.leadAgency, None))


def evidence_from_nowhere(g: Graph) -> None:
    g.set((one(g, RDF.type, zk.Passage), URIRef("http://www.w3.org/ns/prov#wasQuotedFrom"),
           URIRef("https://example.org/elsewhere")))


def document_without_file_name(g: Graph) -> None:
    g.remove((None, zk.fileName, None))


def unmentioned_entity(g: Graph) -> None:
    g.remove((None, zk.mentions, one(g, RDF.type, zk.Industry)))


def orphan_target(g: Graph) -> None:
    target = one(g, RDF.type, zk.Target)
    g.remove((None, zk.hasTarget, target))


def statistic_with_target_year(g: Graph) -> None:
    g.add((one(g, RDF.type, zk.Statistic), zk.targetYear, Literal(2019, datatype=XSD.integer)))


def target_and_statistic(g: Graph) -> None:
    g.add((one(g, RDF.type, zk.Target), RDF.type, zk.Statistic))


BREAKAGES: list[tuple[Callable[[Graph], None], str]] = [
    (drop_label, "rdfs:label"),
    (english_label, "rdfs:label"),
    (second_label, "rdfs:label"),
    (text_value, "zk:value"),
    (no_value, "zk:value"),
    (unknown_kind, "zk:targetKind"),
    (ancient_year, "zk:targetYear"),
    (lead_agency_is_a_zone, "neither a zk:Agency nor a zk:Company"),
    (located_in_an_agency, "not a zk:Zone"),
    (agency_part_of_a_zone, "zk:partOf"),
    (negative_investment, "zk:totalInvestment"),
    (passage_without_quote, "zk:quote"),
    (evidence_without_passage, "zk:passage"),
    (evidence_read_from_an_entity, "not a zk:Passage"),
    (evidence_of_unasserted_fact, "does not assert"),
    (evidence_from_nowhere, "not a zk:Document"),
    (document_without_file_name, "zk:fileName"),
    (unmentioned_entity, "mention"),
    (orphan_target, "exactly one document"),
    (statistic_with_target_year, "not a zk:Target"),
    (target_and_statistic, "both a goal"),
]


@pytest.mark.parametrize(("breakage", "expected"), BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES])
def test_broken_graph_fails(hand_graph: Graph, breakage: Callable[[Graph], None], expected: str) -> None:
    breakage(hand_graph)
    conforms, report = validate_graph(hand_graph)
    assert not conforms
    assert expected in report, report


def test_validate_document_reads_the_named_graph(
    store: GraphStore, hand_quads: list, hand_iri: str
) -> None:
    store.replace_document(hand_iri, hand_quads)
    assert validate_document(store, hand_iri) == (True, "Validation Report\nConforms: True\n")
    with pytest.raises(LookupError):
        validate_document(store, document_iri("no-such-file.txt"))


SAMPLES = [p.name for p in iter_files([sample_corpus()])]


def test_there_are_five_samples() -> None:
    assert len(SAMPLES) == 5


@pytest.mark.parametrize("file_name", SAMPLES)
def test_ingested_sample_conforms(sample_store: GraphStore, file_name: str) -> None:
    iri = document_iri(file_name)
    assert iri in sample_store.documents()
    conforms, report = validate_document(sample_store, iri)
    assert conforms, report


def test_cli_validate(
    tmp_path: Path, hand_quads: list, hand_iri: str, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = tmp_path / "store"
    assert main(["validate", "--store", str(directory)]) == 2  # no store there: probably a wrong path
    store = open_store(directory, create=True)
    store.replace_document(hand_iri, hand_quads)
    store.close()
    assert main(["validate", "--store", str(directory)]) == 0
    assert "1 conform, 0 failed" in capsys.readouterr().out

    broken = [q for q in hand_quads if q.predicate.value != f"{ZK}fileName"]
    store = open_store(directory, create=True)
    store.replace_document(hand_iri, broken)
    store.close()
    assert main(["validate", "--store", str(directory)]) == 1
    out = capsys.readouterr().out
    assert f"FAILED   {hand_iri}" in out and "zk:fileName" in out


# -- the shapes say what the ontology says ---------------------------------------------------


@pytest.fixture(scope="module")
def graphs() -> tuple[Graph, Graph]:
    return (Graph().parse(ontology_path(), format="turtle"),
            Graph().parse(shapes_path(), format="turtle"))


def shape_classes(shapes: Graph, shape: URIRef) -> set[URIRef]:
    """The classes a node shape requires: its sh:class, or the sh:class of each sh:or branch,
    or the classes whose own shape it is (a shape that checks a class's nodes by what they
    state, as zks:Evidence does for evidence, which carries no rdf:type, enforces that class
    on them)."""
    direct = set(shapes.objects(shape, SH["class"])) | set(shapes.objects(shape, SH.targetClass))
    branches = [b for lst in shapes.objects(shape, SH["or"]) for b in Collection(shapes, lst)]
    return direct | {c for b in branches for c in shapes.objects(b, SH["class"])}


def declared_classes(onto: Graph, cls: URIRef) -> set[URIRef]:
    """A named class with its subclasses, or the members of an owl:unionOf (with theirs)."""
    union = onto.value(cls, OWL_UNION)
    named = set(Collection(onto, union)) if union is not None else {cls}
    return named | {s for c in named for s in onto.transitive_subjects(RDFS.subClassOf, c)}


@pytest.mark.parametrize(("axiom", "target"), [(RDFS.domain, SH.targetSubjectsOf),
                                               (RDFS.range, SH.targetObjectsOf)])
def test_shapes_enforce_the_ontology(graphs: tuple[Graph, Graph], axiom: URIRef, target: URIRef) -> None:
    onto, shapes = graphs
    checked = 0
    for prop, cls in onto.subject_objects(axiom):
        is_datatype = (cls, RDF.type, RDFS.Datatype) in onto or cls == RDF.langString or cls.startswith(XSD)
        if not prop.startswith(ZK) or is_datatype:
            continue
        required = set().union(*(shape_classes(shapes, s) for s in shapes.subjects(target, prop)))
        assert required, f"no shape checks the {axiom.fragment} of {prop}"
        assert required <= declared_classes(onto, cls), f"{prop}: shapes require {required}, ontology says {cls}"
        checked += 1
    assert checked >= 10
