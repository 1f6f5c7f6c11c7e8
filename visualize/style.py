"""How each kind of entity and each relation looks on a page, in one place.

The legend, the node shapes and the edge labels all read these tables, so a kind added to
the ontology needs one line here to be drawn and filtered like the others.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindStyle:
    name: str
    """What the legend and tooltips call the kind."""
    color: str
    shape: str
    """A vis-network shape whose label is drawn below it, so every kind reads the same way."""


KINDS: dict[str, KindStyle] = {
    "Zone": KindStyle("开发区", "#4e79a7", "dot"),
    "Agency": KindStyle("部门", "#f28e2b", "diamond"),
    "Project": KindStyle("项目", "#e15759", "square"),
    "Industry": KindStyle("产业", "#b07aa1", "triangle"),
    "Company": KindStyle("企业", "#59a14f", "triangleDown"),
    "Target": KindStyle("目标", "#9c755f", "star"),
}
OTHER = KindStyle("其他", "#bab0ac", "dot")

RELATIONS: dict[str, str] = {
    "leadAgency": "牵头",
    "participatingAgency": "参与",
    "locatedIn": "位于",
    "partOf": "隶属",
    "focusIndustry": "聚焦产业",
    "industry": "产业",
    "involvesCompany": "企业",
    "hasTarget": "目标",
    "sharedProjects": "共同项目",
}


def kind_style(kind: str) -> KindStyle:
    return KINDS.get(kind, OTHER)


def relation_label(relation: str) -> str:
    return RELATIONS.get(relation, relation)
