"""The ``zonekg`` command line, run as a user runs it (a subprocess per command)."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "samples"
SEED_001 = SAMPLES / "001_5914d671fb660af2.txt"


def zonekg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zonekg.api.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    done = zonekg("ingest", str(SAMPLES), "--store", str(path))
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize("command", ["ingest", "extract", "serve", "query", "export", "evaluate", "demo"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    done = zonekg(command, "--help")
    assert done.returncode == 0
    assert "example: zonekg" in done.stdout


def test_ingest_reports_each_document(store: Path) -> None:
    done = zonekg("query", "--store", str(store), "--format", "json",
                  "SELECT ?f WHERE { ?d a zk:Document ; zk:fileName ?f } ORDER BY ?f")
    files = [b["f"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]]
    assert files == sorted(p.name for p in SAMPLES.glob("*.txt"))


@pytest.mark.slow
def test_bad_files_are_named_and_skipped_and_the_others_land(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("某某高新区2024年工作要点\n全年地区生产总值增长8%。\n", encoding="utf-8")
    (docs / "broken.docx").write_bytes(b"this is not a zip archive")
    (docs / "notes.xyz").write_text("ignored: not a document type", encoding="utf-8")
    done = zonekg("ingest", str(docs), str(docs / "notes.xyz"), "--store", str(tmp_path / "s"))
    assert done.returncode == 1
    assert "broken.docx" in done.stderr and "notes.xyz" in done.stderr
    assert "ingested good.txt" in done.stdout
    assert "1 ingested, 2 failed" in done.stdout


@pytest.mark.slow
def test_reingest_is_idempotent(tmp_path: Path) -> None:
    target = tmp_path / "s"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    zonekg("ingest", str(SEED_001), "--store", str(target))
    first = zonekg("query", "--store", str(target), "--format", "csv", count).stdout
    zonekg("ingest", str(SEED_001), "--store", str(target))
    assert zonekg("query", "--store", str(target), "--format", "csv", count).stdout == first


def test_query_table_and_csv(store: Path) -> None:
    sparql = "SELECT ?f WHERE { ?d zk:fileName ?f } ORDER BY ?f LIMIT 2"
    table = zonekg("query", "--store", str(store), sparql)
    assert table.returncode == 0
    assert table.stdout.splitlines()[0].strip() == "f" and "(2 rows)" in table.stdout
    rows = list(csv.reader(io.StringIO(zonekg("query", "--store", str(store), "--format", "csv", sparql).stdout)))
    assert rows[0] == ["f"] and len(rows) == 3


def test_bad_query_is_a_clear_error(store: Path) -> None:
    done = zonekg("query", "--store", str(store), "SELECT WHERE {")
    assert done.returncode == 1 and "bad query" in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "rdf_format"),
    [("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES), ("nq", ox.RdfFormat.N_QUADS),
     ("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)],
)
def test_export_parses_back(store: Path, tmp_path: Path, fmt: str, rdf_format: ox.RdfFormat) -> None:
    out = tmp_path / f"export.{fmt}"
    done = zonekg("export", "--store", str(store), "--format", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    parsed = list(ox.parse(path=str(out), format=rdf_format))
    assert parsed
    if rdf_format.supports_datasets:
        graphs = {q.graph_name.value for q in parsed if isinstance(q.graph_name, ox.NamedNode)}
        assert len(graphs) == len(list(SAMPLES.glob("*.txt")))


@pytest.mark.slow
def test_export_into_a_missing_folder_is_a_clear_error_and_writes_nothing(store: Path, tmp_path: Path) -> None:
    done = zonekg("export", "--store", str(store), "-o", str(tmp_path / "missing" / "out.nq"))
    assert done.returncode == 2 and "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "missing").exists()


@pytest.mark.slow
def test_export_replaces_the_file_whole_and_keeps_the_usual_permissions(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.nt"
    out.write_text("old", encoding="utf-8")
    assert zonekg("export", "--store", str(store), "--format", "nt", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") != "old" and list(tmp_path.iterdir()) == [out]
    assert out.stat().st_mode & 0o044  # readable by others, as a file written with open() would be


@pytest.mark.slow
def test_export_graphml(store: Path, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "g.graphml"
    assert zonekg("export", "--store", str(store), "--format", "graphml", "-o", str(out)).returncode == 0
    assert isinstance(nx.read_graphml(out), nx.Graph)


@pytest.mark.slow
def test_store_in_use_says_what_to_do_instead_for_each_command(store: Path, tmp_path: Path) -> None:
    from zonekg.graph.store import open_store

    holder = open_store(store)
    try:
        done = zonekg("query", "--store", str(store), "ASK {}")
        assert done.returncode == 2 and "another process" in done.stderr
        assert "/sparql" in done.stderr and "add documents" not in done.stderr
        done = zonekg("ingest", str(SEED_001), "--store", str(store))
        assert done.returncode == 2 and "POST /api/documents" in done.stderr
        done = zonekg("export", "--store", str(store), "-o", str(tmp_path / "out.ttl"))
        assert done.returncode == 2 and "/rdf-graphs" in done.stderr
    finally:
        holder.close()


def test_help_gives_each_option_a_description_and_default() -> None:
    def help_of(command: str) -> str:
        return " ".join(zonekg(command, "--help").stdout.split())

    serve = help_of("serve")
    assert "(default: 127.0.0.1" in serve and "(default: 8000)" in serve
    assert "query worker processes (default 2)" in serve
    export = help_of("export")
    assert "(default: ttl)" in export and "trig" in export
    assert "(default: table)" in help_of("query")


def test_port_in_use_is_one_line_before_any_banner(store: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = zonekg("serve", "--store", str(store), "--port", str(port))
    assert done.returncode == 2
    assert done.stdout == ""
    line = done.stderr.strip()
    assert re.fullmatch(rf"zonekg: port {port} is in use: try --port \d+", line), done.stderr
    suggested = int(line.rsplit(" ", 1)[1])
    with socket.socket() as check:
        check.bind(("127.0.0.1", suggested))  # the suggestion is free


@pytest.mark.parametrize("when", ["serving", "starting"])
def test_ctrl_c_stops_the_server_quietly(store: Path, when: str) -> None:
    """Ctrl+C in a terminal signals the whole process group: the server and its query workers,
    also workers still starting up."""
    server = subprocess.Popen(
        [sys.executable, "-m", "zonekg.api.cli", "serve", "--store", str(store), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        banner = [server.stdout.readline() for _ in range(6)]
        base = re.search(r"(http://127\.0\.0\.1:\d+)/graph", "".join(banner)).group(1)
        deadline = time.monotonic() + 60
        while when == "serving":  # the workers are up once a query has been answered
            try:
                if httpx.get(f"{base}/api/projects", params={"limit": 1}, timeout=30).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.2)
        if when == "starting":
            time.sleep(0.5)  # the service is opening the store and spawning its workers
        os.killpg(server.pid, signal.SIGINT)
        out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert server.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert out.strip().endswith("Stopped.")


@pytest.mark.slow
def test_parallel_ingest_lands_the_same_graphs(store: Path, tmp_path: Path) -> None:
    parallel = tmp_path / "parallel"
    done = zonekg("ingest", str(SAMPLES), "--store", str(parallel), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    count = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    serial = zonekg("query", "--store", str(store), "--format", "csv", count).stdout
    assert zonekg("query", "--store", str(parallel), "--format", "csv", count).stdout == serial


def test_extract_prints_entities_leads_and_targets_with_quotes_without_a_store(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "青梧高新区2025年工作要点\n"
        "全年地区生产总值增长8%。\n"
        "1.建设青梧光电产业园。(牵头部门:经济发展局;参与部门:财政局)\n",
        encoding="utf-8",
    )
    done = zonekg("extract", str(plan), "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [doc] = json.loads(done.stdout)
    assert doc["file"] == "plan.txt"
    agencies = {a["name"]: a["quote"] for a in doc["entities"]["agency"]}
    assert "牵头部门:经济发展局" in agencies["经济发展局"]
    [lead] = [p for p in doc["leads"] if "青梧光电产业园" in p["project"]]
    assert lead["lead"] == ["经济发展局"] and lead["participants"] == ["财政局"]
    [target] = doc["targets"]
    assert target["value"] == 8 and target["unit"] == "%" and "增长8%" in target["quote"]
    assert not any(tmp_path.glob("zonekg-store*"))
    table = zonekg("extract", str(plan), "--trace", cwd=tmp_path)
    assert "T  " not in table.stdout and "P  1.建设青梧光电产业园" in table.stdout
    assert re.search(r"-- stage entities \([\d.]+ ms\):", table.stdout) and "zone: 青梧高新区" in table.stdout
    assert "青梧光电产业园 <- 经济发展局" in table.stdout.replace("建设青梧", "青梧")


def test_extract_names_an_unreadable_file_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    good = tmp_path / "good.txt"
    good.write_text("某某高新区2024年工作要点\n全年地区生产总值增长8%。\n", encoding="utf-8")
    done = zonekg("extract", str(tmp_path / "broken.docx"), str(good))
    assert done.returncode == 1 and "broken.docx" in done.stderr and "== good.txt" in done.stdout


def test_served_connections_send_without_waiting_for_acks() -> None:
    """The listening socket says TCP, so asyncio turns Nagle's algorithm off on every
    connection it accepts: responses on a kept-alive connection then go out at once, not
    ~40 ms later when the client's delayed ACK arrives."""
    import asyncio

    from zonekg.api.commands import listen

    sock = listen("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        client = socket.create_connection(sock.getsockname()[:2])
        accepted, _ = sock.accept()
        loop = asyncio.new_event_loop()
        try:
            transport, _ = loop.run_until_complete(loop.connect_accepted_socket(asyncio.Protocol, accepted))
            assert transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            transport.close()
        finally:
            loop.close()
            client.close()
    finally:
        sock.close()
