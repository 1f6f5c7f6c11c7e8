"""Industries a plan sets as its focus without a count cue: a list right after a focus verb,
the sectors of a list of fields (重点领域), and sectors the plan measures or grows by name
("X产业实现总产出…", "推动X产业加速壮大", "促进X发展行动方案"). Texts written for these tests."""
from __future__ import annotations

from zonekg.loaders.extraction import industries
from zonekg.loaders.extraction.text import Sentence


def found(text: str) -> list[str]:
    return industries.find(Sentence(text, 0, 0, 0))


def test_a_list_right_after_a_focus_verb():
    assert found("围绕芯片设计、生物医药、低空经济和智能网联汽车,培育一批链主企业。") == \
        ["芯片设计", "生物医药", "低空经济", "智能网联汽车"]
    got = found("加快打造氢能、新型储能及智能网联汽车新高地,形成完整产业链。")
    assert {"氢能", "新型储能", "智能网联汽车"} <= set(got)
    assert not any("高地" in g for g in got)
    # a list of tasks after the same verb is no list of sectors
    assert found("围绕招商引资、项目建设、营商环境和安全生产,开展专项督查。") == []


def test_the_sectors_of_a_list_of_fields():
    assert found("聚焦工业互联网、数字文娱、智慧出行等重点领域,培育新增长极。") == \
        ["工业互联网", "数字文娱", "智慧出行"]
    assert found("设立氢能、软件、生命健康等重点领域专项子基金。") == ["氢能", "软件", "生命健康"]
    assert found("在教育、医疗、养老等领域补齐短板。") == []


def test_a_sector_the_plan_measures_or_grows():
    assert found("智能网联汽车“新三化”产业实现总产出860亿元以上。") == ["智能网联汽车“新三化”"]
    assert found("推动海洋健康产业加速壮大。") == ["海洋健康"]
    assert found("高端医疗器械及精准医疗产业实现总产出90亿元。") == ["高端医疗器械", "精准医疗"]
    assert found("实现数字创意经济经济规模达到300亿元。") == ["数字创意经济"]
    assert found("全面实施促进数字创意经济发展行动方案。") == ["数字创意经济"]


def test_classes_and_ownerships_are_no_sector():
    assert found("出台促进民营经济发展若干措施。") == []
    assert found("7.实现高新技术产业产值占规上工业产值比重达55%。") == []


def test_a_technology_is_not_its_sector():
    assert "新能源" not in found("重点推广应用网络通信技术、新能源技术等先进适用技术。")


def test_a_sector_after_a_focus_verb_and_before_产业():
    assert found("聚焦农副产品精深加工产业,推进全产业链布局。") == ["农副产品精深加工"]
    assert found("聚焦保税加工和跨境物流产业,发展新业态。") == ["保税加工", "跨境物流"]
    assert found("打造再生资源产业集群。") == ["再生资源"]
    assert found("聚焦装备制造及配套产业,带动企业升级。") == ["装备制造及配套"]
    # a broad field of two characters, a scale and a quoted label are no part of the sector
    assert found("大力培育发展文化产业。") == []
    assert found("打造千亿级临港装备产业集群。") == ["临港装备"]
    assert found("突出培育网络经济“一号新产业”。") == ["网络经济"]


def test_a_sector_word_that_opens_a_product_is_no_sector():
    assert found("推动韩国废旧光伏板拆解项目开工。") == []
