"""Precision of names: general rules of the genre, each on short self-written sentences.

All names here are invented (imaginary cities 青川, 云岭, 白沙…); none comes from a sample.
"""
from __future__ import annotations

from zonekg.loaders.extraction.distinct import is_distinctive, is_slogan_item
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.names import find as find_names
from zonekg.loaders.extraction.text import Sentence


def names(text, kind=None):
    return [m.name for m in find_names(Sentence(text, 0, 0, 0)) if kind is None or m.kind is kind]


# ------------------------------------------------------------------ distinctive stems

def test_distinctive_stems():
    for stem in ("云岭", "白沙湾", "青川电子信息", "南部", "A3"):
        assert is_distinctive(stem), stem
    for stem in ("数字", "智慧", "平安", "法治", "技术转移", "研发", "公共技术服务", "镇街", "区中",
                 "现代制造业", "宜居宜业"):
        assert not is_distinctive(stem), stem


def test_slogan_zone_names_are_not_zones():
    text = "建设“数字开发区”、“智慧开发区”,深化平安园区、法治园区、和谐园区建设,规划物流园区和现代制造业园区"
    assert names(text, Kind.ZONE) == []


def test_proper_zone_names_with_category_heads_stay():
    got = names("加快白沙园区、云岭新区和南部新区建设,推进青川高新园发展", Kind.ZONE)
    assert {"白沙园区", "云岭新区", "南部新区", "青川高新园"} <= set(got)


def test_generic_project_names_with_category_heads_are_dropped():
    text = "引进研发中心、销售中心,建设公共技术服务平台、信息平台,完成主体工程和道路工程"
    assert names(text, Kind.PROJECT) == []
    assert names("启动云岭数据中心和白沙物流基地建设", Kind.PROJECT) == ["云岭数据中心", "白沙物流基地"]


def test_generic_company_names_are_dropped():
    assert names("扶持吸引市外大型企业集团落户", Kind.COMPANY) == []
    assert names("支持青禾集团做大做强", Kind.COMPANY) == ["青禾集团"]


# ------------------------------------------------------------------ left boundaries

def test_left_boundary_cuts_at_verbs_and_conjunctions():
    assert names("充分发挥新城建设的引领作用,向南拓展新城区", Kind.ZONE) == []
    assert names("统筹处理好老城与新城的关系,推进沿江两侧和新城建设", Kind.ZONE) == []
    assert names("加快白沙商务聚集区和云岭国际物流中心建设", Kind.PROJECT) == ["云岭国际物流中心"]


def test_agency_left_boundary():
    assert names("按照工委、管委的总体要求", Kind.AGENCY) == ["工委", "管委"]
    assert names("由王某同志兼任办公室主任", Kind.AGENCY) == []
    assert names("推进办公室承担领导小组日常工作", Kind.AGENCY) == ["推进办公室"]
    assert names("健全项目推进领导小组", Kind.AGENCY) == ["项目推进领导小组"]
    assert names("提升街道卫生服务水平,全区20条市、区级和38条街道级河道", Kind.AGENCY) == []


def test_verbs_ending_in_office_heads_are_not_agencies():
    assert names("确保项目快谈快签、快办快建,保持查办案件的高压态势,引进社会资本合作办医", Kind.AGENCY) == []
    assert names("深化“高效办成一件事”改革，企业开办时间压缩至1个工作日。", Kind.AGENCY) == []


def test_every_one_of_a_kind_is_no_name():
    assert names("未来三年，新区规划的所有学校、医院等公共设施全部开工。", Kind.PROJECT) == []


def test_brackets_are_balanced():
    got = names("经济发展局(科学技术局)局长、工委办公室副主任", Kind.AGENCY)
    assert got == ["经济发展局(科学技术局)", "工委办公室"]
    assert names("下设综合协调组(工委办公室综合科)", Kind.AGENCY) == ["工委办公室"]
    assert names("加快推进环江路(开发区段)建设", Kind.ZONE) == []


# ------------------------------------------------------------------ counts, titles, codes

def test_counted_categories_are_not_names():
    assert names("建成3个区级公园、41个滨水公园,重点推进8大民生工程、六大系统工程", Kind.PROJECT) == []
    assert names("新建4处农村党建示范区", Kind.ZONE) == []


def test_titles_after_become_are_not_projects_or_zones():
    text = "成为云岭省优质船舶产品生产基地、装备制造产业示范基地和全国最大的地毯生产基地"
    assert names(text) == []
    assert names("围绕“国际化宜居商务中心、现代化科技研发中心”的目标", Kind.PROJECT) == []
    assert names("建成白沙湾大桥和云岭公园") == ["白沙湾大桥", "云岭公园"]


def test_quoted_works_code_names_are_projects():
    got = names("加快推进“一纵两横”道路工程,启动“一路两桥”工程,实施“一城三园”工程", Kind.PROJECT)
    assert got == ["“一纵两横”道路工程", "“一路两桥”工程"]


def test_partner_institutions_are_companies():
    text = "与青禾集团及白沙国际医院合作,启动建设云岭专科医院"
    assert names(text, Kind.COMPANY) == ["青禾集团", "白沙国际医院"]
    assert names(text, Kind.PROJECT) == ["云岭专科医院"]


def test_slogan_items():
    assert is_slogan_item("基础设施跟进") and is_slogan_item("平台建设提升")
    assert not is_slogan_item("白沙电池") and not is_slogan_item("云创金属")


def test_boundary_word_before_company_marker_belongs_to_the_name():
    assert names("探索成立白沙湾运营公司,全面负责园区开发", Kind.COMPANY) == ["白沙湾运营公司"]
    assert names("引进国内外专业运营公司组建开发公司", Kind.COMPANY) == []


def test_unknown_single_characters_are_not_stripped_as_verbs():
    got = names("重点推进云创金属研究院、通光研究院等创新平台建设", Kind.PROJECT)
    assert got == ["云创金属研究院", "通光研究院"]


def test_head_fused_into_a_common_word_is_no_head():
    assert names("着力解决城区中小学大班额问题,开发区地处青川市中心城区", Kind.PROJECT) == []
    assert names("启动健康护理学院、云岭专科医院建设", Kind.PROJECT) == ["健康护理学院", "云岭专科医院"]


def test_a_character_tagged_a_verb_goes_on_a_coined_place_name():
    # jieba tags 荡 a verb: in a run of single characters (芦+荡+智+造) it is the park's name
    assert names("项目总投资12亿元，拟落户芦荡智造园。", Kind.ZONE) == ["芦荡智造园"]
    assert names("推进区建园区道路改造。", Kind.ZONE) == []
