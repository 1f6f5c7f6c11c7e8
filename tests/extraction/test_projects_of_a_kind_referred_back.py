"""A page that lists its parks' projects under labels ("在建项目：A；B") and later says "上述在建
项目均由X牵头，Y配合" leads every project it listed, not the page's section headings (一、概况 /
二、园区介绍 / 三、投资服务), which are no projects. The text is invented for the test."""
from __future__ import annotations

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation

from .conftest import doc, pairs


def test_the_projects_of_a_kind_a_page_listed_take_the_lead() -> None:
    ex = extract(doc("一、开发区概况",
                     "澄溪经济开发区规划面积40平方公里，下设澄溪光电产业园和澄溪物流园。",
                     "二、园区介绍",
                     "【澄溪光电产业园】",
                     "在建项目：晶显科技年产50万片显示模组项目（总投资18亿元）；岚光精密光学膜工厂（总投资3亿元）",
                     "【澄溪物流园】",
                     "在建项目：澄溪港多式联运中心（总投资9亿元）",
                     "三、投资服务",
                     "上述在建项目均由开发区投资促进局牵头实行全程代办，行政审批局配合。",
                     title="澄溪经济开发区投资指南"))
    led = {p for p, a in pairs(ex, Relation.LEAD_AGENCY) if a.endswith("开发区投资促进局")}
    assert {"晶显科技年产50万片显示模组项目", "岚光精密光学膜工厂", "澄溪港多式联运中心"} <= led
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert not projects & {"开发区概况", "园区介绍", "投资服务"}
