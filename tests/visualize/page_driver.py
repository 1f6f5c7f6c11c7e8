"""A browser tab that records what it requested, for the page tests."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Tab:
    """A browser page and every URL it requested."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_function("window.zonekgReady !== undefined", timeout=30_000)
