"""The ways in: the HTTP service (FastAPI: REST, SPARQL 1.1, pages) and the ``zonekg`` CLI."""
