"""Content negotiation: which result or RDF format a request wants.

A ``?format=`` parameter wins over the ``Accept`` header (browsers cannot set headers on a
link); ``Accept`` is read with its q-values. No preference, or ``*/*``, gets the default.
"""
from __future__ import annotations

from dataclasses import dataclass

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


def _accept_ranges(header: str) -> list[tuple[float, int, str]]:
    """``(q, position, range)`` for each media range of an Accept header, best first."""
    ranges = []
    for position, part in enumerate(header.split(",")):
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
        if q > 0:
            ranges.append((-q, position, fields[0].lower()))
    return [(-q, pos, rng) for q, pos, rng in sorted(ranges)]


def _matches(media_range: str, fmt: Format) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return fmt.media_type.startswith(media_range[:-1])
    return media_range in fmt.accepted


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
    for _, _, media_range in _accept_ranges(accept):
        for fmt in choices:
            if _matches(media_range, fmt):
                return fmt
    offered = ", ".join(f.media_type for f in choices)
    raise NotAcceptable(f"cannot answer in {accept!r}; this result is offered as {offered}")
