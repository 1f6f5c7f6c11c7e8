"""Encodings of .txt/.md/.html: each written from our own text in the test."""
from __future__ import annotations

import pytest

from zonekg.loaders.readers import read_document
from zonekg.loaders.readers.encoding import NotText, decode_bytes

PLAN = (
    "南湖产业园2024年工作安排\n"
    "一、加快项目建设。全年新开工项目十二个，竣工投产项目八个。\n"
    "二、优化营商服务。推行企业服务专员制度，实现重点企业全覆盖。\n"
)
# Traditional-character text for Big5 (Big5 cannot hold simplified forms).
PLAN_TRAD = (
    "南湖產業園二零二四年工作安排\n"
    "一、加快項目建設。全年新開工項目十二個，竣工投產項目八個。\n"
    "二、優化營商服務。推行企業服務專員制度，實現重點企業全覆蓋。\n"
)


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("utf-16-be", None),  # no BOM written by this codec: added below
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("gb2312", "gb18030"),
    ],
)
def test_simplified_encodings_round_trip(write, codec, expected):
    data = PLAN.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
        expected = "utf-16-be"
    path = write("plan.txt", data)
    doc = read_document(path)
    assert doc.encoding == expected
    assert doc.title == "南湖产业园2024年工作安排"
    assert [b.text for b in doc.blocks][1].startswith("一、加快项目建设")
    assert "\ufeff" not in doc.text()


def test_big5_is_detected(write):
    doc = read_document(write("plan.txt", PLAN_TRAD.encode("big5")))
    assert doc.encoding == "big5"
    assert doc.title == "南湖產業園二零二四年工作安排"
    assert "優化營商服務" in doc.text()


def test_short_gbk_is_not_mistaken_for_big5():
    # charset-normalizer alone calls these 8 characters Big5; the common-character check fixes it.
    text, codec, _ = decode_bytes("南湖产业园重点工作".encode("gbk"))
    assert (text, codec) == ("南湖产业园重点工作", "gb18030")


def test_gb18030_only_characters_survive(write):
    # 𠀀 (U+20000) exists in GB18030 but not in GBK: decoding as GBK would fail.
    doc = read_document(write("plan.txt", (PLAN + "三、附记：𠀀字测试。\n").encode("gb18030")))
    assert "𠀀" in doc.text()


def test_full_width_spaces_are_kept_inside_but_stripped_around(write):
    doc = read_document(write("plan.txt", "园区计划\n　　联系人：王　刚。\n"))
    assert doc.blocks[1].text == "联系人：王　刚。"


def test_declared_charset_is_used_when_bytes_agree(write):
    html = ("<html><head><meta charset=\"gbk\"><title>南湖产业园工作安排</title></head>"
            "<body><h1>南湖产业园工作安排</h1><p>全年新开工项目十二个。</p></body></html>")
    doc = read_document(write("page.html", html.encode("gbk")))
    assert doc.encoding == "gb18030"
    assert doc.title == "南湖产业园工作安排"


def test_declared_charset_is_verified_against_the_bytes(write):
    # The page says gb2312 but was saved as UTF-8: trusting the tag would produce mojibake.
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            "</head><body><h1>南湖产业园工作安排</h1><p>全年新开工项目十二个。</p></body></html>")
    doc = read_document(write("page.htm", html.encode("utf-8")))
    assert doc.encoding == "utf-8"
    assert "全年新开工项目十二个。" in doc.text()


def test_declared_big5_page(write):
    html = ("<html><head><meta charset=big5></head><body><h1>南湖產業園工作安排</h1>"
            "<p>全年新開工項目十二個。</p></body></html>")
    doc = read_document(write("page.html", html.encode("big5")))
    assert doc.encoding == "big5"
    assert doc.title == "南湖產業園工作安排"


def test_nul_bytes_are_binary():
    with pytest.raises(NotText, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
