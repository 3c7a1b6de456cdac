"""The claimgraph vocabulary as Python names, and the prefixes every serialisation uses.

``CG`` and ``CGV`` are *closed* namespaces: ``CG.Claimm`` raises ``AttributeError`` instead of
minting an IRI nobody defined, so a typo in the builder fails at once rather than producing data
that no shape or query matches. Their members are kept equal to the terms defined in
``ontology/claimgraph.ttl`` and ``ontology/vocab.ttl`` by ``tests/unit/test_namespaces.py``.

This is rdflib's home for terms, so it imports rdflib; the CLI imports it only inside commands,
never at module level, so that ``claimgraph --help`` stays fast.

No ``from __future__ import annotations`` here: rdflib reads the class annotations at run time
(``DefinedNamespace.as_jsonld_context`` calls ``issubclass`` on them), so they must stay types,
not strings.

>>> str(CG.Claim)
'https://w3id.org/claimgraph/ns#Claim'
>>> CGV.Day in CGV, "Dayy" in CGV
(True, False)
"""

# Term names mirror the ontology's IRIs exactly, so properties are mixedCase class attributes.
# ruff: noqa: N815

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from claimgraph import iris

__all__ = ["CG", "CGV", "PREFIXES"]

#: Prefix → namespace IRI for every vocabulary claimgraph writes or aligns to; serialisers bind
#: these so that output uses the same prefixes as the ontology files and the documentation.
PREFIXES = iris.PREFIXES


class CG(DefinedNamespace):
    """Classes and properties of the core ontology (``ontology/claimgraph.ttl``)."""

    _NS = Namespace(iris.CG)
    _fail = True

    # classes
    Actor: URIRef
    ArmedForce: URIRef
    Assessment: URIRef
    Campaign: URIRef
    Claim: URIRef
    Coalition: URIRef
    CollectiveActor: URIRef
    Conflict: URIRef
    DataRecord: URIRef
    Dataset: URIRef
    Event: URIRef
    Evidence: URIRef
    Figure: URIRef
    GovernmentBody: URIRef
    Incident: URIRef
    Investigation: URIRef
    LegalConcept: URIRef
    Location: URIRef
    MediaOutlet: URIRef
    MunitionType: URIRef
    NewsArticle: URIRef
    NGO: URIRef
    NonStateArmedGroup: URIRef
    OralStatement: URIRef
    Organization: URIRef
    Person: URIRef
    PlatformType: URIRef
    Rebuttal: URIRef
    Report: URIRef
    Source: URIRef
    State: URIRef
    TargetType: URIRef
    VideoRecording: URIRef
    WeaponType: URIRef

    # object properties
    about: URIRef
    addressee: URIRef
    approximation: URIRef
    armament: URIRef
    assesses: URIRef
    attributionCertainty: URIRef
    basedOn: URIRef
    claimant: URIRef
    claimedObject: URIRef
    claimedPredicate: URIRef
    claimedSubject: URIRef
    claimType: URIRef
    controlledBy: URIRef
    datePrecision: URIRef
    denominatorCategory: URIRef
    eventType: URIRef
    evidenceType: URIRef
    grade: URIRef
    hasFigure: URIRef
    location: URIRef
    locationPrecision: URIRef
    measure: URIRef
    method: URIRef
    modality: URIRef
    munitionType: URIRef
    numeratorCategory: URIRef
    participant: URIRef
    partOf: URIRef
    platformType: URIRef
    populationCategory: URIRef
    quoteAnchor: URIRef
    rebuts: URIRef
    rebuttalType: URIRef
    reportedIn: URIRef
    respondsTo: URIRef
    restates: URIRef
    speaker: URIRef
    statedIn: URIRef
    subsetOf: URIRef
    supports: URIRef
    targetType: URIRef
    validation: URIRef
    wikidata: URIRef
    withinLocation: URIRef

    # datatype properties
    anonymous: URIRef
    claimantNameAsWritten: URIRef
    date: URIRef
    dateAsWritten: URIRef
    earliestDate: URIRef
    endDate: URIRef
    latestDate: URIRef
    maxValue: URIRef
    minValue: URIRef
    nameAsWritten: URIRef
    noWikidataMatch: URIRef
    paraphrase: URIRef
    quote: URIRef
    rationale: URIRef
    sha256: URIRef
    sourceColumn: URIRef
    inputRecord: URIRef
    sourceFile: URIRef
    sourceLine: URIRef
    startDate: URIRef
    unitText: URIRef
    value: URIRef
    verbatim: URIRef


