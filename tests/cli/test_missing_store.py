"""Only ``ingest`` and ``demo`` create a store: every other command on a folder that holds no
store, or an empty one, says so and exits non-zero, and leaves no store behind."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.api.cli import main
from zonekg.graph.store import open_store

READERS = [
    ["query", "ASK { ?s ?p ?o }"],
    ["export", "--format", "nt"],
    ["validate"],
    ["viz", "-o", "page.html"],
    ["serve", "--port", "1"],
]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_missing_store_is_reported_and_not_created(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "no-such-store"
    assert main([*command, "--store", str(missing)]) != 0
    err = capsys.readouterr().err
    assert str(missing) in err and "zonekg ingest" in err
    assert not missing.exists()


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_the_default_store_is_not_created_in_the_working_folder(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZONEKG_STORE", raising=False)
    assert main(command) != 0
    assert "no zonekg store" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_an_empty_store_is_reported(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "empty"
    open_store(empty, create=True).close()
    assert main([*command, "--store", str(empty)]) != 0
    assert "holds no documents" in capsys.readouterr().err
