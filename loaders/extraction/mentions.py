"""Stage 2, mentions: what each body sentence names, before any kind is settled.

Three finders read a sentence, each on its own: :mod:`.names` (zones, agencies, projects and
companies by the head word that ends them), :mod:`.lists` (、-lists with the head that says
what their items are) and :mod:`.industries` (sectors the sentence sets as a focus). Each
reading is kept with the sentence (:meth:`Sentence.memo`), so later stages that ask again
pay nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from zonekg.loaders.extraction import industries, lists, names
from zonekg.loaders.extraction.layout import Page
from zonekg.loaders.extraction.lists import Enumeration
from zonekg.loaders.extraction.names import Mention
from zonekg.loaders.extraction.text import Sentence


@dataclass
class SentenceMentions:
    """What one body sentence names."""

    sentence: Sentence
    names: list[Mention]  # zones, agencies, projects, companies, by head word
    lists: list[Enumeration]  # 、-lists and their heads
    industries: list[str]  # sectors set as a focus


def find(page: Page) -> list[SentenceMentions]:
    """The mentions of every body sentence, in order."""
    return [SentenceMentions(s, names.find(s), lists.find(s), industries.find(s)) for s in page.body]
