"""Extraction: read zones, agencies, companies, industries, projects and targets out of a
:class:`~zonekg.loaders.document.SourceDocument` into an
:class:`~zonekg.loaders.extraction.model.Extraction`.

(Placeholder until the rule-based extractor lands.)
"""
from __future__ import annotations

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction.model import Extraction


def extract(document: SourceDocument) -> Extraction:
    return Extraction()
