"""Zones written the ways real plans write them: named inside their administration's name,
with the heads of valleys, ports and knowledge cities, behind a quality word, and by the
abbreviations a plan uses for its own zone (经开区, 高新园, "<city>经开区"). Every name here
is invented (澜州, 青埠, 栖湖 …)."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.names import find
from zonekg.loaders.extraction.text import Sentence

from .conftest import doc


def found(text: str, kind: Kind) -> list[str]:
    return [m.name for m in find(Sentence(text, 0, 0, 0)) if m.kind is kind]


def zones_of(title: str, *paras: str) -> dict[str, set[str]]:
    return {e.name: e.aliases for e in extract(doc(*paras, title=title)).of_kind(Kind.ZONE)}


def test_an_administration_names_its_zone():
    text = "各镇人民政府,澜江经济开发区管委会,青埠新区管委会,市府各部门:"
    assert {"澜江经济开发区", "青埠新区"} <= set(found(text, Kind.ZONE))
    assert {"澜江经济开发区管委会", "青埠新区管委会"} <= set(found(text, Kind.AGENCY))
    text = "栖湖度假区管理办(栖湖新城管委会),各街道办事处:"
    assert {"栖湖度假区", "栖湖新城"} <= set(found(text, Kind.ZONE))
    # a zone's department names its zone too
    assert "澜州高新区" in found("近日,澜州高新区科技创新和经济发展局召开工作部署会", Kind.ZONE)
    # a generic committee names no zone
    assert found("园区管委会、开发区管委会负责", Kind.ZONE) == []


def test_a_town_in_brackets_is_not_part_of_the_zone():
    text = "鹭川开发区、青埠高新区(桐岭镇)、鹭川高新区(沙湾镇)管委会,各镇人民政府"
    zones = found(text, Kind.ZONE)
    assert {"鹭川开发区", "青埠高新区", "鹭川高新区"} <= set(zones)
    assert not any("镇" in z for z in zones)
    assert "桐岭镇" in found(text, Kind.AGENCY)


def test_valleys_ports_and_knowledge_cities():
    assert found("理顺澜州眼谷建设管理体制机制", Kind.ZONE) == ["澜州眼谷"]
    assert found("加快建设以青埠知识城、鹭川科学城为极点的创新轴", Kind.ZONE) == ["青埠知识城", "鹭川科学城"]
    assert "澜州港区" in found("澜州经济开发区、澜州港区完成上级下达任务", Kind.ZONE)
    assert found("推进澜州科创核心区建设", Kind.ZONE) == ["澜州科创核心区"]


def test_words_that_only_end_like_a_zone_head():
    assert found("推动澜谷科技上市", Kind.ZONE) == []  # a firm's brand goes on after 谷
    assert found("招引类似青埠金谷的金融服务机构", Kind.ZONE) == []
    assert found("入选国家低碳生态城市试点", Kind.ZONE) == []
    assert found("做强做优核心区块,高标准完成核心区环境打造", Kind.ZONE) == []
    assert found("做好园区扩容准备和总体功能区规划", Kind.ZONE) == []


def test_a_quality_word_is_not_part_of_the_name():
    assert found("全面推进产城一体化澜湾新城建设", Kind.ZONE) == ["澜湾新城"]


def test_a_row_number_run_into_a_list_ends_the_zone():
    text = "各县(市、区)政府、澜州经济开发区、澜州港区4城镇居民人均可支配收入年均增长8%"
    assert "澜州港区" in found(text, Kind.ZONE)
    assert not any(ch.isdigit() for name in found(text, Kind.AGENCY) for ch in name)


def test_the_plans_own_abbreviation_is_an_alias_of_its_zone():
    zones = zones_of("澜州经济技术开发区管理委员会2025年度工作计划",
                     "今年经开区工作的总体要求是稳中求进,推动青埠经开区合作共建。")
    assert "经开区" in zones["澜州经济技术开发区"]
    assert "青埠经开区" in zones  # another zone's name keeps its own entity


def test_a_city_abbreviation_merges_with_the_full_name():
    zones = zones_of("澜州经济技术开发区2025年工作要点",
                     "澜州经济技术开发区全年地区生产总值增长8%。澜州经开区加快青埠高新园建设。",
                     "青埠高新技术产业园区新增企业20家。澜州开发区推进招商。")
    assert zones.keys() == {"澜州经济技术开发区", "青埠高新技术产业园区"}
    assert {"澜州经开区", "澜州开发区"} <= zones["澜州经济技术开发区"]
    assert "青埠高新园" in zones["青埠高新技术产业园区"]


def test_a_level_or_a_date_before_an_abbreviation_names_no_zone():
    assert found("晋位国家级经开区综合考评第一方阵", Kind.ZONE) == []
    assert found("建议2025年经开区主要预期目标为", Kind.ZONE) == []


def test_a_reports_dateline_and_byline_are_not_part_of_a_name():
    assert found("本报讯记者王明澜州经开区日前召开工作会议", Kind.ZONE) == ["澜州经开区"]
    assert found("澜州日报讯记者张伟通讯员李华青埠产业园今年将新开工项目20个", Kind.ZONE) == ["青埠产业园"]
    assert found("新华社讯青梧科技城加快建设", Kind.ZONE) == ["青梧科技城"]
    assert found("本报讯(记者王明华 通讯员李华)澜州高新区管委会印发要点", Kind.AGENCY) == ["澜州高新区管委会"]


def test_national_innovation_zones_and_their_parts():
    assert found("增强澜青柳国家自主创新示范区带动作用", Kind.ZONE) == ["澜青柳国家自主创新示范区"]
    # the core area of a zone just named has no name of its own
    assert found("抓住澜青柳国家自主创新示范区核心区建设的机遇", Kind.ZONE) == ["澜青柳国家自主创新示范区"]


def test_a_verb_or_a_province_before_a_kind_names_no_zone():
    assert found("充分发挥综合保税区开放平台功能", Kind.ZONE) == []
    assert found("推动澜北自治区综合保税区提级晋位", Kind.ZONE) == []
    assert found("加强青川省开发区考核", Kind.ZONE) == []


def test_functional_areas_ending_in_qu_and_the_citys_zones_as_a_class():
    zones = zones_of("鹭川新区2025年工作要点",
                     "鹭川新区包括滨江先进制造区、鹭川航运服务区和北岸总部区三个功能区，由市政府委托鹭川新区管委会统一管理。",
                     "全市开发区要对照鹭川市开发区考核办法开展自查。推进高速公路服务区改造。")
    assert {"滨江先进制造区", "鹭川航运服务区", "北岸总部区"} <= set(zones)
    assert not any(z.startswith("委托") or z.endswith("市开发区") or "公路" in z for z in zones)


def test_branch_parks_and_businesses_inside_a_park_name():
    # a branch park (分园) of a larger one, and a business word that is a verb (维修) inside
    # a park's name, which no longer cuts the name there
    assert "西岭分园" in found("推动西岭分园新增孵化面积3万平方米", Kind.ZONE)
    assert "澜埠保税维修产业园" in found("澜埠保税维修产业园将引进船舶发动机维修项目", Kind.ZONE)


def test_a_demonstration_zone_named_for_the_development_it_shows():
    # "…发展示范区": 发展 right before the kind word is part of the name, not a verb before it
    assert found("沣泽绿色低碳创新发展示范区三年行动计划", Kind.ZONE) == ["沣泽绿色低碳创新发展示范区"]
    assert found("沣泽绿色低碳创新发展示范区管理委员会", Kind.AGENCY) == ["沣泽绿色低碳创新发展示范区管理委员会"]
    assert found("推动产业发展示范区建设", Kind.ZONE) == []
    assert found("（三）推进园区安全生产监管。", Kind.ZONE) == []


def test_a_park_named_after_the_zone_it_lies_in_keeps_the_zones_name():
    assert found("推进沣泽经开区食品产业园冷链物流中心建设。", Kind.ZONE) == ["沣泽经开区食品产业园"]
    assert found("依托沣泽高新区光电产业园集聚企业。", Kind.ZONE) == ["沣泽高新区光电产业园"]
    # a zone of another kind after the zone's name is a zone of its own
    assert found("依托沣泽新城国家产城融合示范区建设", Kind.ZONE) == ["沣泽新城", "国家产城融合示范区"]
