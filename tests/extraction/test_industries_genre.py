"""Industry rules for forms of the genre beyond the five samples, each on a short text written
for the test (imaginary places and firms): task headings that name one industry, counted lists
with 条/前瞻布局, "以A、B为主攻方向", sector words inside zone names or quoted slogans, and a
shorter sector that only occurs inside a longer listed cluster."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.industries import find
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.text import Sentence

from .conftest import doc


def inds(text):
    return find(Sentence(text, 0, 0, 0))


def doc_inds(*paras, title="青枫经济开发区2025年工作要点"):
    return {e.name for e in extract(doc(*paras, title=title)).of_kind(Kind.INDUSTRY)}


def test_task_heading_names_one_industry():
    assert inds("1.做大轨道车辆配件产业。") == ["轨道车辆配件"]
    assert inds("（二）培育预制菜肴产业") == ["预制菜肴"]
    assert inds("三是智能穿戴产业。") == ["智能穿戴"]
    assert inds("培育低碳氢能新兴产业。") == ["低碳氢能"]


def test_task_heading_with_generic_or_firm_words_is_no_industry():
    assert inds("2.发展新兴产业。") == []
    assert inds("培育特色优势产业。") == []
    assert inds("培育百强骨干企业和支柱产业。") == []


def test_future_industries_after_place_and_verb():
    got = inds("在栖霞科学城前瞻布局量子传感、脑机接口、深海装备三个未来产业。")
    assert got[:3] == ["量子传感", "脑机接口", "深海装备"]


def test_count_with_tiao_and_track_head():
    got = inds("围绕高纯硅烷、特种氟化物、电子级硫酸三条细分赛道延链补链。")
    assert got == ["高纯硅烷", "特种氟化物", "电子级硫酸"]


def test_main_direction_list_keeps_sector_like_items():
    got = inds("以光电显示、海岛特色果蔬加工为主攻方向,推动项目投产。")
    assert got == ["光电显示", "海岛特色果蔬加工"]


def test_sector_word_inside_zone_name_is_no_industry():
    assert "数字经济" not in inds("云杉数字经济港重点引进软件企业。")
    assert "生物医药" not in inds("重点建设碧湖生物医药谷。")


def test_quoted_slogan_enumeration_is_skipped():
    assert inds("紧扣“新材料高端化、新能源规模化”主攻方向,推动园区发展。") == []


def test_shorter_sector_only_inside_longer_cluster_is_dropped():
    got = doc_inds("围绕高原装备制造、碳纤维新材料、中藏药三大主导产业,加快园区建设。",
                   "1.做强高原装备制造产业。推动全年高原装备制造产值突破50亿元。")
    assert {"高原装备制造", "碳纤维新材料", "中藏药"} <= got
    assert "装备制造" not in got


def test_shorter_sector_used_on_its_own_stays():
    got = doc_inds("围绕高原装备制造、碳纤维新材料、中藏药三大主导产业,加快园区建设。",
                   "全区重点发展装备制造。")
    assert {"高原装备制造", "装备制造"} <= got


def test_two_sectors_joined_by_he_after_a_focus_verb_are_two():
    assert set(inds("鹤川工业园重点发展汽车零部件和智能装备，加快建设污水处理厂。")) == {"汽车零部件", "智能装备"}
    assert set(inds("松岭医药园重点发展化学原料药和高端制剂。")) == {"化学原料药", "高端制剂"}
    assert inds("做强汽车及零部件产业。") == ["汽车及零部件"]  # a component noun stays with its sector


def test_a_list_item_starts_after_a_verb_and_ends_before_deng():
    assert set(inds("签约项目涵盖新能源、高端装备、生物制造等领域。")) == {"新能源", "高端装备", "生物制造"}
    assert set(inds("推动全市园区聚焦新材料、生物医药、跨境电商等主导产业提质增效。")) == {"新材料", "生物医药", "跨境电商"}


def test_a_unit_named_after_its_sector_names_no_industry():
    # "大数据发展中心": the unit that serves the sector (its 发展 no focus of the plan's)
    assert inds("（牵头单位：大数据发展中心；配合单位：财政金融局）") == []
    assert inds("（牵头单位：数字经济发展促进中心）") == []
    assert inds("大力发展大数据产业。") == ["大数据"]


def test_a_pair_closed_by_ye_is_one_sector():
    # "软件和信息服务业": the 业 closes both words, one sector of the classification
    assert inds("（二）壮大软件和信息服务业。") == ["软件和信息服务"]
    assert inds("瞄准海洋生物和新材料") == ["海洋生物", "新材料"]


def test_core_industries_are_a_class_of_their_sector_not_a_sector():
    # "X核心产业" (a statistical class): the industry is X when X is a known sector, else none
    assert inds("到2026年，全区数字经济核心产业增加值突破60亿元。") == ["数字经济"]
    assert inds("2024年，园区数字经济核心产业增加值达到42亿元。") == []
    assert inds("（三）做强数字核心产业") == []
    assert inds("1.做大轨道车辆配件产业。") == ["轨道车辆配件"]  # no qualifier: X itself


def test_a_sector_named_with_yu_is_one_and_machine_tools_are_a_sector():
    # "激光与光电子" names one sector (as 软件和信息服务 does with 和); "工业母机" is the name newer
    # plans give machine tools, so the pair with "智能机器人" is two whole sectors
    assert doc_inds("西园重点发展激光与光电子，东园重点发展工业母机和智能机器人。") == \
        {"激光与光电子", "工业母机", "智能机器人"}