class CGV(DefinedNamespace):
    """Concept schemes and concepts of the controlled vocabularies (``ontology/vocab.ttl``)."""

    _NS = Namespace(iris.CGV)
    _fail = True

    # claim types
    ClaimTypes: URIRef
    ActivityStatement: URIRef
    AttributionClaim: URIRef
    Background: URIRef
    CasualtyClaim: URIRef
    ConcealmentAccusation: URIRef
    Demand: URIRef
    Denial: URIRef
    EvidenceChallenge: URIRef
    LegalCharacterisation: URIRef
    MethodologyStatement: URIRef
    Response: URIRef
    TargetingClaim: URIRef
    WeaponUseClaim: URIRef

    # modalities
    Modalities: URIRef
    Apparent: URIRef
    Asserted: URIRef
    Believed: URIRef
    Concluded: URIRef
    Doubted: URIRef
    Evidential: URIRef
    Normative: URIRef
    Possible: URIRef

    # attribution certainty
    AttributionCertainty: URIRef
    Explicit: URIRef
    Inferred: URIRef

    # rebuttal types
    RebuttalTypes: URIRef
    Questioning: URIRef
    Rebut: URIRef
    Undercut: URIRef
    Undermine: URIRef

    # approximations
    Approximations: URIRef
    About: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    Exact: URIRef
    MoreThan: URIRef
    OrderOfMagnitude: URIRef
    Range: URIRef

    # measures
    Measures: URIRef
    CasualtyRatio: URIRef
    CivilianDeaths: URIRef
    CombatantDeaths: URIRef
    Deaths: URIRef
    Injured: URIRef
    PeopleInterviewed: URIRef
    UnknownStatusDeaths: URIRef
    UseOccasions: URIRef

    # population categories
    Populations: URIRef
    Civilian: URIRef
    Combatant: URIRef
    Doctor: URIRef
    HumanRightsDefender: URIRef
    UnknownStatus: URIRef
    Witness: URIRef

    # date precisions
    DatePrecisions: URIRef
    Day: URIRef
    Month: URIRef
    UnknownDate: URIRef
    Week: URIRef
    Year: URIRef

    # location precisions
    LocationPrecisions: URIRef
    CountryLevel: URIRef
    DistrictLevel: URIRef
    ExactLocation: URIRef
    NearLocation: URIRef
    ProvinceLevel: URIRef
    RegionLevel: URIRef
    TownLevel: URIRef
    UnknownLocation: URIRef

    # event types
    EventTypes: URIRef
    Airstrike: URIRef
    Battle: URIRef
    GroundAttack: URIRef
    NonStateViolence: URIRef
    OneSidedViolence: URIRef
    Shelling: URIRef
    StateBasedViolence: URIRef

    # evidence types
    EvidenceTypes: URIRef
    AerialImagery: URIRef
    OfficialRecord: URIRef
    Testimony: URIRef
    Video: URIRef

    # research methods
    Methods: URIRef
    InternetInterview: URIRef
    RemoteImageryAnalysis: URIRef
    TelephoneInterview: URIRef

    # assessment grades
    Grades: URIRef
    Confirmed: URIRef
    Contested: URIRef
    Discounted: URIRef
    Fair: URIRef
    Weak: URIRef
