"""Names read from the role a phrase gives them: an industry leading a cluster or positioned as
a base, a firm named only as the owner of a platform or practice, works named by a place and
its size (invented texts)."""
from zonekg.loaders.extraction import industries, names
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.text import Sentence


def _s(text: str) -> Sentence:
    return Sentence(text, 0, 0, 0)


def _names(text: str, kind: Kind) -> list[str]:
    return [m.name for m in names.find(_s(text)) if m.kind is kind]


def test_cluster_led_by_an_industry():
    found = industries.find(_s("到2030年,形成以深海装备制造为龙头的4个以上的产业集群。"))
    assert "深海装备制造" in found


def test_firms_as_leaders_are_no_industry():
    found = industries.find(_s("形成以澜启集团、青栎药业为龙头的产业集群。"))
    assert not any("澜启" in f or "青栎" in f for f in found)


def test_industry_set_as_the_lead():
    assert "深海智能感知产业" in industries.find(_s("以深海智能感知产业为引领,建设孵化中心。"))
    assert not industries.find(_s("坚持以规划为引领,以项目为支撑。"))


def test_quoted_industry_base_in_a_positioning():
    text = "按照北岸城“低空经济产业基地”、南湾城“先进制造业基地”的功能定位,优化布局。"
    found = industries.find(_s(text))
    assert "低空经济产业" in found
    assert not any(f.endswith("基地") for f in found)
    # a base without a positioning is no industry
    assert "低空经济产业" not in industries.find(_s("建设“低空经济产业基地”一处。"))


def test_firm_opening_a_platform_or_practice():
    assert "栎澜" in _names("用好栎澜农村电商平台,新增服务站10个。", Kind.COMPANY)
    assert "栎澜" in _names("积极推广栎澜“网格式”党建经验,提升覆盖。", Kind.COMPANY)
    assert not _names("推广先进经验,用好公共服务平台。", Kind.COMPANY)


def test_place_and_area_open_a_works_name():
    projects = _names("重点推进澜湾3200亩市政基础设施全面竣工,加快栎川860亩片区开发。", Kind.PROJECT)
    assert "澜湾3200亩市政基础设施" in projects
    assert "栎川860亩片区开发" in projects
    assert "青栎岛综合开发" in _names("东部高标准推进青栎岛综合开发,启动道路工程。", Kind.PROJECT)
    assert not _names("推进各片区综合开发。", Kind.PROJECT)
