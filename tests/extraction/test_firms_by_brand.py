"""Firms named by their brand alone: items of a project list ("推动A、B等签约项目"; with a
capacity and a product the item is also the firm's project) and firms a support clause names
before what they build or make ("支持X年产…项目", "支持A、B发展…"). Names invented."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.names import find
from zonekg.loaders.extraction.text import Sentence

from .conftest import doc


def extracted(*paras: str) -> dict[Kind, set[str]]:
    title = "澜州经济开发区2025年工作要点"
    ex = extract(doc(*paras, title=title))
    return {kind: {e.name for e in ex.of_kind(kind)} for kind in Kind}


def firms(text: str) -> list[str]:
    return [m.name for m in find(Sentence(text, 0, 0, 0)) if m.kind is Kind.COMPANY]


def test_brands_in_a_list_of_signed_projects_are_firms():
    got = extracted("推动栖禾、迈拓等签约项目落地开工。")
    assert {"栖禾", "迈拓"} <= got[Kind.COMPANY]
    assert not {"栖禾", "迈拓"} & got[Kind.PROJECT]  # a bare brand names no project of its own


def test_a_brand_with_what_it_makes_is_the_firms_project():
    got = extracted("推动栖云10GWh储能电池、拓川、恒瑞祥等项目开工。")
    assert {"拓川", "恒瑞祥"} <= got[Kind.COMPANY]
    assert "栖云10GWh储能电池" in got[Kind.PROJECT]
    got = extracted("加快皖澜节源、澄发废弃油脂等在建项目的建设进度,推动胜禾再生塑料、韩国废旧光伏板拆解等"
                    "签约项目开工,加快白俄罗斯乳制品等项目建设。")
    assert "皖澜节源" in got[Kind.COMPANY]
    assert {"澄发废弃油脂", "胜禾再生塑料", "韩国废旧光伏板拆解", "白俄罗斯乳制品"} <= got[Kind.PROJECT]
    assert not {"澄发废弃油脂", "胜禾再生塑料"} & got[Kind.COMPANY]


def test_firms_whose_projects_add_capital():
    got = extracted("扶持远程摩擦、昌澜电气、银禾铸造等一批重点增资项目扩产。")
    assert {"远程摩擦", "昌澜电气", "银禾铸造"} <= got[Kind.COMPANY]
    # a sector in a list of projects is no firm
    assert not extracted("积极引进新能源汽车等整车整机类项目。")[Kind.COMPANY]


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


def test_a_brand_of_rare_numerals_and_its_business_is_a_firm():
    assert "佰澜节能科技" in firms("推进“佰澜节能科技和某研究所共建的热泵研究院”建设。")


def test_a_recycling_firm_named_by_its_trade_opens_its_project():
    got = extracted("澜汇环保废旧动力电池回收利用项目总投资5.6亿元，年内开工。")
    assert "澜汇环保" in got[Kind.COMPANY]
    assert "澜汇环保废旧动力电池回收利用项目" in got[Kind.PROJECT]
    assert "环保" not in extracted("加快园区环保基础设施建设。")[Kind.COMPANY]
