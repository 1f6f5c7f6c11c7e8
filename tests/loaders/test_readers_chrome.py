"""Chrome lines and packed metadata lines (our own made-up lines in the sample sites' style)."""
from __future__ import annotations

import re

import pytest

from zonekg.loaders.readers.chrome import clean_line, is_chrome, parse_date, parse_metadata


@pytest.mark.parametrize(
    "line",
    [
        "返回管委会主站>> | 设为首页 | 加入收藏",
        "首页 > 新闻中心 > 园区动态",
        "当前位置：首页 > 政务公开",
        "【打印本页】 【关闭窗口】",
        "字体:[大 中 小]",
        "字体：【大 中 小】",
        "版权所有 : 南湖产业园管理委员会",
        "网站许可证号: 浙ICP备00000001号",
        "浙公网安备 33000000000001号",
        "技术支持：某某信息科技有限公司",
        "---此处隐藏812字,下载后查看---",
        "首页 | 园区概况 | 联系我们",
        "阅读次数：2051",
        "上一条：关于印发园区2024年招商引资考核办法的通知",
        "下一条: 园区召开安全生产工作会议",
    ],
)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "一、加快推进园区基础设施建设",
        "序号 | 重点工作 | 责任单位",
        "二是提升网站访问量和政务公开水平，全年发布信息五百条。",
        "完成时间：2024年底前",
        "（一）优化版权保护服务，建设知识产权服务中心。",
        "下一条道路将于年底开工建设。",
    ],
)
def test_body_lines_are_not_chrome(line):
    assert not is_chrome(line)


def test_packed_metadata_line():
    line = "索引号:00123/2023-0456 公开日期:2023/9/5 10:02:11内容分类:计划规划 工作计划 阅读次数:731"
    assert parse_metadata(line) == {"index_number": "00123/2023-0456", "date": "2023-09-05"}


def test_the_address_a_saved_page_came_from_is_metadata(write):
    assert parse_metadata("source: https://www.example.gov.cn/art/2025/3/1/art_1.html") == {
        "url": "https://www.example.gov.cn/art/2025/3/1/art_1.html"}
    assert parse_metadata("原文链接：http://example.cn/a.htm") == {"url": "http://example.cn/a.htm"}
    from zonekg.loaders.readers import read_document

    doc = read_document(write("plan.txt", "source: https://example.gov.cn/x/1.html\n\n"
                                          "澜州经济开发区2025年工作要点\n\n一、全年地区生产总值增长8%。\n"))
    assert doc.title == "澜州经济开发区2025年工作要点"
    assert doc.metadata["url"] == "https://example.gov.cn/x/1.html"
    assert "source" not in doc.text()


def test_publisher_and_public_fields():
    line = "公开方式:主动公开 公开时限:长期公开 公开范围:面向社会 发布单位:科创局"
    assert parse_metadata(line) == {"publisher": "科创局"}


def test_source_that_is_a_website_is_not_a_publisher():
    assert parse_metadata("来源: 南湖在线 发布时间:2022-04-01 00:00 累计次数: 字体:[ ]") == {
        "source": "南湖在线",
        "date": "2022-04-01",
    }


def test_source_that_is_an_issuing_body_is_also_the_publisher():
    found = parse_metadata("来源：南湖产业园管委会  发布日期：2024年1月8日")
    assert found == {"source": "南湖产业园管委会", "publisher": "南湖产业园管委会",
                     "date": "2024-01-08"}


def test_doc_number_and_month_only_date():
    assert parse_metadata("文号：南管发〔2024〕12号") == {"doc_number": "南管发〔2024〕12号"}
    assert parse_metadata("更新时间:2021-11 来源:网友投稿") == {"date": "2021-11",
                                                           "source": "网友投稿"}


@pytest.mark.parametrize(
    "line",
    [
        "时间：2024年底前完成全部征迁工作。",  # a date label followed by a sentence
        "完成时间：2024年6月",  # not at the start of a metadata line
        "一、发布日期：不适用",
    ],
)
def test_body_lines_are_not_metadata(line):
    assert parse_metadata(line) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2017/11/8 16:26:23", "2017-11-08"),
        ("2024年3月15日", "2024-03-15"),
        ("2022-10", "2022-10"),
        ("2020.01.02", "2020-01-02"),
        ("明年", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_clean_line_removes_word_bookmarks_and_nbsp():
    assert clean_line("[bookmark: _GoBack]\u3000\u3000三、强化保障") == "\u3000\u3000三、强化保障"
    assert clean_line("\xa0\xa0一、总体要求\xa0") == "  一、总体要求"


def test_copyright_in_a_sentence_is_body_text():
    assert not is_chrome("严厉打击侵犯版权所有人合法权益的行为，营造良好创新环境。")
    assert is_chrome("Copyright © 2024 南湖产业园管委会")


# One made-up line per chrome pattern, in the order of _CHROME_PATTERNS
_ONE_PER_PATTERN = [
    "返回园区主站", "设为首页", "加入收藏", "收藏本站", "打印本页", "关闭窗口", "[ 收藏 ]",
    "字号：【大 中 小】", "您的位置：政务公开", "网站首页 > 通知公告", "Copyright © 2024 园区管委会",
    "浙icp备00000001号", "ICP证010101号", "公网安备 33000000000001号", "网站许可证号 00000",
    "网站标识码3300000001", "技术支持:某某网络", "浏览量：88", "此处隐藏 300 字", "下载后查看全文",
    "扫一扫在手机打开当前页", "【关闭】",
]


def test_each_chrome_pattern_names_the_words_a_line_it_matches_holds():
    """The word scan before the patterns (most lines are text) may only skip lines no pattern
    matches: what each pattern matches holds one of its words."""
    from zonekg.loaders.readers.chrome import _CHROME_PATTERNS

    assert len(_ONE_PER_PATTERN) == len(_CHROME_PATTERNS)
    for line, (pattern, words) in zip(_ONE_PER_PATTERN, _CHROME_PATTERNS):
        match = re.search(pattern, line, re.IGNORECASE)
        assert match, (pattern, line)
        assert any(w.lower() in match.group().lower() for w in words), (pattern, line)
        assert is_chrome(line), line
