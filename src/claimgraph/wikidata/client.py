"""The one place that talks HTTP to Wikidata (or any Wikibase): search, entities, SPARQL.

It follows Wikimedia's API etiquette: a descriptive User-Agent with a contact, one request at a
time with a minimum interval between them, ``maxlag`` on action-API requests, and retries with
exponential backoff on 429, 5xx and ``maxlag`` answers, honouring ``Retry-After``. Base URLs and
the HTTP client (or just its transport) are parameters, so tests point it at a local stand-in.

Every answer goes through the :class:`~claimgraph.wikidata.cache.ResponseCache` when one is
given. Offline, nothing is sent: a request the cache cannot answer is recorded in
:attr:`WikidataClient.misses` and the method returns ``None`` (unknown), which callers report
rather than treat as "no match".

>>> import httpx
>>> def answer(request):
...     hit = {"id": "Q42970", "label": "Amnesty International",
...            "match": {"type": "label", "language": "en", "text": "Amnesty International"}}
...     return httpx.Response(200, json={"search": [hit]})
>>> with WikidataClient(transport=httpx.MockTransport(answer), min_interval=0) as client:
...     [hit.id for hit in client.search("Amnesty International", language="en")]
['Q42970']
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

from claimgraph import __version__
from claimgraph.errors import RemoteError
from claimgraph.wikidata.cache import CacheRequest, ResponseCache
from claimgraph.wikidata.entities import WikidataEntity, is_qid

DEFAULT_API = "https://www.wikidata.org/w/api.php"
DEFAULT_SPARQL = "https://query.wikidata.org/sparql"
BATCH_SIZE = 50  # wbgetentities accepts at most 50 ids per request
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Statements kept in cached entities: what scoring, --check and --enrich read. Keeping only
#: these keeps a committed cache small (a country's full document is over a megabyte).
KEPT_PROPERTIES = ("P17", "P279", "P31", "P571", "P576", "P580", "P582", "P585", "P625")
DEFAULT_CONTACT = "no contact configured; set contact under [wikidata] in claimgraph.toml"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result of ``wbsearchentities``: which item, and which of its names matched."""

    id: str
    label: str
    description: str
    match_type: str  # "label" or "alias" (or "entityId")
    match_language: str
    match_text: str


def user_agent(contact: str | None = None) -> str:
    """The User-Agent Wikimedia asks for: tool/version (contact) library/version.

    >>> user_agent("data@example.org").startswith("claimgraph/")
    True
    """
    return f"claimgraph/{__version__} ({contact or DEFAULT_CONTACT}) httpx/{httpx.__version__}"


