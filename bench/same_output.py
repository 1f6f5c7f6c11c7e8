#!/usr/bin/env python3
"""Does the working tree extract exactly what a revision extracts? Every document's N-Quads.

A change made for speed must not change one quad. This prepares every document of the sets
below with the working tree and with ``--revision`` (unpacked as :mod:`floor` does, each in a
fresh process) and compares each document's summary, content digest and sorted N-Quads lines:
the five samples, every ``tests/fixtures/heldout*/docs``, the real pages of ``../shared/eval/real``
when they are there, and the folders given (``bench/corpus.py OUT --documents 200 --seed 11``).
It prints one line per set and the documents that differ; the exit status is 1 if any does.

    bench/same_output.py --revision main /tmp/g200
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from floor import ROOT, unpack
from servers import BIN

DIGESTS = r'''
import hashlib, json, pathlib, sys
from zonekg.loaders.pipeline import prepare
for folder in sys.argv[1:]:
    for f in sorted(p for p in pathlib.Path(folder).iterdir() if p.is_file()):
        p = prepare(f)
        lines = sorted(p.nquads.decode("utf-8").splitlines())
        seen = "\n".join([repr(p.summary), p.digest, *lines])
        print(json.dumps([folder, f.name, hashlib.sha1(seen.encode("utf-8")).hexdigest()]), flush=True)
'''


def sets(extra: list[Path]) -> list[Path]:
    """The folders compared: samples, held-out fixtures, the real pages if present, ``extra``."""
    found = [ROOT / "loaders" / "samples", *sorted(ROOT.glob("tests/fixtures/heldout*/docs"))]
    real = ROOT.parent / "shared" / "eval" / "real" / "docs"
    return found + ([real] if real.is_dir() else []) + extra


def digests(folders: list[Path], python_path: str | None) -> dict[tuple[str, str], str]:
    """(folder, file) → SHA-1 of what ``prepare`` makes of it, in one fresh process."""
    env = {**os.environ, **({"PYTHONPATH": python_path} if python_path else {})}
    done = subprocess.run([str(BIN / "python"), "-c", DIGESTS, *map(str, folders)], capture_output=True,
                          text=True, env=env, check=True, cwd=tempfile.gettempdir())
    return {(folder, name): digest for folder, name, digest in map(json.loads, done.stdout.splitlines())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="*", help="more folders of documents (generated ones)")
    parser.add_argument("--revision", default="main", help="the revision to compare with (default main)")
    args = parser.parse_args()
    folders = sets(args.folders)
    with tempfile.TemporaryDirectory(prefix="zonekg-same-") as tmp:
        before = digests(folders, unpack(args.revision, Path(tmp)))
    after = digests(folders, None)
    differing = 0
    for folder in map(str, folders):
        keys = sorted({k for k in before | after if k[0] == folder})
        changed = [name for f, name in keys if before.get((f, name)) != after.get((f, name))]
        combined = hashlib.sha1("".join(after.get(k, "-") for k in keys).encode()).hexdigest()[:12]
        print(f"{folder}: {len(keys)} documents, {len(changed)} differ (working tree {combined})")
        for name in changed:
            print(f"  differs: {name}")
        differing += len(changed)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
