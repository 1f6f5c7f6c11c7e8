"""A note a table carries as a row of its own ("注：2025年计划完成重大项目投资22.7亿元") states
goals as the text around the table does; counts of licences, beds, trains, ships and aircraft
("注册证40张", "开行600列") are goals like counts of firms. The text is invented for the test."""
from __future__ import annotations

from decimal import Decimal

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract

TITLE = "槐川新区2025年重点项目计划"
TABLE = (["序号", "项目名称", "建设单位", "总投资（万元）", "责任单位"],
         ["1", "槐川高铁站综合客运枢纽", "槐川新区建设发展有限公司", "186000", "新区住建局"],
         ["合计", "", "", "186000", ""],
         ["注：2025年新区计划完成重大项目投资22.7亿元。", "", "", "", ""])


def goals(*blocks: str, tables: tuple = ()) -> dict[str, tuple]:
    return {t.metric: (t.value, t.unit) for t in extract(doc(*blocks, title=TITLE, tables=tables)).targets}


def test_a_note_row_under_a_table_states_a_goal():
    assert goals(tables=(TABLE,)).get("重大项目投资") == (Decimal("22.7"), "亿元")


def test_a_row_of_one_cell_without_a_note_label_is_no_prose():
    plain = (TABLE[0], TABLE[1], ["2025年新区计划完成重大项目投资22.7亿元。", "", "", "", ""])
    assert "重大项目投资" not in goals(tables=(plain,))


def test_counts_of_licences_beds_and_trains():
    found = goals("2025年，新增二类以上医疗器械注册证40张，新增床位400张；中欧班列开行600列。")
    assert found.get("新增二类以上医疗器械注册证") == (Decimal("40"), "张")
    assert (Decimal("600"), "列") in found.values()
