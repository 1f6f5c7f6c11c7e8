"""zonekg.ttl parses everywhere, describes itself, and declares every term the mapping emits."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from zonekg.graph.store import GraphStore
from zonekg.graph.rdflib_view import document_graph
from zonekg.ontology import ZK, ontology_path

zk = Namespace(ZK)
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
DCT = Namespace("http://purl.org/dc/terms/")
ONTOLOGY = URIRef("https://w3id.org/zonekg/ontology")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def zk_terms(g: Graph) -> set[URIRef]:
    """Every zk: IRI the graph uses as a predicate or as a class (object of rdf:type)."""
    used = {p for p in g.predicates()} | set(g.objects(None, RDF.type))
    return {t for t in used if isinstance(t, URIRef) and t.startswith(ZK)}


def test_parses_with_rdflib_and_oxigraph_alike(onto: Graph) -> None:
    with ontology_path().open("rb") as f:
        oxi = list(ox.parse(f, format=ox.RdfFormat.TURTLE))
    assert len(oxi) == len(onto) > 200


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, OWL.versionInfo) is not None
    assert onto.value(ONTOLOGY, OWL.versionIRI) is not None
    assert onto.value(ONTOLOGY, DCT.license) is not None
    for prop in (DCT.title, DCT.description):
        assert {o.language for o in onto.objects(ONTOLOGY, prop)} == {"zh", "en"}


def assert_documented(onto: Graph, term: URIRef) -> None:
    languages = [o.language for o in onto.objects(term, RDFS.label)]
    assert sorted(languages) == ["en", "zh"], f"{term}: one @zh and one @en label, got {languages}"
    comments = list(onto.objects(term, RDFS.comment))
    assert len(comments) == 1 and len(str(comments[0])) > 20, f"{term}: one meaningful comment"


def test_every_zk_term_of_the_mapping_is_declared(onto: Graph, hand_graph: Graph) -> None:
    emitted = zk_terms(hand_graph)
    classes = {t for t in hand_graph.objects(None, RDF.type) if t.startswith(ZK)}
    assert len(emitted) >= 35, sorted(emitted)  # the fixture really exercises the mapping
    for term in emitted:
        expected = {OWL.Class} if term in classes else {OWL.ObjectProperty, OWL.DatatypeProperty}
        assert set(onto.objects(term, RDF.type)) & expected, f"{term} is not declared as {expected}"
        assert_documented(onto, term)


def test_object_and_datatype_properties_match_what_the_mapping_emits(
    onto: Graph, hand_graph: Graph
) -> None:
    for _, p, o in hand_graph:
        if not p.startswith(ZK):
            continue
        kind = OWL.DatatypeProperty if isinstance(o, Literal) else OWL.ObjectProperty
        assert (p, RDF.type, kind) in onto, f"{p} carries {o!r} but is not an {kind}"
        declared = onto.value(p, RDFS.range)
        if isinstance(o, Literal) and declared in (XSD.decimal, XSD.integer, XSD.string):
            # rdflib leaves the datatype of a plain literal unset; in RDF 1.1 it is xsd:string.
            assert (o.datatype or XSD.string) == declared and o.language is None, (
                f"{p}: {o!r} is not a {declared}"
            )
        if isinstance(o, Literal) and declared == RDF.langString:
            assert o.language == "zh", f"{p}: {o!r} should be tagged @zh"


def test_every_declared_zk_term_is_documented(onto: Graph) -> None:
    declared = {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(ZK)}
    core = {zk[n] for n in (
        "Document Zone Agency Company Project Industry Target Statistic Evidence Passage passage "
        "leadAgency participatingAgency locatedIn partOf focusIndustry industry involvesCompany "
        "hasTarget hasStatistic mentions mainZone issuer metric targetKind value unit targetYear "
        "text referenceYear totalInvestment floorArea task quote blockIndex fileName planYear "
        "indexNumber documentNumber"
    ).split()}
    assert core <= declared, sorted(core - declared)
    for term in declared:
        assert_documented(onto, term)


@pytest.mark.parametrize(("sub", "sup"), [
    (zk.Agency, ORG.Organization),
    (zk.Company, SCHEMA.Organization),
    (zk.Zone, SCHEMA.Place),
    (zk.Document, PROV.Entity),
    (zk.Project, PROV.Activity),
    (zk.Evidence, RDF.Statement),
    (zk.Evidence, PROV.Entity),
    (zk.Passage, PROV.Entity),
    (zk.Target, zk.Indicator),
    (zk.Statistic, zk.Indicator),
])
def test_class_alignment(onto: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize(("sub", "sup"), [
    (zk.mentions, SCHEMA.mentions),
    (zk.leadAgency, PROV.wasAssociatedWith),
    (zk.mainZone, zk.mentions),
    (zk.passage, PROV.wasDerivedFrom),
])
def test_property_alignment(onto: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, sup) in onto


def test_part_of_points_to_org_sub_organization(onto: Graph) -> None:
    assert onto.value(zk.partOf, RDFS.domain) is None and onto.value(zk.partOf, RDFS.range) is None
    assert ORG.subOrganizationOf in set(onto.objects(zk.partOf, RDFS.seeAlso))


@pytest.mark.parametrize(("prop", "datatype"), [
    (zk.value, XSD.decimal), (zk.totalInvestment, XSD.decimal), (zk.floorArea, XSD.decimal),
    (zk.targetYear, XSD.integer), (zk.referenceYear, XSD.integer), (zk.planYear, XSD.integer),
])
def test_numeric_ranges(onto: Graph, prop: URIRef, datatype: URIRef) -> None:
    assert onto.value(prop, RDFS.range) == datatype


def test_target_kind_enumerates_the_model(onto: Graph) -> None:
    from rdflib.collection import Collection

    from zonekg.loaders.extraction.model import TargetKind

    datatype = onto.value(zk.targetKind, RDFS.range)
    values = {str(v) for v in Collection(onto, onto.value(datatype, OWL.oneOf))}
    assert values == {k.value for k in TargetKind}


def test_ingested_samples_use_only_declared_terms(onto: Graph, sample_store: GraphStore) -> None:
    declared = {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef)}
    for iri in sample_store.documents():
        used = zk_terms(document_graph(sample_store, iri))
        assert used and used <= declared, sorted(used - declared)
