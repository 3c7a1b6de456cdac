"""Settings of ``claimgraph link``: defaults < ``[wikidata]`` in ``claimgraph.toml`` < options.

``claimgraph.toml`` in the working directory (as for the other commands) keeps a project's
Wikibase, cache and contact in one committed place::

    [wikidata]
    api = "https://www.wikidata.org/w/api.php"
    sparql = "https://query.wikidata.org/sparql"
    cache = "wikidata-cache"          # relative to claimgraph.toml
    accept = 0.9
    languages = ["ar", "en", "es", "fr", "ru", "zh"]
    contact = "data-team@example.org" # sent in the User-Agent, as Wikimedia asks
    min_interval = 0.1                # seconds between two requests
    retries = 5                       # on 429, 5xx, maxlag and connection failures
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimgraph.errors import Diagnostic, InputError, SourcePos
from claimgraph.wikidata.client import DEFAULT_API, DEFAULT_SPARQL
from claimgraph.wikidata.linker import DEFAULT_LANGUAGES
from claimgraph.wikidata.scoring import DEFAULT_ACCEPT

CONFIG_NAME = "claimgraph.toml"
DEFAULT_CACHE = Path(".claimgraph") / "wikidata-cache"


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """Everything a link run needs besides its paths."""

    api_url: str = DEFAULT_API
    sparql_url: str = DEFAULT_SPARQL
    cache_dir: Path = DEFAULT_CACHE
    accept: float = DEFAULT_ACCEPT
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    contact: str | None = None
    min_interval: float = 0.1
    retries: int = 5
    offline: bool = False

    def with_options(self, **options: Any) -> LinkSettings:
        """These settings with the options that were given (None means "not given")."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """``claimgraph.toml`` in ``start``, if there is one."""
    candidate = start / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_settings(start: Path | None = None) -> LinkSettings:
    """Defaults overridden by ``[wikidata]`` of ``claimgraph.toml`` in ``start`` (or the cwd)."""
    path = find_config((start or Path.cwd()).resolve())
    if path is None:
        return LinkSettings()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("wikidata", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(Diagnostic(SourcePos(str(path)), f"cannot read config: {exc}")) from exc
    if not isinstance(table, dict):
        raise InputError(Diagnostic(SourcePos(str(path)), "[wikidata] must be a table"))
    known = {"api", "sparql", "cache", "accept", "languages", "contact", "min_interval", "retries"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise InputError(
            Diagnostic(
                SourcePos(str(path)),
                f"unknown setting {', '.join(unknown)} under [wikidata]",
                hint="known: " + ", ".join(sorted(known)),
            )
        )
    settings = LinkSettings()
    try:
        return settings.with_options(
            api_url=_text(table, "api"),
            sparql_url=_text(table, "sparql"),
            cache_dir=_cache_dir(path, table),
            accept=float(table["accept"]) if "accept" in table else None,
            languages=tuple(str(x) for x in table["languages"]) if "languages" in table else None,
            contact=_text(table, "contact"),
            min_interval=float(table["min_interval"]) if "min_interval" in table else None,
            retries=int(table["retries"]) if "retries" in table else None,
        )
    except (TypeError, ValueError) as exc:
        raise InputError(
            Diagnostic(SourcePos(str(path)), f"bad [wikidata] setting: {exc}")
        ) from exc


def _cache_dir(config: Path, table: dict[str, Any]) -> Path | None:
    """The cache directory, relative to the config file that names it."""
    name = _text(table, "cache")
    return config.parent / name if name else None


def _text(table: dict[str, Any], key: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be a non-empty string")
    return value.strip()
