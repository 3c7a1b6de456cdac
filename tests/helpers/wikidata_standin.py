"""A local stand-in for Wikidata: a real HTTP server in a thread, on 127.0.0.1 only.

It answers the way Wikidata does, from **recorded** data in ``../shared/realdata/``:

- ``/w/api.php?action=wbgetentities``: the real entity documents of Q30, Q142, Q145 and Q11223
  (``wikidata-entities-openrefine/``), filtered to the requested ``languages`` and ``props``,
  plus one document per recorded historical event (``wikidata-historic-events/``), built from
  its label and point in time (P585). Unknown ids come back as ``{"id": …, "missing": ""}``
  and more than 50 ids is refused, as on Wikidata.
- ``/w/api.php?action=wbsearchentities``: a prefix search over those documents' labels and
  aliases in the requested language, exact matches first.
- ``/sparql``: a pyoxigraph store holding the same documents as ``wd:``/``wdt:`` triples plus
  the hand-written class tree ``tests/fixtures/wikidata/classes.ttl``. Like a plain SPARQL
  store (and unlike WDQS) it predefines no prefixes and has no ``wikibase:label`` service.

Hand-written parts are listed in ``tests/fixtures/wikidata/README.md``. Switches set per test:
``redirects`` (id → target), ``missing`` (ids deleted), ``fail_next`` (answers such as
``(429, "2")`` — status and Retry-After — served before the real ones). ``requests`` logs every
request as (path, parameters), ``user_agents`` their User-Agent headers.

When the recorded data is missing, :func:`realdata` fails the test if ``CI`` is set and skips
it otherwise.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pyoxigraph as ox

from tests.helpers.shared_data import realdata_path

REPO = Path(__file__).resolve().parents[2]

FIXTURES = REPO / "tests" / "fixtures" / "wikidata"
RECORDED_IDS = ("Q30", "Q142", "Q145", "Q11223")
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
WKT = ox.NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral")

#: HAND-WRITTEN rule: the recorded query kept no P31, only "instance of a subclass of
#: historical event"; the stand-in gives each event the class its English label names.
EVENT_CLASSES = (("battle of", "Q178561"), ("offensive", "Q2001676"))
HISTORICAL_EVENT = "Q13418847"


def realdata(*parts: str) -> Path:
    """A path under shared/realdata; fail under CI, else skip, when it is not there."""
    return realdata_path(*parts)


@functools.cache
def recorded_entities() -> dict[str, dict[str, Any]]:
    """The four real entity documents, by id."""
    folder = realdata("wikidata-entities-openrefine")
    return {q: json.loads((folder / f"{q}.json").read_text(encoding="utf-8")) for q in RECORDED_IDS}


def _time(date: str) -> dict[str, Any]:
    sign = "" if date.startswith("-") else "+"
    return {
        "time": f"{sign}{date}",
        "timezone": 0,
        "before": 0,
        "after": 0,
        "precision": 11,
        "calendarmodel": WD + "Q1985727",
    }


def _item_claim(prop: str, qid: str) -> dict[str, Any]:
    value = {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}
    snak = {
        "snaktype": "value",
        "property": prop,
        "datatype": "wikibase-item",
        "datavalue": {"type": "wikibase-entityid", "value": value},
    }
    return {"mainsnak": snak, "type": "statement", "rank": "normal"}


def event_document(row: dict[str, str]) -> dict[str, Any]:
    """An entity document for one recorded event: real id, label and P585; P31 by rule."""
    qid = row["event"].rsplit("/", 1)[1]
    label = row["label"]
    lowered = label.lower()
    cls = next((c for words, c in EVENT_CLASSES if words in lowered), HISTORICAL_EVENT)
    date_snak = {
        "snaktype": "value",
        "property": "P585",
        "datatype": "time",
        "datavalue": {"type": "time", "value": _time(row["date"])},
    }
    return {
        "type": "item",
        "id": qid,
        "labels": {"en": {"language": "en", "value": label}},
        "descriptions": {},
        "aliases": {},
        "claims": {
            "P31": [_item_claim("P31", cls)],
            "P585": [{"mainsnak": date_snak, "type": "statement", "rank": "normal"}],
        },
        "sitelinks": {},
    }


@functools.cache
def all_documents() -> dict[str, dict[str, Any]]:
    """Recorded entities and one document per recorded historical event, by id."""
    rows = json.loads(
        realdata("wikidata-historic-events", "historicEvents.json").read_text(encoding="utf-8")
    )
    documents = {doc["id"]: doc for doc in map(event_document, rows)}
    documents.update(recorded_entities())
    return documents


def _values(doc: dict[str, Any], prop: str) -> Iterator[Any]:
    for statement in doc.get("claims", {}).get(prop, []):
        value = statement.get("mainsnak", {}).get("datavalue", {}).get("value")
        if value is not None and statement.get("rank") != "deprecated":
            yield value


@functools.cache
def sparql_store() -> ox.Store:
    """The documents as Wikidata-shaped triples, plus the hand-written class tree."""
    store = ox.Store()
    quads = []
    for qid, doc in all_documents().items():
        item = ox.NamedNode(WD + qid)
        for label in doc.get("labels", {}).values():
            lang = label["language"]
            if re.fullmatch(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", lang):
                quads.append(ox.Quad(item, RDFS_LABEL, ox.Literal(label["value"], language=lang)))
        for prop in ("P31", "P279", "P17"):
            for value in _values(doc, prop):
                target = ox.NamedNode(WD + value["id"])
                quads.append(ox.Quad(item, ox.NamedNode(WDT + prop), target))
        for value in _values(doc, "P625"):
            point = f"Point({value['longitude']} {value['latitude']})"
            quads.append(ox.Quad(item, ox.NamedNode(WDT + "P625"), ox.Literal(point, datatype=WKT)))
        for value in _values(doc, "P585"):
            when = value["time"].lstrip("+")
            quads.append(
                ox.Quad(item, ox.NamedNode(WDT + "P585"), ox.Literal(when, datatype=XSD_DATETIME))
            )
    store.bulk_extend(quads)
    store.load(path=FIXTURES / "classes.ttl", format=ox.RdfFormat.TURTLE)
    return store


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@functools.cache
def search_index() -> tuple[tuple[str, str, str, str, str], ...]:
    """(qid, normalised name, name, label/alias, language) for every name of every document."""
    rows = []
    for qid, doc in all_documents().items():
        for lang, label in doc.get("labels", {}).items():
            rows.append((qid, _norm(label["value"]), label["value"], "label", lang))
        for lang, aliases in doc.get("aliases", {}).items():
            rows += [(qid, _norm(a["value"]), a["value"], "alias", lang) for a in aliases]
    return tuple(rows)


class WikidataStandIn:
    """The server and its switches; use :func:`standin` to run one."""

    def __init__(self) -> None:
        self.documents = all_documents()
        self.store = sparql_store()
        self.redirects: dict[str, str] = {}
        self.missing: set[str] = set()
        self.fail_next: list[tuple[int, str | None]] = []
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.user_agents: list[str] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        host, port = self._server.server_address[:2]
        self.base = f"http://{host!s}:{port}"
        self.api_url = self.base + "/w/api.php"
        self.sparql_url = self.base + "/sparql"

    # ----------------------------------------------------------------------- lifecycle

    def start(self) -> None:
        self._thread.start()
        with httpx.Client() as client:  # poll until it answers; no sleeping
            for _ in range(200):
                try:
                    if client.get(self.base + "/health", timeout=1).status_code == 200:
                        return
                except httpx.TransportError:
                    continue
        raise RuntimeError("the Wikidata stand-in did not start")

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    # ----------------------------------------------------------------------- answers

    def log(self, path: str, params: dict[str, str], user_agent: str) -> None:
        with self._lock:
            self.requests.append((path, params))
            self.user_agents.append(user_agent)

    def actions(self, action: str) -> list[dict[str, str]]:
        """Parameters of the logged API requests with this action."""
        return [
            p for path, p in self.requests if path == "/w/api.php" and p.get("action") == action
        ]

    def next_failure(self) -> tuple[int, str | None] | None:
        with self._lock:
            return self.fail_next.pop(0) if self.fail_next else None

    def search(self, params: dict[str, str]) -> dict[str, Any]:
        text = _norm(params.get("search", ""))
        language = params.get("language", "en")
        limit = int(params.get("limit", "7"))
        best: dict[str, tuple[tuple[int, int, int], str, str, str]] = {}
        for qid, normalised, value, kind, lang in search_index() if text else ():
            if lang not in (language, "mul") or not normalised.startswith(text):
                continue
            rank = (0 if normalised == text else 1, 0 if kind == "label" else 1, int(qid[1:]))
            if qid not in best or rank < best[qid][0]:
                best[qid] = (rank, value, kind, lang)
        ranked = sorted(best.items(), key=lambda item: item[1][0])[:limit]
        rows = [
            self._search_row(qid, self.documents[qid], value, kind, lang, language)
            for qid, (_, value, kind, lang) in ranked
        ]
        return {"searchinfo": {"search": params.get("search", "")}, "search": rows, "success": 1}

    @staticmethod
    def _search_row(
        qid: str, doc: dict[str, Any], value: str, kind: str, lang: str, language: str
    ) -> dict[str, Any]:
        labels, descriptions = doc.get("labels", {}), doc.get("descriptions", {})
        label = (labels.get(language) or labels.get("en") or {"value": qid})["value"]
        description = (descriptions.get(language) or descriptions.get("en") or {}).get("value")
        row: dict[str, Any] = {
            "id": qid,
            "title": qid,
            "repository": "wikidata",
            "url": f"//www.wikidata.org/wiki/{qid}",
            "concepturi": WD + qid,
            "label": label,
            "display": {"label": {"value": label, "language": language}},
            "match": {"type": kind, "language": lang, "text": value},
        }
        if description:
            row["description"] = description
            row["display"]["description"] = {"value": description, "language": language}
        if kind == "alias":
            row["aliases"] = [value]
        return row

    def get_entities(self, params: dict[str, str]) -> dict[str, Any]:
        ids = [i for i in params.get("ids", "").split("|") if i]
        if len(ids) > 50:
            return {"error": {"code": "toomanyvalues", "info": "Too many values supplied for ids"}}
        languages = set(params.get("languages", "").split("|")) - {""}
        props = set(
            params.get("props", "info|labels|descriptions|aliases|claims|sitelinks").split("|")
        )
        out: dict[str, Any] = {}
        for qid in ids:
            target = self.redirects.get(qid, qid)
            doc = None if qid in self.missing else self.documents.get(target)
            if doc is None:
                out[qid] = {"id": qid, "missing": ""}
                continue
            entity: dict[str, Any] = {"type": doc.get("type", "item"), "id": target}
            for prop in ("labels", "descriptions", "aliases"):
                if prop in props:
                    values = doc.get(prop, {})
                    entity[prop] = {
                        k: v for k, v in values.items() if not languages or k in languages
                    }
            for prop in ("claims", "sitelinks"):
                if prop in props:
                    entity[prop] = doc.get(prop, {})
            if target != qid:
                entity["redirects"] = {"from": qid, "to": target}
            out[qid] = entity
        return {"entities": out, "success": 1}

    def sparql(self, query: str) -> tuple[int, bytes]:
        try:
            results = self.store.query(query)
        except SyntaxError as exc:
            return 400, f"query parse error: {exc}".encode()
        assert isinstance(results, ox.QuerySolutions)
        body = results.serialize(format=ox.QueryResultsFormat.JSON)
        assert body is not None  # no output given: the bytes are returned
        return 200, body


def _handler(standin: WikidataStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Silence the per-request log lines."""

        def _params(self) -> dict[str, str]:
            query = urlsplit(self.path).query
            if self.command == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                query += "&" + self.rfile.read(length).decode("utf-8")
            return {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}

        def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data: Any) -> None:
            body = json.dumps(data).encode("utf-8")
            self._send(200, body, "application/json; charset=utf-8", {})

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == "/health":
                self._send(200, b"ok", "text/plain", {})
                return
            params = self._params()
            standin.log(path, params, self.headers.get("User-Agent", ""))
            failure = standin.next_failure()
            if failure is not None:
                status, retry_after = failure
                extra = {"Retry-After": retry_after} if retry_after is not None else {}
                self._send(status, b"slow down", "text/plain", extra)
                return
            if path == "/w/api.php":
                action = params.get("action")
                if action == "wbsearchentities":
                    self._json(standin.search(params))
                elif action == "wbgetentities":
                    self._json(standin.get_entities(params))
                else:
                    self._json({"error": {"code": "badvalue", "info": f"action {action!r}"}})
            elif path == "/sparql":
                status, body = standin.sparql(params.get("query", ""))
                kind = "application/sparql-results+json" if status == 200 else "text/plain"
                self._send(status, body, kind, {})
            else:
                self._send(404, b"not found", "text/plain", {})

        do_POST = do_GET  # noqa: N815 - SPARQL allows POST

    return Handler


@contextmanager
def standin() -> Iterator[WikidataStandIn]:
    """Run a stand-in for the duration of the block (a test)."""
    server = WikidataStandIn()
    server.start()
    try:
        yield server
    finally:
        server.stop()
