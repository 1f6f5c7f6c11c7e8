"""``/docs``: Swagger UI from files the app serves itself, so the API docs work offline.

FastAPI's own ``/docs`` loads Swagger UI from a CDN; the bundle here (``api/static/swagger-ui``,
from the npm package ``swagger-ui-dist``) replaces it. ReDoc is switched off rather than
bundled: it would be a second copy of the same documentation.
"""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from zonekg.api.formats import produces

router = APIRouter(include_in_schema=False, dependencies=[produces("text/html")])

ASSETS = "/static/swagger-ui"


@router.get("/docs")
async def swagger_ui() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="zonekg API 文档",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": True},
    )
