"""Word's automatic list numbers ("一、", "（一）", "1." drawn from numbering.xml, in no text run)
are read in front of their paragraphs, counted as Word counts them, so a plan numbered by Word
reads like one typed by hand: its tasks keep their units."""
from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind, Relation
from zonekg.loaders.readers import read_document

LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
BULLET_ID = 91
LIST_ID = 90


def _define_lists(document) -> None:
    """A three-level list (一、 / （一） / 1.) and a bullet list, as Word writes them."""
    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                     f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(LEVELS))
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_ID}">'
                               f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLET_ID}"><w:lvl w:ilvl="0">'
                               '<w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>'
                               '</w:abstractNum>'))
    for num_id in (LIST_ID, BULLET_ID):
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                   f'<w:abstractNumId w:val="{num_id}"/></w:num>'))


def _numbered(document, text: str, level: int, num_id: int = LIST_ID, style: str | None = None) -> None:
    paragraph = document.add_paragraph(text, style=style)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _plan(path):
    document = docx.Document()
    document.add_heading("青梧经济开发区2025年工作要点", level=1)
    _define_lists(document)
    _numbered(document, "重点任务", 0, style="Heading 2")
    _numbered(document, "壮大主导产业", 1, style="Heading 3")
    _numbered(document, "推进青梧新材料产业园二期建设，年内建成标准厂房。（牵头单位：经济发展局；配合单位：规划建设局）", 2)
    _numbered(document, "加快青梧航发精密部件项目建设，确保年底投产。（牵头单位：投资促进局）", 2)
    _numbered(document, "提升创新能力", 1, style="Heading 3")
    _numbered(document, "建成青梧科创大厦，年内投入使用。（牵头单位：科技创新局）", 2)
    _numbered(document, "保障措施", 0, style="Heading 2")
    _numbered(document, "各牵头单位按季度报送进展。", 0, num_id=BULLET_ID)
    document.save(path)
    return path


def test_automatic_numbers_are_read_before_their_paragraphs(tmp_path):
    lines = [b.text for b in read_document(_plan(tmp_path / "plan.docx")).blocks if hasattr(b, "text")]
    assert "一、重点任务" in lines and "（一）壮大主导产业" in lines and "（二）提升创新能力" in lines
    assert any(t.startswith("2.加快青梧航发精密部件项目建设") for t in lines)
    assert any(t.startswith("1.建成青梧科创大厦") for t in lines)  # a level restarts under a new parent
    assert "二、保障措施" in lines
    assert "各牵头单位按季度报送进展。" in lines  # a bullet draws no number


def test_the_tasks_of_a_word_numbered_plan_keep_their_units(tmp_path):
    ex = extract(read_document(_plan(tmp_path / "plan.docx")))
    lead = {(f.subject.name, f.object.name) for f in ex.facts if f.relation is Relation.LEAD_AGENCY}
    assert ("青梧科创大厦", "科技创新局") in lead
    assert any(p.name.startswith("青梧新材料产业园二期") for p in ex.of_kind(Kind.PROJECT))
    assert any(s.startswith("青梧新材料产业园二期") and o == "经济发展局" for s, o in lead)
