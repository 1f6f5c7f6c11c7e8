"""HTML, Markdown, DOCX and PDF readers on documents written for the tests."""
from __future__ import annotations

import docx
import pytest

from zonekg.loaders.document import Paragraph, Table
from zonekg.loaders.readers import SUPPORTED_SUFFIXES, read_document


def only_table(doc) -> Table:
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    return table


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})


# --- HTML ---------------------------------------------------------------------------------


@pytest.fixture
def page(fixtures_dir):
    return read_document(fixtures_dir / "plan_page.html")


def test_html_title_prefers_h1_over_site_suffix(page):
    assert page.title == "松溪经济开发区2024年重点工作任务分工"


def test_html_metadata(page):
    assert page.metadata == {
        "date": "2024-03-08",
        "publisher": "松溪经济开发区管委会",
        "index_number": "003211/2024-00031",
        "doc_number": "松开管〔2024〕6号",
    }


def test_html_chrome_removed(page):
    text = page.text()
    for chrome in ("设为首页", "加入收藏", "您现在的位置", "政务公开", "字体", "打印", "关闭",
                   "版权所有", "ICP", "公网安备", "技术支持", "浏览次数", "var visits",
                   "color:red", "相关", "园区召开项目推进会", "松溪县人民政府"):
        assert chrome not in text, chrome


def test_html_body_order_and_paragraphs(page):
    kinds = [type(b).__name__ for b in page.blocks]
    assert kinds == ["Paragraph"] * 3 + ["Table"] + ["Paragraph"] * 2
    assert page.blocks[0] == Paragraph("松溪经济开发区2024年重点工作任务分工")
    assert page.blocks[1].text.startswith("为抓好全年各项工作落实")  # indent stripped
    assert page.blocks[-1].text == "各责任单位要明确专人负责，每月5日前报送工作进展情况。"


def test_html_table_rowspan_colspan_and_nested_markup(page):
    table = only_table(page)
    assert table.rows[0] == ("序号", "重点工作", "责任领导", "责任单位", "完成时限")
    assert table.rows[1] == ("（一）项目建设", "", "", "", "")  # colspan: first cell only
    # a cell's <p> lines run on as one text
    assert table.rows[2] == ("1", "推进竹木加工园二期标准厂房建设", "林志远", "规划建设科",
                             "2024年9月")
    # rowspan: the leader covers row 2 as well; <br> in a units cell parts two units
    assert table.rows[3] == ("2", "完成园区污水管网改造", "林志远", "环境保护科、园区服务中心",
                             "2024年12月")
    assert len(table.rows) == 5
    assert page.text().count("林志远") == 2


def test_html_gb18030_bytes_and_title_from_title_tag(write):
    html = ("<html><head><meta charset='GB2312'><title>桥东园区招商工作方案_桥东区人民政府门户网站"
            "</title></head><body><div class='crumb'>首页 &gt; 通知公告</div>"
            "<div class='con'><p>发布时间：2023-07-14 来源：桥东区商务局</p>"
            "<p>　　一、全年引进项目二十个。</p><p>　　二、举办推介会四场。</p></div>"
            "</body></html>")
    doc = read_document(write("notice.htm", html.encode("gb18030")))
    assert doc.encoding == "gb18030"
    assert doc.title == "桥东园区招商工作方案"
    assert doc.metadata == {"date": "2023-07-14", "source": "桥东区商务局",
                            "publisher": "桥东区商务局"}
    assert [b.text for b in doc.blocks] == ["一、全年引进项目二十个。", "二、举办推介会四场。"]


def test_html_layout_table_is_walked_not_kept(write):
    html = ("<html><body><table><tr><td><table><tr><td><h1>园区年度计划</h1>"
            "<p>全年完成投资十亿元。</p></td></tr></table></td></tr></table></body></html>")
    doc = read_document(write("layout.html", html))
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert [b.text for b in doc.blocks] == ["园区年度计划", "全年完成投资十亿元。"]


def test_html_meta_tags_give_metadata(write):
    html = ("<html><head><meta name='ArticleTitle' content='滨河园区安全生产工作要点'>"
            "<meta name='PubDate' content='2022-05-06 08:00'>"
            "<meta name='ContentSource' content='滨河园区应急管理局'></head>"
            "<body><p>一、开展隐患排查。</p></body></html>")
    doc = read_document(write("meta.html", html))
    assert doc.title == "滨河园区安全生产工作要点"
    assert doc.metadata == {"date": "2022-05-06", "source": "滨河园区应急管理局",
                            "publisher": "滨河园区应急管理局"}


# --- Markdown ----------------------------------------------------------------------------


def test_markdown(fixtures_dir):
    doc = read_document(fixtures_dir / "plan_notes.md")
    assert doc.title == "北岸开发区2024年党建工作要点"
    assert doc.metadata == {"date": "2024-02-20", "publisher": "北岸开发区党工委"}
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "坚持把党的政治建设摆在首位，全面落实第一议题制度，推动党建工作与园区发展深度融合。" in texts
    assert "开展专题学习十二次以上。" in texts  # bullet removed
    assert "二、任务分工" in texts
    assert only_table(doc).rows == (("序号", "工作内容", "责任部门"), ("1", "组织专题学习", "党群工作部"),
                                    ("2", "建设党员先锋岗", "组织人事部"))


# --- DOCX --------------------------------------------------------------------------------


