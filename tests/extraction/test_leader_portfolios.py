"""A 领导分工 notice lists each leader's portfolio: "主持管委会全面工作。分管A局、B局，联系C街道，
协管D局。" The verbs of the portfolio are no part of the units' names. Every text is invented."""
from __future__ import annotations

from tests.extraction.conftest import doc
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind


def test_a_portfolio_verb_is_no_part_of_the_unit_it_names():
    ex = extract(doc("一、领导班子成员分工",
                     "王立新同志：主持管委会全面工作。分管党政办公室、财政局。",
                     "陈晓峰同志：负责招商引资工作。分管投资促进局、行政审批局，联系北湖街道办事处，协管应急管理局。",
                     title="栎川经济开发区管理委员会关于领导班子成员分工的通知"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert {"党政办公室", "投资促进局", "北湖街道办事处", "应急管理局"} <= agencies
    assert not any(a.startswith(("分管", "主持", "联系", "协管")) for a in agencies)


def test_the_notice_of_an_adjustment_names_the_body_after_its_verb():
    ex = extract(doc("各局（办）、各园区：", "现将调整后的分工通知如下。",
                     title="关于调整管委会领导班子成员工作分工的通知"))
    agencies = {a.name for a in ex.of_kind(Kind.AGENCY)}
    assert not any(a.startswith("调整") for a in agencies)
