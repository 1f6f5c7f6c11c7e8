"""Line-level helpers: display width, heading/list markers, and joining hard-wrapped lines.

PDF text and hard-wrapped .txt files break sentences mid-word at a fixed width.  A file is
treated as hard-wrapped only when many lines stop near the same (maximum) width without
sentence-final punctuation; ordinary one-paragraph-per-line text is left alone, so a heading
such as ``一、总体要求`` is never glued to the paragraph after it.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# A line ending in one of these finishes a sentence (closing quotes/brackets after it allowed).
_FINAL = "。！？；：!?;:…"
_STRONG = "。！？!?…"
_CLOSERS = "”’」』）)】》\"'"
_FINAL_RE = re.compile(rf"[{re.escape(_FINAL)}][{re.escape(_CLOSERS)}]*$")
_STRONG_RE = re.compile(rf"[{re.escape(_STRONG)}][{re.escape(_CLOSERS)}]*$")
# Ends mid-word: a letter, digit, CJK character or an opening bracket/quote.
_OPEN_END = re.compile(r"[\w（(【《“‘「『\-—]$")

# Starts of headings and list items: 一、 （一） (一) 1. 1、 1) (1) ① 第一章 第三条 一是 is not one.
_LIST_START = re.compile(
    r"^(?:"
    r"[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百]+[）)]"
    r"|\d{1,3}(?:[、．]|\.(?!\d)|[)）])"
    r"|[（(]\d{1,3}[）)]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"
    r"|第[一二三四五六七八九十百\d]+[章节条部分篇]"
    r"|[•●◆◇■□▪▶►※★☆✓·\-*+—]"
    r"|附件|附表"
    r")"
)

_BULLET = re.compile(r"^(?:[•●◆◇■□▪▶►※★☆✓]|[·\-*+](?=\s))\s*")

_INDENT = re.compile(r"^[ \t\u3000]+")


def display_width(text: str) -> int:
    """Terminal-style width: East Asian wide/full-width characters count 2."""
    return len(text) + sum(map(_is_wide, text))


@functools.lru_cache(maxsize=65536)
def _is_wide(ch: str) -> bool:
    """(Looked up per character through a cache: every line of a text file is measured.)"""
    return unicodedata.east_asian_width(ch) in "WF"


def ends_sentence(line: str) -> bool:
    return bool(_FINAL_RE.search(line.strip(" \t\u3000")))


def ends_strong(line: str) -> bool:
    """Ends with 。！？ (a paragraph may end here), not just ；： (lists continue)."""
    return bool(_STRONG_RE.search(line.strip(" \t\u3000")))


def starts_item(line: str) -> bool:
    """Does the line open a heading or a list item?"""
    return bool(_LIST_START.match(line.strip(" \t\u3000")))


def strip_bullet(text: str) -> str:
    """Remove a leading symbol bullet (•, ●, ■, markdown '- ' …); numbering is kept."""
    return _BULLET.sub("", text.strip(" \t\u3000"), count=1).strip(" \t\u3000")


def _join(left: str, right: str) -> str:
    # Latin words are not split by CJK typesetting: a space goes back between two words.
    # Numbers are split anywhere, so digits are glued.
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() \
            and right[0].isalpha():
        return f"{left} {right}"
    if left.endswith("-") and len(left) > 1 and left[-2].isascii() and left[-2].isalpha():
        return left[:-1] + right
    return left + right


# A label alone on its line ("牵头单位："), its value on the lines after it.
_LABEL_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]$")


def join_label_values(lines: list[str]) -> list[str]:
    """Put a label and its value on one line: a document copied cell by cell leaves
    "牵头单位：" on a line of its own and the units on the lines after it, a list cut after
    its separator ("规划建设局、" / "财政局"). The value runs to the first line that does not
    end in 、, and never takes a label, an item or a blank line."""
    out: list[str] = []
    open_value = False
    for line in lines:
        text = line.strip(" \t\u3000")
        if open_value and text and not _LABEL_ONLY.match(text) and not starts_item(text):
            out[-1] += text
            open_value = text.endswith("、")
            continue
        out.append(line)
        open_value = bool(_LABEL_ONLY.match(text))
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None if it does not look wrapped."""
    measured = [(line, display_width(line.strip(" \t\u3000"))) for line in lines if line.strip(" \t\u3000")]
    widths = [w for _, w in measured]  # (each line measured once: the width is a loop per character)
    if len(widths) < 4:
        return None
    ordered = sorted(widths)
    width = ordered[int(len(ordered) * 0.9) - 1] if len(ordered) >= 10 else ordered[-1]
    if width < 20:
        return None
    near = [line for line, w in measured if w >= 0.8 * width and not ends_strong(line)]
    nonblank = len(widths)
    # Wrapped text: a good share of lines stop near the wrap width mid-sentence.
    if len(near) >= max(2, 0.3 * nonblank):
        return width
    return None


def join_wrapped(lines: list[str], width: int | None = None) -> list[str]:
    """Join hard-wrapped lines into logical lines; blank lines always separate paragraphs.

    ``width`` forces the wrap width (None: detect with :func:`wrap_width`; no wrap found means
    the lines are returned unchanged apart from stripping).
    """
    if width is None:
        width = wrap_width(lines)
    if width is None:
        return [line.strip(" \t\u3000") for line in lines]
    out: list[str] = []
    current: str | None = None
    current_full = False
    for raw in lines:
        text = raw.strip(" \t\u3000")
        if not text:
            if current is not None:
                out.append(current)
                current = None
            out.append("")
            continue
        indent = _INDENT.match(raw)
        new_paragraph = indent is not None and display_width(indent.group()) >= 2
        # A list marker at the start of a line opens an item, unless the line above was cut
        # mid-word (inline enumerations such as "…项目1-|2个" or "（|8）" wrap too).
        if current is not None and current_full and not new_paragraph and (
            not starts_item(text) or _OPEN_END.search(current)
        ):
            current = _join(current, text)
        else:
            if current is not None:
                out.append(current)
            current = text
        current_full = display_width(text) >= 0.75 * width and not ends_strong(text)
    if current is not None:
        out.append(current)
    return out
