"""A PDF that draws a table as positioned cells (each cell's text drawn at its column, a long
cell wrapped onto a second line inside its column) is read as a table: its plain text gives
one cell a line, with a wrapped cell's second line after the whole row. Texts are invented."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.document import Paragraph, Table
from zonekg.loaders.readers import read_document

COLUMNS = (60, 96, 252, 338, 464)
HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")
# each row: the cells, then the wrapped second lines by column
ROWS = [
    (("1", "栎川北区智能装备园标准厂房五期", "规划建设局", "北区园区管理办公室", "2026年10月"), {}),
    (("2", "栎川数字园工业互联网公共服务平", "科技创新局", "数字园管理办公室", "2026年12月"), {1: "台"}),
    (("3", "栎川新材料园污水处理厂提标改", "生态环境分局", "新材料园管理办公室", "2026年9月"),
     {1: "造工程", 3: "、财政金融局"}),
]


def _canvas(path: Path):
    """A page to draw on in a CJK font reportlab ships (no font file needed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10)
    return c


def _saved(c, path: Path) -> Path:
    c.showPage()
    c.save()
    return path


def _draw(path: Path) -> Path:
    c = _canvas(path)
    c.drawString(60, 800, "栎川高新区2026年重点工作任务分解表")
    y = 770
    for x, text in zip(COLUMNS, HEADER):
        c.drawString(x, y, text)
    for cells, wrapped in ROWS:
        y -= 16
        for x, text in zip(COLUMNS, cells):
            c.drawString(x, y, text)
        if wrapped:
            y -= 12
            for k, text in wrapped.items():
                c.drawString(COLUMNS[k], y, text)
    c.drawString(80, y - 40, "抄送：栎川市发展和改革委员会。")
    return _saved(c, path)


def test_a_table_drawn_as_positioned_cells_keeps_each_cell_in_its_column(tmp_path):
    doc = read_document(_draw(tmp_path / "plan.pdf"))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows[0] == HEADER
    assert [r[0] for r in table.rows[1:]] == ["1", "2", "3"]  # row numbers are no page numbers
    assert table.rows[2][1] == "栎川数字园工业互联网公共服务平台"
    assert table.rows[3] == ("3", "栎川新材料园污水处理厂提标改造工程", "生态环境分局",
                             "新材料园管理办公室、财政金融局", "2026年9月")
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts[-1] == "抄送：栎川市发展和改革委员会。"  # drawn elsewhere: the table ended


def _draw_two_pages(path: Path) -> Path:
    """A table over a page break: a header cell wrapped in its column ("总投资（万元" / "）"), the
    header repeated on page 2 under a running title, the row the break cut going on there with
    no row number, and a totals row whose label stands in the second column."""
    columns = (60, 96, 252, 338, 464)
    header = ("序号", "项目名称", "总投资（万元", "牵头单位", "完成时限")
    c = _canvas(path)

    def draw_header(y: float) -> None:  # cell by cell, a wrapped cell's lines together
        for x, text in zip(columns, header):
            c.drawString(x, y, text)
            if text.endswith("万元"):
                c.drawString(x, y - 12, "）")

    c.drawString(60, 800, "栎川新城2026年重点项目计划表")
    draw_header(770)
    c.drawString(60, 730, "1")
    for x, text in zip(columns[1:], ("栎川新城邻里中心", "32000", "建设管理局", "2026年9月")):
        c.drawString(x, 730, text)
    c.drawString(60, 710, "2")
    for x, text in zip(columns[1:], ("栎川湖畔科创港", "86000", "招商合作局、", "2027年6月")):
        c.drawString(x, 710, text)
    c.drawString(300, 40, "— 1 —")
    c.showPage()
    c.setFont("STSong-Light", 10)
    c.drawString(60, 800, "栎川新城2026年重点项目计划表（续）")
    draw_header(770)
    c.drawString(columns[3], 730, "科技创新局")
    c.drawString(60, 710, "3")
    for x, text in zip(columns[1:], ("栎川环湖绿道二期", "12000", "生态环境局", "2026年11月")):
        c.drawString(x, 710, text)
    c.drawString(columns[1], 690, "合计")
    c.drawString(columns[2], 690, "130000")
    return _saved(c, path)


def test_a_table_over_a_page_break_is_one_table_with_the_cut_row_joined(tmp_path):
    doc = read_document(_draw_two_pages(tmp_path / "plan.pdf"))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows[0] == ("序号", "项目名称", "总投资（万元）", "牵头单位", "完成时限")
    assert table.rows[2] == ("2", "栎川湖畔科创港", "86000", "招商合作局、科技创新局", "2027年6月")
    assert [r[0] for r in table.rows[1:]] == ["1", "2", "3", ""]
    assert table.rows[4][1:3] == ("合计", "130000")