class WikidataClient:
    """A polite, cached client of a Wikibase action API and its SPARQL service."""

    def __init__(
        self,
        *,
        api_url: str = DEFAULT_API,
        sparql_url: str = DEFAULT_SPARQL,
        http: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        cache: ResponseCache | None = None,
        offline: bool = False,
        contact: str | None = None,
        maxlag: int = 5,
        min_interval: float = 0.1,
        max_retries: int = 5,
        backoff: float = 1.0,
        max_wait: float = 120.0,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.api_url = api_url
        self.sparql_url = sparql_url
        self.cache = cache
        self.offline = offline
        self.maxlag = maxlag
        self.min_interval = min_interval
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._sleep = sleep
        self._clock = clock
        self._last_request: float | None = None
        self._owns_http = http is None
        self._http = http or httpx.Client(transport=transport, timeout=timeout)
        self._headers = {"User-Agent": user_agent(contact)}
        #: Requests the cache could not answer in offline mode, in the order they were made.
        self.misses: list[CacheRequest] = []
        #: How many HTTP requests were sent (0 offline): lets a report say "network untouched".
        self.requests_sent = 0

    # ----------------------------------------------------------------------- lifecycle

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> WikidataClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ----------------------------------------------------------------------- API

    def search(self, text: str, *, language: str, limit: int = 7) -> list[SearchHit] | None:
        """Items whose label or alias matches ``text`` in ``language``; None if unknown offline."""
        params = {
            "action": "wbsearchentities",
            "search": text,
            "language": language,
            "uselang": language,
            "type": "item",
            "limit": str(limit),
        }
        data = self._cached("wbsearchentities", self.api_url, params, api=True)
        if data is None:
            return None
        hits = []
        for row in data.get("search") or []:
            if not isinstance(row, dict) or not is_qid(str(row.get("id", ""))):
                continue
            match = row.get("match") or {}
            hits.append(
                SearchHit(
                    id=str(row["id"]),
                    label=str(row.get("label") or ""),
                    description=str(row.get("description") or ""),
                    match_type=str(match.get("type") or "label"),
                    match_language=str(match.get("language") or language),
                    match_text=str(match.get("text") or row.get("label") or ""),
                )
            )
        return hits

    def entities(
        self, ids: Iterable[str], *, languages: Sequence[str]
    ) -> dict[str, WikidataEntity]:
        """Entity views keyed by the id asked for; ids unknown offline are left out.

        Each item is cached on its own (as if asked for alone), so a later run that needs a
        different set of items still finds the ones it shares; uncached ids are fetched in
        batches of :data:`BATCH_SIZE`.
        """
        wanted = sorted({i for i in ids if is_qid(i)}, key=lambda q: int(q[1:]))
        langs = "|".join(sorted(set(languages) | {"en", "mul"}))
        base = {
            "action": "wbgetentities",
            "props": "info|labels|descriptions|aliases|claims",
            "languages": langs,
            "redirects": "yes",
            "keep": "|".join(KEPT_PROPERTIES),  # a cache-key part only, never sent
        }
        found: dict[str, WikidataEntity] = {}
        uncached: list[str] = []
        for qid in wanted:
            request = CacheRequest("wbgetentities", self.api_url, {**base, "ids": qid})
            doc = self.cache.get(request) if self.cache else None
            if doc is not None:
                found[qid] = WikidataEntity.from_document(qid, doc)
            elif self.offline:
                self.misses.append(request)
            else:
                uncached.append(qid)
        for start in range(0, len(uncached), BATCH_SIZE):
            batch = uncached[start : start + BATCH_SIZE]
            params = {k: v for k, v in base.items() if k != "keep"}
            data = self._send(self.api_url, {**params, "ids": "|".join(batch)}, api=True)
            answered = data.get("entities") if isinstance(data, dict) else None
            if not isinstance(answered, dict):
                raise RemoteError(f"{self.api_url}: wbgetentities answer has no 'entities'")
            for qid in batch:
                doc = _trimmed(answered.get(qid) or {"id": qid, "missing": ""})
                if self.cache:
                    request = CacheRequest("wbgetentities", self.api_url, {**base, "ids": qid})
                    self.cache.put(request, doc)
                found[qid] = WikidataEntity.from_document(qid, doc)
        return found

    def select(self, query: str) -> list[dict[str, str]] | None:
        """Run a SPARQL SELECT; rows map variable names to values (IRIs or literal text)."""
        data = self._cached("sparql", self.sparql_url, {"query": query}, api=False)
        if data is None:
            return None
        rows = []
        bindings = (data.get("results") or {}).get("bindings") if isinstance(data, dict) else None
        if not isinstance(bindings, list):
            raise RemoteError(f"{self.sparql_url}: not a SPARQL results document")
        for binding in bindings:
            row = {}
            for name, term in binding.items():
                if isinstance(term, dict) and "value" in term:
                    row[name] = str(term["value"])
                    if term.get("xml:lang"):
                        row[name + "@lang"] = str(term["xml:lang"])
            rows.append(row)
        return rows

    # ----------------------------------------------------------------------- HTTP

    def _cached(self, kind: str, url: str, params: dict[str, str], *, api: bool) -> Any | None:
        request = CacheRequest(kind, url, params)
        if self.cache is not None:
            stored = self.cache.get(request)
            if stored is not None:
                return stored
        if self.offline:
            self.misses.append(request)
            return None
        data = self._send(url, params, api=api)
        if self.cache is not None:
            self.cache.put(request, data)
        return data

    def _send(self, url: str, params: Mapping[str, str], *, api: bool) -> Any:
        """GET with retries; returns parsed JSON or raises RemoteError (nothing was changed)."""
        if self.offline:  # pragma: no cover - guarded by callers
            raise RemoteError("offline: refusing to send a request")
        query = dict(params)
        headers = dict(self._headers)
        if api:
            query.update(format="json", formatversion="1", maxlag=str(self.maxlag))
        else:
            query["format"] = "json"
            headers["Accept"] = "application/sparql-results+json"
        problem = "no attempt made"
        for attempt in range(self.max_retries + 1):
            self._pace()
            try:
                response = self._http.get(url, params=query, headers=headers)
            except httpx.TransportError as exc:
                problem = f"{url} is unreachable ({type(exc).__name__}: {exc})"
                self._wait(attempt, None, problem)
                continue
            finally:
                self.requests_sent += 1
            if response.status_code in RETRY_STATUSES:
                problem = f"{url} answered HTTP {response.status_code}"
                self._wait(attempt, _retry_after(response), problem)
                continue
            if response.status_code >= 400:
                raise RemoteError(f"{url} answered HTTP {response.status_code}")
            try:
                data = response.json()
            except ValueError:
                raise RemoteError(f"{url} did not answer JSON") from None
            error = data.get("error") if api and isinstance(data, dict) else None
            if isinstance(error, dict):
                if error.get("code") == "maxlag":
                    problem = f"{url} is lagged ({error.get('info', 'maxlag')})"
                    self._wait(attempt, _retry_after(response) or 5.0, problem)
                    continue
                raise RemoteError(f"{url}: {error.get('code')}: {error.get('info', '')}".strip())
            return data
        raise RemoteError(f"{problem}; gave up after {self.max_retries + 1} attempts")

    def _wait(self, attempt: int, retry_after: float | None, problem: str) -> None:
        """Sleep before the next attempt: Retry-After if given, else exponential backoff."""
        if attempt >= self.max_retries:
            return
        delay = retry_after if retry_after is not None else self.backoff * 2**attempt
        if delay > self.max_wait:
            raise RemoteError(
                f"{problem}; asked to wait {delay:.0f} s, more than {self.max_wait:.0f} s"
            )
        self._sleep(delay)

    def _pace(self) -> None:
        """Keep at least ``min_interval`` seconds between the starts of two requests."""
        now = self._clock()
        if self._last_request is not None:
            remaining = self._last_request + self.min_interval - now
            if remaining > 0:
                self._sleep(remaining)
                now = self._clock()
        self._last_request = now


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), if any."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _trimmed(doc: Mapping[str, Any]) -> dict[str, Any]:
    """An entity document with only the statements in :data:`KEPT_PROPERTIES`."""
    out = {k: v for k, v in doc.items() if k not in {"claims", "sitelinks"}}
    claims = doc.get("claims")
    if isinstance(claims, dict):
        out["claims"] = {p: claims[p] for p in KEPT_PROPERTIES if p in claims}
    return out
