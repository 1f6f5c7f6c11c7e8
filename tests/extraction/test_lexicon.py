"""The data files are checked against their schema when first read, and a bad entry fails at
once, naming the file and the entry (not a KeyError on the first document that needs it)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zonekg.loaders.extraction import lexicon, schema
from zonekg.loaders.extraction.lexicon import LexiconError

CACHES = (lexicon._checked, lexicon._patterns, lexicon._longest_first, lexicon.tsv)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of data/ to break; lexicon reads it instead, and its caches are emptied around."""
    copy = tmp_path / "data"
    shutil.copytree(lexicon.DATA, copy)
    monkeypatch.setattr(lexicon, "DATA", copy)
    for cache in CACHES:
        cache.cache_clear()
    yield copy
    monkeypatch.undo()
    for cache in CACHES:
        cache.cache_clear()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_data_file_matches_its_schema():
    for name, keys in schema.SCHEMA.items():
        content = lexicon.load(name)
        assert set(content) <= set(keys)
        assert set(keys) - set(content) <= schema.OPTIONAL


def test_a_missing_key_is_named_with_its_file(data: Path):
    edit(data / "names.yaml", "zone_suffixes:", "zone_suffixez:")
    with pytest.raises(LexiconError, match=r"data/names.yaml: zone_suffixe[sz]"):
        lexicon.load("targets")  # any file: all are checked at once


def test_a_key_written_twice_fails(data: Path):
    (data / "boundaries.yaml").write_text(
        (data / "boundaries.yaml").read_text(encoding="utf-8") + "\nwords: [推进]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"data/boundaries.yaml: .*'words' written twice"):
        lexicon.load("boundaries")


def test_a_word_written_twice_fails(data: Path):
    edit(data / "lists.yaml", "partner_verbs: [合作,", "partner_verbs: [合作, 合作,")
    with pytest.raises(LexiconError, match=r"data/lists.yaml: partner_verbs: written twice: 合作"):
        lexicon.load("lists")


def test_a_value_of_the_wrong_kind_fails(data: Path):
    edit(data / "industries.yaml", "bare_field_head: 领域", "bare_field_head: [领域]")
    with pytest.raises(LexiconError, match=r"data/industries.yaml: bare_field_head: a non-empty string"):
        lexicon.load("industries")


def test_a_regex_that_does_not_compile_names_its_entry(data: Path):
    text = (data / "responsibility.yaml").read_text(encoding="utf-8")
    start = text.index("first_unit_leads: [") + len("first_unit_leads: [")
    (data / "responsibility.yaml").write_text(text[:start] + "'(牵头', " + text[start:], encoding="utf-8")
    with pytest.raises(LexiconError, match=r"first_unit_leads\[1\]: does not compile"):
        lexicon.load("responsibility")


def test_an_unknown_file_fails(data: Path):
    (data / "extra.yaml").write_text("words: [a]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"data/extra.yaml: \(file\): not described in schema.py"):
        lexicon.load("names")


def test_a_table_row_without_its_full_form_fails(data: Path):
    with open(data / "abbreviations.tsv", "a", encoding="utf-8") as fh:
        fh.write("经发局\n")
    with pytest.raises(LexiconError, match=r"data/abbreviations.tsv: line \d+: needs 2"):
        lexicon.tsv("abbreviations")
