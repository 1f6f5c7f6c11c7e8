"""A throw-away OpenLink Virtuoso 7 for the tests of the remote store.

Debian's ``virtuoso-opensource`` (installed by ``tests/run-all.sh``) ships a configuration in
``/etc``; a copy with its database in a temporary folder, free loopback ports and a larger
result cap starts in seconds with ``virtuoso-t +foreground``. The tests start and stop it.
"""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
USER, PASSWORD = "dba", "dba"
"""The administrator Debian's package creates; updates need it (digest authentication)."""

START_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Virtuoso:
    """A running server; ``url`` answers queries and updates, ``graphs_url`` the Graph Store
    Protocol, both with digest authentication as :data:`USER`."""

    def __init__(self) -> None:
        binary = shutil.which("virtuoso-t")
        if binary is None or not SYSTEM_INI.exists():
            raise RuntimeError("Virtuoso is not installed: run tests/run-all.sh (Debian's virtuoso-opensource)")
        self.folder = Path(tempfile.mkdtemp(prefix="zonekg-virtuoso-"))
        sql_port, self.port = _free_port(), _free_port()
        ini = SYSTEM_INI.read_text(encoding="utf-8").replace("/var/lib/virtuoso-opensource-7/db", str(self.folder))
        ini = re.sub(r"(?m)^ServerPort\s*=\s*1111\b.*$", f"ServerPort = 127.0.0.1:{sql_port}", ini)
        ini = re.sub(r"(?m)^ServerPort\s*=\s*8890\b.*$", f"ServerPort = 127.0.0.1:{self.port}", ini)
        ini = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 1000000", ini)
        (self.folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
        self.log = open(self.folder / "console.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(self.folder / "virtuoso.ini")],
            cwd=self.folder, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        self.url = f"{self.base}/sparql-auth"
        self.graphs_url = f"{self.base}/sparql-graph-crud-auth"
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited: {(self.folder / 'console.log').read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{self.base}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"Virtuoso did not answer within {START_SECONDS} s")

    def environment(self) -> dict[str, str]:
        """What zonekg needs to use this server as its store (besides the URL)."""
        return {
            "ZONEKG_STORE_USER": USER,
            "ZONEKG_STORE_PASSWORD": PASSWORD,
            "ZONEKG_STORE_GRAPHS_URL": self.graphs_url,
        }

    def clear(self) -> None:
        """Drop every graph zonekg wrote (documents, the union), keeping the server's own."""
        auth = httpx.DigestAuth(USER, PASSWORD)
        found = httpx.post(
            f"{self.base}/sparql",
            data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                           "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/zonekg/') || STRSTARTS(STR(?g), 'urn:')) }"},
            headers={"Accept": "application/sparql-results+json"}, timeout=60,
        ).json()["results"]["bindings"]
        drops = " ; ".join(f"DROP SILENT GRAPH <{b['g']['value']}>" for b in found)
        if drops:
            httpx.post(self.url, data={"update": drops}, auth=auth, timeout=60).raise_for_status()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)
