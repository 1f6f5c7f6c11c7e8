"""Reading a SPARQL query's text without running it: tokens, the remote endpoints it would
reach (``SERVICE``, ``LOAD``), and syntax errors put in words.

Why a lexer of our own: Oxigraph evaluates ``SERVICE <url>`` and ``LOAD <url>`` by calling the
URL from the server, and offers no switch to turn that off or an algebra to inspect first. A
substring test is not enough: the keyword can be written in any case, glued to what follows
(``SERVICESILENT<…>``, ``SERVICEe:x`` are accepted by Oxigraph's parser), its IRI can be a
prefixed name, relative to ``BASE``, or written with ``\\u`` escapes, and the same word inside a
string, an IRI or a comment is harmless. The tokens below follow the SPARQL 1.1 grammar's
terminals, so text is a string, an IRI or a comment here exactly when it is one for Oxigraph;
anything the lexer cannot place is a one-character token, which keeps the words around it
visible (the safe side).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

_HEX = "[0-9A-Fa-f]"
_UCHAR = rf"\\u{_HEX}{{4}}|\\U{_HEX}{{8}}"
_ECHAR = r"""\\[tbnrf\\"']"""
_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
         "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_CHARS = _BASE + r"_\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = rf"%{_HEX}{_HEX}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = rf"(?:[{_BASE}_:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"

TOKEN = re.compile(
    rf"""(?P<space>\s+)
    |(?P<comment>\#[^\r\n]*)
    |(?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)
    |(?P<string>'''(?:(?:''?)?(?:[^'\\]|{_ECHAR}|{_UCHAR}))*'''
       |\"\"\"(?:(?:""?)?(?:[^"\\]|{_ECHAR}|{_UCHAR}))*\"\"\"
       |'(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*'
       |"(?:[^"\\\n\r]|{_ECHAR}|{_UCHAR})*")
    |(?P<var>[?$][{_CHARS}]+)
    |(?P<bnode>_:[{_CHARS}.]*[{_CHARS}])
    |(?P<pname>(?:{_PREFIX})?:(?:{_LOCAL})?)
    |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str  # space, comment, iri, string, var, bnode, pname, word or other
    text: str
    start: int


def tokens(sparql: str) -> Iterator[Token]:
    """Every token of ``sparql`` in order, spaces and comments included."""
    for match in TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        yield Token(kind, match.group(), match.start())


def significant(sparql: str) -> list[Token]:
    """The tokens of ``sparql`` without spaces and comments."""
    return [t for t in tokens(sparql) if t.kind not in ("space", "comment")]


def _unescape_iri(text: str) -> str:
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


_PNAME = re.compile(rf"(?:{_PREFIX})?:(?:{_LOCAL})?")


@dataclass
class _Scope:
    """Every value each prefix and the base may have while reading a query.

    A word glued to a declaration (``PREFIXe:<…>``) is a declaration for Oxigraph in one place
    and a prefixed name in another, so each reading is kept: a name resolves to every IRI it
    could mean, and a caller checking endpoints checks them all.
    """

    prefixes: dict[str, set[str]]
    bases: set[str | None] = field(default_factory=lambda: {None})

    def iris(self, token: Token) -> set[str]:
        """The absolute IRIs a token may name; empty when it names none (or an unknown prefix)."""
        if token.kind == "iri":
            value = _unescape_iri(token.text[1:-1])
            if ":" in value.split("/")[0]:
                return {value}
            return {urljoin(base, value) if base else value for base in self.bases}
        if token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            return {iri + re.sub(r"\\(.)", r"\1", local) for iri in self.prefixes.get(prefix, ())}
        return set()

    def declare(self, token: Token, following: list[Token]) -> None:
        """Record a ``PREFIX``/``BASE`` declaration starting at ``token``, glued or not."""
        word = token.text.lower()
        if word.startswith("prefix"):
            rest, after = token.text[len("prefix"):], following
            if not rest and following:
                rest, after = following[0].text, following[1:]
            if rest.endswith(":") and _PNAME.fullmatch(rest) and after:
                self.prefixes.setdefault(rest[:-1], set()).update(self.iris(after[0]))
        elif word == "base" and following:
            self.bases.update(self.iris(following[0]))


@dataclass(frozen=True)
class RemoteCall:
    """A place where the query would make the server call out: ``SERVICE`` or ``LOAD``.

    ``endpoint`` is the absolute IRI called, or None when it cannot be known before the query
    runs (a variable, or a name the lexer cannot resolve).
    """

    keyword: str
    endpoint: str | None
    written: str


REMOTE_KEYWORDS = ("SERVICE", "LOAD")
_SILENT = "silent"


def _targets(rest: str, following: list[Token]) -> Iterator[tuple[Token, bool]]:
    """What a keyword token's remainder and the tokens after it could name as the endpoint,
    each with whether the keyword stood alone (then the name is surely meant as an endpoint).

    Oxigraph's parser needs no space after a keyword, so ``SERVICEe:x``, ``SERVICESILENT<u>``
    and ``SERVICE SILENTe:x`` all call out; every reading is returned, the caller refuses if
    any is not allowed.
    """
    readings = [rest] + ([rest[len(_SILENT):]] if rest.lower().startswith(_SILENT) else [])
    for reading in readings:
        if reading:
            if _PNAME.fullmatch(reading):
                yield Token("pname", reading, -1), False
        elif following:
            head = following[0]
            if head.kind in ("iri", "var", "pname"):
                yield head, True
            if head.kind in ("word", "pname") and head.text.lower().startswith(_SILENT):
                for target, _ in _targets(head.text[len(_SILENT):], following[1:]):
                    yield target, True


def remote_calls(sparql: str, prefixes: Mapping[str, str]) -> list[RemoteCall]:
    """Every ``SERVICE`` and ``LOAD`` of a query or update, with each endpoint it may name.

    ``prefixes`` are those declared for the query beforehand (zonekg's own); the query's
    ``PREFIX`` and ``BASE`` declarations are applied as they come.
    """
    scope = _Scope({name: {iri} for name, iri in prefixes.items()})
    found: list[RemoteCall] = []
    words = significant(sparql)
    for index, token in enumerate(words):
        if token.kind not in ("word", "pname"):
            continue
        following = words[index + 1:index + 4]
        scope.declare(token, following)
        for keyword in REMOTE_KEYWORDS:
            if not token.text.lower().startswith(keyword.lower()):
                continue
            for target, alone in _targets(token.text[len(keyword):], following):
                endpoints = scope.iris(target)
                if target.kind == "var" or (alone and not endpoints):
                    found.append(RemoteCall(keyword, None, target.text))
                found.extend(RemoteCall(keyword, endpoint, target.text) for endpoint in sorted(endpoints))
    return found


def undeclared_prefixes(sparql: str, prefixes: Mapping[str, str]) -> list[tuple[str, int]]:
    """Prefixes used in prefixed names but declared nowhere, with the offset of first use."""
    declared = set(prefixes)
    missing: dict[str, int] = {}
    words = significant(sparql)
    for index, token in enumerate(words):
        if token.kind == "word" and token.text.lower() == "prefix" and index + 1 < len(words):
            name = words[index + 1]
            if name.kind == "pname" and name.text.endswith(":"):
                declared.add(name.text[:-1])
        elif token.kind == "pname":
            prefix = token.text.partition(":")[0]
            if prefix not in declared and not (index and words[index - 1].text.lower() == "prefix"):
                missing.setdefault(prefix, token.start)
    return sorted(missing.items(), key=lambda item: item[1])


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_WORDS = re.compile(r"^[A-Za-z]+$|^\"[^\"]{1,3}\"$")
EXCERPT = 30
"""Characters shown each side of a syntax error."""


def _line_col(sparql: str, offset: int) -> tuple[int, int]:
    before = sparql[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _excerpt(sparql: str, line: int, column: int) -> str:
    lines = sparql.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    start = max(0, column - 1 - EXCERPT)
    shown = ("…" if start else "") + text[start:column - 1 + EXCERPT] + ("…" if len(text) > column - 1 + EXCERPT else "")
    caret = " " * (column - 1 - start + (1 if start else 0)) + "^"
    return f"    {shown}\n    {caret}"


def _expected(rest: str) -> str:
    """The engine's 'expected one of …' turned into what a reader can use: its own messages
    (such as an unbound variable) first, then up to six expected words, never character ranges."""
    items = [i.strip() for i in re.split(r",\s*(?![^\[]*\])", rest.removeprefix("expected one of ").removeprefix("expected "))]
    sentences = [i for i in items if " " in i and not i.startswith("[")]
    words = [i for i in items if _WORDS.match(i)]
    if sentences:
        return "; ".join(sentences)
    if words and len(words) <= 6:
        return "expected " + " or ".join(words)
    return ""


def explain_syntax_error(sparql: str, message: str, prefixes: Mapping[str, str]) -> str:
    """The parser's ``message`` about ``sparql`` as a reader wants it: which prefix is unknown
    (and which zonekg declares), or the line, column and the text around the error."""
    missing = undeclared_prefixes(sparql, prefixes)
    known = ", ".join(f"{p}:" for p in prefixes)
    if missing:
        prefix, offset = missing[0]
        line, column = _line_col(sparql, offset)
        return (f"unknown prefix {prefix}: at line {line}, column {column}; zonekg declares {known}; "
                f"declare others with PREFIX {prefix}: <IRI>\n{_excerpt(sparql, line, column)}")
    match = _POSITION.match(message)
    if not match:
        return message
    line, column = int(match.group(1)), int(match.group(2))
    reason = _expected(match.group(3))
    return (f"syntax error at line {line}, column {column}" + (f": {reason}" if reason else "")
            + f"\n{_excerpt(sparql, line, column)}")


def check_endpoints(sparql: str, prefixes: Mapping[str, str], allowed: frozenset[str]) -> list[RemoteCall]:
    """The query's remote calls, when every one names an ``allowed`` endpoint; else refuse.

    ``file:`` is never allowed, nor a variable endpoint (it could be anything at run time).
    The refusal is the same whether or not something listens at the address, so the endpoint
    cannot be used to probe the server's network.
    """
    from zonekg.graph.errors import ServiceNotAllowed

    calls = remote_calls(sparql, prefixes)
    for call in calls:
        if not allowed:
            raise ServiceNotAllowed(
                f"{call.keyword} is off on this server: queries cannot call other endpoints. An "
                "operator can allow endpoints with `zonekg serve --allow-service URL` (or "
                "ZONEKG_ALLOW_SERVICE)")
        if call.endpoint is None:
            raise ServiceNotAllowed(f"{call.keyword} {call.written}: name the endpoint with its IRI; "
                                    "a variable or an unknown prefix could stand for any address")
        if call.endpoint.lower().startswith("file:") or call.endpoint not in allowed:
            raise ServiceNotAllowed(f"{call.keyword} <{call.endpoint}> is not an allowed endpoint; "
                                    "allowed: " + ", ".join(f"<{a}>" for a in sorted(allowed)))
    return calls
