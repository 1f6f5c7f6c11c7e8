"""Interactive network pages (pyvis / vis-network), self-contained and safe to open offline."""
