"""The methods a path serves, answered alike on every path (RFC 9110 §9.1, §9.3.2, §9.3.7, §15.5.6).

Starlette sends a request to the first route whose path matches; when that route does not
serve the method it answers 405 with *its own* methods in ``Allow``, though several routes
serve one path here (``/sparql`` GET and POST, ``/api/documents/{file}`` GET and DELETE). And
FastAPI's routes answer no HEAD, which every general-purpose server must. This middleware
looks at every route whose path matches, before any of them runs:

* a method one of them serves goes on to the router, untouched (one look at the routes, as
  the router's own);
* HEAD where GET is served is answered as the GET, headers and all, without its body;
* OPTIONS is answered 204 with ``Allow``;
* any other method gets a 405 problem whose ``Allow`` lists every method the path serves.

A path no route matches (unknown: 404) goes on untouched, and so does one a mount (``/static``)
takes: what a mount serves is its own business.

The look at the routes is remembered per method and path (:data:`PATHS_KEPT` of them): it cost
0.1–0.4 ms a request, as much as the router's own match again, and the routes do not change
while the app runs.
"""
from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Router

from zonekg.api.body_limit import ASGIApp, Message, Receive, Scope, Send
from zonekg.api.problems import problem

PATHS_KEPT = 4096
"""(method, path) pairs whose routes' answer is remembered; the least recently asked go first."""

ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE")
"""The methods a route may serve (RFC 9110's and PATCH), in the order ``Allow`` lists them."""


def taken(routes: Iterable[BaseRoute], scope: Scope) -> bool:
    """Whether a route (or a mount) takes the request as it is: then it needs nothing of us."""
    return any(route.matches(scope)[0] is Match.FULL for route in routes)


def served(routes: Iterable[BaseRoute], scope: Scope) -> set[str]:
    """Every method the routes matching ``scope``'s path serve. Asked of each route through
    ``matches`` (the router's own test), so routes nested in included routers count too."""
    routes = list(routes)
    return {method for method in ORDER if taken(routes, {**scope, "method": method})}


def allowed(methods: AbstractSet[str]) -> list[str]:
    """What a path whose routes serve ``methods`` answers: HEAD with GET, and OPTIONS."""
    every = methods | {"OPTIONS"} | ({"HEAD"} if "GET" in methods else set())
    return [method for method in ORDER if method in every]


class Methods:
    """ASGI middleware answering HEAD, OPTIONS and 405 for the routes of ``router``."""

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app, self.router = app, router
        self._methods = lru_cache(maxsize=PATHS_KEPT)(self._served_unless_taken)

    def _served_unless_taken(self, method: str, root_path: str, path: str) -> frozenset[str]:
        """Nothing when a route takes ``method`` on ``path``, else every method served there."""
        scope = {"type": "http", "method": method, "root_path": root_path, "path": path}
        routes = self.router.routes
        return frozenset() if taken(routes, scope) else frozenset(served(routes, scope))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        methods = frozenset() if scope["type"] != "http" else self._methods(
            scope["method"], scope.get("root_path", ""), scope["path"])
        if not methods:  # a route takes it, or no route knows the path (404)
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        allow = ", ".join(allowed(methods))
        if method == "HEAD" and "GET" in methods:
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
        elif method == "OPTIONS":
            await Response(status_code=204, headers={"Allow": allow})(scope, receive, send)
        else:
            response = problem(405, "Method Not Allowed", f"{method} is not served here; use {allow}",
                               {"Allow": allow})
            await response(scope, receive, send)


def _without_body(send: Send) -> Send:
    """``send`` with every body chunk emptied (the headers, Content-Length too, stay the GET's)."""

    async def headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return headers_only
