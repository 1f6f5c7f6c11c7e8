"""What one document yields, as a user reads it before ingesting: ``zonekg extract``.

The same read → extract path as ingestion (:mod:`zonekg.loaders.pipeline`), without a store:
entities by kind, who leads which project, and the targets, each with the quote it was read
from. ``trace`` adds the reader's layout (paragraphs, table rows and their cells) and what
each extraction stage added, so a developer can see where a name came from or went missing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zonekg.loaders.document import Paragraph, SourceDocument, Table
from zonekg.loaders.extraction import Trace, extract
from zonekg.loaders.extraction.model import Extraction, Kind, Relation
from zonekg.loaders.readers import read_document


@dataclass
class DocumentReport:
    """One document's extraction in plain data (what ``--format json`` prints)."""

    file: str
    title: str
    main_zone: str | None
    issuer: str | None
    plan_year: int | None
    entities: dict[str, list[dict[str, Any]]]
    leads: list[dict[str, Any]]
    targets: list[dict[str, Any]]
    layout: list[str] = field(default_factory=list)
    stages: dict[str, list[str]] = field(default_factory=dict)
    stage_ms: dict[str, float] = field(default_factory=dict)


def report(path: Path, trace: bool = False) -> DocumentReport:
    """Read and extract one file. Raises UnreadableDocument for bad input."""
    document = read_document(path)
    stages = Trace(enabled=trace)
    extraction = extract(document, trace=stages)
    out = _describe(document, extraction)
    if trace:
        out.layout = layout(document)
        out.stages = stages.stages
        out.stage_ms = {stage: round(seconds * 1000, 1) for stage, seconds in stages.seconds.items()}
    return out


def _quote(evidence: list) -> str:
    return evidence[0].quote if evidence else ""


def _describe(document: SourceDocument, ex: Extraction) -> DocumentReport:
    entities: dict[str, list[dict[str, Any]]] = {}
    for kind in Kind:
        entities[kind.value] = [
            {"name": e.name, "aliases": sorted(e.aliases), "quote": _quote(e.evidence)}
            | ({"task": e.task} if e.task else {})
            for e in ex.of_kind(kind)
        ]
    leads = []
    for project in ex.of_kind(Kind.PROJECT):
        lead = [r.name for r in ex.related(project.ref, Relation.LEAD_AGENCY)]
        part = [r.name for r in ex.related(project.ref, Relation.PARTICIPATING_AGENCY)]
        if lead or part:
            quote = next(f.evidence.quote for f in ex.facts if f.subject == project.ref
                         and f.relation in (Relation.LEAD_AGENCY, Relation.PARTICIPATING_AGENCY))
            leads.append({"project": project.name, "lead": lead, "participants": part, "quote": quote})
    targets = [
        {"metric": t.metric, "kind": t.kind.value, "value": float(t.value), "unit": t.unit,
         "year": t.year, "quote": t.evidence.quote}
        for t in ex.targets if not t.actual
    ]
    return DocumentReport(document.name, document.title, ex.main_zone, ex.issuer, ex.plan_year,
                          entities, leads, targets)


def layout(document: SourceDocument) -> list[str]:
    """The reader's blocks, one line each: ``P  text`` or ``T  cell | cell`` per table row."""
    lines = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines.append(f"P  {block.text}")
        elif isinstance(block, Table):
            lines.extend("T  " + " | ".join(row) for row in block.rows)
    return lines


def as_table(rep: DocumentReport) -> str:
    """A readable listing of one report."""
    out = [f"== {rep.file}: {rep.title}",
           f"   zone {rep.main_zone or '-'} · issuer {rep.issuer or '-'} · year {rep.plan_year or '-'}"]
    if rep.layout:
        out.append("-- layout")
        out.extend("   " + line for line in rep.layout)
    for stage, added in rep.stages.items():
        took = f" ({rep.stage_ms[stage]:g} ms)" if stage in rep.stage_ms else ""
        out.append(f"-- stage {stage}{took}: " + ("; ".join(added) if added else "(nothing)"))
    for kind, items in rep.entities.items():
        if items:
            out.append(f"-- {kind} ({len(items)})")
            for item in items:
                alias = f" (= {', '.join(item['aliases'])})" if item["aliases"] else ""
                task = f"  [task: {item['task']}]" if item.get("task") else ""
                out.append(f"   {item['name']}{alias}    « {item['quote']} »{task}")
    if rep.leads:
        out.append(f"-- leads ({len(rep.leads)})")
        for pair in rep.leads:
            part = f"; with {'、'.join(pair['participants'])}" if pair["participants"] else ""
            out.append(f"   {pair['project']} <- {'、'.join(pair['lead']) or '-'}{part}    « {pair['quote']} »")
    if rep.targets:
        out.append(f"-- targets ({len(rep.targets)})")
        for t in rep.targets:
            out.append(f"   {t['metric']} {t['kind']} {t['value']:g}{t['unit']} ({t['year']})    « {t['quote']} »")
    return "\n".join(out)
