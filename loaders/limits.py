"""How much one document may cost: size, nesting, characters, time and memory.

Work plans are a few thousand to a few hundred thousand characters; the defaults leave ample
room for those and refuse what only an accident or an attacker produces (a DOCX that inflates
to gigabytes, a page nested 100,000 levels deep, a 60 MB text). The first three are checked by
the readers as they go (cheap, and before the expensive work); time and memory are enforced
from outside, by :mod:`zonekg.loaders.sandbox`, which kills the child process that reads the
document when it goes past them. Each limit is a setting: an environment variable, and for
the characters also a command-line flag (``--max-chars``) of ``ingest`` and ``serve``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields

from zonekg.graph.errors import TooLarge

MB = 1024 * 1024

SETTING_NAMES = {
    "max_chars": "ZONEKG_MAX_CHARS or --max-chars",
    "max_unpacked_mb": "ZONEKG_MAX_UNPACKED_MB",
    "max_nesting": "ZONEKG_MAX_NESTING",
    "max_seconds": "ZONEKG_EXTRACT_SECONDS",
    "max_memory_mb": "ZONEKG_EXTRACT_MEMORY_MB",
}
"""Where each limit is set, as the error message names it."""


@dataclass(frozen=True)
class DocumentLimits:
    """The limits for one document (defaults in brackets)."""

    max_chars: int = 2_000_000
    """Characters of text after reading [2,000,000]: about 20 MB of Chinese, 40 s of extraction."""
    max_unpacked_mb: int = 256
    """Unpacked size of a DOCX's parts, all together [256 MB]: refuses zip bombs before inflating."""
    max_nesting: int = 512
    """Depth of HTML elements [512]: real pages stay under 60; walking deeper costs super-linearly."""
    max_seconds: float = 300.0
    """Wall-clock seconds to read, extract and map one document [300]."""
    max_memory_mb: int = 2048
    """Resident memory of the process doing it [2048 MB]."""

    @classmethod
    def from_env(cls, **overrides: object) -> DocumentLimits:
        """Defaults, then ``ZONEKG_*`` variables, then ``overrides`` that are not None."""
        values: dict[str, object] = {}
        for f in fields(cls):
            variable = SETTING_NAMES[f.name].split()[0]
            if variable in os.environ:
                values[f.name] = float(os.environ[variable]) if f.type == "float" else int(os.environ[variable])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def check_chars(self, count: int) -> None:
        """Refuse a document of ``count`` characters when over the limit."""
        if count > self.max_chars:
            raise TooLarge("document", count, self.max_chars, "characters", SETTING_NAMES["max_chars"])

    def check_unpacked(self, size: int) -> None:
        """Refuse a package whose parts unpack to ``size`` bytes when over the limit."""
        if size > self.max_unpacked_mb * MB:
            raise TooLarge("unpacked document", size // MB, self.max_unpacked_mb, "MB",
                           SETTING_NAMES["max_unpacked_mb"])

    def check_nesting(self, depth: int) -> None:
        """Refuse markup nested ``depth`` elements deep when over the limit."""
        if depth > self.max_nesting:
            raise TooLarge("document", depth, self.max_nesting, "levels of nested elements",
                           SETTING_NAMES["max_nesting"])


DEFAULT_LIMITS = DocumentLimits()
