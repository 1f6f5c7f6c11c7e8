"""Investment and floor area attached to a named project (amounts.attach), on sentences of the
genre written for the test; the project's position is given, so name detection is not tested."""
from __future__ import annotations

from decimal import Decimal

from zonekg.loaders.extraction import amounts
from zonekg.loaders.extraction.model import Entity, Kind
from zonekg.loaders.extraction.text import Sentence


def amounts_of(name: str, *texts: str, at: int = 0) -> tuple:
    """(investment_cny, area_m2) of project ``name`` named in ``texts[at]``."""
    sents = [Sentence(t, 0, i, i) for i, t in enumerate(texts)]
    s = sents[at]
    start = s.text.index(name)
    ent = Entity(Kind.PROJECT, name)
    amounts.attach(ent, s, start, start + len(name), sents)
    return ent.investment_cny, ent.area_m2


def test_amounts_before_the_name_in_one_noun_phrase():
    assert amounts_of("青川数字经济中心", "总投资15亿元、20万平方米的青川数字经济中心,完成投资3亿元。") == \
        (Decimal(1500000000), Decimal(200000))
    assert amounts_of("众创孵化园", "投资设立2.6万平方米的众创孵化园,为毕业企业提供服务。") == (None, Decimal(26000))


def test_progress_of_the_year_is_not_the_total_investment():
    assert amounts_of("北湖科创大厦", "完成投资2亿元,5万平方米的北湖科创大厦封顶。") == (None, Decimal(50000))
    assert amounts_of("区域创新中心", "2021年计划完成投资6亿元,加快区域创新中心建设。") == (None, None)


def test_investment_clause_before_the_project_it_builds():
    assert amounts_of("南湖康复医院", "与北辰集团合作,投资5亿元,启动建设一所“医养结合”的南湖康复医院。") == \
        (Decimal(500000000), None)


def test_amounts_after_the_name():
    assert amounts_of("青川物流园", "青川物流园项目总投资8亿元,总建筑面积12万平方米,年内开工。") == \
        (Decimal(800000000), Decimal(120000))
    assert amounts_of("人才公寓", "开工建设人才公寓800套,共4.2万平方米。") == (None, Decimal(42000))


def test_an_aggregate_over_several_projects_is_nobody_s():
    assert amounts_of("南湖港", "跟踪抓好青川物流园、南湖港等总投资300亿元的20个重点项目建设。") == (None, None)
    assert amounts_of("北站物流中心", "北站物流中心总投资50亿元的3个子项目全部开工。") == (None, None)


def test_one_end_of_a_range_is_not_an_area():
    assert amounts_of("研发楼宇", "力争3年内完成60—80万平方米研发楼宇建设。") == (None, None)


def test_item_title_then_its_budget_in_the_next_sentence():
    assert amounts_of("乡村道路工程", "3.乡村道路工程。", "计划投入资金600万元,新建农路5条。") == \
        (Decimal(6000000), None)
    # an ordinary mention followed by somebody else's budget gets nothing
    assert amounts_of("乡村道路工程", "推进乡村道路工程。", "计划投入资金600万元,新建农路5条。") == (None, None)


def test_site_size_in_mu_is_skipped_for_the_floor_area_after_it():
    assert amounts_of("东关科创中心", "东关科创中心占地面积150亩,总建筑面积20万平方米,年内开工。") == \
        (None, Decimal(200000))
    assert amounts_of("西湾物流园", "西湾物流园,总投资6亿元,占地120亩,建筑面积9万平方米。") == \
        (Decimal(600000000), Decimal(90000))
