"""A firm named among a task's units by its brand and trade ("配合单位：南岸片区管理办公室、澜栈科技")
takes part as a company, not as an office: no office's name ends in a trade (科技, 精工, 微电子).
The text is invented for the test."""
from __future__ import annotations

from tests.extraction.conftest import doc, pairs
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

TITLE = "澜湖新区数字经济三年行动方案（2025—2027年）"


def test_a_brand_and_its_trade_among_the_units_is_a_company():
    ex = extract(doc("2. 建设澜湖工业互联网平台，总投资3亿元。（牵头单位：新区大数据管理局；配合单位：南岸片区管理办公室、"
                     "澜栈科技、屿川精工）", title=TITLE))
    companies = {c.name for c in ex.of_kind(Kind.COMPANY)}
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"澜栈科技", "屿川精工"} <= companies
    assert not {"澜栈科技", "屿川精工"} & agencies
    assert ("澜湖工业互联网平台", "澜栈科技") in pairs(ex, Relation.PARTICIPATING_AGENCY)
    assert "南岸片区管理办公室" in agencies


def test_an_office_named_after_a_trade_stays_an_office():
    ex = extract(doc("3. 建设澜湖科创大厦。（牵头单位：新区经济发展局；配合单位：新区科技局）", title=TITLE))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"新区经济发展局", "新区科技局"} <= agencies
