"""The five real sample documents (read-only) must all read cleanly."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from zonekg.loaders.document import Paragraph
from zonekg.loaders.readers import read_document

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"

EXPECTED = {
    "000_eaf52f291030d4dd.txt": {
        "title": "双岛湾科技城开发办2019年工作打算报告",
        "metadata": {"date": "2018-12"},
        "paragraphs": (34, 36),
    },
    "001_5914d671fb660af2.txt": {
        "title": "威海经济技术开发区 新旧动能转换重大工程总体方案(讨论稿)",
        "metadata": {"date": "2017-11-08", "index_number": "004359264/2017-6616",
                     "publisher": "经发局", "site_owner": "威海经济技术开发区管委会"},
        "paragraphs": (80, 90),
    },
    "002_1ab00c8d84dbb8b0.txt": {
        "title": "开发区管委会年度工作总结范文(2)",
        "metadata": {"date": "2021-08-31"},
        "paragraphs": (29, 31),
    },
    "003_e04148dd00fc1d1e.txt": {
        "title": "2017年工作计划",
        "metadata": {"date": "2017-03-27", "source": "中国海门"},
        "paragraphs": (8, 8),
    },
    "004_6df439c02bdb466d.txt": {
        "title": "以“五个新突破”为抓手建设现代化开放创新之区",
        "metadata": {"date": "2022-10", "source": "网友投稿"},
        "paragraphs": (7, 7),
    },
}

CHROME = re.compile(
    r"设为首页|加入收藏|主站>>|版权所有|ICP备|公网安备|许可证号|阅读次数|累计次数|字体:|"
    r"此处隐藏|下载后查看|bookmark|_GoBack|索引号|公开日期|发布单位|发布时间|更新时间|来源:|^时间:"
)


@pytest.fixture(scope="module")
def docs():
    return {name: read_document(SAMPLES / name) for name in EXPECTED}


def test_all_samples_present():
    assert set(EXPECTED) <= {p.name for p in SAMPLES.iterdir()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_and_metadata(docs, name):
    doc = docs[name]
    assert doc.title == EXPECTED[name]["title"]
    assert doc.metadata == EXPECTED[name]["metadata"]
    assert doc.encoding == "utf-8"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_chrome_left(docs, name):
    for block in docs[name].blocks:
        assert isinstance(block, Paragraph), "no sample contains a table"
        assert not CHROME.search(block.text), block.text
        assert block.text == block.text.strip(" \t\u3000\xa0")
        assert not block.text.startswith(("•", "●"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_paragraph_counts_sane(docs, name):
    low, high = EXPECTED[name]["paragraphs"]
    assert low <= len(docs[name].blocks) <= high
    # nothing glued: these files already have one paragraph per line
    longest = max(len(b.text) for b in docs[name].blocks)
    raw_longest = max(len(line.strip()) for line in (SAMPLES / name).read_text("utf-8").splitlines())
    assert longest <= raw_longest


def test_000_bookmark_line_keeps_its_heading(docs):
    texts = [b.text for b in docs["000_eaf52f291030d4dd.txt"].blocks]
    assert "五、立足大行动，创新党建引领工作" in texts
    assert texts[1] == "（2018年12月）"
    assert any("中心湾清淤   万方" in t for t in texts)  # a blank in prose is not a table


def test_001_chrome_top_and_bottom(docs):
    doc = docs["001_5914d671fb660af2.txt"]
    texts = [b.text for b in doc.blocks]
    assert texts[0] == doc.title
    assert texts[-1] == "2017年6月9日"
    assert "发展基础" in texts  # the • bullet is removed, the heading kept
    assert "建设医疗健康示范区(牵头部门:社会事务管理局;参与部门:商务局)" in texts
    assert not any("公开方式" in t or "内容分类" in t for t in texts)


def test_003_metadata_line_dropped(docs):
    texts = [b.text for b in docs["003_e04148dd00fc1d1e.txt"].blocks]
    assert texts[0] == "2017年工作计划"
    assert texts[1].startswith("2017年是全面落实省市党代会部署的开局之年")
    assert [t[:2] for t in texts[2:]] == ["1.", "2.", "3.", "4.", "5.", "6."]


def test_004_teaser_dropped(docs):
    texts = [b.text for b in docs["004_6df439c02bdb466d.txt"].blocks]
    assert texts[0] == "01-以“五个新突破”为抓手建设现代化开放创新之区"
    assert [t[:2] for t in texts[2:]] == ["一、", "二、", "三、", "四、", "五、"]


def _hard_wrap(text: str, width: int) -> list[str]:
    from zonekg.loaders.readers.lines import display_width

    out, current = [], ""
    for ch in text:
        if display_width(current + ch) > width:
            out.append(current)
            current = ch
        else:
            current += ch
    return out + [current]


@pytest.mark.parametrize(("name", "width"), [("000_eaf52f291030d4dd.txt", 60),
                                             ("002_1ab00c8d84dbb8b0.txt", 72)])
def test_hard_wrapped_sample_reads_back_to_the_same_paragraphs(docs, tmp_path, name, width):
    original = [b.text for b in docs[name].blocks]
    wrapped = tmp_path / name
    wrapped.write_text("\n".join(line for t in original for line in _hard_wrap(t, width)), "utf-8")
    assert len(wrapped.read_text("utf-8").splitlines()) > 2 * len(original)
    assert [b.text for b in read_document(wrapped).blocks] == original
