"""``claimgraph build``: claims files to RDF (placeholder until the builder lands)."""
