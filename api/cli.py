"""The ``zonekg`` command line: ingest, extract, serve, query, export, validate and demo.

Every sub-command has ``--help`` with an example. Exit status is non-zero when anything the
user asked for failed (a file that could not be ingested, a bad query).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from zonekg.graph.store import StoreError

DEFAULT_STORE = Path(os.environ.get("ZONEKG_STORE", "zonekg-store"))


def _add_store(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", type=Path, default=DEFAULT_STORE,
        help=f"store directory (default: $ZONEKG_STORE or ./{DEFAULT_STORE})",
    )


def _parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="zonekg",
        description="Turn Chinese development-zone work plans into a knowledge graph.",
        epilog="example: zonekg demo",
        formatter_class=fmt,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="read documents into the store", formatter_class=fmt,
                       epilog="example: zonekg ingest plans/ extra/plan.docx --store zonekg-store")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders (recursive)")
    _add_store(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--jobs", type=int, default=0, metavar="N",
        help="worker processes for reading and extraction (default: one per core for 20+ files, else 1)",
    )

    p = sub.add_parser("extract", help="print what documents yield, without a store", formatter_class=fmt,
                       epilog="example: zonekg extract plan.txt --format table --trace")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="files or folders (recursive)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--trace", action="store_true",
                   help="also print the reader's layout and what each extraction stage added")

    p = sub.add_parser("serve", help="serve the API, SPARQL endpoint and pages", formatter_class=fmt,
                       epilog="example: zonekg serve --store zonekg-store --port 8000")
    _add_store(p)
    _add_serve_options(p)

    p = sub.add_parser("query", help="run a SPARQL query", formatter_class=fmt,
                       epilog="example: zonekg query 'SELECT ?p ?a WHERE { ?p zk:leadAgency ?a }'")
    p.add_argument("sparql", help="the query (prefixes zk:, rdfs:, skos:, … are predeclared)")
    _add_store(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")

    p = sub.add_parser("export", help="write the graph to a file", formatter_class=fmt,
                       epilog="example: zonekg export --format trig -o zonekg.trig")
    _add_store(p)
    from zonekg.graph.export import FORMATS

    p.add_argument("--format", choices=FORMATS, default="ttl")
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")

    p = sub.add_parser("validate", help="check every document graph against the SHACL shapes",
                       formatter_class=fmt, epilog="example: zonekg validate --store zonekg-store")
    _add_store(p)

    p = sub.add_parser("viz", help="write the interactive network page to a file", formatter_class=fmt,
                       epilog="example: zonekg viz --focus zone/苏州工业园区 --depth 2 -o suzhou.html")
    _add_store(p)
    p.add_argument("-o", "--output", type=Path, default=Path("zonekg-graph.html"),
                   help="HTML file to write (default: zonekg-graph.html)")
    p.add_argument("--focus", metavar="IRI", help="show this entity's neighbourhood (IRI or path after /id/)")
    p.add_argument("--depth", type=int, default=2, help="relations around --focus (1-4, default 2)")

    p = sub.add_parser("demo", help="ingest the sample corpus and serve it", formatter_class=fmt,
                       epilog="example: zonekg demo --port 8000")
    _add_store(p)
    _add_serve_options(p)
    p.add_argument("--reingest", action="store_true", help="re-read the samples even if present")
    return parser


def _add_serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token-file", type=Path, help="file holding the write token (else $ZONEKG_TOKEN)")
    p.add_argument("--timeout", type=float, help="query time limit in seconds (default 10)")
    p.add_argument("--workers", type=int, help="query worker processes (default 2)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from zonekg.api import commands

    try:
        return getattr(commands, args.command)(args)
    except StoreError as exc:
        print(f"zonekg: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

