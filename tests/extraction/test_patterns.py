"""Every named pattern of the data files does what its own example shows, and the example
depends on it: read with the pattern disabled, the example yields something else.

An example is read as a one-sentence document through the whole pipeline; its ``expect``
lines must be in the trace (``zonekg extract --trace``), and no trace line may hold what its
``absent`` lines name ("project name: X" rules out any project name containing X)."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from zonekg.loaders.document import Paragraph, SourceDocument
from zonekg.loaders.extraction import Trace, extract, lexicon, schema, vocabulary
from zonekg.loaders.extraction.lexicon import Pattern

TITLE = "某某开发区2024年工作要点"
PATTERNS = [p for file in schema.STAGE_OF for p in lexicon.patterns(file).values()]
NEVER = re.compile(r"(?!)")


def read(p: Pattern) -> list[str]:
    """The trace lines of the example read as a document of its own."""
    title = p.title or TITLE
    trace = Trace()
    extract(SourceDocument(Path("example.txt"), title, [Paragraph(title), Paragraph(p.example)]), trace=trace)
    return [line for lines in trace.stages.values() for line in lines]


def problems(p: Pattern, lines: list[str]) -> list[str]:
    out = [f"missing {e!r}" for e in p.expect if e not in lines]
    for absent in p.absent:
        label, _, value = absent.partition(": ")
        out += [f"unexpected {line!r}" for line in lines
                if line.startswith(label + ": ") and value in line[len(label) + 2:]]
    return out


@pytest.fixture
def disabled(monkeypatch: pytest.MonkeyPatch):
    """Disable one pattern (it never matches) for the rest of the test."""
    def disable(p: Pattern) -> None:
        monkeypatch.setitem(lexicon._patterns()[p.file], p.id, dataclasses.replace(p, regex=NEVER))
        clear_caches()
    yield disable
    clear_caches()


def clear_caches() -> None:
    """Forget compiled patterns and results cached per text, which a disabled pattern changes."""
    lexicon.pattern.cache_clear()
    vocabulary.boundary_ends.cache_clear()
    vocabulary.head_matches.cache_clear()


@pytest.mark.parametrize("p", PATTERNS, ids=[f"{p.file}.{p.id}" for p in PATTERNS])
def test_pattern_does_what_its_example_shows(p: Pattern, disabled) -> None:
    assert problems(p, read(p)) == [], f"data/{p.file}.yaml patterns.{p.id} ({p.about})"
    disabled(p)
    try:
        without = problems(p, read(p))
    except Exception as exc:  # a rule that cannot work without its pattern depends on it too
        without = [repr(exc)]
    assert without, f"data/{p.file}.yaml patterns.{p.id}: its example reads the same without it"


def test_every_stage_file_has_patterns() -> None:
    assert {p.file for p in PATTERNS} >= {"names"}
