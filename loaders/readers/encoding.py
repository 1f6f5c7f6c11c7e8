"""Turn the bytes of a text-like file (.txt, .md, .html) into ``str``.

Order of trust:

1. a byte-order mark (UTF-8-BOM, UTF-16 LE/BE, UTF-32 LE/BE) — decisive;
2. strict UTF-8 — the chance that GBK/Big5 text of any length is also valid UTF-8 is negligible;
3. a declared charset (HTML ``<meta charset>``), *if* the bytes decode strictly with it;
4. charset-normalizer's guess, cross-checked against GB18030 and Big5 by how many of the
   decoded characters are everyday Chinese characters (short texts fool the detector).

GBK and GB2312 are always decoded as GB18030, their superset.  Binary data (NUL bytes,
control characters, undecodable junk) is refused with :class:`NotText`.
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from charset_normalizer import from_bytes


class NotText(ValueError):
    """The bytes are not text in any encoding we accept; ``str(exc)`` says why."""


class Decoded(NamedTuple):
    """Decoded text, the codec that read it, and what the reader should be told."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


CUT_CHARACTER = "the text ends in the middle of a character (a cut file?): its last character was replaced by �"


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Names a page or a detector may use, mapped to the codec we actually decode with.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "euccn": "gb18030",
    "hz": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5",
    "big5-hkscs": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "cp950",
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf_8": "utf-8",
}

# Everyday characters of Chinese government prose, simplified and traditional forms.  Text
# decoded with the wrong CJK codec is full of rare characters, so the share of these tells
# GB18030 from Big5 where the statistical detector is unsure.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
    "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新"
    "线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通"
    "并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组"
    "见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研务局委园企项目责单完推进"
    "设施工作领导县市省镇街办招商引规划环境保护服务科技创新经济发展改革投资亿万元"
    "這個國來們時說對會動發過產種後學進經現實兩體點從業還應開關與為當計劃區園務單責項導"
    "設環護資濟發創術專屬聯級網絡議傳進與機構辦處職權稅費組織長門間問題"
    "，。、；：？！“”（）《》"
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_encoding_name(name: str | None) -> str | None:
    """Map a declared or detected charset name to the codec used for decoding."""
    if not name:
        return None
    key = name.strip().strip("\"'").lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        canonical = codecs.lookup(key).name
    except LookupError:
        return None
    return _ALIASES.get(canonical, canonical)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def common_share(text: str) -> float:
    """Share of non-ASCII, non-space characters that are everyday Chinese characters."""
    chars = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not chars:
        return 0.0
    return sum(c in _COMMON for c in chars) / len(chars)


def _check_plausible(text: str) -> None:
    if not text.strip():
        raise NotText("file is empty (only whitespace)")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise NotText("binary data: contains control characters, not text")
    bad = text.count("\ufffd")
    if bad > max(2, len(text) // 100):
        raise NotText("text is garbled: too many undecodable characters")


def _cut_utf8(data: bytes) -> str | None:
    """UTF-8 text whose only flaw is a last character cut short, with that character replaced."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return data[:exc.start].decode("utf-8") + "\ufffd"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; returns the text and codec (and warnings) or raises :class:`NotText`.

    ``declared`` is a charset the container claims (e.g. HTML ``<meta charset>``): used when the
    bytes decode strictly with it, ignored otherwise. UTF-8 cut off inside its last character
    (a truncated download) is read with that character replaced, and a warning says so.
    """
    if not data or not data.strip():
        raise NotText("file is empty")
    decoded = _with_bom(data)
    if decoded is None:
        if b"\x00" in data:
            # NUL bytes without a BOM: UTF-16 without BOM is not supported; anything else is binary.
            raise NotText("binary data: contains NUL bytes, not text")
        decoded = _as_utf8(data) or _as_declared(data, declared) or _guessed(data)
    _check_plausible(decoded.text)
    return decoded


def _with_bom(data: bytes) -> Decoded | None:
    """The text a byte-order mark announces; None without one; NotText when it lies."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding.replace("-sig", ""))
            if text is None:
                raise NotText(f"byte-order mark says {encoding} but the bytes do not decode")
            return Decoded(text, encoding)
    return None


def _as_utf8(data: bytes) -> Decoded | None:
    """UTF-8, whole or cut inside its last character; None when the bytes are not UTF-8."""
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    text = _cut_utf8(data)
    if text is not None:
        return Decoded(text, "utf-8", (CUT_CHARACTER,))
    return None


def _as_declared(data: bytes, declared: str | None) -> Decoded | None:
    """The container's charset when the bytes decode with it into text without control codes."""
    declared_codec = normalize_encoding_name(declared)
    if declared_codec and declared_codec != "utf-8":
        text = _strict(data, declared_codec)
        if text is not None and not _CONTROL.search(text):
            return Decoded(text, declared_codec)
    return None


def _guessed(data: bytes) -> Decoded:
    """The detector's codec or a Chinese one, whichever reads more everyday characters."""
    candidates: dict[str, str] = {}
    best = from_bytes(data).best()
    if best is not None:
        codec = normalize_encoding_name(best.encoding) or best.encoding
        decoded = _strict(data, codec)
        if decoded is not None:
            candidates[codec] = decoded
    for codec in ("gb18030", "big5", "cp950"):
        if codec not in candidates:
            decoded = _strict(data, codec)
            if decoded is not None:
                candidates[codec] = decoded
    if not candidates:
        raise NotText("binary data or unknown encoding: not UTF-8, GB18030, GBK or Big5 text")

    detected = None
    if best is not None:
        detected = normalize_encoding_name(best.encoding) or best.encoding
    cjk_codecs = [c for c in candidates if c in ("gb18030", "big5", "cp950", "big5hkscs")]
    if detected in candidates and detected not in cjk_codecs:
        # The detector chose a non-Chinese codec; accept it only if no Chinese codec reads well.
        scored = [(common_share(candidates[c]), c) for c in cjk_codecs]
        if scored and max(scored)[0] >= 0.3:
            detected = max(scored)[1]
    elif cjk_codecs:
        # Highest share of everyday characters wins; on a tie, the detector's choice.
        detected = max(cjk_codecs, key=lambda c: (common_share(candidates[c]), c == detected))
    if detected not in candidates:
        detected = next(iter(candidates))
    text = candidates[detected]
    if detected in ("cp950", "big5hkscs") and "big5" in candidates and candidates["big5"] == text:
        detected = "big5"
    return Decoded(text, detected)


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE
)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None
