"""Tables written as text, and the wrap joiner."""
from __future__ import annotations

from zonekg.loaders.document import Paragraph, Table
from zonekg.loaders.readers import read_document
from zonekg.loaders.readers.lines import join_wrapped, wrap_width
from zonekg.loaders.readers.tables import split_blocks

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def tables(doc):
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_pipe_table_with_chrome_and_metadata():
    doc = read_document(FIXTURES / "task_list_pipes.txt")
    assert doc.title == "清河高新区2024年重点项目推进责任清单"
    assert doc.metadata == {"date": "2024-01-16", "source": "清河高新区经发局", "site_owner": "清河高新区管委会",
                            "publisher": "清河高新区经发局"}
    [table] = tables(doc)
    assert table.rows[0] == ("序号", "项目名称", "责任领导", "责任单位", "完成时限")
    assert table.rows[3] == ("3", "园区综合管廊一期", "赵一鸣", "建设局、城管局", "2024年12月")
    text = doc.text()
    for chrome in ("设为首页", "版权所有", "阅读次数", "发布时间"):
        assert chrome not in text
    assert doc.blocks[-1] == Paragraph("各责任单位每季度末报送进度。")


def test_navigation_line_with_pipes_is_not_a_table(write):
    doc = read_document(write("n.txt", "返回园区主站>> | 设为首页 | 加入收藏\n园区简报\n本月完成投资三亿元。\n"))
    assert not tables(doc)
    assert [b.text for b in doc.blocks] == ["园区简报", "本月完成投资三亿元。"]


def test_wide_space_table_with_multiline_cell_gb18030():
    doc = read_document(FIXTURES / "task_list_spaces.txt")
    assert doc.encoding == "gb18030"
    [table] = tables(doc)
    assert len(table.rows) == 4
    assert table.rows[2] == ("2", "建设污水处理厂二期，实现雨污分流全覆盖", "吴涛",
                             "生态环境分局、城市管理局", "2024年12月")
    assert table.rows[3][1] == "举办产业链招商推介会"
    assert doc.blocks[-1] == Paragraph("以上任务请各单位对照时限抓好落实。")
    assert doc.metadata == {"date": "2024-01"}  # from the bare （2024年1月） line


def test_full_width_space_table():
    lines = [
        "序号　　工作任务　　　　　　　责任单位",
        "１　　　修缮园区主干道　　　　建设局",
        "２　　　建设污水处理厂，　　　城管局、",
        "　　　　年底投入运行　　　　　环保局",
        "３　　　开展安全生产检查　　　应急办",
    ]
    [table] = split_blocks(lines)
    assert table.rows[2] == ("２", "建设污水处理厂，年底投入运行", "城管局、环保局")
    assert len(table.rows) == 4


def test_prose_with_a_blank_gap_is_not_a_table():
    lines = [
        "一是提升承载能力。完成清淤   万方，打造湾清水碧的环境。",
        "二是强化日常维护。加强道路巡查，做到及时发现、及时修复。",
    ]
    assert split_blocks(lines) == lines


def test_two_aligned_lines_without_header_are_not_a_table():
    lines = ["甲方    乙方", "王明    李华", "后记。"]
    assert not any(isinstance(b, Table) for b in split_blocks(lines))


def test_header_allows_a_two_row_table():
    lines = ["序号  重点工作  责任单位", "1     修路      建设局"]
    [table] = split_blocks(lines)
    assert table.rows[1] == ("1", "修路", "建设局")


def test_hard_wrapped_text_is_joined():
    doc = read_document(FIXTURES / "wrapped_plan.txt")
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "东湖科创园2024年工作计划"
    assert texts[1].startswith("今年是科创园转型发展的攻坚之年") and texts[1].endswith("全面完成。")
    assert "一流科创园区的目标" in texts[1]  # the wrap fell inside 科创|园区
    assert texts[2] == "一、加快主导产业集聚"  # a heading is never glued to what follows
    assert texts[3].startswith("（一）壮大光电子信息产业") and "配套项目，" in texts[3]
    assert texts[4].startswith("（二）培育生物医药产业")
    assert len(texts) == 7


def test_one_paragraph_per_line_text_is_not_joined():
    lines = [
        "园区工作要点",
        "一、总体要求",
        "今年要坚持项目为王，全力推进园区建设，确保全年完成固定资产投资五十亿元，新增规上企业二十家",
        "二、重点任务",
        "加快基础设施建设，完成道路改造十公里。",
    ]
    assert wrap_width(lines) is None
    assert join_wrapped(lines) == lines


def test_ascii_words_joined_with_a_space():
    lines = ["推进园区数字化改造，建设工业互联网平台和智能制造 demonstration",
             "line 项目，打造示范工厂五个并形成可复制推广的经验做法和典型案例。",
             "二、强化保障措施，确保各项任务按期完成并取得实效，定期开展督查通报。",
             "三、加强宣传推广，营造全社会共同关心支持园区发展的良好氛围和环境"]
    out = join_wrapped(lines, width=60)
    assert out[0].endswith("demonstration line 项目，打造示范工厂五个并形成可复制推广的经验做法和典型案例。")


def test_csv_export_keeps_quoted_commas_and_line_breaks_in_their_cells():
    lines = [
        "附件",
        "序号,项目名称,责任部门,协同部门,时间节点",
        '1,"北环路（一期）改造,含雨污管网",建设管理部,"投资服务部,东渡街道办事处",2025年6月',
        '2,"东渡智慧物流园","企业服务部',
        '东渡街道",,2025年9月',
        ",,,,",
        "注：责任部门为第一责任单位。",
    ]
    blocks = split_blocks(lines)
    assert blocks[0] == "附件" and blocks[-1] == "注：责任部门为第一责任单位。"
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert table.rows == (
        ("序号", "项目名称", "责任部门", "协同部门", "时间节点"),
        ("1", "北环路（一期）改造,含雨污管网", "建设管理部", "投资服务部,东渡街道办事处", "2025年6月"),
        ("2", "东渡智慧物流园", "企业服务部，东渡街道", "", "2025年9月"),
    )


