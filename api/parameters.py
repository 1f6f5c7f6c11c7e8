"""A request's URL parameters checked against its route's declaration: a parameter the route
does not take, or one it takes once given twice, is a 400 that names it.

Unknown parameters were ignored: ``/api/projects?leed=商务局`` (a slip for ``lead``) answered
every project, as if the filter had been applied and matched them all. And Starlette keeps every
value of a repeated parameter while FastAPI hands a route the last one, so
``/sparql?query=A&query=B`` ran B and said nothing of A (the SPARQL 1.1 Protocol §2.1 allows
exactly one ``query``), and ``?limit=1&limit=500`` served 500 rows.

What a route takes is read from its own declaration (its query parameters and those of its
dependencies), the same declaration the OpenAPI schema is built from, so the schema lists
exactly what is accepted. A parameter typed as a list may repeat (the SPARQL protocol's
``default-graph-uri``, which ``/sparql`` declares in order to refuse it with a reason of its own).
A redirect takes whatever its target takes: the target checks them.
"""
from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from typing import Any

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute

from zonekg.graph.errors import InvalidRequest

REPEATABLE = (list, tuple, set, frozenset)


def _repeatable(annotation: object) -> bool:
    """Whether a parameter of this type takes several values (``list[str] | None`` does)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        return any(_repeatable(arg) for arg in typing.get_args(annotation))
    return typing.get_origin(annotation) in REPEATABLE or annotation in REPEATABLE


def declared(dependant: Dependant) -> dict[str, bool]:
    """The query parameters a route declares, in order, each with whether it may repeat."""
    found = {field.alias: _repeatable(field.field_info.annotation) for field in dependant.query_params}
    for sub in dependant.dependencies:
        found.update(declared(sub))
    return found


_DECLARED: dict[int, tuple[Dependant, dict[str, bool]]] = {}
""":func:`declared` per route's dependant, by its id (the dependant is held, so the id is not
reused): the walk over a dozen fields and their types, per request, was ~4 % of a small
request's time in the app."""


def declared_once(dependant: Dependant) -> dict[str, bool]:
    """:func:`declared`, walked once per route."""
    kept = _DECLARED.get(id(dependant))
    if kept is None or kept[0] is not dependant:
        kept = _DECLARED[id(dependant)] = (dependant, declared(dependant))
    return kept[1]


def repeated(names: Iterable[str], given: Iterable[tuple[str, object]]) -> list[str]:
    """The ``names`` that occur more than once among the ``given`` (name, value) pairs."""
    counts: dict[str, int] = {}
    for name, _ in given:
        counts[name] = counts.get(name, 0) + 1
    return sorted(name for name in names if counts.get(name, 0) > 1)


def unknown(taken: Iterable[str], given: Iterable[tuple[str, object]]) -> list[str]:
    """The names among the ``given`` pairs that are not ``taken``, each once, in their order."""
    known = set(taken)
    return list(dict.fromkeys(name for name, _ in given if name not in known))


def form_fields(schema: dict[str, Any]) -> dict[str, bool]:
    """The fields an OpenAPI form schema documents, each with whether it may repeat (an array):
    what the route that reads the form takes, from the schema it documents."""
    return {name: field.get("type") == "array" for name, field in schema["properties"].items()}


def _listed(names: Iterable[str]) -> str:
    return ", ".join(repr(name) for name in names)


def check(taken: dict[str, bool], given: Iterable[tuple[str, object]], where: str, noun: str = "parameter") -> None:
    """400 when a ``given`` (name, value) pair's name is not ``taken`` (name → may repeat), or
    is taken once and given twice; ``where`` names the endpoint (or its form) in the message."""
    given = list(given)
    if strange := unknown(taken, given):
        takes = f"it takes {_listed(taken)}" if taken else "it takes none"
        raise InvalidRequest(f"unknown {noun}{'s' if len(strange) > 1 else ''} {_listed(strange)}: {where} "
                             f"does not read {'it' if len(strange) == 1 else 'them'}; {takes}")
    if twice := repeated((name for name, many in taken.items() if not many), given):
        raise InvalidRequest(f"{_listed(twice)} given more than once; {where} takes one value "
                             f"of {'it' if len(twice) == 1 else 'each'}")


async def declared_parameters(request: Request) -> None:
    """An app-wide dependency: the request's URL parameters checked against its route's."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or route.response_class is RedirectResponse:
        return
    check(declared_once(route.dependant), request.query_params.multi_items(), f"{request.method} {route.path_format}")
