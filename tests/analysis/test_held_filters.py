"""Project lists filtered by lead, zone (with its parks) or industry are answered from the read
model's lookups (names and facet links): the same members as the store's join, and nothing read
from the store, however many projects the named entities have."""
from __future__ import annotations

from pathlib import Path

import pytest

from handmade import Plan, document, write_store
from plans import SIZES, CountingCatalog, build, read_model_of
from zonekg.graph.catalog import Catalog, ListFilter, local_runner
from zonekg.graph.store import open_store
from zonekg.loaders.extraction.model import Kind, Relation

FILTERS = [ListFilter(lead="经济发展局"), ListFilter(zone="青川第3经济开发区"), ListFilter(industry="生物医药"),
           ListFilter(zone="青川第3经济开发区", lead="财政局"), ListFilter(industry="新材料", lead="招商局"),
           ListFilter(lead="经济发展局", q="1号"), ListFilter(lead="没有这个部门")]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {n: build(tmp_path_factory.mktemp(f"plans-{n}"), n) for n in SIZES}


def test_held_filters_give_the_members_the_store_s_join_gives(stores: dict[int, Path]) -> None:
    store = open_store(stores[SIZES[0]])
    try:
        from_model = Catalog(local_runner(store), model=read_model_of(store))
        from_store = Catalog(local_runner(store))
        for flt in FILTERS:
            assert from_model.members("projects", flt) == from_store.members("projects", flt), flt
        assert len(from_model.members("projects", FILTERS[1])) == 4  # the zone's and its park's
        assert from_model.members("projects", FILTERS[-1]) == []
    finally:
        store.close()


def test_a_held_filter_reads_nothing_from_the_store(stores: dict[int, Path]) -> None:
    """生物医药 is one industry of projects in every fourth plan or so: the store's join reads
    each of them, the model's answer finds the name and the projects in memory."""
    for size in SIZES:
        store = open_store(stores[size])
        try:
            read = []
            for model in (read_model_of(store), None):
                catalog = CountingCatalog(local_runner(store), model=model)
                members = catalog.members("projects", ListFilter(industry="生物医药"))
                read.append(catalog.rows)
        finally:
            store.close()
        assert len(members) >= size // 4 and read[0] == 0 and read[1] > len(members), (size, read)


def test_a_name_filter_stays_exact_for_names_with_latin_letters(tmp_path: Path) -> None:
    """The model keeps names lower-cased (search ignores case), but a lead, zone or industry
    filter names an entity exactly, as the store's look-up does: ``ict产业局`` is not ``ICT产业局``,
    and an alias names the entity as its name does."""
    b = Plan("青川第9经济开发区", "青川第9开发区管委会")
    zone = b.add(Kind.ZONE, "青川第9经济开发区")
    bureau = b.add(Kind.AGENCY, "ICT产业局", "信息产业局")
    project = b.add(Kind.PROJECT, "青川第9区数据中心项目")
    b.link(project, Relation.LEAD_AGENCY, bureau)
    b.link(project, Relation.LOCATED_IN, zone)
    store = open_store(write_store(tmp_path / "store", [(document("青川第9开发区工作要点.txt"), b.extraction)]))
    try:
        from_model = Catalog(local_runner(store), model=read_model_of(store))
        from_store = Catalog(local_runner(store))
        answers = {lead: from_model.members("projects", ListFilter(lead=lead))
                   for lead in ("ICT产业局", "ict产业局", "信息产业局")}
        assert answers == {lead: from_store.members("projects", ListFilter(lead=lead)) for lead in answers}
        assert len(answers["ICT产业局"]) == 1 and answers["ict产业局"] == [] and answers["信息产业局"] == answers["ICT产业局"]
    finally:
        store.close()


def test_a_project_names_an_agency_spelled_two_ways_once(tmp_path: Path) -> None:
    """Two documents may give one agency two labels (区商务局, 青川第9开发区商务局): the project's
    item lists it once, by its least label, as the lists name it."""
    b = Plan("青川第9经济开发区", "青川第9开发区管委会")
    bureau = b.add(Kind.AGENCY, "青川第9开发区商务局")
    project = b.add(Kind.PROJECT, "青川第9区物流园项目")
    b.link(project, Relation.LEAD_AGENCY, bureau)
    b.link(project, Relation.PARTICIPATING_AGENCY, bureau)
    store = open_store(write_store(tmp_path / "store", [(document("青川第9开发区工作要点.txt"), b.extraction)]))
    try:
        catalog = Catalog(local_runner(store))
        iri = catalog.members("projects", ListFilter())[0]
        agency = catalog.describe("projects", [iri])[0]["lead_agencies"][0]["id"]
        store.update(f'INSERT DATA {{ GRAPH <urn:x-test:other> {{ <{agency}> '
                     '<http://www.w3.org/2000/01/rdf-schema#label> "区商务局"@zh } }')
        item = catalog.describe("projects", [iri])[0]
        expected = [{"id": agency, "name": min("区商务局", "青川第9开发区商务局")}]
        assert item["lead_agencies"] == expected and item["participating_agencies"] == expected
    finally:
        store.close()
