"""A table whose tabs a copy turned into runs of spaces (four per tab): every cell is parted
from the next by the same run, so a run two or three times as long stands for the empty cells
between, and a section line between rows stays a row of the table. The text is invented."""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.readers import read_document

_TEXT = """\
续表

序号    项目名称    建设规模    总投资（亿元）    牵头领导    责任单位
6    滨河路东延工程    新建道路1.8公里    2.4        住建局
7    东区邻里中心    建筑面积2.2万平方米    1.9    魏东    国资公司
二、社会事业项目（2个）
8    第三幼儿园    办学规模12个班    0.9    魏东    教育局
9    智慧停车平台    建设停车诱导系统    0.3        数据局
合计            5.5

说明：各单位每月报送进度。
"""


def test_a_long_run_of_spaces_stands_for_the_empty_cells_between(write):
    [table] = [b for b in read_document(write("t.txt", _TEXT)).blocks if isinstance(b, Table)]
    rows = {r[0]: r for r in table.rows}
    assert rows["6"] == ("6", "滨河路东延工程", "新建道路1.8公里", "2.4", "", "住建局")
    assert rows["9"] == ("9", "智慧停车平台", "建设停车诱导系统", "0.3", "", "数据局")
    assert rows["7"] == ("7", "东区邻里中心", "建筑面积2.2万平方米", "1.9", "魏东", "国资公司")
    assert rows["合计"][:4] == ("合计", "", "", "5.5")


def test_a_section_line_between_rows_stays_in_the_table(write):
    [table] = [b for b in read_document(write("t.txt", _TEXT)).blocks if isinstance(b, Table)]
    assert ("二、社会事业项目（2个）",) in table.rows
    assert table.rows[-1][0] == "合计"
