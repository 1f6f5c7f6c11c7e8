"""An indicator table that has both a unit column (单位) and a responsibility column (责任单位)
reads each row's unit from the unit column: the responsible unit after it is an agency, not a
measure. A goal written as a floor ("≥95") is the goal's value; a dash in the past column
("—") and a goal in words ("完成省下达任务") give no target. The text is invented."""
from __future__ import annotations

from decimal import Decimal

from zonekg.loaders.document import Table
from zonekg.loaders.extraction import extract

from .conftest import doc

_HEADER = ("序号", "指标名称", "单位", "2023年完成", "2024年目标", "责任单位")


def _targets(*rows: tuple[str, ...]):
    plan = doc("附件：荻川高新区2024年主要指标分解表",
               Table((_HEADER, ("一、经济运行", "", "", "", "", ""), *rows)),
               title="荻川高新区2024年目标任务分解方案")
    return {(t.metric, t.kind.value, t.value, t.unit, t.year, t.actual) for t in extract(plan).targets}


def test_the_unit_column_gives_the_unit_not_the_responsible_unit():
    found = _targets(("1", "工业总产值增速", "%", "7.5", "9", "工业和信息化局"),
                     ("2", "税收收入", "亿元", "20.4", "23.6", "财政局、税务分局"),
                     ("3", "新增规模以上工业企业", "家", "12", "18", "工业和信息化局"),
                     ("4", "新建人才公寓", "套", "—", "450", "住房保障中心"))
    goals = {f for f in found if not f[5]}
    assert ("工业总产值增速", "growth_rate", Decimal("9"), "%", 2024, False) in goals
    assert ("税收收入", "level", Decimal("23.6"), "亿元", 2024, False) in goals
    assert ("新增规模以上工业企业", "count", Decimal("18"), "家", 2024, False) in goals
    assert ("新建人才公寓", "count", Decimal("450"), "套", 2024, False) in goals
    assert ("税收收入", "level", Decimal("20.4"), "亿元", 2023, True) in found
    assert not any(f[3] in ("工业和信息化局", "财政局、税务分局") for f in found)


def test_a_floor_is_the_goal_and_a_goal_in_words_is_none():
    found = _targets(("1", "地表水优良水体比例", "%", "90.1", "≥92", "生态环境分局"),
                     ("2", "单位工业增加值能耗下降", "%", "—", "完成省下达任务", "工业和信息化局"))
    assert ("地表水优良水体比例", "share", Decimal("92"), "%", 2024, False) in found
    assert not any(f[0].startswith("单位工业增加值能耗") for f in found)
