"""Extraction: read zones, agencies, companies, industries, projects and targets out of a
:class:`~zonekg.loaders.document.SourceDocument` into an
:class:`~zonekg.loaders.extraction.model.Extraction`.

Rule-based and data-driven: word lists and patterns live in ``data/``; :mod:`.pipeline` runs
the stages (layout → mentions → entities → leads → merge → relations → targets), each a
module with one entry point; the finders they use (names, lists, industries,
responsibility …) each do one job. ARCHITECTURE.md draws it.
"""
from __future__ import annotations

from zonekg.loaders.extraction.pipeline import Trace, extract

__all__ = ["Trace", "extract"]
