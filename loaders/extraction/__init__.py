"""Extraction: read zones, agencies, companies, industries, projects and targets out of a
:class:`~zonekg.loaders.document.SourceDocument` into an
:class:`~zonekg.loaders.extraction.model.Extraction`.

Rule-based and data-driven: lexicons and patterns live in ``data/``; each module below does
one job (sentences, numbers, names, lists, responsibility, targets, merging) and
:mod:`.assemble` wires them together.
"""
from __future__ import annotations

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction.assemble import assemble
from zonekg.loaders.extraction.model import Extraction

__all__ = ["extract"]


def extract(document: SourceDocument) -> Extraction:
    """Everything the document states about zones, agencies, companies, industries,
    projects and targets, each with the sentence (or table row) it was read from."""
    return assemble(document)
