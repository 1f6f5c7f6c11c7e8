"""A firm's project named with its product's size or Latin words ("X半导体8英寸…生产线项目",
"X光电Mini LED…项目", "X显示AMOLED…项目") is one project whose name the firm opens; chip,
optics and display makers (X半导体, X光学, X显示) are firms by their tail as much as X微电子
is. A head inside the name ("…生产线项目") does not end it before its 项目. The text is
invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind

TITLE = "枫岚高新区2025年工作要点"


def names(*blocks: str) -> dict[Kind, set[str]]:
    ex = extract(doc(*blocks, title=TITLE))
    return {k: {e.name for e in ex.of_kind(k)} for k in (Kind.PROJECT, Kind.COMPANY)}


def test_sizes_and_latin_words_stay_in_a_firms_project():
    found = names("加快推进辰芯半导体8英寸功率器件生产线项目，确保年内设备搬入；"
                  "启动朗晖光电Mini LED背光模组项目，总投资18亿元。")
    assert {"辰芯半导体8英寸功率器件生产线项目", "朗晖光电Mini LED背光模组项目"} <= found[Kind.PROJECT]
    assert {"辰芯半导体", "朗晖光电"} <= found[Kind.COMPANY]


def test_optics_and_display_makers_open_their_projects():
    found = names("目前，德国蔡维光学精密镜头项目、鼎曜显示AMOLED柔性屏项目已进入签约前洽谈阶段。")
    assert {"德国蔡维光学精密镜头项目", "鼎曜显示AMOLED柔性屏项目"} <= found[Kind.PROJECT]
    assert {"鼎曜显示"} <= found[Kind.COMPANY]


def test_a_display_word_after_common_words_names_no_firm():
    found = names("统计数据显示，新型显示产业产值增长12%。")
    assert not found[Kind.COMPANY]
