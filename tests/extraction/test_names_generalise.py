"""Genre rules added for constructs that did not generalise (items after a count cue,
firms with a regional prefix, 年产/phase projects, 翼 zones, agencies with 由/简称/分局/厅/委).
Every name here is invented (imaginary places 云岭, 白石, 南峰, 青禾…)."""
from __future__ import annotations

from zonekg.loaders.extraction import industries
from zonekg.loaders.extraction.registry import Registry
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.names import find as find_names
from zonekg.loaders.extraction.text import Sentence

from tests.extraction.conftest import zone_names


def names(text, kind=None):
    return [m.name for m in find_names(Sentence(text, 0, 0, 0)) if kind is None or m.kind is kind]


def inds(text):
    return industries.find(Sentence(text, 0, 0, 0))


# ------------------------------------------------------------------ industries

def test_count_cue_before_colon_vouches_for_full_items():
    got = inds("新区坚持做强四大主导产业：新能源汽车及零部件、新能源电池材料、南洋特色水果加工、工业互联网。")
    assert got == ["新能源汽车及零部件", "新能源电池材料", "南洋特色水果加工", "工业互联网"]


def test_count_cue_before_bracket():
    assert inds("培育三个未来产业（人形机器人、功能性食品、低空物流）。") == ["人形机器人", "功能性食品", "低空物流"]


def test_count_cue_after_list():
    assert inds("重点发展汽车零部件、装配式建筑和绿色食品三大产业。") == ["汽车零部件", "装配式建筑", "绿色食品"]


def test_component_noun_after_conjunction_keeps_one_sector():
    assert inds("重点发展智能装备、环保材料和整车及零部件三大产业。") == ["智能装备", "环保材料", "整车及零部件"]
    got = inds("大力发展新能源汽车及零部件产业，培育新能源电池材料产业。")
    assert "新能源汽车及零部件" in got and "新能源电池材料" in got
    assert "新能源" not in got and "新能源汽车" not in got


def test_announcing_clause_is_no_item():
    got = inds("新区坚持做强四大主导产业、智能装备、环保材料和现代物流等产业。")
    assert not any("四大" in i for i in got)


# ------------------------------------------------------------------ agencies

def test_declared_short_form_split_off_even_unbalanced():
    reg = Registry(Kind.AGENCY)
    ent = reg.add("营商环境优化办公室(以下简称营商办", None)
    assert ent.name == "营商环境优化办公室" and ent.aliases == {"营商办"}
    assert reg.add("营商环境优化办公室（以下简称“营商办”）", None) is ent
    assert len(reg.entities) == 1


# ------------------------------------------------------------------ companies

def test_regional_prefix_and_sector_word_make_a_firm():
    got = names("全年引进台湾鼎盛精工、马来西亚宏泰橡胶、韩国东海汽配等企业落户。", Kind.COMPANY)
    assert sorted(got) == sorted(["台湾鼎盛精工", "马来西亚宏泰橡胶", "韩国东海汽配"])
    assert names("签约意大利云帆航空货运项目。", Kind.COMPANY) == ["意大利云帆航空货运"]


def test_brand_and_product_word_before_investment_words():
    assert names("推动南铸轮毂年产300万只铝合金轮毂技改项目开工。", Kind.COMPANY) == ["南铸轮毂"]
    assert names("推动川泽锂能正极材料项目一期开工。", Kind.COMPANY) == ["川泽锂能"]
    assert names("青禾牧场乳业扩建项目加快建设。", Kind.COMPANY) == ["青禾牧场乳业"]


def test_firm_opening_a_park_name_makes_the_park_its_project():
    found = find_names(Sentence("宏筑住工装配式建筑产业园加快建设。", 0, 0, 0))
    assert [(m.name, m.kind) for m in found] == [("宏筑住工装配式建筑产业园", Kind.PROJECT),
                                                   ("宏筑住工", Kind.COMPANY)]
    # a sector word after a place is a sector park, still a zone
    assert names("推进云岭智能传感器产业园建设。", Kind.ZONE) == ["云岭智能传感器产业园"]


