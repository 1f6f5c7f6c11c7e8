"""Service settings, from command-line flags or the environment (``ZONEKG_*``)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from zonekg.graph.executor import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT


@dataclass
class Settings:
    """How the service runs. ``token`` unset means read-only: every write is refused."""

    store: Path
    query_timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    workers: int = 2
    token: str | None = None
    cors_origins: list[str] = field(default_factory=list)

    @classmethod
    def from_env(cls, store: Path, token_file: Path | None = None, **overrides: object) -> Settings:
        token = os.environ.get("ZONEKG_TOKEN") or None
        if token_file is not None:
            token = token_file.read_text(encoding="utf-8").strip() or None
        origins = [o.strip() for o in os.environ.get("ZONEKG_CORS_ORIGINS", "").split(",") if o.strip()]
        values: dict[str, object] = {"token": token, "cors_origins": origins}
        if "ZONEKG_QUERY_TIMEOUT" in os.environ:
            values["query_timeout"] = float(os.environ["ZONEKG_QUERY_TIMEOUT"])
        if "ZONEKG_MAX_ROWS" in os.environ:
            values["max_rows"] = int(os.environ["ZONEKG_MAX_ROWS"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(store=store, **values)  # type: ignore[arg-type]
