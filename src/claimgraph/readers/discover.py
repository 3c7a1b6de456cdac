"""Finding datasets and their files on disk.

A dataset is a directory with a ``dataset.yaml`` manifest and claims files beside it (and in
sub-directories that are not datasets of their own). A directory without a manifest that holds
datasets (``data/`` holding ``data/seed/``) stands for all of them. Files named directly belong to
the dataset of their directory.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import Diagnostic, InputError, SourcePos
from claimgraph.readers.csvfile import read_csv
from claimgraph.readers.jsonfile import read_json
from claimgraph.readers.raw import RawFile
from claimgraph.readers.resolve import Dataset, resolve
from claimgraph.readers.yaml import read_yaml

MANIFEST = "dataset.yaml"
CLAIMS_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


@dataclass
class DatasetSource:
    """A dataset directory and the claims files that belong to it, in a stable order."""

    directory: Path
    files: list[Path] = field(default_factory=list)

    @property
    def manifest(self) -> Path:
        return self.directory / MANIFEST


def _display(path: Path) -> str:
    """Paths as the user wrote them; absolute ones relative to the working directory if inside."""
    if not path.is_absolute():
        return str(path)
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _claims_files(directory: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        here = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not (here / d / MANIFEST).exists()
        )
        found.extend(
            here / name
            for name in sorted(files)
            if name.endswith(CLAIMS_SUFFIXES) and name != MANIFEST and not name.startswith(".")
        )
    return found


def discover(paths: Sequence[Path]) -> list[DatasetSource]:
    """Group the paths into datasets; a path that does not exist is an input error."""
    datasets: dict[Path, DatasetSource] = {}
    problems: list[Diagnostic] = []
    for path in paths:
        if not path.exists():
            problems.append(Diagnostic(SourcePos(_display(path)), "no such file or directory"))
            continue
        if path.is_dir():
            if (path / MANIFEST).exists():
                source = datasets.setdefault(path.resolve(), DatasetSource(path))
                source.files.extend(f for f in _claims_files(path) if f not in source.files)
                continue
            inner = sorted(p.parent for p in path.glob(f"*/**/{MANIFEST}"))
            if not inner:
                files = _claims_files(path)
                if not files:
                    problems.append(
                        Diagnostic(
                            SourcePos(_display(path)),
                            "no claims files here",
                            hint=f"a dataset is a directory with {MANIFEST} and claims files",
                        )
                    )
                    continue
                datasets.setdefault(path.resolve(), DatasetSource(path, files))
                continue
            for directory in inner:
                if any(parent in inner for parent in directory.parents):
                    continue
                source = datasets.setdefault(directory.resolve(), DatasetSource(directory))
                source.files.extend(f for f in _claims_files(directory) if f not in source.files)
            continue
        if not path.name.endswith(CLAIMS_SUFFIXES):
            problems.append(
                Diagnostic(
                    SourcePos(_display(path)),
                    "not a claims file",
                    hint="claims files end in .yaml, .yml, .json or .csv",
                )
            )
            continue
        source = datasets.setdefault(path.parent.resolve(), DatasetSource(path.parent))
        if path.name != MANIFEST and path not in source.files:
            source.files.append(path)
    if problems:
        raise InputError(problems)
    return list(datasets.values())


def read_file(path: Path) -> RawFile:
    """Read one claims file by its extension, and hash its bytes for provenance."""
    display = _display(path)
    if path.suffix == ".json":
        raw = read_json(path, display)
    elif path.suffix == ".csv":
        raw = read_csv(path, display)
    else:
        raw = read_yaml(path, display)
    raw.sha256 = _sha256(path)
    return raw


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_dataset(source: DatasetSource | Path) -> Dataset:
    """Read, validate and resolve one dataset; raises InputError with every problem found."""
    if isinstance(source, Path):
        found = discover([source])
        if len(found) != 1:
            raise InputError(
                Diagnostic(SourcePos(_display(source)), f"expected one dataset, found {len(found)}")
            )
        source = found[0]
    manifest = read_yaml_manifest(source)
    files = [read_file(path) for path in source.files]
    return resolve(source.directory, manifest, files)


def read_yaml_manifest(source: DatasetSource) -> RawFile | None:
    """The manifest as a raw file (its one entry is the manifest mapping), or None if absent."""
    from claimgraph.readers.yaml import load_yaml

    path = source.manifest
    if not path.exists():
        return None
    display = _display(path)
    raw = RawFile(path, display, sha256=_sha256(path))
    doc, problem = load_yaml(path, display)
    if problem:
        raw.problems.append(problem)
        return raw
    from claimgraph.readers.raw import RawEntry
    from claimgraph.readers.yaml import _field_positions

    if doc is None:
        doc = {}
    if not isinstance(doc, dict):
        raw.problems.append(Diagnostic(SourcePos(display, 1, 1), f"{MANIFEST} must be a mapping"))
        return raw
    fields: dict[str, SourcePos] = {}
    _field_positions(doc, display, "", fields)
    raw.entries.append(RawEntry("dataset", dict(doc), SourcePos(display, 1, 1), fields))
    return raw


def load_paths(paths: Sequence[Path]) -> list[Dataset]:
    """Every dataset under ``paths``; problems of all datasets are reported together."""
    datasets: list[Dataset] = []
    problems: list[Diagnostic] = []
    for source in discover(paths):
        try:
            datasets.append(load_dataset(source))
        except InputError as exc:
            problems.extend(exc.diagnostics)
    seen: dict[str, Dataset] = {}
    for dataset in datasets:
        if dataset.id in seen:
            problems.append(
                Diagnostic(
                    SourcePos(_display(dataset.directory / MANIFEST)),
                    f"dataset id '{dataset.id}' is used twice "
                    f"(also by {_display(seen[dataset.id].directory)})",
                    hint="give each dataset its own 'id' in dataset.yaml",
                    field="id",
                )
            )
        seen[dataset.id] = dataset
    if problems:
        raise InputError(problems)
    return datasets
