"""Load the data files under ``data/`` once, checked against :mod:`.schema`.

Rules live in YAML/TSV so they can be read, commented and extended without touching code;
this module parses them, checks every file against its schema the first time any is asked
for (a :class:`LexiconError` names the file and the entry), and compiles each named pattern
once. Word lists come back as they are written; :func:`words` longest first.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from zonekg.loaders.extraction import schema
from zonekg.loaders.extraction.text import norm

DATA = Path(__file__).with_name("data")
PLACEHOLDER = re.compile(r"\{\{([a-z_.|]+)\}\}")


class LexiconError(ValueError):
    """A data file that does not match its schema."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        super().__init__(f"data/{file}: {entry}: {problem}")
        self.file, self.entry, self.problem = file, entry, problem


@dataclass(frozen=True)
class Pattern:
    """A named pattern of a data file (schema.PATTERNS): what it means, its source with the
    word lists filled in, and the example that shows it at work."""

    file: str
    id: str
    about: str
    source: str
    example: str
    expect: tuple[str, ...]
    absent: tuple[str, ...]
    title: str | None  # the title of the one-sentence document the example is read in
    regex: re.Pattern[str]


def load(name: str) -> dict[str, Any]:
    """The content of ``data/<name>.yaml`` (all files checked on first use)."""
    return _checked()[name]


def words(name: str, key: str) -> tuple[str, ...]:
    """A word list, longest entries first (for longest-match scans)."""
    return _longest_first(name, key)


@functools.cache
def _longest_first(name: str, key: str) -> tuple[str, ...]:
    return tuple(sorted(load(name)[key], key=len, reverse=True))


@functools.cache
def pattern(name: str, id: str) -> re.Pattern[str]:
    """The compiled pattern ``id`` of ``data/<name>.yaml`` (compiled once; cached, as rules ask
    for it per candidate name)."""
    return patterns(name)[id].regex


def patterns(name: str) -> dict[str, Pattern]:
    """Every named pattern of ``data/<name>.yaml``, by id."""
    return _patterns()[name]


