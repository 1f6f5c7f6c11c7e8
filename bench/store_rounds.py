"""Alternating rounds, each run on its own copy of a store: the pairing the before/after
benchmarks share.

A store is the input of a run that writes to it (a saved model, a later ingest), so every run
starts on a fresh copy; the order of the arms alternates round by round so that neither always
runs first on a machine whose load drifts.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

Arm = TypeVar("Arm")


def alternating_copies(store: Path, arms: Sequence[Arm], rounds: int) -> Iterator[tuple[int, Arm, Path]]:
    """``(round, arm, copy)`` for each arm of each round (rounds counted from 1, the arms'
    order reversed every other round), ``copy`` a fresh copy of ``store`` beside it, removed
    when the next run starts and at the end."""
    with tempfile.TemporaryDirectory(dir=store.parent) as folder:
        copy = Path(folder) / "copy"
        for index in range(rounds):
            for arm in arms if index % 2 == 0 else arms[::-1]:
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(store, copy, symlinks=True)
                yield index + 1, arm, copy
