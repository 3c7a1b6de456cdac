"""``claimgraph.toml``: where the embedded store lives, and named endpoint profiles.

A team keeps its triple stores in the file, so that ``claimgraph publish --profile prod`` needs
nothing else; command-line flags override the file. Secrets are never in it: a profile names
the *environment variables* that hold them::

    [store]
    path = ".claimgraph/store"          # relative to this file

    [endpoints.prod]
    query = "https://db.example.org/ds/query"
    update = "https://db.example.org/ds/update"
    graph_store = "https://db.example.org/ds/data"
    auth = "digest"                     # basic | digest | bearer
    user_env = "PROD_USER"              # default CLAIMGRAPH_USER
    password_env = "PROD_PASSWORD"      # default CLAIMGRAPH_PASSWORD
    token_env = "PROD_TOKEN"            # default CLAIMGRAPH_TOKEN (bearer)
    timeout = 300                       # seconds to wait for an answer
    retries = 3                         # on connection errors, 429, 502, 503, 504
    replace = "put"                     # put | update | staged (see claimgraph.store)

A malformed file or an unknown key is an input error (exit 3) naming the file and line; an
unknown profile or contradictory options are usage errors (exit 2).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError, Diagnostic, InputError, SourcePos
from claimgraph.store import (
    DEFAULT_STORE_PATH,
    EmbeddedTarget,
    RemoteTarget,
    ReplaceStrategy,
    Target,
)
from claimgraph.store.auth import AuthKind, AuthSpec

CONFIG_NAME = "claimgraph.toml"

_PROFILE_KEYS = {
    "query",
    "update",
    "graph_store",
    "auth",
    "user_env",
    "password_env",
    "token_env",
    "timeout",
    "retries",
    "backoff",
    "replace",
    "max_update_bytes",
    "upload_chunk_bytes",
}
_TOP_KEYS = {"store", "endpoints", "wikidata"}  # [wikidata] belongs to the linker
_STORE_KEYS = {"path"}


@dataclass(frozen=True, slots=True)
class Config:
    """The parsed file (or an empty one when there is none)."""

    path: Path | None = None
    store_path: Path | None = None
    endpoints: Mapping[str, RemoteTarget] = field(default_factory=dict)


def load_config(path: Path | None = None, *, cwd: Path) -> Config:
    """Read ``path``, or ``cwd/claimgraph.toml`` when it exists, or nothing.

    >>> load_config(cwd=Path("/nonexistent"))
    Config(path=None, store_path=None, endpoints={})
    """
    if path is None:
        candidate = cwd / CONFIG_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Diagnostic(SourcePos(str(path)), "config file not found")) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        pos = (
            SourcePos(str(path), *(int(g) for g in match.groups()))
            if match
            else SourcePos(str(path))
        )
        message = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise InputError(Diagnostic(pos, f"TOML syntax: {message}")) from None
    return _parse(document, path)


def _parse(document: Mapping[str, Any], path: Path) -> Config:
    _known(document, _TOP_KEYS, path, "")
    store_path = None
    store = document.get("store", {})
    _table(store, path, "store")
    _known(store, _STORE_KEYS, path, "store.")
    if "path" in store:
        store_path = path.parent / _typed(store["path"], str, path, "store.path")
    endpoints: dict[str, RemoteTarget] = {}
    tables = document.get("endpoints", {})
    _table(tables, path, "endpoints")
    for name, table in tables.items():
        where = f"endpoints.{name}."
        _table(table, path, f"endpoints.{name}")
        _known(table, _PROFILE_KEYS, path, where)
        if "query" not in table:
            _bad(path, f"[endpoints.{name}] needs a query URL", 'add query = "https://…"')
        target = RemoteTarget(_typed(table["query"], str, path, where + "query"))
        for key in ("update", "graph_store"):
            if key in table:
                url = _typed(table[key], str, path, where + key)
                target = replace(
                    target, **{f"{key}_url" if key == "update" else "graph_store_url": url}
                )
        if "auth" in table:
            kind = _choice(table["auth"], AuthKind, path, where + "auth")
            names = {
                k: _typed(table[k], str, path, where + k)
                for k in ("user_env", "password_env", "token_env")
                if k in table
            }
            target = replace(target, auth=AuthSpec(kind, **names))
        for key, kind_ in (
            ("timeout", float),
            ("backoff", float),
            ("retries", int),
            ("max_update_bytes", int),
            ("upload_chunk_bytes", int),
        ):
            if key in table:
                number = _typed(
                    table[key], (int, float) if kind_ is float else int, path, where + key
                )
                if number < 0:
                    _bad(path, f"{where}{key} must not be negative", None)
                overrides: dict[str, Any] = {key: kind_(number)}
                target = replace(target, **overrides)
        if "replace" in table:
            target = replace(
                target, replace=_choice(table["replace"], ReplaceStrategy, path, where + "replace")
            )
        endpoints[name] = target
    return Config(path, store_path, endpoints)


def resolve_target(
    config: Config,
    *,
    cwd: Path,
    store: Path | None = None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    profile: str | None = None,
    auth: AuthKind | None = None,
    timeout: float | None = None,
) -> Target:
    """The one target the options name; flags override the profile they refine.

    >>> resolve_target(Config(), cwd=Path("/w"))
    EmbeddedTarget(path=PosixPath('/w/.claimgraph/store'))
    >>> resolve_target(Config(), cwd=Path("/w"), store=Path("s"), endpoint="http://h/q")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    claimgraph.errors.ConfigError: --store and --endpoint/--profile name two different ...
    """
    remote = endpoint is not None or profile is not None
    if store is not None and remote:
        raise ConfigError("--store and --endpoint/--profile name two different targets; give one")
    if not remote:
        for flag, value in (
            ("--update-endpoint", update_endpoint),
            ("--graph-store", graph_store),
            ("--auth", auth),
            ("--timeout", timeout),
        ):
            if value is not None:
                raise ConfigError(f"{flag} needs --endpoint or --profile")
        path = store if store is not None else config.store_path or DEFAULT_STORE_PATH
        return EmbeddedTarget(path if path.is_absolute() else cwd / path)
    if profile is not None:
        if profile not in config.endpoints:
            known = ", ".join(sorted(config.endpoints)) or "none"
            where = config.path or CONFIG_NAME
            raise ConfigError(f"no profile '{profile}' in {where} (profiles: {known})")
        target = config.endpoints[profile]
        if endpoint is not None:
            target = replace(target, query_url=endpoint)
    else:
        assert endpoint is not None
        target = RemoteTarget(endpoint)
    if update_endpoint is not None:
        target = replace(target, update_url=update_endpoint)
    if graph_store is not None:
        target = replace(target, graph_store_url=graph_store)
    if auth is not None:
        spec = target.auth
        target = replace(target, auth=replace(spec, kind=auth) if spec else AuthSpec(auth))
    if timeout is not None:
        target = replace(target, timeout=timeout)
    return target


def _known(table: Mapping[str, Any], keys: set[str], path: Path, where: str) -> None:
    for key in table:
        if key not in keys:
            import difflib

            close = difflib.get_close_matches(key, sorted(keys), n=1)
            hint = (
                f"did you mean '{where}{close[0]}'?"
                if close
                else f"known: {', '.join(sorted(keys))}"
            )
            _bad(path, f"unknown key '{where}{key}'", hint)


def _table(value: Any, path: Path, where: str) -> None:
    if not isinstance(value, dict):
        _bad(path, f"'{where}' must be a table", f"write it as [{where}]")


def _typed(value: Any, kind: type | tuple[type, ...], path: Path, where: str) -> Any:
    if not isinstance(value, kind) or isinstance(value, bool):
        names = kind.__name__ if isinstance(kind, type) else "number"
        _bad(path, f"'{where}' must be a {names.replace('str', 'string')}", None)
    return value


def _choice(value: Any, enum: Any, path: Path, where: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        options = " | ".join(e.value for e in enum)
        _bad(path, f"'{where}' is {value!r}; expected {options}", None)


def _bad(path: Path, message: str, hint: str | None) -> Any:
    raise InputError(Diagnostic(SourcePos(str(path)), message, hint=hint))
