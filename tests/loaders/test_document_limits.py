"""Per-document limits: characters, DOCX unpacked size and HTML nesting checked by the readers
before the costly step; time and memory enforced by killing the child process; a batch goes on."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from timing import fastest
from zonekg.graph.errors import TooLarge
from zonekg.loaders.limits import DocumentLimits
from zonekg.loaders.pipeline import prepare
from zonekg.loaders.readers import read_document
from zonekg.loaders.readers.html import nesting_depth
from zonekg.loaders import sandbox
from zonekg.loaders.document import UnreadableDocument
from zonekg.loaders.sandbox import ExtractionPool, _Child

SENTENCE = "经济发展局牵头推进智能制造产业园建设。\n"


def test_text_over_the_character_limit_names_size_limit_and_setting(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(SENTENCE * 100, encoding="utf-8")
    with pytest.raises(TooLarge) as refused:
        read_document(path, DocumentLimits(max_chars=1000))
    assert str(refused.value) == (
        "document too large: 1,900 characters, limit 1,000 (raise it with ZONEKG_MAX_CHARS or --max-chars)")
    assert read_document(path, DocumentLimits(max_chars=2000)).title


def test_docx_whose_parts_unpack_past_the_limit_is_refused_unopened(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "A" * (3 * 1024 * 1024) + "</w:document>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 64 * 1024  # it compresses to almost nothing
    with pytest.raises(TooLarge, match="unpacked document too large: 3 MB, limit 1"):
        read_document(path, DocumentLimits(max_unpacked_mb=1))


def test_deep_html_is_refused_before_parsing_and_sloppy_pages_are_not_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 2000 + "文字" + "</div>" * 2000 + "</body></html>", encoding="utf-8")
    with pytest.raises(TooLarge, match="2,000 levels of nested elements, limit 512"):
        read_document(path)
    sloppy = "<html><body>" + "".join(f"<p>第{i}条<li>事项<br><img src=x>" for i in range(2000)) + "</body></html>"
    assert nesting_depth(sloppy) <= 2
    assert nesting_depth("<div><script>if (a<b) { '<div><div>' }</script><!-- <div> --></div>") == 1


def test_nesting_depth_costs_linear_time() -> None:
    def depth_of(n: int) -> None:
        assert nesting_depth("<div>" * n + "</div>" * n) == n

    small, large = fastest(lambda: depth_of(20_000), lambda: depth_of(80_000), rounds=5)
    assert large < 12 * small  # 4x the input; quadratic would be 16x


def test_text_cut_inside_a_character_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes((SENTENCE * 3).encode("utf-8")[:-2])
    document = read_document(path)
    assert document.text().endswith("\ufffd")
    assert document.warnings and "middle of a character" in document.warnings[0]
    assert prepare(path).summary.warnings == document.warnings


@pytest.mark.slow
def test_pool_kills_a_child_past_the_time_limit_and_goes_on(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(SENTENCE * 20_000, encoding="utf-8")  # several seconds of extraction
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    with ExtractionPool(DocumentLimits(max_seconds=1.0)) as pool:
        pool.prepare(good)  # the child is warm: the next document's clock measures only its own work
        with pytest.raises(TooLarge, match="more than 1 seconds to read and extract"):
            pool.prepare(slow)
        assert pool.prepare(good).summary.file == "good.txt"


@pytest.mark.slow
def test_pool_kills_a_child_past_the_memory_limit(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(SENTENCE * 5_000, encoding="utf-8")  # a second or more: the parent looks meanwhile
    with ExtractionPool(DocumentLimits(max_memory_mb=20)) as pool:  # below any Python's own size
        with pytest.raises(TooLarge, match="more than 20 MB of memory to read and extract"):
            pool.prepare(path)


@pytest.mark.slow
def test_a_batch_reports_each_failure_and_keeps_the_rest(tmp_path: Path) -> None:
    files = {"a.txt": SENTENCE, "long.txt": SENTENCE * 100, "b.exe": "MZ", "c.txt": SENTENCE}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with ExtractionPool(DocumentLimits(max_chars=1000), workers=2) as pool:
        outcomes = {path.name: (prepared, reason) for path, prepared, reason in pool.outcomes(tmp_path / n for n in files)}
    assert outcomes["a.txt"][0] is not None and outcomes["c.txt"][0] is not None
    assert "1,900 characters" in str(outcomes["long.txt"][1])
    assert "unsupported file type" in str(outcomes["b.exe"][1])


@pytest.mark.slow
def test_children_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from zonekg.loaders.limits import DocumentLimits\n"
        "from zonekg.loaders.sandbox import ExtractionPool\n"
        "if __name__ == '__main__':\n"
        "    pool = ExtractionPool(DocumentLimits())\n"
        f"    pool.prepare(Path({str(tmp_path / 'a.txt')!r}))\n"
        "    print(next(iter(pool._all)).process.pid, flush=True)\n"
        "    sys.stdin.read()\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())  # type: ignore[union-attr]
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.2)
    assert not _alive(child)


class _StoppedChild(sandbox._Child):
    """A child stopped as soon as it is started: stuck, never ready."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        os.kill(self.process.pid, signal.SIGSTOP)


class _StarvedChild(sandbox._Child):
    """A child let run 0.3 s of every 0.9 s, as a machine busy with other work lets it."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        threading.Thread(target=self._starve, daemon=True).start()

    def _starve(self) -> None:
        try:
            while not self.ready and self.process.is_alive():
                os.kill(self.process.pid, signal.SIGSTOP)
                time.sleep(0.6)
                os.kill(self.process.pid, signal.SIGCONT)
                time.sleep(0.3)
        except ProcessLookupError:
            pass


@pytest.mark.slow
def test_a_child_stuck_while_starting_fails_its_document_and_the_next_one_starts_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    monkeypatch.setattr(sandbox, "WARM_UP_STALL_SECONDS", 1.0)
    with ExtractionPool(DocumentLimits()) as pool:
        monkeypatch.setattr(sandbox, "_Child", _StoppedChild)
        with pytest.raises(UnreadableDocument, match="did not start .it used no CPU for 1 seconds"):
            pool.prepare(good)
        monkeypatch.setattr(sandbox, "_Child", _Child)
        assert pool.prepare(good).summary.file == "good.txt"


@pytest.mark.slow
def test_a_starved_child_is_waited_for_past_the_stall_limit_in_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped for longer than the stall limit in all, but never that long at once: the
    document is read (a wall clock on the start failed good documents on a busy machine)."""
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    monkeypatch.setattr(sandbox, "WARM_UP_STALL_SECONDS", 1.0)
    monkeypatch.setattr(sandbox, "_Child", _StarvedChild)
    with ExtractionPool(DocumentLimits()) as pool:
        started = time.monotonic()
        assert pool.prepare(good).summary.file == "good.txt"
        assert time.monotonic() - started > 2 * sandbox.WARM_UP_STALL_SECONDS


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        os.kill(pid, 0)
        return True


def test_a_refusal_made_by_the_child_keeps_the_child(tmp_path: Path) -> None:
    good, long = tmp_path / "good.txt", tmp_path / "long.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    long.write_text(SENTENCE * 100, encoding="utf-8")
    with ExtractionPool(DocumentLimits(max_chars=1000)) as pool:
        pool.prepare(good)
        children = [child.process.pid for child in pool._all]
        with pytest.raises(TooLarge):
            pool.prepare(long)
        assert [child.process.pid for child in pool._all] == children  # no new start-up to pay
