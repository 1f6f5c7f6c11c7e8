"""What each ``zonekg`` sub-command does; :mod:`zonekg.api.cli` only parses arguments."""
from __future__ import annotations

import argparse
import contextlib
import csv
import os
import socket
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from zonekg.graph.errors import InvalidRequest

if TYPE_CHECKING:
    from zonekg.api.settings import Settings
    from zonekg.graph.store import GraphStore


def sample_corpus() -> Path:
    """The sample documents shipped with zonekg."""
    from zonekg import loaders

    return Path(loaders.__file__).resolve().parent / "samples"


def _reading_store(args: argparse.Namespace) -> GraphStore:
    """The store of ``--store``, for a command that reads: never created, never empty (a
    mistyped path is reported, not answered with an empty graph)."""
    from zonekg.graph.store import open_store, require_documents

    return require_documents(open_store(args.store))


def ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from zonekg.graph.store import open_store
    from zonekg.loaders.limits import DocumentLimits
    from zonekg.loaders.pipeline import ingest as run_ingest
    from zonekg.loaders.pipeline import iter_files

    limits = DocumentLimits.from_env(max_chars=args.max_chars)
    files = list(iter_files(args.paths))
    if not files:
        print("zonekg: no documents found under " + " ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    store = open_store(args.store, create=True)
    try:
        shown = not args.quiet and sys.stderr.isatty()
        with tqdm(total=len(files), unit="doc", disable=not shown, file=sys.stderr) as bar, \
                contextlib.ExitStack() as later:
            def progress(path: Path, summary: object, error: str | None) -> None:
                bar.set_postfix_str(path.name[-30:])
                bar.update(1)

            model: list[tqdm] = []

            def model_progress(done: int, total: int) -> None:  # the read model saved at the end: minutes at 10,000 documents
                if not model:
                    bar.close()
                    model.append(later.enter_context(
                        tqdm(total=total, desc="read model", unit="piece", disable=not shown, file=sys.stderr)))
                model[0].total = total
                model[0].update(done - model[0].n)

            jobs = args.jobs or (os.cpu_count() or 1 if len(files) >= 20 else 1)
            report = run_ingest(files, store, jobs=jobs, limits=limits, scheduler=args.scheduler, on_file=progress,
                                on_model=model_progress)
    finally:
        store.close()
    for summary in report.ingested:
        counts = ", ".join(f"{v} {k}" for k, v in sorted(summary.counts.items()))
        print(f"ingested {summary.file}: {summary.triples} triples ({counts})")
        for warning in summary.warnings:
            print(f"warning  {summary.file}: {warning}", file=sys.stderr)
    for path, reason in report.failed:
        print(f"FAILED   {path}: {reason}", file=sys.stderr)
    print(f"{len(report.ingested)} ingested, {len(report.failed)} failed, store {args.store}")
    return 0 if report.ok else 1


def extract(args: argparse.Namespace) -> int:
    """Print each document's entities, leads and targets with their quotes; no store."""
    import dataclasses
    import json

    from zonekg.loaders.document import UnreadableDocument
    from zonekg.loaders.pipeline import iter_files
    from zonekg.loaders.report import as_table, report

    files = list(iter_files(args.paths))
    if not files:
        print("zonekg: no documents found under " + " ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    failed = 0
    reports = []
    for path in files:
        try:
            rep = report(path, trace=args.trace)
        except UnreadableDocument as exc:
            print(f"FAILED   {exc}", file=sys.stderr)
            failed += 1
            continue
        if args.format == "json":
            reports.append(dataclasses.asdict(rep))
        else:
            print(as_table(rep))
    if args.format == "json":
        print(json.dumps(reports, ensure_ascii=False, indent=1))
    return 1 if failed else 0


def _settings(args: argparse.Namespace) -> Settings:
    from zonekg.api.settings import Settings

    return Settings.from_env(
        args.store, token_file=args.token_file, query_timeout=args.timeout, workers=args.workers,
        allowed_services=args.allow_service, max_chars=args.max_chars,
    )


PORTS_TRIED = 50
"""How far past a busy port to look for a free one to suggest."""


class PortInUse(Exception):
    """The port to serve on is taken; the message suggests a free one."""


def _bound(host: str, port: int) -> socket.socket | None:
    # IPPROTO_TCP named explicitly: asyncio turns Nagle's algorithm off only on connections
    # whose socket says TCP, and with it on every response after a connection's first waits
    # ~40 ms for the client's delayed ACK (measured: 48 ms against 3 ms per kept-alive request).
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        return None
    return sock


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything is printed or started, so a port in use
    is one clear line (with a free port to use instead) rather than a banner and a traceback."""
    sock = _bound(host, port)
    if sock is None:
        free = next((p for p in range(port + 1, port + 1 + PORTS_TRIED) if _probe(host, p)), None)
        hint = f": try --port {free}" if free else ""
        raise PortInUse(f"port {port} is in use{hint}")
    sock.listen(2048)
    return sock


def _probe(host: str, port: int) -> bool:
    sock = _bound(host, port)
    if sock is None:
        return False
    sock.close()
    return True


def _serve(args: argparse.Namespace, sock: socket.socket, banner: list[str]) -> int:
    import uvicorn

    from zonekg.api.app import create_app
    from zonekg.api.server import server_config

    settings = _settings(args)
    app = create_app(settings)
    base = f"http://{args.host}:{sock.getsockname()[1]}"  # the real port, also for --port 0
    for line in banner + [
        f"  network page   {base}/graph",
        f"  REST API       {base}/api/projects",
        f"  SPARQL         {base}/sparql",
        f"  API docs       {base}/docs",
        "Press Ctrl+C to stop.",
    ]:
        print(line, flush=True)
    server = uvicorn.Server(server_config(app, settings))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn re-raises the Ctrl+C it handled after a clean shutdown
    finally:
        sock.close()
    print("Stopped.", flush=True)
    return 0


def serve(args: argparse.Namespace) -> int:
    _reading_store(args).close()  # a missing or empty store is said before the banner
    return _serve(args, listen(args.host, args.port), [f"Serving {args.store}:"])


def demo(args: argparse.Namespace) -> int:
    from zonekg.graph.store import open_store
    from zonekg.loaders.pipeline import ingest as run_ingest
    from zonekg.loaders.pipeline import iter_files
    from zonekg.ontology.iris import document_iri

    sock = listen(args.host, args.port)  # before the ingest: a busy port should not cost it
    corpus = sample_corpus()
    store = open_store(args.store, create=True)
    try:
        present = set(store.documents())
        missing = [f for f in iter_files([corpus]) if document_iri(f.name) not in present]
        if args.reingest:
            missing = list(iter_files([corpus]))
        if missing:
            print(f"Ingesting {len(missing)} sample documents into {args.store} …", flush=True)
            report = run_ingest(missing, store)
            for path, reason in report.failed:
                print(f"FAILED {path}: {reason}", file=sys.stderr)
        else:
            print(f"Reusing the store {args.store} (the samples are already in it).", flush=True)
    finally:
        store.close()
    return _serve(args, sock, ["zonekg demo is running:"])


def query(args: argparse.Namespace) -> int:
    from zonekg.graph.catalog import local_runner
    from zonekg.graph.executor import AskResult, GraphResult, QueryError
    store = _reading_store(args)
    try:
        result = local_runner(store)(args.sparql, None)
    except QueryError as exc:
        print(f"zonekg: bad query: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if isinstance(result, AskResult):
        print("true" if result.value else "false")
    elif isinstance(result, GraphResult):
        sys.stdout.write(result.ntriples.decode("utf-8"))
    elif args.format == "json":
        from zonekg.graph.results import to_json as results_json

        sys.stdout.write(results_json(result).decode("utf-8") + "\n")
    else:
        rows = [[("" if t is None else t[1]) for t in row] for row in result.rows]
        if args.format == "csv":
            writer = csv.writer(sys.stdout)
            writer.writerow(result.variables)
            writer.writerows(rows)
        else:
            print(format_table(result.variables, rows))
            print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table that lines up Chinese (double-width) text."""
    widths = [_width(h) for h in header]
    for row in rows:
        widths = [max(w, _width(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows])


@contextlib.contextmanager
def _replaced_when_complete(output: Path) -> Iterator[BinaryIO]:
    """A file beside ``output`` that takes its place only once the export is written whole, so
    an export that fails or is interrupted leaves no truncated file (nor a changed one) behind;
    a folder that is missing or not writable is a clear error, not a traceback."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent or ".")
    except OSError as exc:
        raise InvalidRequest(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.chmod(name, 0o666 & ~_umask())  # mkstemp's file is private; an export is not
        os.replace(name, output)
    except BaseException:
        os.unlink(name)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def export(args: argparse.Namespace) -> int:
    from zonekg.graph.catalog import Catalog, local_runner
    from zonekg.graph.export import export as run_export
    store = _reading_store(args)
    try:
        catalog = Catalog(local_runner(store))
        if args.output:
            with _replaced_when_complete(Path(args.output)) as out:
                run_export(store, catalog, args.format, out)
            print(f"wrote {args.output}", file=sys.stderr)
        else:
            run_export(store, catalog, args.format, sys.stdout.buffer)
    finally:
        store.close()
    return 0


def evaluate(args: argparse.Namespace) -> int:
    """Ingest the documents into a throw-away store and score what it serves against gold."""
    import json

    from zonekg.graph.catalog import Catalog, local_runner
    from zonekg.graph.store import open_store
    from zonekg.loaders import evaluation
    from zonekg.loaders.pipeline import ingest as run_ingest
    from zonekg.loaders.pipeline import iter_files

    gold = evaluation.load_gold(args.gold)
    if not gold:
        print(f"zonekg: no gold files (*.json) in {args.gold}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="zonekg-evaluate-") as folder:
        store = open_store(folder, create=True)
        try:
            report = run_ingest(list(iter_files([args.docs])), store)
            for path, reason in report.failed:
                print(f"FAILED   {path}: {reason}", file=sys.stderr)
            score = evaluation.evaluate(Catalog(local_runner(store)), gold)
        finally:
            store.close()
    if args.explain:
        print("\n".join(score.explained))
    print(score.table())
    figures = score.figures()
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    short = []
    for spec in args.min_f1:
        category, _, wanted = spec.partition("=")
        have = figures["micro_f1"] if category == "micro" else figures[category]["f1"]
        if have < float(wanted):
            short.append(f"{category} F1 {have:.3f} < {float(wanted):.3f}")
    if short:
        print("short: " + "; ".join(short))
    return 1 if short else 0


def validate(args: argparse.Namespace) -> int:
    """Validate every document graph; the reports of those that fail go to standard output."""
    from zonekg.graph.validation import validate_store

    store = _reading_store(args)
    try:
        failed = checked = 0
        for iri, conforms, report in validate_store(store):
            checked += 1
            if conforms:
                print(f"ok       {iri}")
            else:
                failed += 1
                print(f"FAILED   {iri}\n{report}")
    finally:
        store.close()
    print(f"{checked - failed} conform, {failed} failed, store {args.store}")
    return 1 if failed else 0


def viz(args: argparse.Namespace) -> int:
    """Write the network page (whole graph, or ``--focus``'s neighbourhood) as one HTML file."""
    from zonekg.graph.analysis import UnknownEntity
    from zonekg.graph.catalog import Catalog, local_runner, resolve_iri
    from zonekg.visualize.compose import graph_page

    focus = (resolve_iri(args.focus) or args.focus) if args.focus else None
    store = _reading_store(args)
    try:
        page = graph_page(Catalog(local_runner(store)), focus=focus, depth=args.depth, linked=False)
    except UnknownEntity:
        print(f"zonekg: no entity {focus} in the store {args.store}", file=sys.stderr)
        return 1
    finally:
        store.close()
    args.output.write_text(page, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


__all__ = ["ingest", "serve", "demo", "query", "export", "evaluate", "validate", "viz"]