# ------------------------------------------------------------------ projects

def test_output_projects_are_whole_names_and_keep_their_firm():
    got = names("推进南峰汽车集团年产20万辆新能源整车项目、年产8000万片柔性线路板项目建设。")
    assert "南峰汽车集团年产20万辆新能源整车项目" in got and "年产8000万片柔性线路板项目" in got
    assert "南峰汽车集团" in got  # the firm stands beside its project
    assert names("推动南铸轮毂年产300万只铝合金轮毂技改项目开工。", Kind.PROJECT) == \
        ["南铸轮毂年产300万只铝合金轮毂技改项目"]


def test_phase_after_a_product_or_project():
    assert names("推动川泽锂能正极材料项目一期开工。", Kind.PROJECT) == ["川泽锂能正极材料项目一期"]
    assert names("加快恒远动力电池二期建设。", Kind.PROJECT) == ["恒远动力电池二期"]
    assert names("做好一期工程收尾，第二期规划。", Kind.PROJECT) == []


def test_facility_heads_of_the_genre():
    assert names("建设南峰生物医药孵化器、锂电材料联合实验室。", Kind.PROJECT) == \
        ["南峰生物医药孵化器", "锂电材料联合实验室"]
    assert names("推进云岭制剂工厂扩建项目。", Kind.PROJECT) == ["云岭制剂工厂扩建项目"]
    assert names("建设创客空间和科技孵化器。", Kind.PROJECT) == []  # kinds, not names


def test_named_area_in_front_of_a_facility():
    assert names("加快综保区智慧监管平台建设。", Kind.PROJECT) == ["综保区智慧监管平台"]
    assert names("推进西区标准化厂房建设。", Kind.PROJECT) == ["西区标准化厂房"]
    # the plan's own zone word and a facility of no more than a kind is no name ("园区监管平台");
    # with what the facility does ("园区智慧监管平台") it is the zone's one such facility, as every
    # blind set's gold lists it (tests/extraction/test_names_after_brackets.py)
    assert names("完善园区监管平台。", Kind.PROJECT) == []


# ------------------------------------------------------------------ zones

def test_zone_heads_and_wings():
    assert names("推进白石镇工业集中区基础设施建设。", Kind.ZONE) == ["白石镇工业集中区"]
    assert names("一核为云岭科学城，东翼临港经济片区，西翼绿色智造片区。", Kind.ZONE) == \
        ["云岭科学城", "东翼临港经济片区", "西翼绿色智造片区"]


# ------------------------------------------------------------------ agencies (heads, scopes)

def test_provincial_departments_and_commissions():
    assert names("积极争取自治区商务厅、省科技厅、市发展改革委支持。", Kind.AGENCY) == \
        ["自治区商务厅", "省科技厅", "市发展改革委"]
    assert names("建设展厅和餐厅，经党委研究", Kind.AGENCY) == []


def test_branch_of_a_named_bureau_stays_whole():
    assert names("市生态环境局白石县分局负责", Kind.AGENCY) == ["市生态环境局白石县分局"]


def test_leading_group_opened_by_scope_and_zone():
    assert names("发展和改革局、县经济开发区建设发展领导小组配合", Kind.AGENCY) == \
        ["发展和改革局", "县经济开发区建设发展领导小组"]
    assert not any(n.startswith("成立") for n in names("成立云岭新城规划实施领导小组，", Kind.AGENCY))


def test_lead_unit_after_you():
    from zonekg.loaders.extraction.units import agencies_of
    assert agencies_of("此项工作由经济发展局") == ["经济发展局"]
    assert agencies_of("该项目由新区临港经济发展办公室") == ["新区临港经济发展办公室"]


def test_a_place_name_jieba_splits_into_a_verb_and_a_character_stays_whole():
    found = [(m.name, m.kind) for m in find_names(Sentence("也是松岚高新技术产业开发区的关键之年", 0, 0, 0))]
    assert found == [("松岚高新技术产业开发区", Kind.ZONE)]