def make_docx(path):
    document = docx.Document()
    document.add_heading("西岭产业园2024年重点工作责任分解", level=1)
    document.add_paragraph("文号：西园发〔2024〕2号  成文日期：2024年1月22日")
    document.add_paragraph("为推动各项工作落实落细，现将重点工作责任分解如下。")
    table = document.add_table(rows=5, cols=4)
    rows = [("序号", "重点工作", "责任单位", "完成时限"),
            ("1", "建成智能装备产业园一期", "项目建设部", "2024年10月"),
            ("2", "新增规上工业企业八家", "经济发展部", "2024年12月"),
            ("3", "完成人才公寓配套", "综合服务部", ""),
            ("二、", "", "", "")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(2, 3).merge(table.cell(3, 3))  # vertical merge
    merged.text = "2024年12月"
    table.cell(4, 0).merge(table.cell(4, 3)).text = "二、其他事项"  # horizontal merge
    document.add_paragraph("• 各部门每月底报送进展情况。")
    document.add_paragraph("[bookmark: _GoBack]")
    document.save(path)
    return path


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    doc = read_document(make_docx(tmp_path / "plan.docx"))
    assert doc.title == "西岭产业园2024年重点工作责任分解"
    assert doc.metadata == {"date": "2024-01-22", "doc_number": "西园发〔2024〕2号"}
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "Table",
                                                      "Paragraph"]
    assert doc.blocks[-1] == Paragraph("各部门每月底报送进展情况。")
    table = doc.blocks[2]
    assert table.rows[0] == ("序号", "重点工作", "责任单位", "完成时限")
    assert table.rows[2] == ("2", "新增规上工业企业八家", "经济发展部", "2024年12月")
    assert table.rows[3] == ("3", "完成人才公寓配套", "综合服务部", "2024年12月")
    assert table.rows[4] == ("二、其他事项", "", "", "")
    assert "bookmark" not in doc.text()


# --- PDF ---------------------------------------------------------------------------------

PDF_PAGES = [
    ["远洋港区2024年工作要点", "",
     "一、总体要求",
     "　　今年是港区高质量发展的关键之年，全区上下要紧紧围绕建设",
     "一流临港产业园区的目标，坚持项目为王，持续优化营商环境，推",
     "动各项工作争先进位。",
     "二、重点任务",
     "　　（一）加快基础设施建设。完成港区主干道路改造和雨污管",
     "网建设，提升港区综合承载能力，推动产城融合发展再上新",
     "- 1 -"],
    ["台阶，年内完成投资八亿元。",
     "　　（二）强化招商引资。全年引进亿元以上项目十个，其中",
     "先进制造业项目不少于六个。",
     "- 2 -"],
]


def test_pdf_chinese_text_and_wrap_joining(tmp_path, pdf_maker):
    path = pdf_maker(tmp_path / "plan.pdf", PDF_PAGES, title="Microsoft Word - plan.docx")
    doc = read_document(path)
    assert doc.title == "远洋港区2024年工作要点"  # the ASCII PDF title property is ignored
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "远洋港区2024年工作要点",
        "一、总体要求",
        "今年是港区高质量发展的关键之年，全区上下要紧紧围绕建设一流临港产业园区的目标，"
        "坚持项目为王，持续优化营商环境，推动各项工作争先进位。",
        "二、重点任务",
        # joined across the page break; the page number is gone
        "（一）加快基础设施建设。完成港区主干道路改造和雨污管网建设，提升港区综合承载能力，"
        "推动产城融合发展再上新台阶，年内完成投资八亿元。",
        "（二）强化招商引资。全年引进亿元以上项目十个，其中先进制造业项目不少于六个。",
    ]


def test_pdf_running_header_removed(tmp_path, pdf_maker):
    pages = [["远洋港区管委会文件", f"第{i}部分：推进港区第{i}批项目建设。", f"第 {i} 页 共 3 页"]
             for i in (1, 2, 3)]
    doc = read_document(pdf_maker(tmp_path / "h.pdf", pages))
    assert [b.text for b in doc.blocks] == [f"第{i}部分：推进港区第{i}批项目建设。" for i in (1, 2, 3)]


def test_html_pre_keeps_a_text_table(write):
    html = ("<html><body><h1>园区任务分工</h1><pre>\n"
            "序号  重点工作        责任单位\n"
            "1     修缮主干道      建设局\n"
            "2     建设污水厂      城管局\n"
            "</pre></body></html>")
    doc = read_document(write("pre.html", html))
    assert only_table(doc).rows[2] == ("2", "建设污水厂", "城管局")


def test_html_wrapper_with_chrome_like_class_is_kept(write):
    body = "".join(f"<p>第{i}项：推进园区第{i}批标准厂房建设，确保按期交付使用。</p>" for i in range(40))
    html = f"<html><body><div class='share-wrap'><h1>园区厂房建设计划</h1>{body}</div></body></html>"
    doc = read_document(write("wrap.html", html))
    assert doc.title == "园区厂房建设计划"
    assert len(doc.blocks) == 41


def test_html_logo_heading_is_not_the_title(write):
    html = ("<html><head><title>东港园区2024年招商工作要点-东港市人民政府</title></head><body>"
            "<div class='header'><h1>东港市人民政府</h1></div>"
            "<div class='content'><h2>东港园区2024年招商工作要点</h2>"
            "<p>时间：2024-04-02</p><p>一、全年引进亿元项目十五个。</p></div></body></html>")
    doc = read_document(write("logo.html", html))
    assert doc.title == "东港园区2024年招商工作要点"
    assert doc.metadata == {"date": "2024-04-02"}
    assert [b.text for b in doc.blocks] == ["东港园区2024年招商工作要点", "一、全年引进亿元项目十五个。"]


def test_html_title_tag_only(write):
    html = ("<html><head><title>南岭园区环保工作计划_南岭区政府网</title></head><body>"
            "<p>一、完成园区污水管网改造。</p><p>二、建成固废处置中心。</p></body></html>")
    doc = read_document(write("t.html", html))
    assert doc.title == "南岭园区环保工作计划"
