"""HTTP routes, one module per surface: REST (``rest``), SPARQL (``sparql``), pages (``pages``)."""