# ------------------------------------------------------------------ firms in firm-only slots

def test_firm_as_subject_of_build_verb_after_support():
    got = names("支持霜岭重工扩建小型收割机生产线、冰溪农机建设数字化车间，推进试验场建设。", Kind.COMPANY)
    assert "霜岭重工" in got and "冰溪农机" in got


def test_firms_listed_before_leading_role():
    got = names("以青禾石墨、暮光碳素为龙头，延伸负极材料产业链。", Kind.COMPANY)
    assert got == ["青禾石墨", "暮光碳素"] or sorted(got) == sorted(["青禾石墨", "暮光碳素"])


def test_firms_listed_before_deng_project_after_introduce():
    got = names("其中引进云岭氟硅化工、白石电子化学品等产业链项目5个。", Kind.COMPANY)
    assert sorted(got) == sorted(["云岭氟硅化工", "白石电子化学品"])  # 电子化学品 wins over 电子


def test_firm_opening_output_project_in_cell_and_after_verb():
    assert names("南峰铝业年产8万吨再生铝项目", Kind.COMPANY) == ["南峰铝业"]
    assert "南峰铝业年产8万吨再生铝项目" in names("南峰铝业年产8万吨再生铝项目", Kind.PROJECT)
    assert "禾源乳业" in names("2.建设禾源乳业年产6万吨酸奶项目，总投资3亿元。", Kind.COMPANY)


def test_firm_before_branch_facility():
    assert "鹭岚科技" in names("引进鹭岚科技西南研发中心。", Kind.COMPANY)


def test_sector_words_in_slots_are_no_firms():
    assert names("支持企业建设智能工厂。", Kind.COMPANY) == []
    assert names("支持高端装备扩建生产线。", Kind.COMPANY) == []
    assert names("引进新材料、电子信息等产业链项目5个。", Kind.COMPANY) == []


def test_a_firm_ending_inside_a_longer_word_is_no_firm():
    found = [(m.name, m.kind) for m in find_names(Sentence("实施滨河公园、长宁路等7项绿化工程项目", 0, 0, 0))]
    assert not [name for name, kind in found if kind is Kind.COMPANY]


def test_a_roads_extension_belongs_to_its_name():
    got = names("加快滨江大道东延段建设，推进纬三路北延伸工程，年内建成通车。", Kind.PROJECT)
    assert "滨江大道东延段" in got and "滨江大道" not in got
    assert "纬三路北延伸工程" in got


def test_a_direction_opening_a_place_name_jieba_does_not_know_names_a_zone():
    # 西+塍: a direction and a rare character are the name of a place (the side of a field)
    found = zone_names("推进西塍高端装备片区开发，完善片区配套。", title="某某高新区2025年工作要点")
    assert "西塍高端装备片区" in found


def test_a_type_of_unit_after_a_common_word_is_no_town():
    # 街镇 (streets and towns as a type of unit) after "片上" (in the area): no town 片上街镇
    found = names("区直部门要下沉力量，协同片上街镇推进项目落地。", Kind.AGENCY)
    assert not any(n.endswith("街镇") for n in found)


def test_a_park_named_after_the_valley_it_lies_in_keeps_the_valleys_name():
    found = names("（1）建设岚汀光谷设计园，2025年建成启用。")
    assert "岚汀光谷设计园" in found
    assert "岚汀光谷" not in found


def test_a_firm_after_a_summons_and_its_role_as_owner():
    # "约谈" (summoned for talks) and "项目业主" (the project's owner) end the text before the firm
    found = names("区督查室已约谈项目业主澄溪仓储物流有限公司，要求月底前开工。", Kind.COMPANY)
    assert found == ["澄溪仓储物流有限公司"]


def test_a_stage_of_road_works_is_no_project():
    # 路基 (a road's bed) is a stage of works, though jieba tags the word as a person's name
    assert "路基工程" not in names("受征迁影响，目前仅完成路基工程3.5公里。", Kind.PROJECT)
