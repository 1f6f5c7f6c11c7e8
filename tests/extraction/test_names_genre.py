"""Names of the genre beyond marker suffixes: agencies, firms, zones, industries and project
boundaries. Every name here is invented (imaginary places 青川, 云岭, 白沙, 石湾…)."""
from __future__ import annotations


from zonekg.loaders.extraction import industries
from zonekg.loaders.extraction.registry import Registry
from zonekg.loaders.extraction.model import Evidence, Kind
from zonekg.loaders.extraction.names import find as find_names
from zonekg.loaders.extraction.text import Sentence


def names(text, kind=None):
    return [m.name for m in find_names(Sentence(text, 0, 0, 0)) if kind is None or m.kind is kind]


def inds(text):
    return industries.find(Sentence(text, 0, 0, 0))


# ------------------------------------------------------------------ agencies

def test_scope_and_abbreviated_department():
    assert names("责任单位:区经发局、区投促局、县住建局", Kind.AGENCY) == ["区经发局", "区投促局", "县住建局"]
    assert names("配合单位:区统计局", Kind.AGENCY) == ["区统计局"]


def test_department_stems_with_verbs_or_conjunctions_stay_whole():
    got = names("石湾规划建设局会同云岭市自然资源和规划局做好用地保障;石湾投资促进局加强对接", Kind.AGENCY)
    assert got == ["石湾规划建设局", "云岭市自然资源和规划局", "石湾投资促进局"]
    assert names("办公室设在区发展和改革局", Kind.AGENCY)[-1] == "区发展和改革局"
    assert names("产业发展局会同财政金融局负责,招商服务局配合", Kind.AGENCY) == \
        ["产业发展局", "财政金融局", "招商服务局"]


def test_government_centres_are_agencies_but_built_centres_are_not():
    assert names("配合单位:区房屋征收中心、区财政局", Kind.AGENCY) == ["区房屋征收中心", "区财政局"]
    assert names("区招商中心负责", Kind.AGENCY) == ["区招商中心"]
    assert names("3 | 完成土地收储 | 王某 | 自然资源分局、土地储备中心 | 年底", Kind.AGENCY) == \
        ["自然资源分局", "土地储备中心"]
    assert names("建设区大数据中心", Kind.AGENCY) == []


def test_units_inside_bodies_and_long_groups():
    assert names("每月报送管委会督查室", Kind.AGENCY) == ["管委会督查室"]
    assert names("配合单位:区公安分局交警大队", Kind.AGENCY) == ["区公安分局交警大队"]
    assert names("为推进工作,区石湾科技小镇建设工作领导小组研究确定", Kind.AGENCY) == \
        ["区石湾科技小镇建设工作领导小组"]
    assert names("园区管委会党工委", Kind.AGENCY) == ["园区管委会党工委"]


def test_agency_slogans_and_particles():
    assert names("深化“一窗通办”改革,推行“企业事企业办”", Kind.AGENCY) == []
    assert names("各局办、各园区管理办公室", Kind.AGENCY) == ["园区管理办公室"]
    assert names("经管委会主任办公会研究", Kind.AGENCY) == ["管委会"]


def test_department_only_in_duty_context():
    assert names("责任单位:招商局", Kind.AGENCY) == ["招商局"]


def test_declared_alias_merges():
    s = Sentence("办公室设在区发展和改革局(以下简称区发改局),负责调度", 0, 0, 0)
    found = [m for m in find_names(s) if m.kind is Kind.AGENCY]
    assert found[-1].alias == "区发改局"
    reg = Registry(Kind.AGENCY)
    other = reg.add("区发改局", Evidence("x", 0))
    ent = reg.add("区发展和改革局", Evidence("y", 0))
    reg.declare(ent, "区发改局")
    assert len(reg.entities) == 1 and "区发改局" in reg.entities[0].aliases and other is not ent


def test_party_committee_not_merged_with_management_committee():
    reg = Registry(Kind.AGENCY)
    reg.add("园区管委会", None)
    reg.add("园区管委会党工委", None)
    reg.link_abbreviations([])
    assert len(reg.entities) == 2


def test_zone_abbreviation_of_kind_merges():
    reg = Registry(Kind.ZONE)
    reg.add("石湾高新技术产业开发区", None)
    reg.add("石湾高新区", None)
    reg.link_abbreviations([])
    assert [e.name for e in reg.entities] == ["石湾高新技术产业开发区"]


