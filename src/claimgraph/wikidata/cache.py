"""An on-disk cache of Wikidata answers, so that linking can be repeated offline.

Each answer is one JSON file named after the SHA-256 of its request (service URL and query
parameters, in canonical JSON), under a folder per kind of request::

    cache/
      wbsearchentities/3f/3f2a…e1.json
      wbgetentities/9c/9c04…77.json
      sparql/a1/a1b0…4d.json

A file holds the request beside the answer, so a person reviewing a commit of the cache can see
what was asked. Files are written with sorted keys and a trailing newline, atomically, so the
same answers give the same bytes and an interrupted run leaves no half-written file. Only
successful answers are stored; failures (429, 5xx, unreachable) never are.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     cache = ResponseCache(pathlib.Path(d))
...     request = CacheRequest("wbsearchentities", "https://example.org/w/api.php", {"search": "x"})
...     path = cache.put(request, {"search": []})
...     cache.get(request)
{'search': []}
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import Diagnostic, InputError, SourcePos


@dataclass(frozen=True, slots=True)
class CacheRequest:
    """What identifies an answer: the kind of request, the service, and its parameters.

    Politeness parameters that do not change the answer (``maxlag``, ``format``) are left out,
    so that tuning them does not invalidate a committed cache.
    """

    kind: str
    url: str
    params: Mapping[str, str] = field(default_factory=dict)

    def canonical(self) -> str:
        return json.dumps(
            {"kind": self.kind, "url": self.url, "params": dict(sorted(self.params.items()))},
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @property
    def key(self) -> str:
        """SHA-256 of the canonical request: the file name of its answer."""
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()

    def describe(self) -> str:
        """A short human description, for the list of cache misses.

        >>> params = {"search": "RBK-500", "language": "en"}
        >>> CacheRequest("wbsearchentities", "u", params).describe()
        'search "RBK-500" (en)'
        >>> CacheRequest("wbgetentities", "u", {"ids": "Q159"}).describe()
        'entity Q159'
        """
        params = self.params
        if self.kind == "wbsearchentities":
            return f'search "{params.get("search", "")}" ({params.get("language", "")})'
        if self.kind == "wbgetentities":
            return f"entity {params.get('ids', '')}"
        if self.kind == "sparql":
            found = re.search(r"(wd:Q[0-9]+) wdt:P279\*", params.get("query", ""))
            if found:
                return f"classes of {found.group(1)[3:]}"
            return "query " + " ".join(params.get("query", "").split())[:60]
        return f"{self.kind} {json.dumps(dict(params), sort_keys=True, ensure_ascii=False)}"


class ResponseCache:
    """A directory of cached answers, content-addressed by request."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_for(self, request: CacheRequest) -> Path:
        key = request.key
        return self.directory / request.kind / key[:2] / f"{key}.json"

    def get(self, request: CacheRequest) -> Any | None:
        """The stored answer, or None when the request was never answered."""
        path = self.path_for(request)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise InputError(Diagnostic(SourcePos(str(path)), f"cannot read cache: {exc}")) from exc
        try:
            record = json.loads(text)
            return record["response"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(
                Diagnostic(
                    SourcePos(str(path)),
                    f"broken cache file ({type(exc).__name__})",
                    hint="delete it; the next online run fetches it again",
                )
            ) from exc

    def put(self, request: CacheRequest, response: Any) -> Path:
        """Store an answer (atomically) and return its file."""
        path = self.path_for(request)
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {
            "request": {
                "kind": request.kind,
                "url": request.url,
                "params": dict(sorted(request.params.items())),
            },
            "response": response,
        }
        text = json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
        handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.chmod(temp, 0o644)  # mkstemp makes 0600; cache files are meant to be shared
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return path
