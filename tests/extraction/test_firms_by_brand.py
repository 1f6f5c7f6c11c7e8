"""Firms named by their brand alone: items of a project list ("推动A、B等签约项目"; with a
capacity and a product the item is also the firm's project) and firms a support clause names
before what they build or make ("支持X年产…项目", "支持A、B发展…"). Names invented."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.document import Paragraph, SourceDocument
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.names import find
from zonekg.loaders.extraction.text import Sentence


def extracted(*paras: str) -> dict[Kind, set[str]]:
    title = "澜州经济开发区2025年工作要点"
    ex = extract(SourceDocument(Path("plan.txt"), title, [Paragraph(title)] + [Paragraph(p) for p in paras]))
    return {kind: {e.name for e in ex.of_kind(kind)} for kind in Kind}


def firms(text: str) -> list[str]:
    return [m.name for m in find(Sentence(text, 0, 0, 0)) if m.kind is Kind.COMPANY]


def test_brands_in_a_list_of_signed_projects_are_firms():
    got = extracted("推动栖禾、迈拓等签约项目落地开工。")
    assert {"栖禾", "迈拓"} <= got[Kind.COMPANY]
    assert not {"栖禾", "迈拓"} & got[Kind.PROJECT]  # a bare brand names no project of its own


def test_a_capacity_and_a_product_make_the_item_a_project_too():
    got = extracted("推动栖云10GWh储能电池、拓川、恒瑞祥等项目开工。")
    assert {"栖云", "拓川", "恒瑞祥"} <= got[Kind.COMPANY]
    assert "栖云10GWh储能电池" in got[Kind.PROJECT]


def test_kinds_of_project_and_slogans_are_no_brands():
    got = extracted("加快推进文旅、科创等项目建设。以“四边三化”、“两无三化”等行动为载体推进绿化。")
    assert not got[Kind.COMPANY]


def test_a_firm_opening_its_capacity_project_after_a_support_verb():
    assert "澜铸轮毂" in firms("支持澜铸轮毂年产200万只铝合金轮毂技改项目竣工投产。")
    assert "天禾风电" in firms("3 | 天禾风电年产600套风电叶片项目 | 新能源装备产业园 | 12")


def test_firms_a_support_clause_lists_before_what_they_develop():
    assert {"日本樱庭食品", "淇川牧歌乳业"} <= set(firms("支持日本樱庭食品、淇川牧歌乳业发展功能食品和预制菜。"))


def test_a_firm_before_its_industrialisation_base():
    assert "瑞澜生物" in firms("推动瑞澜生物疫苗产业化基地开工。")
