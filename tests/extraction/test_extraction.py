"""Behaviour of the extraction engine on self-written genre fixtures and single sentences."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.lists import find as find_lists
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.extraction.names import find as find_names
from zonekg.loaders.extraction.numerals import scaled, to_decimal
from zonekg.loaders.extraction.text import Sentence, split_sentences
from zonekg.loaders.readers import read_document

from .conftest import doc

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def names(text, kind=None):
    return [m.name for m in find_names(Sentence(text, 0, 0, 0)) if kind is None or m.kind is kind]




@pytest.fixture(scope="module")
def gaoxin():
    return extract(read_document(FIX / "gaoxin_tasks.txt"))


@pytest.fixture(scope="module")
def gongye():
    return extract(read_document(FIX / "gongye_plan.txt"))


def by_name(ex, kind):
    return {e.name: e for e in ex.of_kind(kind)}


def test_numerals():
    assert to_decimal("十五") == 15 and to_decimal("两") == 2 and to_decimal("百") == 100
    assert scaled(Decimal(23), "亿元") == Decimal(2300000000)
    assert scaled(Decimal(36), "万平方米") == Decimal(360000)


def test_sentences_do_not_split_inside_brackets():
    parts = split_sentences("推进X建设(牵头部门:经发局;参与部门:财政局)。完成Y;启动Z。")
    assert parts[0].endswith("财政局)。") and len(parts) == 3


def test_zone_nesting_and_lists():
    assert names("依托东部滨海新城国家产城融合示范区建设", Kind.ZONE) == ["东部滨海新城", "国家产城融合示范区"]
    assert "新城(崮山)产业园" in names("依托综合保税区B区、环山路工业园、新城(崮山)产业园", Kind.ZONE)
    assert "综合保税区B区" in names("依托综合保税区B区、环山路工业园", Kind.ZONE)


def test_generic_zone_words_are_not_zones():
    assert names("定期走访园区内企业,提升我区开发区水平", Kind.ZONE) == []


def test_agencies_towns_and_leading_groups():
    got = names("成立青川经济开发区项目建设领导小组,由财政局、双河镇、东关街道办事处负责", Kind.AGENCY)
    assert "青川经济开发区项目建设领导小组" in got and "双河镇" in got and "东关街道办事处" in got


def test_words_ending_in_head_chars_are_not_agencies():
    assert names("优化产业布局,形成新格局,集中办好民生实事", Kind.AGENCY) == []


def test_projects_and_amounts(gongye):
    p = by_name(gongye, Kind.PROJECT)["南湖检验检测中心"]
    assert p.investment_cny == Decimal(1200000000) and p.area_m2 == Decimal(80000)


def test_bracketed_responsibility(gongye):
    # "(一)推进南湖智能制造产业园建设(牵头部门:…)": the park the task names is the project
    task = "南湖智能制造产业园"
    leads = [f.object.name for f in gongye.facts if f.subject.name == task and f.relation is Relation.LEAD_AGENCY]
    parts = [f.object.name for f in gongye.facts
             if f.subject.name == task and f.relation is Relation.PARTICIPATING_AGENCY]
    assert leads == ["经济发展局"] and set(parts) == {"财政局", "建设管理局", "南湖镇"}


def gongye_ref(ex, name):
    return by_name(ex, Kind.PROJECT)[name].ref


def test_abbreviations_merge(gongye):
    agencies = by_name(gongye, Kind.AGENCY)
    assert "经发局" in agencies["经济发展局"].aliases
    assert "服发办" in agencies["服务业发展办公室"].aliases


def test_bare_department_stems_from_lists(gongye):
    agencies = by_name(gongye, Kind.AGENCY)
    assert {"规划", "国土", "财政"} <= set(agencies)


def test_responsibility_table_with_continuation_row(gaoxin):
    leads = {(f.subject.name, f.object.name) for f in gaoxin.facts if f.relation is Relation.LEAD_AGENCY}
    # the row's 责任单位 lead the project its 重点工作 cell names ("推进X建设" → X)
    assert ("智谷软件产业园二期", "规划建设局") in leads
    # a unit on the cell's continuation line is another unit of the list
    assert ("完善创业大厦配套设施", "投资促进中心") in leads
    # a person in the 责任领导 column is never an agency
    assert "王明" not in by_name(gaoxin, Kind.AGENCY)


def test_table_blocks_work_like_text_rows():
    ex = extract(doc(tables=[(("序号", "重点工作", "责任领导", "责任单位", "完成时限"),
                              ("1", "建设临江物流园", "张三", "商务局", "2020年底"))]))
    leads = [(f.subject.name, f.object.name) for f in ex.facts if f.relation is Relation.LEAD_AGENCY]
    assert leads == [("临江物流园", "商务局")]


def test_industries_checked_against_count_words():
    lists = find_lists(Sentence("形成了纺织服装、食品加工两大传统产业和新材料、生物医药、电子信息三大新兴产业", 0, 0, 0))
    assert [found.items for found in lists] == [["纺织服装", "食品加工"], ["新材料", "生物医药", "电子信息"]]
    assert [found.count for found in lists] == [2, 3]


def test_industries_in_fixture(gaoxin):
    assert {"生物医药", "新一代信息技术", "高端装备制造"} <= set(by_name(gaoxin, Kind.INDUSTRY))


def test_companies(gongye):
    assert {"恒远集团", "北辰药业"} <= set(by_name(gongye, Kind.COMPANY))


def test_targets_growth_stretch_and_counts(gaoxin):
    ts = [(t.metric, t.kind.value, t.value, t.unit, t.year) for t in gaoxin.targets if not t.actual]
    assert ("地区生产总值", "growth_rate", 8, "%", 2020) in ts
    assert ("新增高新技术企业", "count", 30, "家", 2020) in ts
    assert ("规模以上工业增加值", "growth_rate", 10, "%", 2020) in ts


def test_targets_distribution_year_and_range(gongye):
    ts = {(t.metric, t.value, t.unit, t.year) for t in gongye.targets if not t.actual}
    assert ("高新技术企业", 40, "家", 2023) in ts and ("科技型中小企业", 120, "家", 2023) in ts
    assert any(v == 1 and u == "个" for _, v, u, _ in ts)  # "1-2个" → first value


def test_past_statistics_are_actual(gongye):
    past = [t for t in gongye.targets if t.value == 180]
    assert past and all(t.actual for t in past)


def test_evidence_is_a_sentence(gongye):
    for e in gongye.entities:
        for ev in e.evidence:
            assert "\n" not in ev.quote and len(ev.quote) < 200


def test_main_zone_issuer_year(gaoxin):
    assert gaoxin.main_zone == "青川高新技术产业开发区"
    assert gaoxin.plan_year == 2020 and gaoxin.issuer


def test_full_width_text_is_folded():
    ex = extract(doc("全年地区生产总值增长１０％。"))
    assert any(t.value == 10 and t.unit == "%" for t in ex.targets)


def test_time_grows_linearly_with_the_input():
    """Four times the text takes about four times the CPU time (quadratic would be 16 times).
    CPU time of this process, measured side by side, so a busy machine changes both alike."""
    import time

    sentence = ("加快推进青川生物医药研究院、智谷软件产业园建设(牵头部门:经发局;参与部门:财政局),"
                "全年新增高新技术企业30家。")

    def cpu_seconds(repeats: int) -> float:
        text = sentence * repeats
        document = doc(*[text[i:i + 2000] for i in range(0, len(text), 2000)])
        start = time.process_time()
        extract(document)
        return time.process_time() - start

    cpu_seconds(20)  # dictionaries and patterns load once, outside the measurement
    # the least of a few runs each: a tenth of a second of CPU on a loaded machine varies with
    # what shares its caches, and the least is the run the others disturbed least
    single = min(cpu_seconds(300) for _ in range(3))
    quadruple = min(cpu_seconds(1200) for _ in range(2))
    print(f"1x {single:.2f} s, 4x {quadruple:.2f} s")
    assert quadruple / single < 6, f"1x {single:.2f} s, 4x {quadruple:.2f} s"
