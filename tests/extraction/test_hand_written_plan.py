"""Issue 11, point 8: a simple plan written by hand (invented names), read the same from .txt,
.docx and .html. Its four industries, the investment and floor area a sentence states for a
project, the table's projects that are no zones, quotes that are the document's own words,
and the same text ingested under two file names stored once."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from zonekg.graph.store import open_store
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Extraction, Kind
from zonekg.loaders.pipeline import ingest
from zonekg.loaders.readers import read_document

TITLE = "澜州高新区2025年工作要点"
PARAGRAPHS = [
    "2025年，澜州高新技术产业开发区（以下简称“澜州高新区”）坚持创新驱动，全年地区生产总值增长8%，"
    "规上工业增加值、税收收入分别增长10%、7%。",
    "一、做强主导产业",
    "围绕芯片设计、生物医药、低空经济和智能网联汽车，培育一批链主企业。支持鑫禾食品、远澄科技等企业扩大产能，"
    "推动栖云10GWh储能电池、拓川、恒瑞祥等项目开工。引进投资20亿元以上产业项目3个。",
    "二、推进重点项目",
    "开工建设澜州芯谷研发大楼，总投资12亿元，建筑面积8万平方米，年底主体封顶。加快青梧路跨江大桥建设，年内通车。",
    "三、重点项目表",
]
TABLE = [
    ["项目名称", "总投资", "建设内容", "牵头单位"],
    ["青梧生物医药产业园二期", "6.5亿元", "新建标准厂房及配套设施", "经济发展局"],
    ["鹭岛数字经济产业园", "4亿元", "建设研发办公及配套用房", "建设管理局"],
]


def _txt(path: Path) -> Path:
    rows = "\n".join(" | ".join(row) for row in TABLE)
    path.write_text("\n".join([TITLE, *PARAGRAPHS, rows]) + "\n", encoding="utf-8")
    return path


def _html(path: Path) -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE)
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path.write_text(f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>{body}"
                    f"<table>{rows}</table></body></html>", encoding="utf-8")
    return path


def _docx(path: Path, docx_maker: Callable) -> Path:
    return docx_maker(path, [TITLE, *PARAGRAPHS], TABLE)


@pytest.fixture(params=["txt", "docx", "html"])
def plan(request: pytest.FixtureRequest, tmp_path: Path, docx_maker: Callable) -> Extraction:
    path = tmp_path / f"plan.{request.param}"
    build = {"txt": _txt, "html": _html, "docx": lambda p: _docx(p, docx_maker)}[request.param]
    return extract(read_document(build(path)))


def names(ex: Extraction, kind: Kind) -> set[str]:
    return {e.name for e in ex.of_kind(kind)}


def test_all_four_named_industries(plan: Extraction) -> None:
    assert {"芯片设计", "生物医药", "低空经济", "智能网联汽车"} <= names(plan, Kind.INDUSTRY)


def test_amounts_stated_in_a_sentence_and_in_the_table(plan: Extraction) -> None:
    projects = {e.name: e for e in plan.of_kind(Kind.PROJECT)}
    tower = projects["澜州芯谷研发大楼"]
    assert (tower.investment_cny, tower.area_m2) == (Decimal("1200000000"), Decimal("80000"))
    assert projects["青梧生物医药产业园二期"].investment_cny == Decimal("650000000")


def test_projects_of_the_table_are_not_also_zones(plan: Extraction) -> None:
    assert {"青梧生物医药产业园二期", "鹭岛数字经济产业园"} <= names(plan, Kind.PROJECT)
    assert names(plan, Kind.ZONE) == {"澜州高新技术产业开发区"}


def test_quotes_are_the_documents_own_words(plan: Extraction) -> None:
    zone = next(e for e in plan.of_kind(Kind.ZONE))
    assert zone.evidence[0].quote == PARAGRAPHS[0]  # "，" and "（" as written, not folded
    rates = [t for t in plan.targets if t.metric == "地区生产总值"]
    assert rates[0].text == "全年地区生产总值增长8%"
    assert rates[0].evidence.quote == PARAGRAPHS[0]
    firm = next(e for e in plan.of_kind(Kind.COMPANY) if e.name == "鑫禾食品")
    assert "，" in firm.evidence[0].quote and firm.evidence[0].quote in PARAGRAPHS[2]


def test_the_same_text_under_two_file_names_is_stored_once(tmp_path: Path, docx_maker: Callable) -> None:
    files = [_docx(tmp_path / "plan.docx", docx_maker), _html(tmp_path / "plan.html")]
    store = open_store(tmp_path / "store", create=True)
    try:
        report = ingest(files, store)
        assert [s.file for s in report.ingested] == ["plan.docx"]
        assert [(p.name, reason) for p, reason in report.failed if "same content as plan.docx" in reason] \
            == [("plan.html", report.failed[0][1])]
        rows = store.query("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a zk:Target }").rows
        assert int(rows[0][0][1]) == 4  # not doubled
        # the same file again replaces itself, as before
        again = ingest(files[:1], store)
        assert again.ok and [s.file for s in again.ingested] == ["plan.docx"]
    finally:
        store.close()
