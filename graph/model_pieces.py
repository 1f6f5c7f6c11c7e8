"""The read model read from the store, or brought up to date, one piece at a time.

Why: a writer other than the service (an ingest) saves the model for the service's next start
(:mod:`~zonekg.graph.model_keeper`), but needs none of it itself. Held whole, the model grows
with the store (626 MB resident at 3,000 documents), so the ingest's memory did too. Here the
store's answers are streamed, each fact spilled to the file of its member's piece
(:func:`~zonekg.graph.model_snapshot.piece_of`), and each piece is then built and written
alone; a saved model is brought up to date line by line. What is held at once is a piece, the
members a write touched, and the documents' rows (one per document, small).

A piece built from its members' facts equals the same members of the model read whole: the
facts of each member arrive in the order of the whole read (query by query, each in the
store's order), and every other part of the model is sorted or derived when it is loaded.
"""
from __future__ import annotations

import marshal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from zonekg.graph import model_snapshot
from zonekg.graph.model_snapshot import piece_line, piece_of, pieces_for, split
from zonekg.graph.read_model import ENTITY_CLASSES, Collection, Documents, Fact, Refresh, Select, facts

SPILL_BATCH = 2_000
"""Facts kept per piece before they are appended to its spill file."""

Progress = Callable[[int, int], None]
"""Told ``(done, total)`` steps of a save."""

Write = Callable[[dict[str, Any]], None]
"""Writes one line of the saved model (:func:`~zonekg.graph.model_snapshot.writing`)."""


def _spilled(path: Path) -> Iterator[Fact]:
    if not path.exists():
        return
    with open(path, "rb") as fh:
        while True:
            try:
                batch = marshal.load(fh)
            except EOFError:
                return
            yield from batch


def _spill(found: Iterable[Fact], pieces: int, folder: Path) -> list[Path]:
    """Append each fact to its member's piece's file in ``folder``, in the order given."""
    paths = [folder / f"piece-{index}" for index in range(pieces)]
    batches: list[list[Fact]] = [[] for _ in range(pieces)]

    def flush(index: int) -> None:
        with open(paths[index], "ab") as fh:
            marshal.dump(batches[index], fh)
        batches[index] = []

    for fact in found:
        index = piece_of(fact[1], pieces)
        batches[index].append(fact)
        if len(batches[index]) >= SPILL_BATCH:
            flush(index)
    for index in range(pieces):
        if batches[index]:
            flush(index)
    return paths


def counted(select: Select, name: str) -> int:
    """Members of the collection ``name`` the store types (named or not). O(its class)."""
    rows = list(select(f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e a {ENTITY_CLASSES[name]} }}"))
    term = rows[0]["n"] if rows else None
    return int(term[1]) if term else 0


def read(select: Select, folder: Path, write: Write, progress: Progress) -> None:
    """Read the whole model from the store and ``write`` its lines, a piece at a time;
    ``select`` should stream its rows. Spill files go to a temporary folder in ``folder``."""
    sizes = {name: pieces_for(counted(select, name)) for name in ENTITY_CLASSES}
    total, done = sum(sizes.values()) + len(sizes) + 1, 0
    for name, pieces in sizes.items():
        with tempfile.TemporaryDirectory(prefix="read-model-spill.", dir=folder) as spill:
            paths = _spill(facts(select, name), pieces, Path(spill))
            done += 1
            progress(done, total)
            for index, path in enumerate(paths):
                write(piece_line(name, index, pieces, Collection.of_facts(name, _spilled(path))))
                path.unlink(missing_ok=True)
                done += 1
                progress(done, total)
    write(model_snapshot.documents_line(Documents.read(select)))
    progress(total, total)


def survey(lines: Iterator[dict[str, Any]], iris: set[str]) -> tuple[int, int, set[str]]:
    """Of a saved model's lines: how many there are, how many members and document rows
    they hold, and which of ``iris`` they hold as zones. One line at a time."""
    count = members = 0
    were_zones: set[str] = set()
    for line in lines:
        count += 1
        if "documents" in line:
            members += len(line["documents"]["rows"])
            continue
        members += len(line["members"])
        if line["collection"] == "zones":
            were_zones |= iris.intersection(line["typed"])
    return count, members, were_zones


def refresh(lines: Iterator[dict[str, Any]], fresh: Refresh, write: Write, progress: Progress, total: int) -> None:
    """``write`` each of a saved model's ``lines`` with the members ``fresh`` re-read put in
    place of those it held (a new member goes to the piece its IRI falls in)."""
    for done, line in enumerate(lines, start=1):
        if "documents" in line:
            write(model_snapshot.documents_line(model_snapshot.documents(line).replaced(fresh.iris, fresh.documents)))
        else:
            name, index, pieces = line["collection"], line["piece"], line["of"]
            chosen = split(fresh.collections[name], pieces)[index]
            write(piece_line(name, index, pieces, model_snapshot.piece(line, counted=True).replaced(fresh.iris, chosen)))
        progress(done, total)
