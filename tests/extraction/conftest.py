"""Helpers of the extraction tests (this folder is a package, so test files import them)."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.document import Paragraph, SourceDocument, Table
from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Extraction, Kind, Relation
from zonekg.loaders.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def doc(*blocks: str | Table, title: str = "某某开发区2020年工作要点", tables: tuple = ()) -> SourceDocument:
    """A plan made by hand: its title as the first paragraph, then each block (a string is a
    paragraph, a :class:`Table` stays a table), then ``tables`` (rows of cells)."""
    body = [Paragraph(title)] + [b if isinstance(b, Table) else Paragraph(b) for b in blocks]
    return SourceDocument(Path("x.txt"), title, body + [Table(t) for t in tables])


def extract_fixture(name: str) -> Extraction:
    """What the extraction reads in ``tests/fixtures/extraction/<name>``, read as a user's file."""
    return extract(read_document(FIXTURES / name))


def pairs(extraction: Extraction, relation: Relation) -> set[tuple[str, str]]:
    """The (subject, object) names of every fact of ``relation``."""
    return {(f.subject.name, f.object.name) for f in extraction.facts if f.relation is relation}


def zone_names(*blocks: str, title: str) -> set[str]:
    """The names of the zones the extraction finds in a plan made by hand (see :func:`doc`)."""
    return {z.name for z in extract(doc(*blocks, title=title)).of_kind(Kind.ZONE)}
