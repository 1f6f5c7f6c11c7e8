"""Service settings, from command-line flags or the environment (``ZONEKG_*``).

| setting | environment | flag | default |
|---|---|---|---|
| write token | ``ZONEKG_TOKEN`` | ``--token-file`` | none: read-only |
| wrong write tokens one client may send | ``ZONEKG_AUTH_FAILURES`` in ``ZONEKG_AUTH_WINDOW`` s | | 10 in 300 s, then its writes get 429 |
| query time limit | ``ZONEKG_QUERY_TIMEOUT`` | ``--timeout`` | 10 s |
| row cap | ``ZONEKG_MAX_ROWS`` | | 10,000 |
| SPARQL worker processes | ``ZONEKG_QUERY_WORKERS`` | ``--workers`` | 2 |
| REST and page worker processes (apart from SPARQL) | ``ZONEKG_READ_WORKERS`` | | 2 |
| memory of one query's worker | ``ZONEKG_QUERY_MEMORY_MB`` | | 1,024 MB, then it is killed (503) |
| SPARQL queries one client runs at once | ``ZONEKG_CLIENT_QUERIES`` | | 1, more get 429 |
| federated endpoints | ``ZONEKG_ALLOW_SERVICE`` (space-separated) | ``--allow-service URL`` | none |
| upload size | ``ZONEKG_MAX_UPLOAD_MB`` | | 64 MB |
| other request bodies | ``ZONEKG_MAX_BODY_MB`` | | 16 MB |
| per-document limits | see :mod:`zonekg.loaders.limits` | ``--max-chars`` | |
| slow headers | ``ZONEKG_HEADER_TIMEOUT`` | | 10 s to send a request's headers |
| slow request bodies | ``ZONEKG_BODY_TIMEOUT``, ``ZONEKG_BODY_MIN_RATE`` | | 20 s, then at least 500 bytes a second (408) |
| a client reading none of its answer | ``ZONEKG_BODY_TIMEOUT`` | | 20 s once the buffers are full, then dropped |
| connections one client holds at once | ``ZONEKG_CLIENT_CONNECTIONS`` | | 128, more get 429 |
| idle keep-alive | ``ZONEKG_KEEP_ALIVE`` | | 5 s |
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from zonekg.graph.errors import ZonekgError
from zonekg.graph.executor import DEFAULT_MAX_ROWS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from zonekg.loaders.limits import DocumentLimits

MB = 1024 * 1024


class SettingsError(ZonekgError):
    """A setting the service cannot start with; the message names it and says what is wrong."""


@dataclass
class Settings:
    """How the service runs. ``token`` unset means read-only: every write is refused."""

    store: Path | str
    """A store folder, or the URL of a SPARQL 1.1 server."""
    query_timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    workers: int = 2
    """Worker processes answering user SPARQL (``/sparql``)."""
    read_workers: int = 2
    """Worker processes answering the REST API and the pages: they never queue behind SPARQL."""
    query_memory_mb: int = DEFAULT_MEMORY_MB
    """Resident memory a query worker may reach before it is killed and its query refused."""
    client_queries: int = 1
    """SPARQL queries one client (IP address) may have running at once; one more gets 429."""
    token: str | None = None
    auth_failures: int = 10
    """Wrong credentials one client (IP address) may send within ``auth_window`` seconds; past
    them its writes are answered 429 until the oldest is that old (:mod:`zonekg.api.lockout`)."""
    auth_window: float = 300.0
    cors_origins: list[str] = field(default_factory=list)
    allowed_services: frozenset[str] = frozenset()
    """Endpoints a query may call with ``SERVICE`` (or an update ``LOAD``); empty: none."""
    max_upload_bytes: int = 64 * MB
    max_body_bytes: int = 16 * MB
    document_limits: DocumentLimits = field(default_factory=DocumentLimits)
    header_timeout: float = 10.0
    body_timeout: float = 20.0
    """Seconds a request body may take, one more for every ``body_min_rate`` bytes received."""
    body_min_rate: float = 500.0
    keep_alive: float = 5.0
    client_connections: int = 128
    """Connections one client (IP address) may hold open at once; one more is answered 429."""

    def __post_init__(self) -> None:
        if self.token is not None and not self.token.isascii():
            raise SettingsError(
                "the write token must be ASCII: an HTTP header cannot carry other characters, so "
                "no client could ever send it (choose letters, digits and punctuation)")
        if self.token is not None and (not self.token.isprintable() or " " in self.token):
            raise SettingsError("the write token must be printable characters without spaces")
        for url in self.allowed_services:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise SettingsError(f"--allow-service {url!r}: give an http:// or https:// endpoint URL")

    @classmethod
    def from_env(cls, store: Path | str, token_file: Path | None = None, **overrides: object) -> Settings:
        token = os.environ.get("ZONEKG_TOKEN") or None
        if token_file is not None:
            token = token_file.read_text(encoding="utf-8").strip() or None
        origins = [o.strip() for o in os.environ.get("ZONEKG_CORS_ORIGINS", "").split(",") if o.strip()]
        values: dict[str, object] = {"token": token, "cors_origins": origins}
        numbers: dict[str, tuple[str, Callable[[str], float]]] = {
            "query_timeout": ("ZONEKG_QUERY_TIMEOUT", float),
            "max_rows": ("ZONEKG_MAX_ROWS", int),
            "workers": ("ZONEKG_QUERY_WORKERS", int),
            "read_workers": ("ZONEKG_READ_WORKERS", int),
            "query_memory_mb": ("ZONEKG_QUERY_MEMORY_MB", int),
            "client_queries": ("ZONEKG_CLIENT_QUERIES", int),
            "auth_failures": ("ZONEKG_AUTH_FAILURES", int),
            "auth_window": ("ZONEKG_AUTH_WINDOW", float),
            "max_upload_bytes": ("ZONEKG_MAX_UPLOAD_MB", _megabytes),
            "max_body_bytes": ("ZONEKG_MAX_BODY_MB", _megabytes),
            "header_timeout": ("ZONEKG_HEADER_TIMEOUT", float),
            "body_timeout": ("ZONEKG_BODY_TIMEOUT", float),
            "body_min_rate": ("ZONEKG_BODY_MIN_RATE", float),
            "keep_alive": ("ZONEKG_KEEP_ALIVE", float),
            "client_connections": ("ZONEKG_CLIENT_CONNECTIONS", int),
        }
        for name, (variable, parse) in numbers.items():
            if variable in os.environ:
                values[name] = parse(os.environ[variable])
        allowed = os.environ.get("ZONEKG_ALLOW_SERVICE", "").split()
        allowed += list(overrides.pop("allowed_services", None) or ())  # type: ignore[call-overload]
        values["allowed_services"] = frozenset(allowed)
        values["document_limits"] = DocumentLimits.from_env(max_chars=overrides.pop("max_chars", None))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(store=store, **values)  # type: ignore[arg-type]


def _megabytes(text: str) -> int:
    return int(float(text) * MB)
