"""A store K times the size of an existing one, for read-path figures where ingesting that many
documents would take hours: the store's documents are copied K times under new IRIs.

    python bench/replicate.py STORE OUT --times 10

Every IRI under ``…/id/`` gets a copy mark (``~2`` …) and every file name its copy number, so
each copy is a new set of documents and entities with the same names: name look-ups find K
times as many entities, lists are K times as long, and one entity's neighbourhood is as large
as in the original. The copies are bulk-loaded into a fresh store (named graphs and their union,
as ``zonekg ingest`` leaves them). The figures it gives are of a store of that size and shape,
not of ingesting it.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
from pathlib import Path

import pyoxigraph as ox
from servers import BIN

from zonekg.graph.oxigraph_store import DATA_DIR

IRI = re.compile(r"<(https://w3id\.org/zonekg/id/[^>]*)>")
FILE_NAME = re.compile(r'(<https://w3id\.org/zonekg/ontology#fileName> ")([^"]*)(")')


def copy_line(line: str, k: int) -> str:
    """The N-Quads ``line`` of copy ``k`` (copy 1 is the original)."""
    if k == 1:
        return line
    line = IRI.sub(lambda m: f"<{m.group(1)}~{k}>", line)
    return FILE_NAME.sub(lambda m: f"{m.group(1)}{k:02d}_{m.group(2)}{m.group(3)}", line)


def replicate(store: Path, out: Path, times: int) -> int:
    """Write ``times`` copies of ``store`` into a fresh store at ``out``; returns the quads."""
    with tempfile.TemporaryDirectory(prefix="zonekg-replicate-") as folder:
        nq = Path(folder) / "store.nq"
        subprocess.run([str(BIN / "zonekg"), "export", "--store", str(store), "--format", "nq", "-o", str(nq)],
                       check=True, stdout=subprocess.DEVNULL)
        copies = Path(folder) / "copies.nq"
        union = Path(folder) / "union.nt"
        count = 0
        with nq.open(encoding="utf-8") as source, copies.open("w", encoding="utf-8") as quads, \
                union.open("w", encoding="utf-8") as triples:
            lines = source.readlines()
            for k in range(1, times + 1):
                for line in lines:
                    copied = copy_line(line, k)
                    quads.write(copied)
                    # the union (default graph) holds each triple once: drop the graph term
                    triples.write(copied.rsplit(" <", 1)[0] + " .\n")
                    count += 1
        out.mkdir(parents=True, exist_ok=True)
        target = ox.Store(str(out / DATA_DIR))
        target.bulk_load(path=str(copies), format=ox.RdfFormat.N_QUADS)
        target.bulk_load(path=str(union), format=ox.RdfFormat.N_TRIPLES)
        target.flush()
        del target
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    print(f"{replicate(args.store, args.out, args.times):,} quads in {args.out}")


if __name__ == "__main__":
    main()
