"""One way to fail: domain errors mapped to problem+json in one table; unforeseen errors logged
under an id that is all the client sees."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api_corpus import bearer
from zonekg.api.problems import STATUS, private_roots, scrub, status_of
from zonekg.graph import errors
from zonekg.graph.analysis import UnknownEntity
from zonekg.loaders.document import UnreadableDocument


@pytest.mark.parametrize(("error", "code"), [
    (errors.EntityNotFound("x"), 404),
    (errors.AmbiguousName("x"), 404),
    (UnknownEntity("urn:x"), 404),
    (errors.QueryError("x"), 400),
    (errors.QueryTimeout("x"), 503),
    (errors.InvalidParameter("x"), 422),
    (errors.WritesDisabled("x"), 403),
    (errors.ServiceNotAllowed("x"), 403),
    (errors.Unauthorized("x"), 401),
    (errors.DocumentCollision("x"), 409),
    (errors.TooLarge("document", 5, 3, "characters", "ZONEKG_MAX_CHARS"), 413),
    (UnreadableDocument(Path("/srv/a.txt"), "empty"), 422),
    (errors.Overloaded("x", retry_after=3), 429),
])
def test_each_domain_error_has_one_status(error: Exception, code: int) -> None:
    assert status_of(error).code == code


def test_every_class_of_the_errors_module_is_mapped() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.ZonekgError)]
    for cls in classes:
        assert any(base in STATUS for base in cls.__mro__), cls


def test_too_large_says_size_limit_and_setting() -> None:
    assert str(errors.TooLarge("document", 3_200_000, 1_000_000, "characters", "ZONEKG_MAX_CHARS")) == (
        "document too large: 3,200,000 characters, limit 1,000,000 (raise it with ZONEKG_MAX_CHARS)")


def test_scrub_removes_server_paths_but_not_iris() -> None:
    roots = private_roots([Path("/srv/zonekg-store")])
    text = ("[Errno 36] File name too long: '/srv/zonekg-store/tmp/upload-1/长长.txt' "
            "near https://w3id.org/zonekg/id/agency/srv/zonekg-store")
    cleaned = scrub(text, roots)
    assert "/srv/zonekg-store/tmp" not in cleaned and "…/长长.txt" in cleaned
    assert cleaned.endswith("https://w3id.org/zonekg/id/agency/srv/zonekg-store")


def test_unexpected_error_gives_only_an_id_and_logs_the_traceback(
    fresh_app: Callable[..., TestClient], caplog: pytest.LogCaptureFixture
) -> None:
    app = fresh_app()
    service = app.app.state.service  # type: ignore[attr-defined]

    def broken(*_: object) -> None:
        raise RuntimeError(f"boom in {service.settings.store}/secret.db")

    service.catalog.search = broken
    plain = TestClient(app.app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="zonekg.api"):
        response = plain.get("/api/search", params={"q": "经发局"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["error_id"] in body["detail"]
    assert "boom" not in response.text and "secret" not in response.text and "Traceback" not in response.text
    logged = [r for r in caplog.records if body["error_id"] in r.getMessage()]
    assert logged and logged[0].exc_info is not None and "boom" in str(logged[0].exc_info[1])


def test_write_on_a_read_only_service_says_how_to_enable_writes(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(token=None)
    response = app.delete("/api/documents/a.txt", headers=bearer())
    assert response.status_code == 403
    detail = response.json()["detail"]
    assert "ZONEKG_TOKEN" in detail and "--token-file" in detail


def test_a_client_gone_before_its_body_ended_is_no_server_error(
    fresh_app: Callable[..., TestClient], caplog: pytest.LogCaptureFixture
) -> None:
    """A client that leaves mid-body (or is cut off for sending it too slowly) raises the
    framework's ClientDisconnect in the route: that is no unexpected error to log with an id."""
    app = fresh_app().app
    messages = iter([{"type": "http.request", "body": b"SELECT", "more_body": True}, {"type": "http.disconnect"}])
    sent: list[dict] = []

    async def receive() -> dict:
        return next(messages)

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "http_version": "1.1", "method": "POST", "path": "/sparql", "raw_path": b"/sparql",
             "root_path": "", "scheme": "http", "query_string": b"", "client": ("127.0.0.1", 1), "server": None,
             "headers": [(b"content-type", b"application/sparql-query"), (b"content-length", b"100")]}
    with caplog.at_level(logging.ERROR):
        asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert sent[0]["status"] != 500
