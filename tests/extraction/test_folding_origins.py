"""Folding a paragraph keeps the way back to the document's own words, whichever way it is
folded: one character to one (full-width punctuation and digits, the common case), one to
several (㎡ → m2) or with zero-width junk dropped."""
import unicodedata

import pytest

from zonekg.loaders.extraction.text import norm, norm_with_origins


@pytest.mark.parametrize("text", [
    "推进１号厂房建设（总投资３亿元），力争年内完工。",  # each character folds to one
    "新建厂房２万㎡，配套道路。",  # ㎡ folds to two characters
    "园区\u200b管委会\ufeff负责。",  # zero-width junk dropped
    "区商务局牵头",  # nothing to fold
])
def test_each_folded_character_points_at_the_character_it_came_from(text):
    folded, origins = norm_with_origins(text)
    assert folded == norm(text)
    assert origins is not None and len(origins) == len(folded)
    for i, ch in enumerate(folded):
        assert ch in unicodedata.normalize("NFKC", text[origins[i]])
    assert origins == sorted(origins)


def test_a_one_to_one_fold_maps_every_character_to_its_own_place():
    text = "（一）推进Ａ区建设：２０２５年完成。"
    assert norm_with_origins(text) == (norm(text), list(range(len(text))))


def test_characters_joined_by_folding_keep_no_map():
    text = "e\u0301"  # a combining accent: NFKC joins the two into é
    assert norm_with_origins(text) == ("é", None)
