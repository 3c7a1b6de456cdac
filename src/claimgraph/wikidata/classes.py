"""Type checks: does an item's class lead, through subclass-of (P279*), to an expected class?

Wikidata's class tree is walked with one SPARQL query per class met, asking which of the known
expected classes (:data:`claimgraph.wikidata.scoring.CLASSES`) it reaches, and its English
label for the review file. Queries are written to run on any SPARQL 1.1 service, not only on
the Wikidata Query Service: explicit ``PREFIX`` lines (WDQS predefines them, a local store does
not) and labels read through ``rdfs:label`` with a language filter (the ``wikibase:label``
service exists only on WDQS). Answers are cached with every other answer of the client, and
memoised for the run.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.wikidata.client import WikidataClient
from claimgraph.wikidata.entities import WikidataEntity, is_qid, qid_from_iri, sparql_item
from claimgraph.wikidata.scoring import CLASSES, CONCEPT_KINDS, TypeVerdict, class_name

PREFIXES = (
    "PREFIX wd: <http://www.wikidata.org/entity/>\n"
    "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)


def superclass_query(qid: str, targets: Sequence[str] = tuple(CLASSES)) -> str:
    """The query asking which of ``targets`` the class ``qid`` is a subclass of, and its label.

    >>> print(superclass_query("Q61883", ["Q43229"]))
    PREFIX wd: <http://www.wikidata.org/entity/>
    PREFIX wdt: <http://www.wikidata.org/prop/direct/>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?super ?label WHERE {
      { VALUES ?super { wd:Q43229 } wd:Q61883 wdt:P279* ?super . }
      UNION
      { wd:Q61883 rdfs:label ?label . FILTER(LANG(?label) = "en") }
    }
    """
    values = " ".join(sparql_item(t) for t in sorted(targets, key=lambda q: int(q[1:])))
    item = sparql_item(qid)
    return (
        PREFIXES
        + "SELECT ?super ?label WHERE {\n"
        + f"  {{ VALUES ?super {{ {values} }} {item} wdt:P279* ?super . }}\n"
        + "  UNION\n"
        + f'  {{ {item} rdfs:label ?label . FILTER(LANG(?label) = "en") }}\n'
        + "}"
    )


class ClassWalker:
    """Answers "is this item of a type our entity may link to?" through the client."""

    def __init__(self, client: WikidataClient) -> None:
        self._client = client
        self._reached: dict[str, frozenset[str] | None] = {}
        #: English labels of the classes met, for reasons people can read.
        self.labels: dict[str, str] = {q: label for q, (label, _) in CLASSES.items()}

    def reaches(self, qid: str) -> frozenset[str] | None:
        """The known classes ``qid`` is (or is a subclass of); None when unknown offline."""
        if qid not in self._reached:
            rows = self._client.select(superclass_query(qid)) if is_qid(qid) else []
            if rows is None:
                self._reached[qid] = None
            else:
                found = {qid} & set(CLASSES)
                for row in rows:
                    target = qid_from_iri(row.get("super", ""))
                    if target:
                        found.add(target)
                    if row.get("label"):
                        self.labels[qid] = row["label"]
                self._reached[qid] = frozenset(found)
        return self._reached[qid]

    def verdict(self, entity: WikidataEntity, expected: Sequence[str], *, kind: str) -> TypeVerdict:
        """Whether ``entity`` fits ``expected``: ok, wrong (never accepted) or unknown."""
        wanted = set(expected)
        roots = list(entity.instance_of)
        if kind in CONCEPT_KINDS:
            if entity.id in wanted:
                return TypeVerdict("ok", f"is {class_name(entity.id, self.labels)}")
            roots = [*entity.subclass_of, *roots]
        if not roots:
            return TypeVerdict("unknown", "no instance-of (P31) statement")
        unknown: list[str] = []
        for root in roots:
            if root in wanted:
                return TypeVerdict("ok", self._fits(entity, root, root))
            reached = self.reaches(root)
            if reached is None:
                unknown.append(root)
            elif reached & wanted:
                target = min(reached & wanted, key=list(expected).index)
                return TypeVerdict("ok", self._fits(entity, root, target))
        names = ", ".join(class_name(r, self.labels) for r in roots[:4])
        if unknown:
            return TypeVerdict(
                "unknown", f"classes of {names} not known (missed the cache offline)"
            )
        should = ", ".join(class_name(q, self.labels) for q in expected)
        return TypeVerdict("wrong", f"rejected: {names}; expected {should}")

    def _fits(self, entity: WikidataEntity, root: str, target: str) -> str:
        relation = "subclass of" if root in entity.subclass_of else "instance of"
        text = f"{relation} {class_name(root, self.labels)}"
        if target != root:
            text += f", a kind of {class_name(target, self.labels)}"
        return text
