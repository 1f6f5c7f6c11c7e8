"""The same small plan written in every format the readers take gives the same facts: the
zone, the lead departments (from a bracket and from a responsibility table), and the targets
with their year. Documents are built here from text written for this test."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Extraction, Kind, Relation
from zonekg.loaders.readers import read_document

TITLE = "桐溪经济开发区2026年工作要点"
INTRO = "2026年，桐溪经济开发区地区生产总值增长8%，新增规上企业20家。"
TASK = "一、建设桐溪智能装备产业园。（牵头单位：经济发展局；配合单位：财政局）"
TABLE = [
    ["序号", "重点工作", "责任领导", "责任单位", "完成时限"],
    ["1", "推进桐溪物流中心建设", "王明", "商务局", "2026年12月"],
]


def _txt(path: Path) -> Path:
    rows = "\n".join(" | ".join(row) for row in TABLE)
    path.write_text(f"{TITLE}\n{INTRO}\n{TASK}\n{rows}\n", encoding="gb18030")
    return path


def _md(path: Path) -> Path:
    rows = [f"| {' | '.join(row)} |" for row in TABLE]
    rows.insert(1, "|" + "---|" * len(TABLE[0]))
    path.write_text(f"# {TITLE}\n\n{INTRO}\n\n{TASK}\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _html(path: Path) -> Path:
    cells = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE
    )
    path.write_text(
        f"<html><head><title>{TITLE}-桐溪市人民政府</title></head><body>"
        "<div class='nav'>首页 &gt; 政务公开 &gt; 计划总结</div>"
        f"<h1>{TITLE}</h1><p>发布机构：桐溪经济开发区管委会 发布日期：2026-02-10</p>"
        f"<p>{INTRO}</p><p>{TASK}</p><table>{cells}</table>"
        "<div class='footer'>版权所有：桐溪经济开发区管委会</div></body></html>",
        encoding="utf-8",
    )
    return path


def _docx(path: Path, docx_maker: Callable) -> Path:
    return docx_maker(path, [TITLE, INTRO, TASK], TABLE)


def _pdf(path: Path, pdf_maker: Callable) -> Path:
    return pdf_maker(path, [[TITLE, INTRO, TASK]])


ALL_FORMATS = ["txt", "md", "html", "docx", "pdf"]
TABLE_FORMATS = ["txt", "md", "html", "docx"]  # a PDF's drawn table has no text structure to read


@pytest.fixture
def extraction(request: pytest.FixtureRequest, tmp_path: Path, docx_maker, pdf_maker) -> tuple[str, Extraction]:
    fmt = request.param
    path = tmp_path / f"plan.{fmt}"
    build = {
        "txt": _txt, "md": _md, "html": _html,
        "docx": lambda p: _docx(p, docx_maker), "pdf": lambda p: _pdf(p, pdf_maker),
    }[fmt]
    return fmt, extract(read_document(build(path)))


def leads(ex: Extraction) -> set[tuple[str, str]]:
    return {(f.subject.name, f.object.name) for f in ex.facts if f.relation is Relation.LEAD_AGENCY}


@pytest.mark.parametrize("extraction", ALL_FORMATS, indirect=True)
def test_zone_and_plan_year(extraction: tuple[str, Extraction]) -> None:
    _, ex = extraction
    assert ex.main_zone == "桐溪经济开发区"
    assert ex.plan_year == 2026


@pytest.mark.parametrize("extraction", ALL_FORMATS, indirect=True)
def test_bracket_lead_and_participant(extraction: tuple[str, Extraction]) -> None:
    _, ex = extraction
    assert ("建设桐溪智能装备产业园", "经济发展局") in leads(ex) or ("桐溪智能装备产业园", "经济发展局") in leads(ex)
    participants = {f.object.name for f in ex.facts if f.relation is Relation.PARTICIPATING_AGENCY}
    assert "财政局" in participants


@pytest.mark.parametrize("extraction", TABLE_FORMATS, indirect=True)
def test_table_lead_without_the_person(extraction: tuple[str, Extraction]) -> None:
    _, ex = extraction
    assert any("桐溪物流中心" in project and agency == "商务局" for project, agency in leads(ex))
    assert "王明" not in {e.name for e in ex.of_kind(Kind.AGENCY)}


@pytest.mark.parametrize("extraction", ALL_FORMATS, indirect=True)
def test_targets_with_year(extraction: tuple[str, Extraction]) -> None:
    _, ex = extraction
    goals = {(t.metric, t.value, t.unit, t.year) for t in ex.targets if not t.actual}
    assert any(m.endswith("地区生产总值") and v == 8 and u == "%" and y == 2026 for m, v, u, y in goals)
    assert any("规上企业" in m and v == 20 and u == "家" and y == 2026 for m, v, u, y in goals)
