"""Storage and analysis of the knowledge graph.

:mod:`.store` defines the small interface every backend implements (embedded Oxigraph today,
a SPARQL server such as Virtuoso later); :mod:`.executor` runs read queries in killable worker
processes so that a slow query never blocks the service; :mod:`.network` and
:mod:`.rdflib_view` offer the same graph to networkx and rdflib users.
"""
