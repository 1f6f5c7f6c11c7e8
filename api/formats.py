"""Content negotiation: which result or RDF format a request wants.

A ``?format=`` parameter wins over the ``Accept`` header (browsers cannot set headers on a
link); ``Accept`` is read with its q-values. No preference, or ``*/*``, gets the default.
Endpoints with one format (the REST API's JSON, the pages' HTML) answer 406 all the same when
``Accept`` excludes it (:func:`produces`): they sent JSON whatever was asked.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fastapi import Depends, Request

from zonekg.api.problems import NotAcceptable
from zonekg.graph.errors import InvalidRequest


@dataclass(frozen=True)
class Format:
    """A short name (for ``?format=``), the media type sent, and the media types accepted for it."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


TABULAR = (
    Format("json", "application/sparql-results+json", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
"""SELECT/ASK results; the first is the default."""

GRAPH = (
    Format("ttl", "text/turtle", ("application/x-turtle",)),
    Format("nt", "application/n-triples", ("text/plain",)),
    Format("jsonld", "application/ld+json"),
    Format("rdfxml", "application/rdf+xml"),
)
"""RDF graphs (CONSTRUCT/DESCRIBE, graph store, service description); the first is the default."""


def _accept_ranges(header: str) -> list[tuple[str, float]]:
    """``(range, q)`` for each media range of an Accept header, in its order; a malformed q, or
    one outside 0 to 1 (RFC 9110 §12.4.2), counts as 0 (excluded)."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
                if not 0 <= q <= 1:  # nan and inf too: no weight can outrank q=1
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _specificity(media_range: str, media_type: str) -> int:
    """How closely ``media_range`` names ``media_type``: 2 itself, 1 its ``type/*``, 0 ``*/*``,
    -1 not at all."""
    if media_range == media_type:
        return 2
    if media_range.endswith("/*") and media_type.startswith(media_range[:-1]):
        return 1
    return 0 if media_range == "*/*" else -1


def _weight(fmt: Format, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """``(q, -position)`` the Accept ranges give ``fmt``: for each of its media types the most
    specific range naming it decides (RFC 9110 §12.5.1: ``application/json;q=0, */*`` excludes
    JSON); the best of its types counts. ``(0, 0)`` when no range names it."""
    best = (0.0, 0)
    for media_type in fmt.accepted:
        named = [(_specificity(rng, media_type), q, -position) for position, (rng, q) in enumerate(ranges)]
        named = [n for n in named if n[0] >= 0]
        if named:
            _, q, position = max(named, key=lambda n: (n[0], n[2]))
            best = max(best, (q, position))
    return best


NEGOTIATED_KEPT = 512
"""``Accept`` headers whose choice is kept, per set of choices: clients send a few, again and again."""
KEEP_CHARS = 512
"""The longest ``Accept`` whose choice is kept: a bound on memory."""


def negotiate(choices: tuple[Format, ...], accept: str | None, format_param: str | None) -> Format:
    """The format to answer in; 400 for an unknown ``?format=``, 406 when nothing acceptable."""
    if format_param:
        for fmt in choices:
            if fmt.name == format_param.lower() or format_param.lower() in fmt.accepted:
                return fmt
        names = ", ".join(f.name for f in choices)
        raise InvalidRequest(f"format {format_param!r} does not fit this result; use one of {names}")
    if not accept or not accept.strip():
        return choices[0]
    best = (_preferred_kept if len(accept) <= KEEP_CHARS else _preferred)(choices, accept)
    if best is None:
        offered = ", ".join(f.media_type for f in choices)
        raise NotAcceptable(f"cannot answer in {accept!r}; this result is offered as {offered}")
    return best


def _preferred(choices: tuple[Format, ...], accept: str) -> Format | None:
    """The format of ``choices`` that ``accept`` weighs highest, None when it excludes them all."""
    ranges = _accept_ranges(accept)
    (q, _), _, best = max(((_weight(fmt, ranges), -index, fmt) for index, fmt in enumerate(choices)),
                          key=lambda weighed: weighed[:2])
    return best if q > 0 else None


_preferred_kept = lru_cache(maxsize=NEGOTIATED_KEPT)(_preferred)
""":func:`_preferred`, kept: reading ``Accept`` with its q-values took 70 µs for one media type
(200 µs for a browser's) on a loaded machine, a fifth of a kept SPARQL answer's time in the app."""


def accept(request: Request) -> str | None:
    """The request's ``Accept``, every field line of it as one list (RFC 9110 §5.3: a client may
    send a list on several lines; the second line was ignored)."""
    return ", ".join(request.headers.getlist("accept")) or None


def produces(media_type: str) -> Any:
    """A route dependency for a route answering in ``media_type`` alone (JSON for the REST
    API, HTML for the pages): 406 when the request's ``Accept`` excludes it."""
    only = (Format(media_type, media_type),)

    async def acceptable(request: Request) -> None:
        negotiate(only, accept(request), None)

    return Depends(acceptable)
