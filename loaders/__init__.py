"""From a file on disk to RDF: read it (readers), find the facts (extraction), map them to
triples (mapping) and land them in a store (pipeline).

Each step is its own subpackage so that a new file format, a better extractor or another
vocabulary mapping can be swapped in without touching the others.
"""
