"""``/query``: a SPARQL editor in the browser with ready example queries.

Everything it loads is served by the app (``/static/query.js``, ``/static/query.css``), so it
works with no internet. The examples live here, in Python, so the tests can run each of them
against the endpoint; the page receives them as JSON inside the HTML.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from zonekg.api.formats import produces

router = APIRouter(tags=["Pages"], dependencies=[produces("text/html")])

TEMPLATE = Path(__file__).resolve().parent.parent / "static" / "query.html"


@dataclass(frozen=True)
class Example:
    title: str
    query: str


EXAMPLES = (
    Example("哪个部门牵头哪个项目", """SELECT ?牵头部门 ?项目 WHERE {
  ?p a zk:Project ; rdfs:label ?项目 ; zk:leadAgency ?a .
  ?a rdfs:label ?牵头部门 .
}
ORDER BY ?牵头部门 ?项目"""),
    Example("按名称查找部门牵头的项目（名称是 @zh 标签，用 STR 比较；全称、简称和带“区/县/市”的写法都能找到）",
            """SELECT ?部门 ?项目 WHERE {
  ?a a zk:Agency ; rdfs:label|skos:altLabel ?名称 ; rdfs:label ?部门 .
  FILTER(STR(?名称) = "经发局")
  ?p zk:leadAgency ?a ; rdfs:label ?项目 .
}
ORDER BY ?部门 ?项目"""),
    Example("各开发区（含园区）的项目", """SELECT ?开发区 ?项目 WHERE {
  ?z a zk:Zone ; rdfs:label ?开发区 .
  ?p a zk:Project ; zk:locatedIn/zk:partOf* ?z ; rdfs:label ?项目 .
}
ORDER BY ?开发区 ?项目"""),
    Example("按年份列出目标", """SELECT ?年份 ?指标 ?数值 ?单位 ?原文 WHERE {
  ?t a zk:Target ; zk:metric ?指标 ; zk:value ?数值 ; zk:unit ?单位 .
  OPTIONAL { ?t zk:targetYear ?年份 }
  OPTIONAL { ?t zk:text ?原文 }
}
ORDER BY ?年份 ?指标"""),
    Example("共同承担项目的部门", """SELECT ?部门甲 ?部门乙 (COUNT(DISTINCT ?p) AS ?共同项目数) WHERE {
  ?p zk:leadAgency|zk:participatingAgency ?a1 , ?a2 .
  FILTER(STR(?a1) < STR(?a2))
  ?a1 rdfs:label ?部门甲 .
  ?a2 rdfs:label ?部门乙 .
}
GROUP BY ?a1 ?a2 ?部门甲 ?部门乙
ORDER BY DESC(?共同项目数) ?部门甲"""),
    Example("事实及其原文出处", """SELECT ?主体 ?关系 ?原文 ?文件 WHERE {
  GRAPH ?g { ?ev rdf:subject ?s ; rdf:predicate ?关系 ; zk:passage/zk:quote ?原文 . }
  ?g zk:fileName ?文件 .
  ?s rdfs:label ?主体 .
}
LIMIT 100"""),
)


def render() -> str:
    """The page, with the examples as JSON that cannot close its ``<script>`` element."""
    examples = json.dumps([asdict(e) for e in EXAMPLES], ensure_ascii=False)
    safe = examples.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return TEMPLATE.read_text(encoding="utf-8").replace("__EXAMPLES__", safe)


@router.get("/query", response_class=HTMLResponse, summary="SPARQL query page (works offline)")
async def query_page() -> HTMLResponse:
    return HTMLResponse(render())
