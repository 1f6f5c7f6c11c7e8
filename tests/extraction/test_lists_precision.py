"""List rules that decide what enumerated items are: self-written sentences, invented names."""
from __future__ import annotations

from .conftest import doc as plan
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.lists import find as find_lists, head_kind, named_item
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.text import Sentence


def lists(text):
    return find_lists(Sentence(text, 0, 0, 0))


def doc(*paras):
    return extract(plan(*paras, title="青川开发区2021年工作要点"))


def kinds(ex, kind):
    return {e.name for e in ex.of_kind(kind)}


def test_head_kind_reads_the_noun_phrase():
    assert head_kind("领域的18项民生工程") is None
    assert head_kind("总投资近80亿元的12个在建项目") == "project"
    assert head_kind("重点区街主干道建设") == "project"
    assert head_kind("特色产业园") == "zone"


def test_counted_category_lists_are_not_firms():
    [e] = lists("重点吸聚工业设计、建筑材料制造和建筑资本三大类企业")
    assert e.categories and not named_item(e, "建筑资本")
    [e] = lists("推进云峰电池、青禾激光等重大项目")
    assert not e.categories and named_item(e, "云峰电池")
    ex = doc("集中办好义务教育、基本医疗、居住环境、社会保障四大领域的18项民生工程。",
             "全面实施基础设施跟进、示范工程引领、平台建设提升等六大系统工程。")
    assert kinds(ex, Kind.COMPANY) == set()


def test_single_named_example_before_etc():
    ex = doc("推进白沙园区云峰电器等重大项目竣工投产。", "对青禾智能等科技型中小企业加大扶持。",
             "完成市下达的节能减排等各项目标任务。", "跟踪抓好云岭综合管廊等重点项目建设。")
    assert kinds(ex, Kind.COMPANY) == {"云峰电器", "青禾智能"}
    assert "云岭综合管廊" in kinds(ex, Kind.PROJECT)


def test_items_of_a_park_list_are_zones():
    ex = doc("促进白沙汽车零部件、云岭水暖基地、青石食品基地3个特色产业园改造提升。")
    assert {"白沙汽车零部件", "云岭水暖基地", "青石食品基地"} <= kinds(ex, Kind.ZONE)
    assert not kinds(ex, Kind.PROJECT) & {"云岭水暖基地", "青石食品基地"}


def test_first_item_left_edge():
    [e] = lists("培育壮大智能装备制造、新材料、生物医药三大新兴产业")
    assert e.items[0] == "智能装备制造"
    [e] = lists("重点围绕青川新城和软件信息、医疗健康等生产性服务业")
    assert e.items[0] == "软件信息"
    es = lists("大力发展以现代物流为主的生产性服务业、突破发展以文化旅游为主的生活性服务业")
    assert "文化旅游" in [i for e in es for i in e.items]


def test_conjunction_inside_a_listed_name():
    [e] = lists("建设了青川路工业园、港口船舶及装备特色产业园等一批园区")
    assert e.items == ["青川路工业园", "港口船舶及装备特色产业园"]


def test_bracketed_section_stays_in_a_list_item():
    [e] = lists("加快推进环江路(开发区段)、云岭大道等重点主干道建设")
    assert e.items == ["环江路(开发区段)", "云岭大道"]


def test_single_example_of_a_sector_is_no_firm():
    ex = doc("推出汽车整车等先进制造业重大项目招商。")
    assert kinds(ex, Kind.COMPANY) == set()


def test_sector_words_inside_longer_industries_or_names_are_not_extra_industries():
    from zonekg.loaders.extraction.industries import find as find_industries
    got = find_industries(Sentence("围绕海工装备、建筑新材料等主导产业,发展青禾半导体配套", 0, 0, 0))
    assert "建筑新材料" in got and "新材料" not in got and "半导体" not in got
    got = find_industries(Sentence("以入选“云岭现代服务业综合改革试验区”为契机,大力发展跨境电子商务", 0, 0, 0))
    assert got == ["跨境电子商务"]


def test_zone_spellings_fold_into_one():
    ex = doc("高标准规划建设云岭谷服务贸易产业园。", "一是服务贸易产业园。", "青川服务贸易产业园的软件园项目开工。",
             "要突出服务贸易产业园区、综合保税区等优势。",
             "依托新城(白石)产业园,推进白石港口船舶及装备特色产业园提档升级,抓好白石产业园建设。")
    zones = {e.name: e for e in ex.of_kind(Kind.ZONE)}
    assert "服务贸易产业园区" in zones["云岭谷服务贸易产业园"].aliases
    assert "青川服务贸易产业园" in zones["云岭谷服务贸易产业园"].aliases
    assert {"新城(白石)产业园", "白石产业园"} <= zones["白石港口船舶及装备特色产业园"].aliases
