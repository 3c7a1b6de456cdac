"""Reading claims files (YAML, JSON, CSV) into typed, resolved datasets.

Reading happens in two steps so that every problem of a run is reported at once:

1. each file format's reader turns a file into :class:`RawEntry` items (kind, plain data,
   file:line:column of the entry and of its fields), collecting syntax problems;
2. :func:`claimgraph.readers.resolve.resolve` validates the entries against the models, checks
   ids, references and vocabulary values, and returns a :class:`Dataset`.

If any problem was found, :class:`claimgraph.errors.InputError` carries all of them.
"""

from __future__ import annotations

from claimgraph.readers.discover import (
    DatasetSource,
    discover,
    load_dataset,
    load_paths,
    read_file,
    read_yaml_manifest,
)
from claimgraph.readers.raw import RawEntry, RawFile
from claimgraph.readers.resolve import (
    Dataset,
    DatasetContext,
    IndexItem,
    ResolvedEntity,
    add_to_index,
    index_file,
    index_items,
    open_context,
    resolve_file,
)

__all__ = [
    "Dataset",
    "DatasetContext",
    "DatasetSource",
    "IndexItem",
    "RawEntry",
    "RawFile",
    "ResolvedEntity",
    "add_to_index",
    "discover",
    "index_file",
    "index_items",
    "load_dataset",
    "load_paths",
    "open_context",
    "read_file",
    "read_yaml_manifest",
    "resolve_file",
]
