"""HTTP routes, one module per surface: REST lists and details (``rest``), ``search``,
``triples``, ``resource``, ``documents``, SPARQL (``sparql``, ``graph_store``), pages
(``pages``, ``query_page``) and the offline API docs (``docs``)."""
