"""Deterministic, readable IRIs for documents, entities, targets and evidence.

The same input gives the same IRIs on every run, so re-ingesting a document replaces its
graph instead of adding a second copy. IRIs keep Chinese names readable (they are IRIs, not
URIs); only characters that would break an IRI are percent-encoded.

Scoping: zones, companies and industries are named once for the whole graph (the same
industry in two documents is one node); agencies are scoped to the administration they
belong to (the 经发局 of one zone is not the 经发局 of another) and projects to their zone
or, failing that, to their document.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote

from zonekg.ontology import ID

_NOT_UCSCHAR = [(0x80, 0x9F), (0xD800, 0xF8FF), (0xFDD0, 0xFDEF), (0xFFF0, 0xFFFF),
                *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0x10000, 0xE0000, 0x10000)),
                (0xE0000, 0xE0FFF), (0xEFFFE, 0x10FFFF)]
"""Non-ASCII code points RFC 3987 keeps out of an IRI path (outside its ``ucschar`` ranges)."""
_UNSAFE = re.compile(
    r"[\s/#?%<>\"{}|\\^`\[\]\x00-\x1f\x7f" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _NOT_UCSCHAR) + "]"
)
"""Characters an IRI path may not hold (or that would change its meaning): reserved ASCII,
control characters and every code point outside ``ucschar``, so any name gives a valid IRI."""


_SPACE = re.compile(r"\s+")


def slug(name: str) -> str:
    """An IRI path segment for ``name``: NFKC-folded, spaces dropped, unsafe characters escaped."""
    folded = unicodedata.normalize("NFKC", name).strip()
    folded = _SPACE.sub("", folded)
    return _UNSAFE.sub(lambda m: quote(m.group(0), safe=""), folded)


@functools.lru_cache(maxsize=1024)
def document_iri(file_name: str) -> str:
    """(Memoised: every evidence node of a document is named under its IRI.)"""
    return f"{ID}document/{slug(file_name)}"


def zone_iri(name: str) -> str:
    return f"{ID}zone/{slug(name)}"


def company_iri(name: str) -> str:
    return f"{ID}company/{slug(name)}"


def industry_iri(name: str) -> str:
    return f"{ID}industry/{slug(name)}"


def agency_iri(administration: str, name: str) -> str:
    """An agency within its administration; an administration itself is its own scope."""
    if administration == name:
        return f"{ID}agency/{slug(name)}"
    return f"{ID}agency/{slug(administration)}/{slug(name)}"


def project_iri(scope: str, name: str) -> str:
    return f"{ID}project/{slug(scope)}/{slug(name)}"


def indicator_iri(document_file: str, actual: bool, text: str, metric: str, value: str, unit: str) -> str:
    """A target (or, when ``actual``, a past statistic) of one document.

    The digest keeps the IRI stable across runs and distinct per stated figure; targets and
    statistics live under different paths so a goal never shares an IRI with a past value.
    """
    digest = hashlib.sha1(f"{text}\x1f{metric}\x1f{value}\x1f{unit}".encode()).hexdigest()[:12]
    kind = "statistic" if actual else "target"
    return f"{ID}{kind}/{slug(document_file)}/{digest}"


def evidence_iri(document_file: str, index: int) -> str:
    return f"{document_iri(document_file)}/evidence/{index}"


def passage_iri(document_file: str, block: int, quote: str) -> str:
    """A sentence (or table row) of one document, quoted by every fact read from it.

    Named by a digest of its block index and text (an integer holds no ``/``, so the two
    cannot run together), not by its position among the document's passages: re-ingesting the
    same text gives the same IRI whatever else was read, and a store written before passages
    existed mints the same IRIs when migrated (:mod:`zonekg.graph.evidence_layout`).
    """
    digest = hashlib.sha1(f"{block}/{quote}".encode()).hexdigest()[:12]
    return f"{document_iri(document_file)}/passage/{digest}"
