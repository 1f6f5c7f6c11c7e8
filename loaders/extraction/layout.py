"""Stage 1, layout: a document's sentences and where each one sits.

The reader gave blocks (paragraphs and tables); this stage cuts them into quotable sentences
and table rows (:mod:`.text`), puts the title first when the body does not open with it, and
reads the sections around each sentence (:mod:`.context`): the plan year, the due year of
each sentence, the parts that report the past, and the page chrome a reader left in the
text, which no later stage reads.
"""
from __future__ import annotations

from dataclasses import dataclass

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction import context
from zonekg.loaders.extraction.context import Context
from zonekg.loaders.extraction.text import Sentence, norm, sentences


@dataclass
class Page:
    """A document as the later stages read it."""

    document: SourceDocument
    sentences: list[Sentence]  # every sentence and table row in order, the title first
    body: list[Sentence]  # the same without page chrome: what entities and targets come from
    context: Context  # plan year, sections, due years
    title: str  # the title, NFKC-folded

    @property
    def plan_year(self) -> int | None:
        return self.context.plan_year


def read(document: SourceDocument) -> Page:
    """The document's sentences, its body and the context of each sentence."""
    sents = sentences(document)
    title = norm(document.title).strip()
    if not sents or title not in sents[0].text:
        raw = document.title.strip()
        sents.insert(0, Sentence(title, 0, -1, -1, heading=True, raw=raw if raw != title else None))
        for i, s in enumerate(sents):
            s.index = i
    ctx = context.build(document, sents)
    return Page(document, sents, [s for s in sents if s.index not in ctx.chrome], ctx, title)
