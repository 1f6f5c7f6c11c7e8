"""The read model an ingest saves a piece at a time: loaded, it equals the model read whole,
after a first ingest (read from the store piece by piece) and after a later one (the saved
pieces brought up to date); a save that stops half-way leaves the store and the earlier model
as they were; ``zonekg ingest --quiet`` shows no progress, and without it the model's step shows."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from zonekg.api.cli import main
from zonekg.graph import model_pieces, model_snapshot
from zonekg.graph.catalog import Catalog, local_runner
from zonekg.graph.read_model import Collection, ReadModel
from zonekg.graph.store import open_store
from zonekg.loaders.pipeline import ingest

from test_read_model import SAMPLES

FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of a few members, so the samples' collections are each saved in several."""
    monkeypatch.setattr(model_snapshot, "PIECE_MEMBERS", 7)


def ingested(folder: Path, files: list[Path], steps: list[tuple[int, int]] | None = None) -> None:
    store = open_store(folder, create=True)
    try:
        report = ingest(files, store, on_model=lambda done, total: steps.append((done, total)) if steps is not None else None)
    finally:
        store.close()
    assert len(report.ingested) == len(files) and not report.failed


def whole_and_saved(folder: Path) -> tuple[ReadModel, ReadModel | None]:
    store = open_store(folder)
    try:
        return ReadModel.read(Catalog(local_runner(store)).select), model_snapshot.load(folder, store.state() or "")
    finally:
        store.close()


def leftovers(folder: Path) -> list[str]:
    """Spill folders and temporary files of a save, were any left."""
    return [p.name for p in folder.iterdir() if p.name.startswith("read-model") and p.name != model_snapshot.FILE_NAME]


def pieces(folder: Path) -> dict[str, int]:
    lines = (folder / model_snapshot.FILE_NAME).read_text(encoding="utf-8").splitlines()[1:-1]
    found: dict[str, int] = {}
    for line in lines:
        name = "documents" if '"documents"' in line[:20] else line.split('"')[3]
        found[name] = found.get(name, 0) + 1
    return found


def test_a_model_read_in_pieces_loads_as_the_model_read_whole(tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    ingested(tmp_path / "store", FILES[:4], steps)  # a first ingest: read from the store in pieces
    whole, saved = whole_and_saved(tmp_path / "store")
    assert saved == whole and len(whole.documents.rows) == 4
    assert pieces(tmp_path / "store")["projects"] > 1
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert not leftovers(tmp_path / "store")


def test_saved_pieces_brought_up_to_date_load_as_the_model_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ingested(tmp_path / "store", FILES[:4])
    whole_reads: list[int] = []
    read = model_pieces.read
    monkeypatch.setattr(model_pieces, "read", lambda *args: whole_reads.append(1) or read(*args))
    ingested(tmp_path / "store", FILES[4:])  # one write per document, followed
    whole, saved = whole_and_saved(tmp_path / "store")
    assert not whole_reads and saved == whole and len(whole.documents.rows) == 5


def test_the_service_s_model_saved_in_pieces_loads_as_it_was(tmp_path: Path) -> None:
    ingested(tmp_path / "store", FILES)
    whole, _ = whole_and_saved(tmp_path / "store")
    model_snapshot.save(tmp_path / "store", "a token", whole)
    assert model_snapshot.load(tmp_path / "store", "a token") == whole


def test_a_file_cut_at_the_end_of_a_piece_is_ignored(tmp_path: Path) -> None:
    ingested(tmp_path / "store", FILES[:2])
    path = tmp_path / "store" / model_snapshot.FILE_NAME
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:len(lines) // 2]), encoding="utf-8")  # whole lines, the end's lost
    _, saved = whole_and_saved(tmp_path / "store")
    assert saved is None


@pytest.mark.parametrize("first", [True, False], ids=["first ingest", "later ingest"])
def test_a_save_stopped_half_way_leaves_the_store_and_the_earlier_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: bool) -> None:
    folder = tmp_path / "store"
    if not first:
        ingested(folder, FILES[:3])
    earlier = (folder / model_snapshot.FILE_NAME).read_bytes() if not first else None
    built = Collection.replaced if not first else Collection.of_facts
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt("stopped")  # what Ctrl+C in the middle of the step raises
        return built(*args)
    monkeypatch.setattr(Collection, "replaced" if not first else "of_facts",
                        failing if not first else classmethod(lambda cls, *a: failing(*a)))
    with pytest.raises(KeyboardInterrupt):
        ingested(folder, FILES[3:4] if not first else FILES[:3])
    monkeypatch.undo()
    assert not leftovers(folder)
    if first:
        assert not (folder / model_snapshot.FILE_NAME).exists()
    else:
        assert (folder / model_snapshot.FILE_NAME).read_bytes() == earlier
    store = open_store(folder)  # the documents stand; the earlier model is for another state
    try:
        assert len(store.documents()) == (3 if first else 4)
        assert model_snapshot.load(folder, store.state() or "") is None
    finally:
        store.close()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("quiet", [True, False])
def test_the_model_step_shows_its_progress_unless_quiet(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], quiet: bool) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setenv("COLUMNS", "100")
    code = main(["ingest", *map(str, FILES[:2]), "--store", str(tmp_path / "store"), "--jobs", "1",
                 *(["--quiet"] if quiet else [])])
    assert code == 0
    shown = terminal.getvalue()
    assert (shown == "") if quiet else ("read model" in shown and "piece" in shown)
