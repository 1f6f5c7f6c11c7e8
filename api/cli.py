"""The ``zonekg`` command line: ingest, extract, serve, query, export, validate and demo.

Every sub-command has ``--help`` with an example. Exit status is non-zero when anything the
user asked for failed (a file that could not be ingested, a bad query).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from zonekg.graph.errors import ZonekgError
from zonekg.graph.errors import StoreInUse

DEFAULT_STORE = os.environ.get("ZONEKG_STORE", "zonekg-store")
_ASK_THE_SERVICE = "stop it first, or ask the running service: its /sparql endpoint answers the same queries"
IN_USE_HINTS = {
    "ingest": "stop it first, or upload the files to the running service "
              "(POST /api/documents with its write token)",
    "serve": "it is probably served already: use that service, or stop it first",
    "demo": "it is probably served already: use that service, or stop it first",
    "query": _ASK_THE_SERVICE,
    "export": "stop it first, or read the graph from the running service "
              "(/rdf-graphs?graph=IRI, or a CONSTRUCT query on /sparql)",
    "validate": "stop it first: validation reads every document graph from the store",
    "viz": "stop it first, or open the running service's /graph page",
}
"""What to do instead when another process holds the store, by command: one store has one
process at a time, and what the user wanted decides where they should go."""


def _add_store(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", default=DEFAULT_STORE, metavar="DIR|URL",
        help=f"store folder, or the URL of a SPARQL 1.1 server (default: $ZONEKG_STORE or ./{DEFAULT_STORE})",
    )


def _parser() -> argparse.ArgumentParser:  # long: one block per command, read as the CLI reference
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
        "--scheduler", metavar="ADDRESS",
        help="read and extract on a dask cluster: local:N (N local worker processes) or tcp://host:port "
             "(needs the dask extra)",
    )
    p.add_argument(
        "--jobs", type=int, default=0, metavar="N",
        help="worker processes for reading and extraction (default: one per core for 20+ files, else 1)",
    )
    _add_max_chars(p)

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
    p.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="table, json (SPARQL results JSON) or csv (default: table)")

    p = sub.add_parser("export", help="write the graph to a file", formatter_class=fmt,
                       epilog="example: zonekg export --format trig -o zonekg.trig")
    _add_store(p)
    from zonekg.graph.export import FORMATS

    p.add_argument(
        "--format", choices=FORMATS, default="ttl", metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)} (default: ttl); nq, trig and jsonld keep one graph per document",
    )
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")

    p = sub.add_parser(
        "evaluate", help="score extraction against hand-made gold files", formatter_class=fmt,
        description="Ingest DOCS into a temporary store and compare what zonekg serves with one gold "
                    "JSON file per document (format: zonekg.loaders.evaluation; the samples' gold is in "
                    "loaders/samples/gold).",
        epilog="example: zonekg evaluate my-plans/ --gold my-gold/ --explain",
    )
    p.add_argument("docs", type=Path, metavar="DOCS", help="folder (or file) of the annotated documents")
    p.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of gold JSON files")
    p.add_argument("--explain", action="store_true", help="list misses and extra items per document")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    p.add_argument("--min-f1", action="append", default=[], metavar="CAT=F",
                   help="exit 1 when a category's F1 (or micro) falls short, e.g. lead=0.9")

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
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every interface)")
    p.add_argument("--port", type=int, default=8000, help="TCP port to listen on (default: 8000)")
    p.add_argument("--token-file", type=Path, help="file holding the write token (else $ZONEKG_TOKEN)")
    p.add_argument("--timeout", type=float, help="query time limit in seconds (default 10)")
    p.add_argument("--workers", type=int, help="query worker processes (default 2)")
    p.add_argument("--allow-service", nargs="+", default=[], metavar="URL",
                   help="SPARQL endpoints queries may call with SERVICE (and updates LOAD); default: none")
    _add_max_chars(p)


def _add_max_chars(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-chars", type=int, metavar="N",
                   help="refuse a document longer than N characters (default 2,000,000; also $ZONEKG_MAX_CHARS)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from zonekg.api import commands

    try:
        return getattr(commands, args.command)(args)
    except StoreInUse as exc:
        print(f"zonekg: {exc}: {IN_USE_HINTS.get(args.command, 'stop it first')}", file=sys.stderr)
        return 2
    except (ZonekgError, commands.PortInUse) as exc:
        print(f"zonekg: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

