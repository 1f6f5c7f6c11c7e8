"""Joining the pieces of a table cell that ran onto more than one line."""
from __future__ import annotations

import re

# Columns listing units or people: a continuation line adds another item to the list.
LIST_COLUMN = re.compile(r"单位|部门|领导|责任人")
# Columns of dates and steps: in a word processor's cell each paragraph is one more step
# ("3月底前开工" / "10月底前主体封顶"); a soft wrap of a text table runs on instead.
STEP_COLUMN = re.compile(r"时间|时限|节点|进度")


def merge_text(above: str, more: str) -> str:
    """Two pieces of one cell's text: glued, with a space back between two Latin words."""
    if above and more and above[-1].isascii() and above[-1].isalnum() and more[0].isascii() \
            and more[0].isalnum():
        return f"{above} {more}"
    return above + more


def continued_cell(column: str, above: str, more: str, *, paragraph: bool = False) -> str:
    """A cell of column ``column`` (its header) whose text ``more`` continues on the next line:
    in a column of units or people a finished item ("财政局") is followed by another one
    ("财政局、税务局"); a new ``paragraph`` (not a wrapped line) in a column of dates is another
    step ("…开工；10月底前…"); else the text runs on ("…改造" + "提升工程")."""
    if above and more and above[-1] not in "、,，；;。":
        if LIST_COLUMN.search(column):
            return f"{above}、{more}"
        if paragraph and STEP_COLUMN.search(column):
            return f"{above}；{more}"
    return merge_text(above, more)
