"""Importing foreign datasets (CSV, JSON Lines) into claims datasets with declarative mappings.

A mapping file (``docs/mappings.md``; bundled ones in ``mappings/``) says which rows become
which entities and how each field is computed. The pieces, in the order data flows::

    sources.py     input rows with their line numbers (CSV with or without header, JSON Lines)
    mapping.py     the mapping file: checked with pydantic, errors at their line, compiled …
    specs.py       … value specs into functions (columns, templates, value maps, splitting)
    transforms.py  the value functions: slugs, numbers, dates with precision, DMS coordinates
    plan.py        what one row becomes: plain dicts in the claims format
    writer.py      the dataset directory: dataset.yaml, static.yaml, chunks of YAML or JSON
    run.py         the service: import_files() → ImportReport

Failures follow ``claimgraph.errors``: a malformed mapping, a missing input or (``strict``) an
unmappable row raise InputError; rows that cannot be mapped are otherwise reported in the
report's ``problems`` with their input file and line.
"""

from __future__ import annotations

from claimgraph.ingest.mapping import load_mapping, parse_mapping
from claimgraph.ingest.plan import Plan
from claimgraph.ingest.run import ImportReport, InputSummary, import_files

__all__ = [
    "ImportReport",
    "InputSummary",
    "Plan",
    "import_files",
    "load_mapping",
    "parse_mapping",
]
