"""Numbers as Chinese plans write them: 23, 1.9, 4.34, 一, 两, 十五, 百亿, 5—8, 1-2.

Only the number span is converted (cn2an on the span), never the whole text: cn2an's
whole-text transform rewrites words such as 一批 or 统一.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# An Arabic number (with decimals and thousands commas) or a run of Chinese numerals.
NUMBER = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_DIGITS}]+)"
NUMBER_RE = re.compile(NUMBER)
SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000),
         "百": Decimal(100), "十": Decimal(10)}


def to_decimal(span: str) -> Decimal | None:
    """The value of one number span; None when it is not a number."""
    span = span.replace(",", "").strip()
    if not span:
        return None
    try:
        return Decimal(span)
    except InvalidOperation:
        pass
    if span in SCALE:  # 百亿 → "百" alone means one hundred
        return SCALE[span]
    try:
        return Decimal(str(cn2an.cn2an(span, "smart")))
    except (ValueError, KeyError, IndexError):
        try:
            return Decimal(str(cn2an.cn2an("一" + span, "smart")))
        except (ValueError, KeyError, IndexError):
            return None


def before_unit(span: str, unit: str) -> Decimal | None:
    """The value of a number in ``unit``: numerals that run through 亿 into a 万 unit count in
    that unit ("四亿五千" before 万元 is 45000)."""
    if "亿" in span and unit.startswith("万"):
        whole = to_decimal(span + "万")
        return None if whole is None else whole / SCALE["万"]
    return to_decimal(span)


def scaled(value: Decimal, unit: str) -> Decimal:
    """Fold the 万/亿 prefix of a unit into the value: (23, 亿元) → 2300000000."""
    mult = Decimal(1)
    for prefix in ("万亿", "千万", "百万", "亿", "万", "千"):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            mult = {"万亿": Decimal(10) ** 12, "千万": Decimal(10) ** 7,
                    "百万": Decimal(10) ** 6, "亿": Decimal(10) ** 8,
                    "万": Decimal(10) ** 4, "千": Decimal(1000)}[prefix]
            break
    return value * mult


def clean(value: Decimal) -> Decimal:
    """Drop a trailing .0 so 6 is printed as 6 rather than 6.0."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
