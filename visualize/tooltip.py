"""The facts a node's tooltip lists, as (heading, text) pairs of plain text.

The page turns each pair into DOM text nodes (``textContent``), never HTML, so a name or
quote from a document is shown as written and cannot run anything.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from zonekg.graph.analysis import AgencyRank
from zonekg.graph.network import NodeDetails
from zonekg.visualize.style import kind_style

QUOTE_CHARS = 160
"""A tooltip shows the start of a long quote; the entity's page has the rest."""


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def money(cny: str) -> str:
    """``3500000000`` → ``35 亿元``: plans state investments in 亿元 or 万元."""
    value = _number(cny)
    if value is None:
        return f"{cny} 元"
    for unit, size in (("亿元", Decimal(10) ** 8), ("万元", Decimal(10) ** 4)):
        if abs(value) >= size:
            return f"{(value / size).normalize():f} {unit}"
    return f"{value.normalize():f} 元"


def lines(kind: str, label: str, details: NodeDetails | None, rank: AgencyRank | None) -> list[tuple[str, str]]:
    """Kind and name first, then whatever is known: aliases, amounts, coordination, source."""
    result = [(kind_style(kind).name, label)]
    if details is not None and details.aliases:
        result.append(("别名", "、".join(details.aliases)))
    if details is not None and details.investment_cny:
        result.append(("总投资", money(details.investment_cny)))
    if details is not None and details.area_m2:
        result.append(("面积", f"{details.area_m2} 平方米"))
    if details is not None and details.value:
        year = f"（{details.year}年）" if details.year else ""
        result.append(("目标值", f"{details.value} {details.unit or ''}".rstrip() + year))
    if rank is not None:
        between = "" if rank.betweenness is None else f"；中介中心度 {rank.betweenness:.3f}"
        result.append(("协调", f"牵头 {rank.lead} 个项目，参与 {rank.participate} 个{between}"))
    if details is not None and details.quote:
        quote = details.quote if len(details.quote) <= QUOTE_CHARS else details.quote[:QUOTE_CHARS] + "…"
        result.append(("原文", f"“{quote}”"))
    if details is not None and details.document:
        result.append(("来源", details.document))
    return result
