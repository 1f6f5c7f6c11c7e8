"""Tables a web page or document site flattened to one cell per line (blank lines or "|"
debris between cells, empty cells leaving no line). Texts are invented."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.document import Table
from zonekg.loaders.readers import read_document
from zonekg.loaders.readers.tables import split_blocks

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def test_one_cell_per_line_table_keeps_its_rows():
    doc = read_document(FIX / "linecell_table.txt")
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    header, section, *rows = table.rows
    assert header == ("序号", "重点工作", "市政府", "分管领导", "牵头单位", "配合单位", "备注")
    assert section == ("一、主要预期指标",)
    assert [r[0] for r in rows] == ["1", "2", "3", "4"]
    assert rows[2] == ("3", "全力做好海棠湾国家重点实验室筹建保障服务工作。", "欧阳明",
                       "市科技局*、市财政局", "市政府办公厅、市发展改革委,南山区政府")
    assert rows[3][-1] == "★市财政局、市金融局"  # "|" debris lines are no cells


def test_rows_numbered_in_their_task_cell_and_a_grouping_column():
    lines = ["序号", "|", "项目", "|", "重点工作目标任务", "|", "牵头领导", "|", "责任单位", "|",
             "1", "|", "主要预期目标", "|", "1.地区生产总值增长5%以上。", "|", "钱 宇", "|",
             "★区发改委、统计局", "|", "2.一般公共预算收入增长6%以上。", "|", "★区财政局、税务局", "|"]
    [table] = split_blocks(lines)
    assert table.rows[0] == ("序号", "项目", "重点工作目标任务", "牵头领导", "责任单位")
    assert table.rows[1] == ("1", "主要预期目标", "1.地区生产总值增长5%以上。", "钱 宇", "★区发改委、统计局")
    assert table.rows[2] == ("2.一般公共预算收入增长6%以上。", "★区财政局、税务局")


def test_header_words_in_running_text_are_no_table():
    lines = ["各责任单位要细化任务。", "", "序号", "", "一、总体要求", "", "坚持稳中求进。"]
    assert not any(isinstance(b, Table) for b in split_blocks(lines))


def test_a_table_dumped_without_separators_is_cut_at_its_row_numbers():
    doc = read_document(FIX / "glued_table.txt")
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows[0] == ("序号", "主要工作任务", "第一责任单位", "主要责任单位")
    assert table.rows[1] == ("一、主要发展指标",)
    numbered = [r for r in table.rows if len(r) == 2]
    assert [r[0] for r in numbered] == ["1", "2", "3", "4", "5"]  # not 7%, 12万元 or the page mark —2—
    assert numbered[1][1] == "一般公共预算收入年均增长6%。市财政局各县(市、区)政府、市税务局"
    assert ("二、产业优化升级",) in table.rows


def test_a_project_table_one_cell_a_line_keeps_its_figures_in_their_rows():
    lines = ["金额单位：亿元", "序号", "项目名称", "建设内容", "总投资（亿元）", "年度计划投资", "责任单位", "牵头领导",
             "一、产业项目", "1", "栖霞新材料年产8万吨电解液项目", "新建电解液生产线4条", "22", "6",
             "经济发展局、栖霞产业园管理办公室", "刘文清",
             "2", "栖霞智能装备产业园一期", "建设标准厂房，建筑面积7万平方米", "9.5", "3", "规划建设局", "—",
             "二、社会民生项目", "3", "栖霞实验学校", "新建学校一所", "4", "1.2", "社会事务局", "刘文清",
             "合计", "", "", "35.5", "10.2", "", "",
             "注：责任单位有两个的，排在第一位的为牵头单位。"]
    blocks = split_blocks(lines)
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert table.rows[0] == ("序号", "项目名称", "建设内容", "总投资（亿元）", "年度计划投资", "责任单位", "牵头领导")
    # a figure that is not the next row's number is a cell ("22", "6" of row 1; "4" of row 3)
    assert table.rows[2] == ("1", "栖霞新材料年产8万吨电解液项目", "新建电解液生产线4条", "22", "6",
                             "经济发展局、栖霞产业园管理办公室", "刘文清")
    assert table.rows[3][:2] == ("2", "栖霞智能装备产业园一期")
    assert table.rows[4] == ("二、社会民生项目",)
    assert table.rows[5] == ("3", "栖霞实验学校", "新建学校一所", "4", "1.2", "社会事务局", "刘文清")
    assert table.rows[6] == ("合计", "35.5", "10.2")  # the total is a row of its own
    assert blocks[-1] == "注：责任单位有两个的，排在第一位的为牵头单位。"  # a note under the table is text
