"""A query parameter a route takes once, given twice, is a 400 that names it.

Starlette keeps every value of a repeated parameter and FastAPI hands a route the last one, so
``/sparql?query=A&query=B`` ran B and said nothing of A (the SPARQL 1.1 Protocol §2.1 allows
exactly one ``query``), and ``?limit=1&limit=500`` served 500 rows. Which parameters a route
takes once is read from its own declaration: a parameter typed as a list may repeat, and so may
a parameter the route does not declare (``default-graph-uri`` is refused by ``/sparql`` itself
with a message of its own).
"""
from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator

from fastapi import Request
from fastapi.dependencies.models import Dependant

from zonekg.graph.errors import InvalidRequest

REPEATABLE = (list, tuple, set, frozenset)


def _repeatable(annotation: object) -> bool:
    """Whether a parameter of this type takes several values (``list[str] | None`` does)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        return any(_repeatable(arg) for arg in typing.get_args(annotation))
    return typing.get_origin(annotation) in REPEATABLE or annotation in REPEATABLE


def _query_fields(dependant: Dependant) -> Iterator[tuple[str, object]]:
    yield from ((field.alias, field.field_info.annotation) for field in dependant.query_params)
    for sub in dependant.dependencies:
        yield from _query_fields(sub)


def _single(dependant: Dependant) -> set[str]:
    """The query parameters the route takes once (a walk over a dozen fields per request)."""
    return {name for name, annotation in _query_fields(dependant) if not _repeatable(annotation)}


def repeated(names: Iterable[str], given: Iterable[tuple[str, object]]) -> list[str]:
    """The ``names`` that occur more than once among the ``given`` (name, value) pairs."""
    counts: dict[str, int] = {}
    for name, _ in given:
        counts[name] = counts.get(name, 0) + 1
    return sorted(name for name in names if counts.get(name, 0) > 1)


def single_values(request: Request) -> None:
    """An app-wide dependency: 400 when a parameter the route takes once is given twice."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    twice = repeated(_single(dependant), request.query_params.multi_items())
    if twice:
        raise InvalidRequest(
            f"{', '.join(repr(name) for name in twice)} given more than once; this endpoint takes one value "
            f"of {'it' if len(twice) == 1 else 'each'}")