# ------------------------------------------------------------------ companies

def test_firms_without_marker_in_company_context():
    assert "芯泰微电子" in names("推进芯泰微电子8英寸产线二期建设", Kind.COMPANY)
    assert names("支持瑞诺生物冲刺科创板上市", Kind.COMPANY) == ["瑞诺生物"]
    assert names("推动茗禾食品、澜锐电子等企业技改", Kind.COMPANY) == ["茗禾食品", "澜锐电子"]
    assert names("支持日本丸川化成扩大产能", Kind.COMPANY) == ["日本丸川化成"]
    assert "石湾城投集团" not in names("区城投集团负责实施", Kind.COMPANY)
    assert names("区城投集团负责实施", Kind.COMPANY) == ["区城投集团"]


def test_sector_phrases_and_events_are_not_firms():
    assert names("发展海洋健康食品和陆路物流", Kind.COMPANY) == []
    assert names("办好第三届石湾国际半导体产业博览会", Kind.COMPANY) == []


# ------------------------------------------------------------------ zones

def test_functional_zone_heads_and_bare_parks():
    assert names("形成石湾临港产业区、云岭商务区和白沙中央商务区", Kind.ZONE) == \
        ["石湾临港产业区", "云岭商务区", "白沙中央商务区"]
    assert names("三园即云岭科技园、白沙智造园", Kind.ZONE) == ["云岭科技园", "白沙智造园"]
    assert names("建设南岭温泉康养小镇", Kind.ZONE) == ["南岭温泉康养小镇"]
    assert names("园区东区果蔬加工区", Kind.ZONE) == ["东区果蔬加工区"]


def test_zone_slogans_are_not_zones():
    assert names("冲刺国家高新区综合评价前十位", Kind.ZONE) == []
    assert names("发展定位:建设西部先进制造业基地和宜居宜业滨江新城", Kind.ZONE) == []
    assert names("与建设现代化滨江新城的要求仍有差距", Kind.ZONE) == []


# ------------------------------------------------------------------ industries

def test_count_cue_takes_the_whole_list():
    assert inds("围绕低空飞行、人工智能和氢能三个方向,编制方案") == ["低空飞行", "人工智能", "氢能"]
    assert inds("三大主导产业即船舶修造、新材料、港口物流;两大新兴产业即海洋药物和数字创意") == \
        ["船舶修造", "新材料", "港口物流", "海洋药物", "数字创意"]
    assert inds("园区将围绕果蔬精深加工、中药材加工和新型建材三大产业") == \
        ["果蔬精深加工", "中药材加工", "新型建材"]


def test_focus_list_and_organisation_nouns():
    assert inds("重点发展船舶配套、港口机械和精密数控装备") == ["船舶配套", "港口机械", "精密数控装备"]
    assert inds("引进科研团队和科技服务机构10家以上") == []


# ------------------------------------------------------------------ project boundaries

def test_project_boundaries():
    assert names("建设5万吨级散货码头二期工程", Kind.PROJECT) == ["5万吨级散货码头二期工程"]
    assert names("以及江滨大道快速路、地铁5号线石湾段等工程", Kind.PROJECT)[:2] == \
        ["江滨大道快速路", "地铁5号线石湾段"]
    assert names("与云岭大学共建智能制造研究院", Kind.PROJECT) == ["智能制造研究院"]
    assert names("建设人才公寓800套", Kind.PROJECT) == []
    assert names("建设白沙河生态绿道", Kind.PROJECT) == ["白沙河生态绿道"]
    assert names("建成石湾人民医院滨江院区", Kind.PROJECT) == ["石湾人民医院滨江院区"]


def test_truncated_project_and_generic_committee_merge():
    reg = Registry(Kind.PROJECT)
    reg.add("地铁5号线石湾段", None)
    reg.add("地铁5号线", None)
    reg.link_abbreviations([])
    assert [e.name for e in reg.entities] == ["地铁5号线石湾段"]
    reg = Registry(Kind.AGENCY)
    reg.add("石湾县工业园区管理委员会", None)
    reg.add("园区管委会", None)
    reg.add("园区管委会党工委", None)
    reg.link_abbreviations(["石湾县工业园区"])
    assert sorted(e.name for e in reg.entities) == ["园区管委会党工委", "石湾县工业园区管理委员会"]
