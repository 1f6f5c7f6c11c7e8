"""Bodies of a bonded zone's plan: a customs district (X海关) is an agency, so is a bureau
named in the common form without 和 (人力资源社会保障局), and an administration named by its
zone's kind word ("由综保区管委会负责") keeps the whole word, whatever the dictionary cuts.
A customs district is named by its place: "新增海关高级认证企业" names none. Every text is
invented for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from zonekg.loaders.extraction import extract
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.readers import read_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


@pytest.fixture(scope="module")
def ex():
    return extract(read_document(FIX / "bonded_zone_bodies.txt"))


def agencies(ex):
    return {a.name for a in ex.of_kind(Kind.AGENCY)} | {n for a in ex.of_kind(Kind.AGENCY) for n in a.aliases}


@pytest.mark.parametrize("body", ["榆关海关", "市人力资源社会保障局"])
def test_the_bodies_are_agencies(ex, body):
    assert body in agencies(ex)


def test_customs_is_named_by_its_place(ex):
    assert not [a for a in agencies(ex) if a.endswith("海关") and a != "榆关海关"]  # (新增海关高级认证企业)


def test_an_administration_keeps_its_zone_word(ex):
    assert "保区管委会" not in agencies(ex)
    assert "综保区管委会" in agencies(ex)

