"""Files that ship inside the package: the ontology, vocabularies, shapes and import mappings.

They live at the top of the repository (``ontology/``, ``shapes/``) and are included in the
wheel under ``claimgraph/resources``; in a source checkout the same path is a symlink, so the
code always finds them through ``importlib.resources`` and never relative to the repository.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

ONTOLOGY_FILES = ("claimgraph.ttl", "vocab.ttl", "align.ttl")


def resource_dir(name: str) -> Traversable:
    """``ontology`` or ``shapes`` as shipped with the installed package."""
    return resources.files("claimgraph").joinpath("resources", name)


def ontology_file(name: str) -> Traversable:
    """One of :data:`ONTOLOGY_FILES`."""
    return resource_dir("ontology").joinpath(name)


def shapes_files() -> list[Traversable]:
    """Every bundled shapes file, in a stable order."""
    folder = resource_dir("shapes")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


def bundled_mapping(name: str) -> Traversable | None:
    """A mapping of ``mappings/`` by name (``ucdp-ged`` or ``ucdp-ged.yaml``), if it ships.

    >>> bundled_mapping("ucdp-ged") is not None, bundled_mapping("nope")
    (True, None)
    """
    if "/" in name or "\\" in name:
        return None
    candidate = resource_dir("mappings").joinpath(
        name if name.endswith(".yaml") else name + ".yaml"
    )
    return candidate if candidate.is_file() else None
