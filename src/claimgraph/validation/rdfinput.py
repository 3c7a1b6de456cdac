"""RDF files sent by contributors: strict parsing, syntax errors with positions, and lines.

Contributors send Turtle, TriG, N-Triples, N-Quads, JSON-LD or RDF/XML. The strict pyoxigraph
parser reads them, so a syntax error becomes a :class:`~claimgraph.errors.Diagnostic` with the
file, line and column the parser reports. Parsers do not say where each triple was written, so
to point a SHACL finding at a line we index the file's text once (lazily, only when a finding
needs it): the first place each IRI is written as a subject, else the first place it appears.
That is a lexical heuristic, exact for N-Triples/N-Quads and for the usual Turtle layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox

from claimgraph.errors import Diagnostic, SourcePos

#: File extension → format; ``--rdf-format`` takes the same names or the extension.
EXTENSIONS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

_POSITION_PREFIX = re.compile(r"^Parser error (?:at|between) [^:]*: ")


def rdf_format(name: str) -> ox.RdfFormat | None:
    """The format for an extension or a format name, or None.

    >>> rdf_format("ttl").name, rdf_format("JSON-LD").name, rdf_format("yaml")
    ('Turtle', 'JSON-LD', None)
    """
    return EXTENSIONS.get(name.lower().lstrip("."))


def is_rdf_file(path: Path) -> bool:
    """Whether the extension names an RDF syntax we read."""
    return rdf_format(path.suffix) is not None


def syntax_diagnostic(display: str, exc: SyntaxError, syntax: str) -> Diagnostic:
    """A pyoxigraph SyntaxError as a Diagnostic at the line and column the parser reports."""
    line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
    column = exc.offset if line is not None and isinstance(exc.offset, int) else None
    message = _POSITION_PREFIX.sub("", exc.msg or str(exc)).strip()
    return Diagnostic(
        SourcePos(display, line, column),
        f"{syntax} syntax error: {message}",
        hint=f"fix the {syntax} syntax here (claimgraph reads RDF strictly)",
    )


@dataclass
class RdfFile:
    """An RDF input: where it is, how to parse it, and what parsing learned about it."""

    path: Path
    display: str
    format: ox.RdfFormat
    base_iri: str = ""
    prefixes: dict[str, str] = field(default_factory=dict)
    _index: PositionIndex | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.base_iri:
            self.base_iri = self.path.resolve().as_uri()

    def load_into(self, store: ox.Store, problems: list[Diagnostic]) -> None:
        """Parse strictly into ``store``; a syntax error is appended to ``problems``.

        The parser feeds the store directly (no Python per quad), which matters at scale.
        """
        try:
            parser = self._parser()
            store.bulk_extend(parser)
            self._learn(parser)
        except SyntaxError as exc:
            problems.append(syntax_diagnostic(self.display, exc, self.format.name))
        except OSError as exc:
            problems.append(Diagnostic(SourcePos(self.display), f"cannot read: {exc.strerror}"))
        except UnicodeDecodeError:
            problems.append(Diagnostic(SourcePos(self.display), "not UTF-8 text"))

    def _parser(self) -> ox.QuadParser:
        return ox.parse(
            path=self.path, format=self.format, base_iri=self.base_iri, rename_blank_nodes=True
        )

    def _learn(self, parser: ox.QuadParser) -> None:
        self.prefixes = dict(parser.prefixes)
        if parser.base_iri:
            self.base_iri = parser.base_iri

    def quads(self, problems: list[Diagnostic]) -> Iterator[ox.Quad]:
        """Parse strictly; a syntax error is appended to ``problems`` and ends the file."""
        try:
            parser = self._parser()
            yield from parser
            self._learn(parser)
        except SyntaxError as exc:
            problems.append(syntax_diagnostic(self.display, exc, self.format.name))
        except OSError as exc:
            problems.append(Diagnostic(SourcePos(self.display), f"cannot read: {exc.strerror}"))
        except UnicodeDecodeError:
            problems.append(Diagnostic(SourcePos(self.display), "not UTF-8 text"))

    def prepare(self, iris: set[str]) -> None:
        """Index where each of ``iris`` is written, in one pass over the file.

        Called once with every IRI a report needs, so that large files are read once and only
        the positions asked for are kept in memory.
        """
        self._index = PositionIndex.build(self, iris)

    def position(self, iri: str) -> SourcePos | None:
        """Where ``iri`` is first written as a subject in this file (else first written)."""
        if self._index is None or iri not in self._index.wanted:
            wanted = {iri} | (self._index.wanted if self._index else set())
            self._index = PositionIndex.build(self, wanted)
        found = self._index.find(iri)
        return SourcePos(self.display, found[0], found[1]) if found else None

    def compact(self, iri: str) -> str | None:
        """``ex:C01`` for an IRI under one of the file's prefixes, else None.

        >>> RdfFile(Path("x.ttl"), "x.ttl", ox.RdfFormat.TURTLE, "http://b/",
        ...         {"ex": "http://e/"}).compact("http://e/C01")
        'ex:C01'
        """
        best: tuple[int, str] | None = None
        for prefix, namespace in self.prefixes.items():
            local = iri[len(namespace) :]
            fits = iri.startswith(namespace) and re.fullmatch(r"[\w\-.]*", local)
            if fits and (best is None or len(namespace) > best[0]):
                best = (len(namespace), f"{prefix}:{local}")
        return best[1] if best else None


_TURTLE_TOKEN = re.compile(
    r"<(?P<iri>[^<>\"{}|^`\\\s]*)>"
    r"|(?<![\w.:\-\"'])(?P<pname>[A-Za-z][\w.\-]*?:|:)(?P<local>(?:[\w:%\-]|\\.|\.(?=[\w:%\-]))*)"
)
_JSONLD_ID = re.compile(r"\"@id\"\s*:\s*\"(?P<iri>[^\"]*)\"")
_JSONLD_PREFIX = re.compile(r"\"(?P<prefix>[A-Za-z][\w\-]*)\"\s*:\s*\"(?P<ns>https?://[^\"]*)\"")
_XML_ABOUT = re.compile(r"\b(?:rdf:)?(?P<attr>about|ID)\s*=\s*[\"'](?P<iri>[^\"']*)[\"']")


@dataclass
class PositionIndex:
    """First subject position, and first position anywhere, of the wanted IRIs of a file."""

    wanted: set[str]
    subjects: dict[str, tuple[int, int]] = field(default_factory=dict)
    anywhere: dict[str, tuple[int, int]] = field(default_factory=dict)

    def find(self, iri: str) -> tuple[int, int] | None:
        return self.subjects.get(iri) or self.anywhere.get(iri)

    def _add(self, iri: str, line: int, column: int, *, subject: bool) -> None:
        if iri not in self.wanted:
            return
        if subject:
            self.subjects.setdefault(iri, (line, column))
        self.anywhere.setdefault(iri, (line, column))

    @classmethod
    def build(cls, source: RdfFile, wanted: set[str]) -> PositionIndex:
        """Scan the file for subject positions, then (only if needed) for any mention."""
        index = cls(set(wanted))
        if not wanted:
            return index
        try:
            if source.format is ox.RdfFormat.JSON_LD:
                index._scan_jsonld(source.path.read_text(encoding="utf-8").splitlines(), source)
            elif source.format is ox.RdfFormat.RDF_XML:
                with source.path.open(encoding="utf-8") as handle:
                    index._scan_xml(handle, source)
            else:
                with source.path.open(encoding="utf-8") as handle:
                    index._scan_turtle(handle, source, subjects_only=True)
                if index.wanted - index.subjects.keys():
                    with source.path.open(encoding="utf-8") as handle:
                        index._scan_turtle(handle, source, subjects_only=False)
        except (OSError, UnicodeDecodeError):
            pass
        return index

    def _scan_turtle(self, lines: Iterable[str], source: RdfFile, *, subjects_only: bool) -> None:
        """Turtle-family text: statement-initial terms are subjects (exact for N-Triples)."""
        line_based = source.format in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
        statement_start = True
        for number, line in enumerate(lines, start=1):
            if line_based and subjects_only:
                if line.startswith("<"):
                    subject = line[1 : line.find(">")]
                    if subject in self.wanted:
                        self.subjects.setdefault(subject, (number, 1))
                        self.anywhere.setdefault(subject, (number, 1))
                continue
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if subjects_only:
                offset = len(line) - len(line.lstrip())
                first = _TURTLE_TOKEN.match(line, offset) if statement_start else None
                resolved = _resolve(first, source) if first else None
                if resolved is not None and first is not None:
                    self._add(resolved, number, first.start() + 1, subject=True)
            else:
                for match in _TURTLE_TOKEN.finditer(line):
                    mentioned = _resolve(match, source)
                    if mentioned is not None:
                        self._add(mentioned, number, match.start() + 1, subject=False)
            if " #" in stripped or "\t#" in stripped:
                stripped = re.sub(r"\s#.*$", "", stripped).rstrip()
            statement_start = line_based or stripped.endswith((".", "{", "}"))
            statement_start = statement_start or stripped.startswith("@")

    def _scan_jsonld(self, lines: Sequence[str], source: RdfFile) -> None:
        prefixes = dict(source.prefixes)
        for line in lines:
            for match in _JSONLD_PREFIX.finditer(line):
                prefixes.setdefault(match["prefix"], match["ns"])
        for number, line in enumerate(lines, start=1):
            for match in _JSONLD_ID.finditer(line):
                iri = _expand(match["iri"], prefixes, source.base_iri)
                self._add(iri, number, match.start() + 1, subject=True)

    def _scan_xml(self, lines: Iterable[str], source: RdfFile) -> None:
        for number, line in enumerate(lines, start=1):
            for match in _XML_ABOUT.finditer(line):
                value = match["iri"]
                iri = urljoin(source.base_iri, "#" + value if match["attr"] == "ID" else value)
                self._add(iri, number, match.start() + 1, subject=True)


_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def _resolve(match: re.Match[str], source: RdfFile) -> str | None:
    written: str | None = match["iri"]
    if written is not None:
        return written if _ABSOLUTE.match(written) else urljoin(source.base_iri, written)
    prefix: str = match["pname"][:-1]
    namespace = source.prefixes.get(prefix)
    if namespace is None:
        return None
    local: str = match["local"]
    return namespace + re.sub(r"\\(.)", r"\1", local)


def _expand(value: str, prefixes: dict[str, str], base: str) -> str:
    """A JSON-LD @id value as an absolute IRI (compact IRIs through the context's prefixes)."""
    prefix, sep, local = value.partition(":")
    if sep and not local.startswith("//") and prefix in prefixes:
        return prefixes[prefix] + local
    return urljoin(base, value)
