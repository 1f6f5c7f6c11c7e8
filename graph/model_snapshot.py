"""The read model saved beside the store, so a start does not read it whole again.

Reading the model whole scans every class and property of the store: 59 s at 1,000 documents
on a busy machine, minutes at 10,000, during which the service answers 503. A store that can
name its contents (:meth:`~zonekg.graph.store.GraphStore.state`: a token replaced before every
write) lets the service save the model under that token and, at the next start, load it
instead when the token is still the same. Nothing else is trusted: a missing, unreadable,
half-written or mismatched file (another token, another layout of the model) is ignored and
the model is read from the store, as without a snapshot.

The file is JSON (data only: loading it never runs code), written beside its final name and
renamed over it, so a process that dies while saving leaves the previous file or none. Its
first line holds the token and the layout, so a mismatch is found without parsing the model.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from collections import Counter
from pathlib import Path
from typing import Any

from zonekg.graph import read_model
from zonekg.graph.read_model import Collection, Documents, Member, ReadModel

log = logging.getLogger(__name__)

FILE_NAME = "read-model.json"
"""The snapshot's file in the store's folder."""

FORMAT = 1
"""Bumped when the way a model is written here changes."""


def layout() -> str:
    """What a saved model depends on besides the store: this module's format and what the
    read model keeps (its classes, names, facets and document fields). A change to either
    makes every older snapshot a mismatch."""
    kept = (FORMAT, read_model.ENTITY_CLASSES, read_model.NAMING, read_model.SEARCHED, read_model.TEXTS,
            read_model.FACETS, read_model.LINKS, read_model.DOCUMENT_FIELDS)
    return hashlib.sha256(repr(kept).encode()).hexdigest()[:16]


def _plain(model: ReadModel) -> dict[str, Any]:
    collections = {
        name: {
            "members": [[iri, m.name, m.forms, m.texts] for iri in c.iris for m in (c.members[iri],)],
            "facets": {facet: list(values.items()) for facet, values in c.facets.items()},
            "typed": sorted(c.typed),
        }
        for name, c in model.collections.items()
    }
    return {"collections": collections,
            "documents": {"rows": model.documents.rows, "typed": sorted(model.documents.typed)}}


def _model(data: dict[str, Any]) -> ReadModel:
    collections = {}
    for name, saved in data["collections"].items():
        members = {iri: Member(label, tuple(forms), tuple(texts)) for iri, label, forms, texts in saved["members"]}
        facets = {facet: {iri: tuple(tuple(term) for term in terms) for iri, terms in values}
                  for facet, values in saved["facets"].items()}
        counts = {facet: Counter(v for vs in values.values() for v in vs) for facet, values in facets.items()}
        collections[name] = Collection([m[0] for m in saved["members"]], members, facets, counts,
                                       frozenset(saved["typed"]))
    documents = data["documents"]
    return ReadModel.of(collections, Documents(documents["rows"], frozenset(documents["typed"])))


def save(folder: Path, token: str, model: ReadModel) -> None:
    """Save ``model`` as what the store holds under ``token``. O(model)."""
    path = folder / FILE_NAME
    temporary = path.with_name(f"{FILE_NAME}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"token": token, "layout": layout()}) + "\n")
            json.dump(_plain(model), fh, ensure_ascii=False, separators=(",", ":"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except OSError:  # a full disk or a read-only folder: the next start reads the store instead
        log.exception("could not save the read model to %s", path)
        temporary.unlink(missing_ok=True)


def load(folder: Path, token: str) -> ReadModel | None:
    """The model saved under ``token`` with today's layout, or None. O(model)."""
    path = folder / FILE_NAME
    try:
        with open(path, encoding="utf-8") as fh:
            head = json.loads(fh.readline())
            if head != {"token": token, "layout": layout()}:
                return None
            return _model(json.load(fh))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        log.warning("ignoring an unreadable read model snapshot at %s", path, exc_info=True)
        return None
