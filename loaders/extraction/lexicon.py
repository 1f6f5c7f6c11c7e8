"""Load the data files under ``data/`` once.

Rules live in YAML/TSV so they can be read, commented and extended without touching code;
this module only parses them and offers them as frozen, ready-to-use structures.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data")


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parse ``data/<name>.yaml`` (cached: the files are read once per process)."""
    with open(DATA / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@functools.cache
def tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>.tsv``; ``#`` starts a comment, blank lines are skipped."""
    rows = []
    with open(DATA / f"{name}.tsv", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].rstrip()
            if line.strip():
                rows.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(rows)


@functools.cache
def words(name: str, key: str) -> tuple[str, ...]:
    """A list-valued key of a YAML file, longest entries first (for longest-match scans)."""
    return tuple(sorted((str(w) for w in load(name).get(key) or []), key=len, reverse=True))