def test_prose_with_ascii_commas_is_no_csv_table():
    lines = ["今年,园区将推进重点项目建设,完成投资50亿元。", "序号,名称", "全年新增企业20家。"]
    assert not [b for b in split_blocks(lines) if isinstance(b, Table)]


def test_tab_rows_keep_empty_cells_and_section_rows():
    # a spreadsheet exported with one tab between cells: the 合计 row opens with an empty
    # cell and leaves two more empty; positions alone would glue it to the row above
    lines = [
        "序号\t项目名称\t总投资（万元）\t年度计划（万元）\t责任单位",
        "一、新建项目",
        "1\t锦屏湖游客服务中心\t9000\t3000\t文旅局",
        "2\t溪口古镇夜游街区\t12000\t5000\t文旅局、住建局",
        "二、续建项目",
        "3\t滨江美术馆\t6500\t2000\t宣传部",
        "4",  # a row cut after its number, the tab after it stripped
        "江畔音乐厅\t8000\t2500\t宣传部",
        "\t合计\t\t35500\t12500\t",
        "以上项目由文旅局统筹调度。",
    ]
    blocks = split_blocks(lines)
    table = blocks[0]
    assert table.rows[1] == ("一、新建项目",)
    assert table.rows[3] == ("2", "溪口古镇夜游街区", "12000", "5000", "文旅局、住建局")
    assert table.rows[4] == ("二、续建项目",)
    assert table.rows[-2] == ("4", "江畔音乐厅", "8000", "2500", "宣传部")
    assert table.rows[-1] == ("", "合计", "", "35500", "12500")
    assert blocks[1:] == ["以上项目由文旅局统筹调度。"]


def test_tab_rows_whose_cells_wrapped_onto_the_next_lines():
    # an attachment pasted from a word processor: a cell broken in the middle of a name or
    # after "、" goes on at the start of the next line, which then holds the row's next cells
    lines = [
        "序号\t项目名称\t建设内容\t总投资（万元）\t责任单位\t完成时限",
        "1\t青溪智能装备",
        "产业园\t新建厂房6栋及配套",
        "仓储中心\t56000\t经济发展局、",
        "投资促进局\t2025年12月",
        "2\t青溪港区3号泊位工程\t新建3万吨级泊位1个\t38000\t港口发展局\t2025年10月",
        "3\t青溪人才公寓二期\t建筑面积2.4万平方米，配套",
        "商业1200平方米\t16000\t规划建设局\t2025年9月",
        "4\t南区道路改造\t改造道路6公里",  # trailing cells left empty: no line continues it
        "5\t北区管网改造\t改造管网9公里\t4300\t规划建设局\t2025年11月",
        "注：责任单位有两个的，第一个为牵头单位。",
    ]
    blocks = split_blocks(lines)
    table = blocks[0]
    assert table.rows[1:] == (
        ("1", "青溪智能装备产业园", "新建厂房6栋及配套仓储中心", "56000", "经济发展局、投资促进局", "2025年12月"),
        ("2", "青溪港区3号泊位工程", "新建3万吨级泊位1个", "38000", "港口发展局", "2025年10月"),
        ("3", "青溪人才公寓二期", "建筑面积2.4万平方米，配套商业1200平方米", "16000", "规划建设局", "2025年9月"),
        ("4", "南区道路改造", "改造道路6公里", "", "", ""),
        ("5", "北区管网改造", "改造管网9公里", "4300", "规划建设局", "2025年11月"),
    )
    assert blocks[1:] == ["注：责任单位有两个的，第一个为牵头单位。"]


def test_single_space_cells_under_a_header_of_column_words():
    # a PDF copy that left one plain space between cells; prose with spaces stays prose
    lines = [
        "序号 工作任务 责任单位 责任人 联系人 完成时限",
        "1 建成临湖数据中心二期，新增机架800个 数字经济局 钟远（副局长） 闵静 2024年10月",
        "2 开展园区消防隐患排查 应急管理局、消防救援大队 宁波涛（主任） 齐月 全年",
        "",
        "注 各单位每月底报送进度。",
    ]
    blocks = split_blocks(lines)
    table = blocks[0]
    assert table.rows[0] == ("序号", "工作任务", "责任单位", "责任人", "联系人", "完成时限")
    assert table.rows[2] == ("2", "开展园区消防隐患排查", "应急管理局、消防救援大队", "宁波涛（主任）", "齐月", "全年")
    assert blocks[-1] == "注 各单位每月底报送进度。"
    assert split_blocks(["今年 我们 要 抓好 三件事", "1 招商 引资"]) == ["今年 我们 要 抓好 三件事", "1 招商 引资"]


def test_label_alone_on_its_line_takes_the_units_on_the_lines_after_it(write):
    doc = read_document(write("l.txt", "（二）建设滨湖数字港。\n牵头单位：\n大数据局\n配合单位：\n"
                                       "发展改革局、\n财政局\n完成时限：2024年9月\n"))
    assert [b.text for b in doc.blocks] == [
        "（二）建设滨湖数字港。", "牵头单位：大数据局", "配合单位：发展改革局、财政局", "完成时限：2024年9月"]
