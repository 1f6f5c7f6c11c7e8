"""``/docs`` and ``/openapi.json``: the API's reference, served like every other endpoint.

FastAPI's own ``/docs`` loads Swagger UI from a CDN; the bundle here (``api/static/swagger-ui``,
from the npm package ``swagger-ui-dist``) replaces it. ReDoc is switched off rather than
bundled: it would be a second copy of the same documentation. FastAPI's own ``/openapi.json``
is a bare route outside the app's dependencies, so it answered JSON whatever ``Accept`` said and
read any parameter; this one answers 406 and 400 as every other endpoint does.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from zonekg.api.formats import produces

router = APIRouter(include_in_schema=False)

ASSETS = "/static/swagger-ui"
SCHEMA = "/openapi.json"


@router.get(SCHEMA, dependencies=[produces("application/json")])
async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs", dependencies=[produces("text/html")])
async def swagger_ui() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=SCHEMA,
        title="zonekg API 文档",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": True},
    )
