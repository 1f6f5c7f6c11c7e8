"""Plain text (.txt) and Markdown (.md) files."""
from __future__ import annotations

import re
from pathlib import Path

from zonekg.loaders.document import SourceDocument, UnreadableDocument
from zonekg.loaders.readers.assemble import build
from zonekg.loaders.limits import DEFAULT_LIMITS, DocumentLimits
from zonekg.loaders.readers.encoding import Decoded, NotText, decode_bytes
from zonekg.loaders.readers.pages import drop_page_breaks


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot open file: {exc.strerror or exc}") from exc


def decode_file(path: Path, declared: str | None = None) -> Decoded:
    try:
        return decode_bytes(read_bytes(path), declared)
    except NotText as exc:
        raise UnreadableDocument(path, str(exc)) from exc


def read_text(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> SourceDocument:
    text, encoding, warnings = decode_file(path)
    return build(path, drop_page_breaks(text.splitlines()), encoding=encoding, warnings=warnings,
                 limits=limits)


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_NUMBERED = re.compile(r"^(\s*)(\d{1,3})\.\s+")


def markdown_lines(text: str) -> tuple[list[str], str | None]:
    """Markdown to plain lines; headings become their own paragraphs. Returns (lines, h1)."""
    lines: list[str] = []
    h1 = None
    in_code = False
    for raw in text.splitlines():
        if raw.strip().startswith("```"):
            in_code = not in_code
            continue
        if _MD_RULE.match(raw) and "|" not in raw:
            lines.append("")
            continue
        line = _MD_QUOTE.sub("", raw)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        line = _MD_NUMBERED.sub(r"\1\2. ", line)
        heading = _MD_HEADING.match(line)
        if heading:
            if h1 is None and len(heading.group(1)) == 1:
                h1 = heading.group(2)
            lines.extend(["", heading.group(2), ""])
            continue
        lines.append(line)
    return lines, h1


def read_markdown(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> SourceDocument:
    text, encoding, warnings = decode_file(path)
    limits.check_chars(len(text))
    lines, h1 = markdown_lines(text)
    # Markdown soft-wraps paragraphs: any unfinished line continues on the next one.
    return build(path, lines, encoding=encoding, title=h1, join=1, warnings=warnings, limits=limits)
