"""A table a word processor saved as HTML puts each line of a cell in a <p> of its own: a name
broken over two <p> is one name again, two units in two <p> are a list ("A、B"), and a header
whose "（万元）" sits in its own <p> is one header. Latin words keep a space. Invented text."""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.readers import read_document

_PAGE = """<html><head><title>附件</title></head><body>
<p>漳湾高新区2024年重点项目推进清单</p>
<table>
<thead><tr><td><p>序号</p></td><td><p>项目名称</p></td><td><p>总投资</p><p>（万元）</p></td>
<td><p>责任单位</p></td><td><p>配合单位</p></td></tr></thead>
<tbody>
<tr><td><p>1</p></td><td><p>漳湾高新区新能源装备</p><p>配套产业园</p></td><td><p>126000</p></td>
<td><p>招商服务中心</p><p>漳湾城投集团</p></td><td><p>&nbsp;</p></td></tr>
<tr><td><p>2</p></td><td><p>Smart Port</p><p>Platform 一期</p></td><td><p>8800</p></td>
<td><p>数据资源局</p></td><td><p>港航服务中心</p></td></tr>
</tbody></table>
</body></html>
"""


def _table(write) -> Table:
    [table] = [b for b in read_document(write("page.html", _PAGE)).blocks if isinstance(b, Table)]
    return table


def test_a_cell_broken_into_paragraphs_reads_as_one_text(write):
    table = _table(write)
    assert table.rows[0] == ("序号", "项目名称", "总投资（万元）", "责任单位", "配合单位")
    assert table.rows[1][1] == "漳湾高新区新能源装备配套产业园"
    assert table.rows[2][1] == "Smart Port Platform 一期"


def test_units_in_paragraphs_of_a_units_column_are_a_list(write):
    table = _table(write)
    assert table.rows[1][3] == "招商服务中心、漳湾城投集团"
    assert table.rows[1][4] == ""


def test_paragraphs_of_a_dates_column_are_steps(write):
    page = """<html><body><table>
<tr><td><p>项目名称</p></td><td><p>时间节点</p></td><td><p>责任单位</p></td></tr>
<tr><td><p>渌溪智能装备产业园</p><p>标准厂房</p></td><td><p>4月底前开工</p><p>11月底前主体完工</p></td>
<td><p>建设管理局</p></td></tr>
</table></body></html>"""
    [table] = [b for b in read_document(write("steps.html", page)).blocks if isinstance(b, Table)]
    assert table.rows[1][:2] == ("渌溪智能装备产业园标准厂房", "4月底前开工；11月底前主体完工")
