"""A heading's numbering is never part of a name: a heading whose whole line is a project's
name ("（二）X物流中心", "3.X工程", "(4)X枢纽") must not reach back over its number. The
text is invented for the test."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"
NUMBERING = ("(", "（", "一", "二", "三", "四", "1", "2", "3", "4")


def test_numbered_headings_name_projects_without_their_numbers():
    ex = extract(read_document(FIX / "numbered_label_line_projects.txt"))
    assert not [e.name for e in ex.entities if e.name.startswith(NUMBERING)]
    projects = {p.name for p in ex.of_kind(Kind.PROJECT)}
    assert {"松川跨境电商物流中心", "青石湾污水处理厂提标改造工程"} <= projects
