"""Hostile uploads are refused fast while the server keeps answering; a body without the token
is refused before it is sent in full; SIGTERM ends the server while it reads a document."""
from __future__ import annotations

import io
import socket
import statistics
import threading
import time
import zipfile
from collections.abc import Callable

import httpx

from live_server import FULL, TOKEN, LiveServer

AUTH = {"Authorization": f"Bearer {TOKEN}"}
MB = 1024 * 1024
PLAN = "某某新区2025年工作要点\n经济发展局牵头推进智能制造产业园建设，总投资12亿元。\n"


def zip_bomb(inflated_mb: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b"A" * MB
            for _ in range(inflated_mb):
                part.write(chunk)
    return buffer.getvalue()


def deep_html(levels: int) -> bytes:
    return ("<html><body>" + "<div>" * levels + "文字" + "</div>" * levels + "</body></html>").encode()


class HealthWatch:
    """Asks /api/health every 0.2 s from another thread and keeps each answer's latency."""

    def __init__(self, url: str) -> None:
        self.url, self.latencies, self.failures = url, [], 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                try:
                    ok = client.get("/api/health").status_code == 200
                except httpx.HTTPError:
                    ok = False
                self.latencies.append(time.monotonic() - started)
                self.failures += not ok
                self._stop.wait(0.2)

    def __enter__(self) -> HealthWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(40)


def test_hostile_uploads_are_refused_quickly_and_readers_keep_answering(server: LiveServer) -> None:
    with server.client() as client:
        started = time.monotonic()
        normal = client.post("/api/documents", files={"file": ("正常.txt", PLAN.encode())}, headers=AUTH)
        normal_seconds = time.monotonic() - started  # includes starting the extraction child
        assert normal.status_code == 201
        baseline = statistics.median(
            [_timed(lambda: client.get("/api/health")) for _ in range(5)])
        attacks = {
            "zip bomb": ("bomb.docx", zip_bomb(300), 413),
            "deep nesting": ("deep.html", deep_html(100_000 if FULL else 30_000), 413),
            "too many characters": ("long.txt", (PLAN * (120_000 if FULL else 60_000)).encode(), 413),
        }
        with HealthWatch(server.url) as watch:
            for name, (file, content, status) in attacks.items():
                started = time.monotonic()
                response = client.post("/api/documents", files={"file": (file, content)}, headers=AUTH)
                seconds = time.monotonic() - started
                assert response.status_code == status, (name, response.text)
                assert seconds < 3 * normal_seconds, (name, seconds, normal_seconds)
            answer, sent = send_until_answered(server.port, 70 * MB, AUTH)  # over the upload size
            assert answer.startswith(b"HTTP/1.1 413") and sent < 35 * MB, (answer[:100], sent)
        assert watch.failures == 0
        assert max(watch.latencies) < max(1.0, 20 * baseline), (watch.latencies, baseline)
        assert client.get("/api/documents").json()["total"] == 3  # only the normal one was added


def _timed(call: Callable[[], object]) -> float:
    started = time.monotonic()
    call()
    return time.monotonic() - started


def send_until_answered(port: int, size: int, headers: dict[str, str]) -> tuple[bytes, int]:
    """Upload ``size`` bytes over a raw socket until the server answers: (answer, bytes sent)."""
    head = (f"POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            + "Content-Type: multipart/form-data; boundary=b\r\n\r\n").encode()
    sent, answer, chunk = 0, b"", b"x" * (256 * 1024)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        sock.setblocking(False)
        while sent < size and not answer:
            try:
                sent += sock.send(chunk)
            except (BlockingIOError, InterruptedError):
                time.sleep(0.01)
            except (BrokenPipeError, ConnectionResetError):
                break
            try:
                answer = sock.recv(4096)
            except BlockingIOError:
                pass
            except ConnectionResetError:
                break
        if not answer:
            sock.settimeout(10)
            answer = sock.recv(4096)
    return answer, sent


def test_a_body_without_the_token_is_refused_before_it_is_sent(server: LiveServer) -> None:
    size = 60 * MB  # under the upload limit: only the missing token can refuse it
    answer, sent = send_until_answered(server.port, size, {})
    assert answer.startswith(b"HTTP/1.1 401"), answer[:100]
    assert sent < size / 2, sent


def test_sigterm_while_reading_a_document_stops_the_server_within_seconds(start_server: Callable[..., LiveServer]) -> None:
    from zonekg.api.server import SHUTDOWN_GRACE

    server = start_server()
    slow = (PLAN * 25_000).encode()  # well under the character limit; a minute or more to extract

    def upload() -> None:
        try:
            httpx.post(server.url + "/api/documents", files={"file": ("slow.txt", slow)}, headers=AUTH, timeout=300)
        except httpx.HTTPError:
            pass

    thread = threading.Thread(target=upload, daemon=True)
    thread.start()
    time.sleep(8)  # the child has started, warmed up and is extracting
    started = time.monotonic()
    server.process.terminate()
    server.process.wait(60)
    assert time.monotonic() - started < SHUTDOWN_GRACE + 7
