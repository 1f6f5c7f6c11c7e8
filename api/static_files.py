"""``/static``: the query page's and the API docs' files, answering like every other route.

Why not Starlette's ``StaticFiles`` as it is: a mount is no route of the app, so the app-wide
checks never saw it; ``/static/query.js?x=1`` answered 200 where any route says 400 naming
the unknown parameter, and ``Accept: application/json`` got the JavaScript where any route
says 406. A file takes no URL parameter and is offered in its own media type alone.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from zonekg.api.formats import Format, accept, negotiate
from zonekg.api.parameters import check


class Files(StaticFiles):
    """Static files under the app's own rules: 400 for URL parameters, 406 when ``Accept``
    excludes the file's media type (a missing file stays a 404)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        request = Request(scope)
        check({}, request.query_params.multi_items(), f"{request.method} /static/{path}")
        response = await super().get_response(path, scope)
        media_type = response.headers.get("content-type", "").split(";")[0].strip()
        if response.status_code < 300 and media_type:
            negotiate((Format(media_type, media_type),), accept(request), None)
        return response
