"""A project written with its phase in brackets ("X项目（二期）", "X公寓（一期）") is one project
named with the phase, however its name was found: by its head word, by the firm that opens it,
or by the phase alone; the bare name said elsewhere in the plan is the same project, not a
second one. (A table cell and the name finders read such a name three ways: "X项目",
"X项目(二期" and "X项目(二期)".) The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "青禾经济开发区2025年重点项目计划"
ROWS = [["序号", "项目名称", "建设内容", "总投资（万元）", "责任单位"],
        ["1", "禾丰生物发酵产业化项目（二期）", "新建发酵罐12台", "56000", "经济发展局"],
        ["2", "开发区青年公寓（二期）", "新建公寓600套", "36000", "规划建设局"],
        ["3", "北区分布式能源站（一期）", "新建能源站1座", "12000", "经济发展局"]]


def projects(*blocks: str | Table) -> set[str]:
    return {e.name for e in extract(doc(*blocks, title=TITLE)).of_kind(Kind.PROJECT)}


def test_a_bracketed_phase_is_read_once_with_its_name():
    found = projects(Table(ROWS))
    assert found == {"禾丰生物发酵产业化项目(二期)", "开发区青年公寓(二期)", "北区分布式能源站(一期)"}


def test_the_bare_name_elsewhere_is_the_same_project():
    found = projects(Table(ROWS), "加快禾丰生物发酵产业化项目建设，开发区青年公寓年内主体封顶。")
    assert found == {"禾丰生物发酵产业化项目(二期)", "开发区青年公寓(二期)", "北区分布式能源站(一期)"}


def test_a_phase_in_prose_brackets_stays_with_its_name():
    found = projects("推进东湖湿地修复工程（三期）建设，年内完成主体。")
    assert found == {"东湖湿地修复工程(三期)"}
