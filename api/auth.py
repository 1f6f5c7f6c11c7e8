"""The write token: every change to the store (SPARQL update, upload, delete) must carry it.

The service is read-only unless a token is configured (``ZONEKG_TOKEN`` or ``--token-file``).
With no token configured a write is *forbidden* (403: no credential could help); with one
configured, a missing or wrong ``Authorization: Bearer`` is *unauthorized* (401 with a
``WWW-Authenticate`` challenge). Tokens are compared in constant time: SHA-256 digests of
both, so neither the token's text nor its length shows in the time a refusal takes. A client
that sends wrong credentials too often is refused for a while (429, :mod:`zonekg.api.lockout`).

The check runs as a dependency of routes that declare no body parameter, so a write without
the token is refused before its body is read (an upload is not spooled to disk first).
"""
from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Request

from zonekg.api.deps import get_service
from zonekg.api.service import Service
from zonekg.graph.errors import Unauthorized, WritesDisabled

ENABLE_WRITES = (
    "this service is read-only: no write token is configured. To allow writes, restart it with "
    "a token in the environment (ZONEKG_TOKEN=<token> zonekg serve …) or in a file "
    "(zonekg serve --token-file FILE …), and send `Authorization: Bearer <token>`"
)


def require_token(request: Request, service: Annotated[Service, Depends(get_service)]) -> None:
    """A dependency for write endpoints: passes only with the configured bearer token."""
    expected = service.settings.token
    if not expected:
        raise WritesDisabled(ENABLE_WRITES)
    client = request.client.host if request.client else "unknown"
    service.lockout.check(client)
    given = request.headers.get("authorization")
    if given is None or not matches(given, expected):
        if given is not None:
            service.lockout.failed(client)
        raise Unauthorized("writing needs the header `Authorization: Bearer <token>` with the service's token")
    service.lockout.succeeded(client)


def matches(authorization: str, token: str) -> bool:
    """Whether an ``Authorization`` value is ``Bearer <token>``, compared in constant time."""
    scheme, _, given = authorization.partition(" ")
    same = hmac.compare_digest(_digest(given.strip()), _digest(token))
    return same and scheme.lower() == "bearer"


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


WriteAccess = Depends(require_token)
"""Put in a write route's ``dependencies=[...]``."""
