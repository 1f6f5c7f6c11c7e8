"""The read model saved beside the store, so a start does not read it whole again.

Reading the model whole scans every class and property of the store: 59 s at 1,000 documents
on a busy machine, minutes at 10,000, during which the service answers 503. A store that can
name its contents (:meth:`~zonekg.graph.store.GraphStore.state`: a token replaced before every
write) lets the service save the model under that token and, at the next start, load it
instead when the token is still the same. Nothing else is trusted: a missing, unreadable,
half-written or mismatched file (another token, another layout of the model) is ignored and
the model is read from the store, as without a snapshot.

The file is JSON lines (data only: loading it never runs code), written beside its final name
and renamed over it, so a process that dies while saving leaves the previous file or none. Its
first line holds the token and the layout, so a mismatch is found without parsing the model.
Each further line is one piece: a part of a collection (the members whose IRI falls in that
piece, :func:`piece_of`) or the documents. Why pieces: a writer that is not the service (an
ingest) can then read and save the model a piece at a time, and bring a saved one up to date
a piece at a time, in memory bounded by a piece (:mod:`~zonekg.graph.model_pieces`), however
large the store; the service, which holds the whole model anyway, merges them when it loads.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from zonekg.graph import read_model
from zonekg.graph.read_model import Collection, Documents, Member, ReadModel, tallies
from zonekg.graph.terms import TermTuple

log = logging.getLogger(__name__)

FILE_NAME = "read-model.json"
"""The snapshot's file in the store's folder."""

FORMAT = 2
"""Bumped when the way a model is written here changes (2: one line per piece)."""

PIECE_MEMBERS = 10_000
"""Members per piece of a collection, about (a piece is what a writer holds at once: ~25 MB
for 10,000 projects with their texts and facets)."""


def pieces_for(members: int) -> int:
    """How many pieces a collection of ``members`` is saved in."""
    return max(1, -(-members // PIECE_MEMBERS))


def piece_of(iri: str, pieces: int) -> int:
    """The piece of ``pieces`` that holds ``iri``: the same in every process (not ``hash``)."""
    return zlib.crc32(iri.encode()) % pieces


def layout() -> str:
    """What a saved model depends on besides the store: this module's format and what the
    read model keeps (its classes, names, facets and document fields). A change to either
    makes every older snapshot a mismatch."""
    kept = (FORMAT, read_model.ENTITY_CLASSES, read_model.NAMING, read_model.SEARCHED, read_model.TEXTS,
            read_model.FACETS, read_model.LINKS, read_model.DOCUMENT_FIELDS)
    return hashlib.sha256(repr(kept).encode()).hexdigest()[:16]


def split(collection: Collection, pieces: int) -> list[Collection]:
    """``collection`` cut into ``pieces`` by :func:`piece_of`, each in list order. O(n)."""
    iris: list[list[str]] = [[] for _ in range(pieces)]
    for iri in collection.iris:
        iris[piece_of(iri, pieces)].append(iri)
    typed: list[set[str]] = [set() for _ in range(pieces)]
    for iri in collection.typed:
        typed[piece_of(iri, pieces)].add(iri)
    return [Collection(chosen, {i: collection.members[i] for i in chosen},
                       {f: {i: held[i] for i in chosen if i in held} for f, held in collection.facets.items()},
                       {}, frozenset(typed[index]))
            for index, chosen in enumerate(iris)]


def piece_line(name: str, index: int, pieces: int, part: Collection) -> dict[str, Any]:
    """The line of piece ``index`` of ``pieces`` of the collection ``name``."""
    return {"collection": name, "piece": index, "of": pieces,
            "members": [[iri, m.name, m.forms, m.texts] for iri in part.iris for m in (part.members[iri],)],
            "facets": {facet: list(values.items()) for facet, values in part.facets.items()},
            "typed": sorted(part.typed)}


def documents_line(documents: Documents) -> dict[str, Any]:
    return {"documents": {"rows": documents.rows, "typed": sorted(documents.typed)}}


def piece(line: dict[str, Any], counted: bool = False) -> Collection:
    """The part of a collection a :func:`piece_line` holds (its counts only when ``counted``:
    a load counts the merged collection once)."""
    members = {iri: Member(label, tuple(forms), tuple(texts)) for iri, label, forms, texts in line["members"]}
    facets = {facet: {iri: tuple(tuple(term) for term in terms) for iri, terms in values}
              for facet, values in line["facets"].items()}
    return Collection([m[0] for m in line["members"]], members, facets, tallies(facets) if counted else {},
                      frozenset(line["typed"]))


def documents(line: dict[str, Any]) -> Documents:
    return Documents(line["documents"]["rows"], frozenset(line["documents"]["typed"]))


def merged(parts: list[Collection]) -> Collection:
    """One collection of its pieces, in list order, with its counts. O(n log pieces): the
    pieces are each in order, and the sort merges runs."""
    members: dict[str, Member] = {}
    facets: dict[str, dict[str, tuple[TermTuple, ...]]] = {}
    iris: list[str] = []
    typed: set[str] = set()
    for part in parts:
        members.update(part.members)
        iris += part.iris
        typed |= part.typed
        for facet, values in part.facets.items():
            facets.setdefault(facet, {}).update(values)
    iris.sort(key=lambda i: (members[i].name, i))
    return Collection(iris, members, facets, tallies(facets), frozenset(typed))


def lines(model: ReadModel) -> Iterator[dict[str, Any]]:
    """The pieces of a model held whole (the service's)."""
    for name, collection in model.collections.items():
        count = pieces_for(len(collection.members))
        for index, part in enumerate(split(collection, count)):
            yield piece_line(name, index, count, part)
    yield documents_line(model.documents)


@contextmanager
def writing(folder: Path, token: str) -> Iterator[Callable[[dict[str, Any]], None]]:
    """A function that writes one piece's line (:func:`piece_line`, :func:`documents_line`)
    of the model the store holds under ``token``; the file takes its final name when the
    block ends without an error, and none is left of it otherwise (the previous one stands)."""
    path = folder / FILE_NAME
    temporary = path.with_name(f"{FILE_NAME}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"token": token, "layout": layout()}) + "\n")
            written = [0]

            def write(line: dict[str, Any]) -> None:
                fh.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
                written[0] += 1
            yield write
            fh.write(json.dumps({"end": written[0]}) + "\n")  # a file cut at a line's end lacks it
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _head_matches(fh: TextIO, token: str) -> bool:
    return bool(json.loads(fh.readline()) == {"token": token, "layout": layout()})


def matches(folder: Path, token: str) -> bool:
    """Whether a model is saved under ``token`` with today's layout (its first line alone)."""
    try:
        with open(folder / FILE_NAME, encoding="utf-8") as fh:
            return _head_matches(fh, token)
    except (OSError, ValueError):
        return False


def saved(folder: Path, token: str) -> Iterator[dict[str, Any]] | None:
    """The lines of the model saved under ``token`` with today's layout, read one at a time
    (the file is open until they have all been read), or None. O(1) to tell; a file cut short
    raises ValueError once its last whole line has been read."""
    path = folder / FILE_NAME
    try:
        fh = open(path, encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        if not _head_matches(fh, token):
            fh.close()
            return None
    except (OSError, ValueError):
        fh.close()
        raise

    def read() -> Iterator[dict[str, Any]]:
        with fh:
            count = 0
            for text in fh:
                line = json.loads(text)
                if "end" in line:
                    if line["end"] != count:
                        break
                    return
                count += 1
                yield line
        raise ValueError(f"{path} is cut short")
    return read()


def save(folder: Path, token: str, model: ReadModel) -> None:
    """Save ``model`` as what the store holds under ``token``. O(model)."""
    try:
        with writing(folder, token) as write:
            for line in lines(model):
                write(line)
    except OSError:  # a full disk or a read-only folder: the next start reads the store instead
        log.exception("could not save the read model to %s", folder / FILE_NAME)


def load(folder: Path, token: str) -> ReadModel | None:
    """The model saved under ``token`` with today's layout, or None. O(model)."""
    try:
        found = saved(folder, token)
        if found is None:
            return None
        parts: dict[str, list[Collection]] = {name: [] for name in read_model.ENTITY_CLASSES}
        held: Documents | None = None
        for line in found:
            if "documents" in line:
                held = documents(line)
            else:
                parts[line["collection"]].append(piece(line))
        if held is None or any(not p for p in parts.values()):
            raise ValueError("pieces missing")
        return ReadModel.of({name: merged(p) for name, p in parts.items()}, held)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        log.warning("ignoring an unreadable read model snapshot at %s", folder / FILE_NAME, exc_info=True)
        return None