@functools.cache
def tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>.tsv``; ``#`` starts a comment, blank lines are skipped."""
    rows = []
    with open(DATA / f"{name}.tsv", encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            row = tuple(c.strip() for c in line.split("\t"))
            if len(row) < schema.TABLES[name] or not all(row):
                raise LexiconError(f"{name}.tsv", f"line {number}",
                                   f"needs {schema.TABLES[name]} tab-separated columns")
            rows.append(row)
    return tuple(rows)


# ---------------------------------------------------------------------------------- checking

class _UniqueKeys(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """A YAML loader that refuses a key written twice (PyYAML keeps the last one silently);
    libyaml's parser when PyYAML has it (the rules are read by every process that extracts:
    the pure-Python parser was ~0.15–0.4 CPU-s of each one's start)."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"key {key!r} written twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@functools.cache
def _checked() -> dict[str, dict[str, Any]]:
    """Every YAML file of the schema, read and checked; patterns compiled."""
    files = {path.stem for path in DATA.glob("*.yaml")}
    for name in sorted(files - set(schema.SCHEMA)):
        raise LexiconError(f"{name}.yaml", "(file)", "not described in schema.py")
    out = {}
    for name, keys in schema.SCHEMA.items():
        try:
            with open(DATA / f"{name}.yaml", encoding="utf-8") as fh:
                content = yaml.load(fh, Loader=_UniqueKeys) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise LexiconError(f"{name}.yaml", "(file)", str(exc)) from exc
        for key in sorted(set(content) - set(keys)):
            raise LexiconError(f"{name}.yaml", key, "not described in schema.py")
        for key, kind in keys.items():
            if key not in content:
                if key in schema.OPTIONAL:
                    continue
                raise LexiconError(f"{name}.yaml", key, f"missing ({kind})")
            _check(f"{name}.yaml", key, kind, content[key])
        out[name] = content
    return out


def _check(file: str, key: str, kind: str, value: Any) -> None:  # noqa: C901 — one branch per kind of entry, read beside schema.py
    def fail(problem: str) -> None:
        raise LexiconError(file, key, problem)

    if kind in (schema.WORDS, schema.REGEXES):
        if not isinstance(value, list) or not value:
            fail(f"a non-empty list of {kind}, not {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                fail(f"entry {i + 1} ({item!r}) is not a non-empty string")
            if kind == schema.REGEXES:
                _compiles(file, f"{key}[{i + 1}]", item)
        doubles = sorted({w for w in value if value.count(w) > 1})
        if doubles:
            fail(f"written twice: {', '.join(doubles)}")
    elif kind in (schema.CHARS, schema.TEXT):
        if not isinstance(value, str) or not value:
            fail(f"a non-empty string, not {value!r}")
    elif kind == schema.WORD_MAP:
        if not isinstance(value, dict) or not value:
            fail("a non-empty mapping of words to lists of words")
        for word, items in value.items():
            _check(file, f"{key}.{word}", schema.WORDS, items)
    elif kind == schema.PATTERNS:
        if not isinstance(value, dict):
            fail("a mapping of pattern ids to {about, pattern, example, expect | absent}")
        for id, entry in value.items():
            _check_pattern(file, f"{key}.{id}", entry)


PATTERN_KEYS = {"about": str, "pattern": str, "example": str, "span": str, "expect": list, "absent": list,
                "title": str}


def _check_pattern(file: str, where: str, entry: Any) -> None:
    if not isinstance(entry, dict):
        raise LexiconError(file, where, "a mapping {about, pattern, example, expect | absent}")
    for key in entry:
        if key not in PATTERN_KEYS:
            raise LexiconError(file, where, f"unknown field {key!r} (fields: {', '.join(PATTERN_KEYS)})")
    for key in ("about", "pattern", "example"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise LexiconError(file, where, f"needs {key!r} (a non-empty string)")
    if not entry.get("expect") and not entry.get("absent"):
        raise LexiconError(file, where, "needs 'expect' or 'absent': what extraction of the example shows")
    for key in ("expect", "absent"):
        if not all(isinstance(x, str) and x for x in entry.get(key, [])):
            raise LexiconError(file, where, f"{key!r} is a list of trace lines (quoted: 'zone name: X')")


def _compiles(file: str, where: str, source: str) -> re.Pattern[str]:
    try:
        return re.compile(source)
    except re.error as exc:
        raise LexiconError(file, where, f"does not compile: {exc}") from exc


@functools.cache
def _patterns() -> dict[str, dict[str, Pattern]]:
    """The named patterns of every file, their word lists filled in, each compiled and its
    example matched (a pattern that does not match its own example is a data error)."""
    out: dict[str, dict[str, Pattern]] = {}
    for name, content in _checked().items():
        out[name] = {}
        for id, entry in (content.get("patterns") or {}).items():
            where = f"patterns.{id}"
            source = PLACEHOLDER.sub(lambda m: _alternation(name, where, m.group(1)), entry["pattern"])  # noqa: B023 — sub() calls it at once
            compiled = _compiles(f"{name}.yaml", where, source)
            example, span = norm(entry["example"]), norm(entry.get("span", entry["example"]))
            if span not in example or not compiled.search(span):
                raise LexiconError(f"{name}.yaml", where, f"does not match its example {span!r}")
            out[name][id] = Pattern(name, id, entry["about"], source, entry["example"],
                                    tuple(entry.get("expect", ())), tuple(entry.get("absent", ())),
                                    entry.get("title"), compiled)
    return out


def _alternation(file: str, where: str, keys: str) -> str:
    """``a|b`` or ``other.c``: those word lists as one alternation, escaped, longest first."""
    found: list[str] = []
    for key in keys.split("|"):
        source, _, field = key.rpartition(".")
        content = _checked()[source or file]
        if field not in content or schema.SCHEMA[source or file].get(field) != schema.WORDS:
            raise LexiconError(f"{file}.yaml", where, f"{{{{{key}}}}} names no word list")
        found += content[field]
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(found), key=len, reverse=True))
