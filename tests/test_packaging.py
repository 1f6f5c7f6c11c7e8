"""The distribution ships every package and data file the running service needs.

The repository keeps the design card's top level (``graph/ ontology/ api/ loaders/
visualize/``) and maps each folder to ``zonekg.<folder>``; these tests catch a sub-package or
data file that was added to the tree but would be missing from an installed wheel.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # seconds per corpus or wheel: CI runs it, the default run does not

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MAPPED = PYPROJECT["tool"]["setuptools"]["package-dir"]


def test_every_python_package_in_the_tree_is_listed() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    data = set(PYPROJECT["tool"]["setuptools"]["package-data"])
    found = set()
    for package, folder in MAPPED.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([package, *rel.parts]))
    assert found == listed - (data - found)
    for package in data - found:  # data folders are listed to ship them, and must exist
        top, _, rest = package.removeprefix("zonekg.").partition(".")
        assert (ROOT / MAPPED[f"zonekg.{top}"] / rest.replace(".", "/")).is_dir(), package


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
    )
    return zipfile.ZipFile(next(out.glob("zonekg-*.whl")))


def test_wheel_ships_data_files(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    samples = ROOT / "loaders" / "samples"
    shipped = {p.relative_to(samples).as_posix() for p in samples.rglob("*") if p.is_file()}
    assert any(s.startswith("gold/") for s in shipped)  # the samples' gold ships with them
    assert {f"zonekg/loaders/samples/{s}" for s in shipped} <= names
    assert "zonekg/ontology/zonekg.ttl" in names and "zonekg/ontology/shapes.ttl" in names
    for data in (ROOT / "loaders" / "extraction" / "data").rglob("*"):
        if data.is_file():
            assert f"zonekg/loaders/extraction/data/{data.relative_to(ROOT / 'loaders' / 'extraction' / 'data')}" in names


def test_wheel_has_the_console_script(wheel: zipfile.ZipFile) -> None:
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "zonekg = zonekg.api.cli:main" in wheel.read(entry_points).decode()
