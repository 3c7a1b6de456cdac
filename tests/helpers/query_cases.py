"""The exact rows every bundled query gives on the seed, and on the seed plus a second dataset.

One table serves the embedded store (``tests/unit/test_bundled_queries.py``) and a plain
``oxigraph serve`` (``tests/integration/test_query_remote.py``): both must give these rows, in
this order. Rows are written as :func:`tests.helpers.query_data.plain` gives them: IRIs
compacted (``seed:C01``, ``cgv:Asserted``, ``incidents:K1``), literals by their text, ``None``
for an unbound variable.

The expectations were checked against ``data/seed/*.yaml`` and ONTOLOGY.md §3 (the CQ each
query answers is named in its header): e.g. ``claims-by-claimant`` with ``wd:Q42970`` is CQ1's
C01–C11, ``wikidata-links`` with ``status=unlinked`` is CQ19's fifteen entities, ``rebuttals``
CQ4/CQ16 with C14's two premises. ``INCIDENT_CASES`` add
``tests/fixtures/queries/incidents.trig``: an incident in another graph joined to the seed's
campaign, conflicting death tolls, a rebuttal chain across graphs, an Arabic-only name.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph import __version__


@dataclass(frozen=True)
class Case:
    """A bundled query, the parameters it is run with, and the rows it must return."""

    name: str
    params: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[str | None, ...]] = field(default_factory=list)

    @property
    def id(self) -> str:
        given = ",".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.name}[{given}]" if given else self.name


TOOL = f"claimgraph {__version__}"

SEED_CASES = [
    Case(
        'claims-by-claimant',
        {},
        [
            ('seed:C01', 'Amnesty International', None, 'cgv:CasualtyClaim', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Russia killed hundreds of civilians and caused massive destruction in Syria in raids against densely populated residential areas.'),
            ('seed:C02', 'Amnesty International', None, 'cgv:TargetingClaim', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Russian strikes hit residential areas, mosques and hospitals.'),
            ('seed:C03', 'Amnesty International', None, 'cgv:CasualtyClaim', 'cgv:Concluded', 'seed:AIReport', 'seed:SeedArticle', 'Russia has killed 16 civilians in Syria for every fighter it successfully targeted.'),
            ('seed:C04', 'Amnesty International', None, 'cgv:LegalCharacterisation', 'cgv:Possible', 'seed:AIReport', 'seed:SeedArticle', "Elements of Russia's campaign could amount to war crimes."),
            ('seed:C05', 'Amnesty International', 'Philip Luther', 'cgv:LegalCharacterisation', 'cgv:Possible', None, 'seed:SeedArticle', "Russia's attacks in Syria may amount to war crimes."),
            ('seed:C06', 'Amnesty International', 'Philip Luther', 'cgv:Demand', 'cgv:Normative', None, 'seed:SeedArticle', 'The Russian Ministry of Defence must disclose the targets of its attacks so that compliance with international humanitarian law can be assessed.'),
            ('seed:C07', 'Amnesty International UK', 'Kristyan Benedict', 'cgv:ConcealmentAccusation', 'cgv:Apparent', None, 'seed:SeedArticle', 'Russia appears to be trying to hide the deadly truth about its bombing campaign in Syria.'),
            ('seed:C08', 'Amnesty International', None, 'cgv:WeaponUseClaim', 'cgv:Evidential', 'seed:AIReport', 'seed:SeedArticle', "There is evidence suggesting the Russian Federation's use of internationally banned cluster munitions and of unguided bombs in populated residential areas."),
            ('seed:C09', 'Amnesty International', None, 'cgv:WeaponUseClaim', 'cgv:Asserted', None, 'seed:SeedArticle', 'Su-24 aircraft were seen dropping RBK-500 cluster bombs.'),
            ('seed:C10', 'Amnesty International', None, 'cgv:MethodologyStatement', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Amnesty based its claims on phone and internet interviews with 16 witnesses, including two doctors, and on talks with more than a dozen human rights defenders and medical-organization representatives.'),
            ('seed:C11', 'Amnesty International', None, 'cgv:ActivityStatement', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', "Amnesty is also researching concerns about the US-led coalition's air strikes in Syria."),
            ('seed:C12', 'Human Rights Watch', None, 'cgv:WeaponUseClaim', 'cgv:Asserted', 'seed:HRWReport', 'seed:SeedArticle', 'Cluster munitions were used on at least 20 occasions since Syria and Russia began their joint offensive.'),
            ('seed:C13', 'Russia', 'Vladimir Putin', 'cgv:TargetingClaim', 'cgv:Asserted', None, 'seed:SeedArticle', "Russia's strikes focus exclusively on areas held by Islamic State."),
            ('seed:C14', 'Western officials', None, 'cgv:Denial', 'cgv:Believed', None, 'seed:SeedArticle', "Putin's claim that the strikes focus exclusively on IS-held areas is unfounded."),
            ('seed:C15', 'Western officials', None, 'cgv:TargetingClaim', 'cgv:Believed', None, 'seed:SeedArticle', 'Most Russian attacks have focused on central and northern Syria.'),
            ('seed:C16', 'Western officials', None, 'cgv:Background', 'cgv:Believed', None, 'seed:SeedArticle', 'Islamic State does not have a strong presence in central and northern Syria.'),
            ('seed:C17', 'Russia', None, 'cgv:EvidenceChallenge', 'cgv:Doubted', None, 'seed:SeedArticle', 'Moscow doubts the authenticity of the aerial photos used by Amnesty International.'),
            ('seed:C18', 'Russia', None, 'cgv:Demand', 'cgv:Normative', None, 'seed:SeedArticle', 'Russia called on Amnesty to at least name the sources of the information used in the report.'),
            ('seed:C19', 'Ministry of Defence of the Russian Federation', 'Igor Konashenkov', 'cgv:Response', 'cgv:Asserted', 'seed:MoDBriefing', 'seed:SeedArticle', "The Russian defence ministry has examined Amnesty International's report."),
            ('seed:C20', 'author of the seed article (unknown)', None, 'cgv:Background', 'cgv:Asserted', 'seed:SeedArticle', None, 'Cluster munitions are indiscriminate by nature, often leave unexploded bomblets, and because of their high dud rate threaten civilians for years.'),
        ],
    ),
    Case(
        'claims-by-claimant',
        {'claimant': 'wd:Q42970'},
        [
            ('seed:C01', 'Amnesty International', None, 'cgv:CasualtyClaim', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Russia killed hundreds of civilians and caused massive destruction in Syria in raids against densely populated residential areas.'),
            ('seed:C02', 'Amnesty International', None, 'cgv:TargetingClaim', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Russian strikes hit residential areas, mosques and hospitals.'),
            ('seed:C03', 'Amnesty International', None, 'cgv:CasualtyClaim', 'cgv:Concluded', 'seed:AIReport', 'seed:SeedArticle', 'Russia has killed 16 civilians in Syria for every fighter it successfully targeted.'),
            ('seed:C04', 'Amnesty International', None, 'cgv:LegalCharacterisation', 'cgv:Possible', 'seed:AIReport', 'seed:SeedArticle', "Elements of Russia's campaign could amount to war crimes."),
            ('seed:C05', 'Amnesty International', 'Philip Luther', 'cgv:LegalCharacterisation', 'cgv:Possible', None, 'seed:SeedArticle', "Russia's attacks in Syria may amount to war crimes."),
            ('seed:C06', 'Amnesty International', 'Philip Luther', 'cgv:Demand', 'cgv:Normative', None, 'seed:SeedArticle', 'The Russian Ministry of Defence must disclose the targets of its attacks so that compliance with international humanitarian law can be assessed.'),
            ('seed:C07', 'Amnesty International UK', 'Kristyan Benedict', 'cgv:ConcealmentAccusation', 'cgv:Apparent', None, 'seed:SeedArticle', 'Russia appears to be trying to hide the deadly truth about its bombing campaign in Syria.'),
            ('seed:C08', 'Amnesty International', None, 'cgv:WeaponUseClaim', 'cgv:Evidential', 'seed:AIReport', 'seed:SeedArticle', "There is evidence suggesting the Russian Federation's use of internationally banned cluster munitions and of unguided bombs in populated residential areas."),
            ('seed:C09', 'Amnesty International', None, 'cgv:WeaponUseClaim', 'cgv:Asserted', None, 'seed:SeedArticle', 'Su-24 aircraft were seen dropping RBK-500 cluster bombs.'),
            ('seed:C10', 'Amnesty International', None, 'cgv:MethodologyStatement', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Amnesty based its claims on phone and internet interviews with 16 witnesses, including two doctors, and on talks with more than a dozen human rights defenders and medical-organization representatives.'),
            ('seed:C11', 'Amnesty International', None, 'cgv:ActivityStatement', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', "Amnesty is also researching concerns about the US-led coalition's air strikes in Syria."),
        ],
    ),
    Case(
        'claims-by-claimant',
        {'claimant': 'seed:PhilipLuther'},
        [
            ('seed:C05', 'Amnesty International', 'Philip Luther', 'cgv:LegalCharacterisation', 'cgv:Possible', None, 'seed:SeedArticle', "Russia's attacks in Syria may amount to war crimes."),
            ('seed:C06', 'Amnesty International', 'Philip Luther', 'cgv:Demand', 'cgv:Normative', None, 'seed:SeedArticle', 'The Russian Ministry of Defence must disclose the targets of its attacks so that compliance with international humanitarian law can be assessed.'),
        ],
    ),
    Case(
        'claims-by-claimant',
        {'claimant': 'seed:Russia'},
        [
            ('seed:C13', 'Russia', 'Vladimir Putin', 'cgv:TargetingClaim', 'cgv:Asserted', None, 'seed:SeedArticle', "Russia's strikes focus exclusively on areas held by Islamic State."),
            ('seed:C17', 'Russia', None, 'cgv:EvidenceChallenge', 'cgv:Doubted', None, 'seed:SeedArticle', 'Moscow doubts the authenticity of the aerial photos used by Amnesty International.'),
            ('seed:C18', 'Russia', None, 'cgv:Demand', 'cgv:Normative', None, 'seed:SeedArticle', 'Russia called on Amnesty to at least name the sources of the information used in the report.'),
            ('seed:C19', 'Ministry of Defence of the Russian Federation', 'Igor Konashenkov', 'cgv:Response', 'cgv:Asserted', 'seed:MoDBriefing', 'seed:SeedArticle', "The Russian defence ministry has examined Amnesty International's report."),
        ],
    ),
    Case(
        'rebuttals',
        {},
        [
            ('seed:AerialPhotos', None, 'seed:C17', 'seed:AerialPhotos', 'Russia', 'cgv:Undermine', 'cgv:Doubted', None, 'seed:SeedArticle', None),
            ('seed:C10', 'Amnesty International', 'seed:C18', 'seed:C10', 'Russia', 'cgv:Questioning', 'cgv:Normative', None, 'seed:SeedArticle', None),
            ('seed:C13', 'Russia', 'seed:C14', 'seed:C13', 'Western officials', 'cgv:Rebut', 'cgv:Believed', 'seed:C15', 'seed:SeedArticle', None),
            ('seed:C13', 'Russia', 'seed:C14', 'seed:C13', 'Western officials', 'cgv:Rebut', 'cgv:Believed', 'seed:C16', 'seed:SeedArticle', None),
        ],
    ),
    Case(
        'rebuttals',
        {'claimant': 'wd:Q42970'},
        [
            ('seed:C10', 'Amnesty International', 'seed:C18', 'seed:C10', 'Russia', 'cgv:Questioning', 'cgv:Normative', None, 'seed:SeedArticle', None),
        ],
    ),
    Case(
        'rebuttals',
        {'rebutter': 'seed:Russia'},
        [
            ('seed:AerialPhotos', None, 'seed:C17', 'seed:AerialPhotos', 'Russia', 'cgv:Undermine', 'cgv:Doubted', None, 'seed:SeedArticle', None),
            ('seed:C10', 'Amnesty International', 'seed:C18', 'seed:C10', 'Russia', 'cgv:Questioning', 'cgv:Normative', None, 'seed:SeedArticle', None),
        ],
    ),
    Case(
        'casualty-figures',
        {},
        [
            ('seed:RussianIntervention', 'seed:C01', 'Amnesty International', 'cgv:CivilianDeaths', 'cgv:Civilian', None, '100', None, 'cgv:OrderOfMagnitude', 'hundreds of civilians'),
            ('seed:RussianIntervention', 'seed:C03', 'Amnesty International', 'cgv:CasualtyRatio', None, '16', None, None, 'cgv:Exact', '16 civilians in Syria for every fighter successfully targeted'),
        ],
    ),
    Case(
        'casualty-figures',
        {'event': 'seed:SyrianCivilWar', 'measure': 'cgv:Deaths'},
        [
            ('seed:RussianIntervention', 'seed:C01', 'Amnesty International', 'cgv:CivilianDeaths', 'cgv:Civilian', None, '100', None, 'cgv:OrderOfMagnitude', 'hundreds of civilians'),
        ],
    ),
    Case(
        'casualty-figures',
        {'event': 'seed:CoalitionAirCampaign'},
        [],
    ),
    Case(
        'conflicting-figures',
        {},
        [],
    ),
    Case(
        'weapons-alleged',
        {},
        [
            ('seed:RussianIntervention', 'seed:C08', 'Amnesty International', 'Russia', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Evidential', 'cgv:Explicit'),
            ('seed:RussianIntervention', 'seed:C08', 'Amnesty International', 'Russia', 'seed:UnguidedBomb', 'unguided bomb', 'munition', 'cgv:Evidential', 'cgv:Explicit'),
            ('seed:RussianIntervention', 'seed:C09', 'Amnesty International', 'Russia', 'seed:RBK500', 'RBK-500', 'munition', 'cgv:Asserted', 'cgv:Inferred'),
            ('seed:RussianIntervention', 'seed:C09', 'Amnesty International', 'Russia', 'seed:Su24', 'Sukhoi Su-24', 'platform', 'cgv:Asserted', 'cgv:Inferred'),
            ('seed:RussianIntervention', 'seed:C12', 'Human Rights Watch', 'Russia', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Asserted', 'cgv:Explicit'),
            ('seed:RussianIntervention', 'seed:C12', 'Human Rights Watch', 'Syria', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Asserted', 'cgv:Explicit'),
        ],
    ),
    Case(
        'weapons-alleged',
        {'weapon': 'wd:Q184158'},
        [
            ('seed:RussianIntervention', 'seed:C08', 'Amnesty International', 'Russia', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Evidential', 'cgv:Explicit'),
            ('seed:RussianIntervention', 'seed:C09', 'Amnesty International', 'Russia', 'seed:RBK500', 'RBK-500', 'munition', 'cgv:Asserted', 'cgv:Inferred'),
            ('seed:RussianIntervention', 'seed:C12', 'Human Rights Watch', 'Russia', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Asserted', 'cgv:Explicit'),
            ('seed:RussianIntervention', 'seed:C12', 'Human Rights Watch', 'Syria', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Asserted', 'cgv:Explicit'),
        ],
    ),
    Case(
        'weapons-alleged',
        {'actor': 'wd:Q858'},
        [
            ('seed:RussianIntervention', 'seed:C12', 'Human Rights Watch', 'Syria', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Asserted', 'cgv:Explicit'),
        ],
    ),
    Case(
        'weapons-alleged',
        {'weapon': 'seed:Su24'},
        [
            ('seed:RussianIntervention', 'seed:C09', 'Amnesty International', 'Russia', 'seed:Su24', 'Sukhoi Su-24', 'platform', 'cgv:Asserted', 'cgv:Inferred'),
        ],
    ),
    Case(
        'weapons-alleged',
        {'event': 'seed:CoalitionAirCampaign'},
        [],
    ),
    Case(
        'unsourced-claims',
        {},
        [
            ('seed:C05', 'Amnesty International', 'seed:SeedArticle', "Russia's attacks in Syria may amount to war crimes."),
            ('seed:C06', 'Amnesty International', 'seed:SeedArticle', 'The Russian Ministry of Defence must disclose the targets of its attacks so that compliance with international humanitarian law can be assessed.'),
            ('seed:C07', 'Amnesty International UK', 'seed:SeedArticle', 'Russia appears to be trying to hide the deadly truth about its bombing campaign in Syria.'),
            ('seed:C09', 'Amnesty International', 'seed:SeedArticle', 'Su-24 aircraft were seen dropping RBK-500 cluster bombs.'),
            ('seed:C13', 'Russia', 'seed:SeedArticle', "Russia's strikes focus exclusively on areas held by Islamic State."),
            ('seed:C14', 'Western officials', 'seed:SeedArticle', "Putin's claim that the strikes focus exclusively on IS-held areas is unfounded."),
            ('seed:C15', 'Western officials', 'seed:SeedArticle', 'Most Russian attacks have focused on central and northern Syria.'),
            ('seed:C16', 'Western officials', 'seed:SeedArticle', 'Islamic State does not have a strong presence in central and northern Syria.'),
            ('seed:C17', 'Russia', 'seed:SeedArticle', 'Moscow doubts the authenticity of the aerial photos used by Amnesty International.'),
            ('seed:C18', 'Russia', 'seed:SeedArticle', 'Russia called on Amnesty to at least name the sources of the information used in the report.'),
        ],
    ),
    Case(
        'unsourced-claims',
        {'claimant': 'seed:Russia'},
        [
            ('seed:C13', 'Russia', 'seed:SeedArticle', "Russia's strikes focus exclusively on areas held by Islamic State."),
            ('seed:C17', 'Russia', 'seed:SeedArticle', 'Moscow doubts the authenticity of the aerial photos used by Amnesty International.'),
            ('seed:C18', 'Russia', 'seed:SeedArticle', 'Russia called on Amnesty to at least name the sources of the information used in the report.'),
        ],
    ),
    Case(
        'events-by-place-and-date',
        {},
        [
            ('seed:CoalitionAirCampaign', 'US-led coalition air strikes in Syria', 'cg:Campaign', 'seed:SyrianCivilWar', 'seed:Syria', 'Syria', None, None),
            ('seed:SyrianCivilWar', 'Syrian civil war', 'cg:Conflict', None, None, None, None, None),
            ('seed:RussianIntervention', 'Russian military intervention in the Syrian civil war', 'cg:Campaign', 'seed:SyrianCivilWar', 'seed:Syria', 'Syria', '2015-09-30', None),
        ],
    ),
    Case(
        'events-by-place-and-date',
        {'since': '2015-12-01'},
        [
            ('seed:RussianIntervention', 'Russian military intervention in the Syrian civil war', 'cg:Campaign', 'seed:SyrianCivilWar', 'seed:Syria', 'Syria', '2015-09-30', None),
        ],
    ),
    Case(
        'events-by-place-and-date',
        {'until': '2015-01-01'},
        [],
    ),
    Case(
        'events-by-place-and-date',
        {'place': 'wd:Q858'},
        [
            ('seed:CoalitionAirCampaign', 'US-led coalition air strikes in Syria', 'cg:Campaign', 'seed:SyrianCivilWar', 'seed:Syria', 'Syria', None, None),
            ('seed:RussianIntervention', 'Russian military intervention in the Syrian civil war', 'cg:Campaign', 'seed:SyrianCivilWar', 'seed:Syria', 'Syria', '2015-09-30', None),
        ],
    ),
    Case(
        'events-by-place-and-date',
        {'type': 'cg:Incident'},
        [],
    ),
    Case(
        'timeline',
        {},
        [
            ('2015-12-14', '2015-12-20', 'cgv:Week', 'seed:C12', 'Human Rights Watch', 'cgv:WeaponUseClaim', None, 'seed:HRWReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C01', 'Amnesty International', 'cgv:CasualtyClaim', None, 'seed:AIReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C02', 'Amnesty International', 'cgv:TargetingClaim', None, 'seed:AIReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C03', 'Amnesty International', 'cgv:CasualtyClaim', None, 'seed:AIReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C04', 'Amnesty International', 'cgv:LegalCharacterisation', None, 'seed:AIReport'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C05', 'Amnesty International', 'cgv:LegalCharacterisation', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C06', 'Amnesty International', 'cgv:Demand', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C07', 'Amnesty International UK', 'cgv:ConcealmentAccusation', None, 'seed:SeedArticle'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C08', 'Amnesty International', 'cgv:WeaponUseClaim', None, 'seed:AIReport'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C09', 'Amnesty International', 'cgv:WeaponUseClaim', None, 'seed:SeedArticle'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C10', 'Amnesty International', 'cgv:MethodologyStatement', None, 'seed:AIReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C11', 'Amnesty International', 'cgv:ActivityStatement', None, 'seed:AIReport'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C13', 'Russia', 'cgv:TargetingClaim', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C14', 'Western officials', 'cgv:Denial', 'seed:C13', 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C15', 'Western officials', 'cgv:TargetingClaim', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C16', 'Western officials', 'cgv:Background', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C17', 'Russia', 'cgv:EvidenceChallenge', 'seed:AerialPhotos', 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C18', 'Russia', 'cgv:Demand', 'seed:AIReport', 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C18', 'Russia', 'cgv:Demand', 'seed:C10', 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C19', 'Ministry of Defence of the Russian Federation', 'cgv:Response', 'seed:AIReport', 'seed:MoDBriefing'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C20', 'author of the seed article (unknown)', 'cgv:Background', None, 'seed:SeedArticle'),
        ],
    ),
    Case(
        'timeline',
        {'event': 'seed:RussianIntervention'},
        [
            ('2015-12-14', '2015-12-20', 'cgv:Week', 'seed:C12', 'Human Rights Watch', 'cgv:WeaponUseClaim', None, 'seed:HRWReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C01', 'Amnesty International', 'cgv:CasualtyClaim', None, 'seed:AIReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C02', 'Amnesty International', 'cgv:TargetingClaim', None, 'seed:AIReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C03', 'Amnesty International', 'cgv:CasualtyClaim', None, 'seed:AIReport'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C04', 'Amnesty International', 'cgv:LegalCharacterisation', None, 'seed:AIReport'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C05', 'Amnesty International', 'cgv:LegalCharacterisation', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C06', 'Amnesty International', 'cgv:Demand', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C07', 'Amnesty International UK', 'cgv:ConcealmentAccusation', None, 'seed:SeedArticle'),
            ('2015-12-23', '2015-12-23', 'cgv:Day', 'seed:C08', 'Amnesty International', 'cgv:WeaponUseClaim', None, 'seed:AIReport'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C09', 'Amnesty International', 'cgv:WeaponUseClaim', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C13', 'Russia', 'cgv:TargetingClaim', None, 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C14', 'Western officials', 'cgv:Denial', 'seed:C13', 'seed:SeedArticle'),
            ('2015-12-23', None, 'cgv:UnknownDate', 'seed:C15', 'Western officials', 'cgv:TargetingClaim', None, 'seed:SeedArticle'),
        ],
    ),
    Case(
        'timeline',
        {'until': '2015-12-20'},
        [
            ('2015-12-14', '2015-12-20', 'cgv:Week', 'seed:C12', 'Human Rights Watch', 'cgv:WeaponUseClaim', None, 'seed:HRWReport'),
        ],
    ),
    Case(
        'wikidata-links',
        {},
        [
            ('seed:WesternOfficials', 'Western officials', 'cg:Actor', None, 'anonymous'),
            ('seed:SeedArticleAuthor', 'author of the seed article (unknown)', 'cg:Actor', None, 'anonymous'),
            ('seed:SurvivorsAndWitnesses', 'survivors and other witnesses', 'cg:Actor', None, 'anonymous'),
            ('seed:AmnestyInternational', 'Amnesty International', 'cg:Actor', 'wd:Q42970', 'linked'),
            ('seed:HRW', 'Human Rights Watch', 'cg:Actor', 'wd:Q187052', 'linked'),
            ('seed:IslamicState', 'Islamic State', 'cg:Actor', 'wd:Q2429253', 'linked'),
            ('seed:Russia', 'Russia', 'cg:Actor', 'wd:Q159', 'linked'),
            ('seed:Syria', 'Syria', 'cg:Actor', 'wd:Q858', 'linked'),
            ('seed:Putin', 'Vladimir Putin', 'cg:Actor', 'wd:Q7747', 'linked'),
            ('seed:AmnestyUK', 'Amnesty International UK', 'cg:Actor', None, 'unlinked'),
            ('seed:IgorKonashenkov', 'Igor Konashenkov', 'cg:Actor', None, 'unlinked'),
            ('seed:KristyanBenedict', 'Kristyan Benedict', 'cg:Actor', None, 'unlinked'),
            ('seed:RussianMoD', 'Ministry of Defence of the Russian Federation', 'cg:Actor', None, 'unlinked'),
            ('seed:PhilipLuther', 'Philip Luther', 'cg:Actor', None, 'unlinked'),
            ('seed:USLedCoalition', 'US-led coalition', 'cg:Actor', None, 'unlinked'),
            ('seed:SyrianCivilWar', 'Syrian civil war', 'cg:Event', 'wd:Q178810', 'linked'),
            ('seed:RussianIntervention', 'Russian military intervention in the Syrian civil war', 'cg:Event', None, 'unlinked'),
            ('seed:CoalitionAirCampaign', 'US-led coalition air strikes in Syria', 'cg:Event', None, 'unlinked'),
            ('seed:WarCrime', 'war crime', 'cg:LegalConcept', 'wd:Q135010', 'linked'),
            ('seed:IHL', 'international humanitarian law', 'cg:LegalConcept', None, 'unlinked'),
            ('seed:Russia', 'Russia', 'cg:Location', 'wd:Q159', 'linked'),
            ('seed:Syria', 'Syria', 'cg:Location', 'wd:Q858', 'linked'),
            ('seed:ISHeldAreas', 'areas held by Islamic State', 'cg:Location', None, 'unlinked'),
            ('seed:CentralNorthernSyria', 'central and northern Syria', 'cg:Location', None, 'unlinked'),
            ('seed:Hospital', 'hospital', 'cg:TargetType', 'wd:Q16917', 'linked'),
            ('seed:Mosque', 'mosque', 'cg:TargetType', 'wd:Q32815', 'linked'),
            ('seed:ResidentialArea', 'residential area', 'cg:TargetType', None, 'unlinked'),
            ('seed:ClusterMunition', 'cluster munition', 'cg:WeaponType', 'wd:Q184158', 'linked'),
            ('seed:RBK500', 'RBK-500', 'cg:WeaponType', None, 'unlinked'),
            ('seed:Su24', 'Sukhoi Su-24', 'cg:WeaponType', None, 'unlinked'),
            ('seed:UnguidedBomb', 'unguided bomb', 'cg:WeaponType', None, 'unlinked'),
        ],
    ),
    Case(
        'wikidata-links',
        {'status': 'unlinked'},
        [
            ('seed:AmnestyUK', 'Amnesty International UK', 'cg:Actor', None, 'unlinked'),
            ('seed:IgorKonashenkov', 'Igor Konashenkov', 'cg:Actor', None, 'unlinked'),
            ('seed:KristyanBenedict', 'Kristyan Benedict', 'cg:Actor', None, 'unlinked'),
            ('seed:RussianMoD', 'Ministry of Defence of the Russian Federation', 'cg:Actor', None, 'unlinked'),
            ('seed:PhilipLuther', 'Philip Luther', 'cg:Actor', None, 'unlinked'),
            ('seed:USLedCoalition', 'US-led coalition', 'cg:Actor', None, 'unlinked'),
            ('seed:RussianIntervention', 'Russian military intervention in the Syrian civil war', 'cg:Event', None, 'unlinked'),
            ('seed:CoalitionAirCampaign', 'US-led coalition air strikes in Syria', 'cg:Event', None, 'unlinked'),
            ('seed:IHL', 'international humanitarian law', 'cg:LegalConcept', None, 'unlinked'),
            ('seed:ISHeldAreas', 'areas held by Islamic State', 'cg:Location', None, 'unlinked'),
            ('seed:CentralNorthernSyria', 'central and northern Syria', 'cg:Location', None, 'unlinked'),
            ('seed:ResidentialArea', 'residential area', 'cg:TargetType', None, 'unlinked'),
            ('seed:RBK500', 'RBK-500', 'cg:WeaponType', None, 'unlinked'),
            ('seed:Su24', 'Sukhoi Su-24', 'cg:WeaponType', None, 'unlinked'),
            ('seed:UnguidedBomb', 'unguided bomb', 'cg:WeaponType', None, 'unlinked'),
        ],
    ),
    Case(
        'wikidata-links',
        {'kind': 'cg:WeaponType'},
        [
            ('seed:ClusterMunition', 'cluster munition', 'cg:WeaponType', 'wd:Q184158', 'linked'),
            ('seed:RBK500', 'RBK-500', 'cg:WeaponType', None, 'unlinked'),
            ('seed:Su24', 'Sukhoi Su-24', 'cg:WeaponType', None, 'unlinked'),
            ('seed:UnguidedBomb', 'unguided bomb', 'cg:WeaponType', None, 'unlinked'),
        ],
    ),
    Case(
        'claim-sources',
        {},
        [
            ('seed:C01', 'primary', 'seed:AIReport', 'cg:Report', "'Civilian objects were not damaged': Russia's statements on its attacks in Syria unmasked", 'Amnesty International', '2015-12-23', None, None, 'cgv:Day'),
            ('seed:C01', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C02', 'primary', 'seed:AIReport', 'cg:Report', "'Civilian objects were not damaged': Russia's statements on its attacks in Syria unmasked", 'Amnesty International', '2015-12-23', None, None, 'cgv:Day'),
            ('seed:C02', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C03', 'primary', 'seed:AIReport', 'cg:Report', "'Civilian objects were not damaged': Russia's statements on its attacks in Syria unmasked", 'Amnesty International', '2015-12-23', None, None, 'cgv:Day'),
            ('seed:C03', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C04', 'primary', 'seed:AIReport', 'cg:Report', "'Civilian objects were not damaged': Russia's statements on its attacks in Syria unmasked", 'Amnesty International', '2015-12-23', None, None, 'cgv:Day'),
            ('seed:C04', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C05', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C06', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C07', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C08', 'primary', 'seed:AIReport', 'cg:Report', "'Civilian objects were not damaged': Russia's statements on its attacks in Syria unmasked", 'Amnesty International', '2015-12-23', None, None, 'cgv:Day'),
            ('seed:C08', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C09', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C10', 'primary', 'seed:AIReport', 'cg:Report', "'Civilian objects were not damaged': Russia's statements on its attacks in Syria unmasked", 'Amnesty International', '2015-12-23', None, None, 'cgv:Day'),
            ('seed:C10', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C11', 'primary', 'seed:AIReport', 'cg:Report', "'Civilian objects were not damaged': Russia's statements on its attacks in Syria unmasked", 'Amnesty International', '2015-12-23', None, None, 'cgv:Day'),
            ('seed:C11', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C12', 'primary', 'seed:HRWReport', 'cg:Report', None, 'Human Rights Watch', None, '2015-12-14', '2015-12-20', 'cgv:Week'),
            ('seed:C12', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C13', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C14', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C15', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C16', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C17', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C18', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C19', 'primary', 'seed:MoDBriefing', 'cg:OralStatement', 'Russian defence ministry briefing', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C19', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
            ('seed:C20', 'primary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
        ],
    ),
    Case(
        'claim-sources',
        {'claim': 'seed:C12'},
        [
            ('seed:C12', 'primary', 'seed:HRWReport', 'cg:Report', None, 'Human Rights Watch', None, '2015-12-14', '2015-12-20', 'cgv:Week'),
            ('seed:C12', 'secondary', 'seed:SeedArticle', 'cg:NewsArticle', 'Victims of Russian raids in Syria', None, None, '2015-12-23', None, 'cgv:UnknownDate'),
        ],
    ),
    Case(
        'source-statements',
        {},
        [
            ('seed:AIReport', 'states', 'seed:C01', 'Amnesty International', 'cgv:CasualtyClaim', 'Russia killed hundreds of civilians and caused massive destruction in Syria in raids against densely populated residential areas.'),
            ('seed:AIReport', 'states', 'seed:C02', 'Amnesty International', 'cgv:TargetingClaim', 'Russian strikes hit residential areas, mosques and hospitals.'),
            ('seed:AIReport', 'states', 'seed:C03', 'Amnesty International', 'cgv:CasualtyClaim', 'Russia has killed 16 civilians in Syria for every fighter it successfully targeted.'),
            ('seed:AIReport', 'states', 'seed:C04', 'Amnesty International', 'cgv:LegalCharacterisation', "Elements of Russia's campaign could amount to war crimes."),
            ('seed:AIReport', 'states', 'seed:C08', 'Amnesty International', 'cgv:WeaponUseClaim', "There is evidence suggesting the Russian Federation's use of internationally banned cluster munitions and of unguided bombs in populated residential areas."),
            ('seed:AIReport', 'states', 'seed:C10', 'Amnesty International', 'cgv:MethodologyStatement', 'Amnesty based its claims on phone and internet interviews with 16 witnesses, including two doctors, and on talks with more than a dozen human rights defenders and medical-organization representatives.'),
            ('seed:AIReport', 'states', 'seed:C11', 'Amnesty International', 'cgv:ActivityStatement', "Amnesty is also researching concerns about the US-led coalition's air strikes in Syria."),
            ('seed:HRWReport', 'states', 'seed:C12', 'Human Rights Watch', 'cgv:WeaponUseClaim', 'Cluster munitions were used on at least 20 occasions since Syria and Russia began their joint offensive.'),
            ('seed:MoDBriefing', 'states', 'seed:C19', 'Ministry of Defence of the Russian Federation', 'cgv:Response', "The Russian defence ministry has examined Amnesty International's report."),
            ('seed:SeedArticle', 'states', 'seed:C20', 'author of the seed article (unknown)', 'cgv:Background', 'Cluster munitions are indiscriminate by nature, often leave unexploded bomblets, and because of their high dud rate threaten civilians for years.'),
            ('seed:SeedArticle', 'reports', 'seed:C01', 'Amnesty International', 'cgv:CasualtyClaim', 'Russia killed hundreds of civilians and caused massive destruction in Syria in raids against densely populated residential areas.'),
            ('seed:SeedArticle', 'reports', 'seed:C02', 'Amnesty International', 'cgv:TargetingClaim', 'Russian strikes hit residential areas, mosques and hospitals.'),
            ('seed:SeedArticle', 'reports', 'seed:C03', 'Amnesty International', 'cgv:CasualtyClaim', 'Russia has killed 16 civilians in Syria for every fighter it successfully targeted.'),
            ('seed:SeedArticle', 'reports', 'seed:C04', 'Amnesty International', 'cgv:LegalCharacterisation', "Elements of Russia's campaign could amount to war crimes."),
            ('seed:SeedArticle', 'reports', 'seed:C05', 'Amnesty International', 'cgv:LegalCharacterisation', "Russia's attacks in Syria may amount to war crimes."),
            ('seed:SeedArticle', 'reports', 'seed:C06', 'Amnesty International', 'cgv:Demand', 'The Russian Ministry of Defence must disclose the targets of its attacks so that compliance with international humanitarian law can be assessed.'),
            ('seed:SeedArticle', 'reports', 'seed:C07', 'Amnesty International UK', 'cgv:ConcealmentAccusation', 'Russia appears to be trying to hide the deadly truth about its bombing campaign in Syria.'),
            ('seed:SeedArticle', 'reports', 'seed:C08', 'Amnesty International', 'cgv:WeaponUseClaim', "There is evidence suggesting the Russian Federation's use of internationally banned cluster munitions and of unguided bombs in populated residential areas."),
            ('seed:SeedArticle', 'reports', 'seed:C09', 'Amnesty International', 'cgv:WeaponUseClaim', 'Su-24 aircraft were seen dropping RBK-500 cluster bombs.'),
            ('seed:SeedArticle', 'reports', 'seed:C10', 'Amnesty International', 'cgv:MethodologyStatement', 'Amnesty based its claims on phone and internet interviews with 16 witnesses, including two doctors, and on talks with more than a dozen human rights defenders and medical-organization representatives.'),
            ('seed:SeedArticle', 'reports', 'seed:C11', 'Amnesty International', 'cgv:ActivityStatement', "Amnesty is also researching concerns about the US-led coalition's air strikes in Syria."),
            ('seed:SeedArticle', 'reports', 'seed:C12', 'Human Rights Watch', 'cgv:WeaponUseClaim', 'Cluster munitions were used on at least 20 occasions since Syria and Russia began their joint offensive.'),
            ('seed:SeedArticle', 'reports', 'seed:C13', 'Russia', 'cgv:TargetingClaim', "Russia's strikes focus exclusively on areas held by Islamic State."),
            ('seed:SeedArticle', 'reports', 'seed:C14', 'Western officials', 'cgv:Denial', "Putin's claim that the strikes focus exclusively on IS-held areas is unfounded."),
            ('seed:SeedArticle', 'reports', 'seed:C15', 'Western officials', 'cgv:TargetingClaim', 'Most Russian attacks have focused on central and northern Syria.'),
            ('seed:SeedArticle', 'reports', 'seed:C16', 'Western officials', 'cgv:Background', 'Islamic State does not have a strong presence in central and northern Syria.'),
            ('seed:SeedArticle', 'reports', 'seed:C17', 'Russia', 'cgv:EvidenceChallenge', 'Moscow doubts the authenticity of the aerial photos used by Amnesty International.'),
            ('seed:SeedArticle', 'reports', 'seed:C18', 'Russia', 'cgv:Demand', 'Russia called on Amnesty to at least name the sources of the information used in the report.'),
            ('seed:SeedArticle', 'reports', 'seed:C19', 'Ministry of Defence of the Russian Federation', 'cgv:Response', "The Russian defence ministry has examined Amnesty International's report."),
        ],
    ),
    Case(
        'source-statements',
        {'source': 'seed:AIReport'},
        [
            ('seed:AIReport', 'states', 'seed:C01', 'Amnesty International', 'cgv:CasualtyClaim', 'Russia killed hundreds of civilians and caused massive destruction in Syria in raids against densely populated residential areas.'),
            ('seed:AIReport', 'states', 'seed:C02', 'Amnesty International', 'cgv:TargetingClaim', 'Russian strikes hit residential areas, mosques and hospitals.'),
            ('seed:AIReport', 'states', 'seed:C03', 'Amnesty International', 'cgv:CasualtyClaim', 'Russia has killed 16 civilians in Syria for every fighter it successfully targeted.'),
            ('seed:AIReport', 'states', 'seed:C04', 'Amnesty International', 'cgv:LegalCharacterisation', "Elements of Russia's campaign could amount to war crimes."),
            ('seed:AIReport', 'states', 'seed:C08', 'Amnesty International', 'cgv:WeaponUseClaim', "There is evidence suggesting the Russian Federation's use of internationally banned cluster munitions and of unguided bombs in populated residential areas."),
            ('seed:AIReport', 'states', 'seed:C10', 'Amnesty International', 'cgv:MethodologyStatement', 'Amnesty based its claims on phone and internet interviews with 16 witnesses, including two doctors, and on talks with more than a dozen human rights defenders and medical-organization representatives.'),
            ('seed:AIReport', 'states', 'seed:C11', 'Amnesty International', 'cgv:ActivityStatement', "Amnesty is also researching concerns about the US-led coalition's air strikes in Syria."),
        ],
    ),
    Case(
        'dataset-provenance',
        {},
        [
            ('https://w3id.org/claimgraph/id/graph/seed', 'Seed article: Victims of Russian raids in Syria', None, 'claimgraph developers', '2026-01-01T00:00:00Z', 'https://creativecommons.org/licenses/by/4.0/', '20', '2026-01-01T00:00:00Z', TOOL, '2026-02-01T12:00:00Z'),
            ('https://w3id.org/claimgraph/id/graph/seed/editorial', 'Editorial links and background for the seed article', 'https://w3id.org/claimgraph/id/graph/seed', 'claimgraph developers', '2026-01-01T00:00:00Z', 'https://creativecommons.org/licenses/by/4.0/', '0', '2026-01-01T00:00:00Z', TOOL, '2026-02-01T12:00:00Z'),
        ],
    ),
    Case(
        'dataset-provenance',
        {'dataset': 'https://w3id.org/claimgraph/id/graph/seed/editorial'},
        [
            ('https://w3id.org/claimgraph/id/graph/seed/editorial', 'Editorial links and background for the seed article', 'https://w3id.org/claimgraph/id/graph/seed', 'claimgraph developers', '2026-01-01T00:00:00Z', 'https://creativecommons.org/licenses/by/4.0/', '0', '2026-01-01T00:00:00Z', TOOL, '2026-02-01T12:00:00Z'),
        ],
    ),
    Case(
        'corroborations',
        {},
        [
            ('seed:C08', 'Amnesty International', 'seed:C12', 'Human Rights Watch', 'https://w3id.org/claimgraph/id/graph/seed/editorial'),
        ],
    ),
    Case(
        'corroborations',
        {'claimant': 'wd:Q187052'},
        [],
    ),
    Case(
        'evidence',
        {},
        [
            ('seed:C01', 'Amnesty International', 'seed:AerialPhotos', 'cgv:AerialImagery', 'investigation', 'seed:C17', 'Russia', 'cgv:Undermine'),
            ('seed:C01', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'basedOn', None, None, None),
            ('seed:C01', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'investigation', None, None, None),
            ('seed:C02', 'Amnesty International', 'seed:AerialPhotos', 'cgv:AerialImagery', 'investigation', 'seed:C17', 'Russia', 'cgv:Undermine'),
            ('seed:C02', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'investigation', None, None, None),
            ('seed:C03', 'Amnesty International', 'seed:AerialPhotos', 'cgv:AerialImagery', 'investigation', 'seed:C17', 'Russia', 'cgv:Undermine'),
            ('seed:C03', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'investigation', None, None, None),
            ('seed:C04', 'Amnesty International', 'seed:AerialPhotos', 'cgv:AerialImagery', 'investigation', 'seed:C17', 'Russia', 'cgv:Undermine'),
            ('seed:C04', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'investigation', None, None, None),
            ('seed:C08', 'Amnesty International', 'seed:AerialPhotos', 'cgv:AerialImagery', 'investigation', 'seed:C17', 'Russia', 'cgv:Undermine'),
            ('seed:C08', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'investigation', None, None, None),
            ('seed:C10', 'Amnesty International', 'seed:AerialPhotos', 'cgv:AerialImagery', 'investigation', 'seed:C17', 'Russia', 'cgv:Undermine'),
            ('seed:C10', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'investigation', None, None, None),
            ('seed:C11', 'Amnesty International', 'seed:AerialPhotos', 'cgv:AerialImagery', 'investigation', 'seed:C17', 'Russia', 'cgv:Undermine'),
            ('seed:C11', 'Amnesty International', 'seed:Testimonies', 'cgv:Testimony', 'investigation', None, None, None),
        ],
    ),
    Case(
        'evidence',
        {'claimant': 'seed:Russia'},
        [],
    ),
    Case(
        'spokespeople',
        {},
        [
            ('seed:IgorKonashenkov', 'Igor Konashenkov', 'Ministry of Defence of the Russian Federation', 'defence ministry spokesman', '1'),
            ('seed:KristyanBenedict', 'Kristyan Benedict', 'Amnesty International UK', 'Syria campaign manager', '1'),
            ('seed:PhilipLuther', 'Philip Luther', 'Amnesty International', 'Middle East and North Africa director', '2'),
            ('seed:Putin', 'Vladimir Putin', 'Russia', None, '1'),
        ],
    ),
    Case(
        'spokespeople',
        {'organization': 'seed:AmnestyInternational'},
        [
            ('seed:PhilipLuther', 'Philip Luther', 'Amnesty International', 'Middle East and North Africa director', '2'),
        ],
    ),
    Case(
        'targets-hit',
        {},
        [
            ('seed:C01', 'Amnesty International', 'seed:ResidentialArea', 'residential area', 'seed:RussianIntervention', 'cgv:Asserted'),
            ('seed:C02', 'Amnesty International', 'seed:Hospital', 'hospital', 'seed:RussianIntervention', 'cgv:Asserted'),
            ('seed:C02', 'Amnesty International', 'seed:Mosque', 'mosque', 'seed:RussianIntervention', 'cgv:Asserted'),
            ('seed:C02', 'Amnesty International', 'seed:ResidentialArea', 'residential area', 'seed:RussianIntervention', 'cgv:Asserted'),
            ('seed:C08', 'Amnesty International', 'seed:ResidentialArea', 'residential area', 'seed:RussianIntervention', 'cgv:Evidential'),
        ],
    ),
    Case(
        'targets-hit',
        {'target': 'wd:Q16917'},
        [
            ('seed:C02', 'Amnesty International', 'seed:Hospital', 'hospital', 'seed:RussianIntervention', 'cgv:Asserted'),
        ],
    ),
    Case(
        'legal-characterisations',
        {},
        [
            ('seed:C04', 'Amnesty International', None, 'seed:RussianIntervention', 'seed:WarCrime', 'war crime', 'cgv:Possible'),
            ('seed:C05', 'Amnesty International', 'Philip Luther', None, 'seed:WarCrime', 'war crime', 'cgv:Possible'),
        ],
    ),
    Case(
        'legal-characterisations',
        {'concept': 'wd:Q135010'},
        [
            ('seed:C04', 'Amnesty International', None, 'seed:RussianIntervention', 'seed:WarCrime', 'war crime', 'cgv:Possible'),
            ('seed:C05', 'Amnesty International', 'Philip Luther', None, 'seed:WarCrime', 'war crime', 'cgv:Possible'),
        ],
    ),
    Case(
        'investigations',
        {},
        [
            ('seed:AIInvestigation', 'Amnesty International', 'cgv:InternetInterview', None, None, None, None, None, None),
            ('seed:AIInvestigation', 'Amnesty International', 'cgv:TelephoneInterview', None, None, None, None, None, None),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:Doctor', '2', None, 'cgv:Exact', 'including two doctors', 'cgv:Witness'),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:HumanRightsDefender', None, '13', 'cgv:MoreThan', 'more than a dozen human rights defenders and representatives of medical organizations', None),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:Witness', '16', None, 'cgv:Exact', '16 witnesses to attacks and their aftermath', None),
        ],
    ),
    Case(
        'investigations',
        {'by': 'wd:Q42970'},
        [
            ('seed:AIInvestigation', 'Amnesty International', 'cgv:InternetInterview', None, None, None, None, None, None),
            ('seed:AIInvestigation', 'Amnesty International', 'cgv:TelephoneInterview', None, None, None, None, None, None),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:Doctor', '2', None, 'cgv:Exact', 'including two doctors', 'cgv:Witness'),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:HumanRightsDefender', None, '13', 'cgv:MoreThan', 'more than a dozen human rights defenders and representatives of medical organizations', None),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:Witness', '16', None, 'cgv:Exact', '16 witnesses to attacks and their aftermath', None),
        ],
    ),
    Case(
        'investigations',
        {'by': 'seed:HRW'},
        [],
    ),
    Case(
        'disputed-subjects',
        {},
        [
            ('seed:C13', 'seed:Russia', 'wd:Q159', 'seed:C14', 'Western officials', None),
        ],
    ),
    Case(
        'disputed-subjects',
        {'subject': 'wd:Q858'},
        [],
    ),
]

INCIDENT_CASES = [
    Case(
        'casualty-figures',
        {'event': 'seed:SyrianCivilWar'},
        [
            ('incidents:MarketStrike', 'incidents:K1', 'مجلس محلي', 'cgv:CivilianDeaths', None, '12', None, None, 'cgv:Exact', '12 civilians'),
            ('incidents:MarketStrike', 'incidents:K2', 'Ministry of Defence of the Russian Federation', 'cgv:CivilianDeaths', None, '0', None, None, 'cgv:Exact', 'no civilian casualties'),
            ('incidents:MarketStrike', 'incidents:K3', 'Amnesty International', 'cgv:CivilianDeaths', None, None, '10', '15', 'cgv:Range', 'between 10 and 15 civilians'),
            ('seed:RussianIntervention', 'seed:C01', 'Amnesty International', 'cgv:CivilianDeaths', 'cgv:Civilian', None, '100', None, 'cgv:OrderOfMagnitude', 'hundreds of civilians'),
            ('seed:RussianIntervention', 'seed:C03', 'Amnesty International', 'cgv:CasualtyRatio', None, '16', None, None, 'cgv:Exact', '16 civilians in Syria for every fighter successfully targeted'),
        ],
    ),
    Case(
        'conflicting-figures',
        {},
        [
            ('incidents:MarketStrike', 'cgv:CivilianDeaths', 'incidents:K1', 'مجلس محلي', '12', '12', '12 civilians', 'incidents:K2', 'Ministry of Defence of the Russian Federation', '0', '0', 'no civilian casualties'),
            ('incidents:MarketStrike', 'cgv:CivilianDeaths', 'incidents:K2', 'Ministry of Defence of the Russian Federation', '0', '0', 'no civilian casualties', 'incidents:K3', 'Amnesty International', '10', '15', 'between 10 and 15 civilians'),
        ],
    ),
    Case(
        'conflicting-figures',
        {'event': 'seed:SyrianCivilWar', 'measure': 'cgv:Deaths'},
        [
            ('incidents:MarketStrike', 'cgv:CivilianDeaths', 'incidents:K1', 'مجلس محلي', '12', '12', '12 civilians', 'incidents:K2', 'Ministry of Defence of the Russian Federation', '0', '0', 'no civilian casualties'),
            ('incidents:MarketStrike', 'cgv:CivilianDeaths', 'incidents:K2', 'Ministry of Defence of the Russian Federation', '0', '0', 'no civilian casualties', 'incidents:K3', 'Amnesty International', '10', '15', 'between 10 and 15 civilians'),
        ],
    ),
    Case(
        'conflicting-figures',
        {'measure': 'cgv:Injured'},
        [],
    ),
    Case(
        'conflicting-figures',
        {'event': 'seed:CoalitionAirCampaign'},
        [],
    ),
    Case(
        'events-by-place-and-date',
        {'type': 'cg:Incident', 'place': 'wd:Q858'},
        [
            ('incidents:MarketStrike', 'Strike on the market of Maarat al-Numan', 'cg:Incident', 'seed:RussianIntervention', 'incidents:MaaratAlNuman', 'Maarat al-Numan', '2015-11-15', '2015-11-15'),
            ('incidents:SchoolStrike', 'Strike near a school in Idlib', 'cg:Incident', 'incidents:MarketStrike', 'incidents:Idlib', 'Idlib', '2016-02-01', '2016-02-29'),
        ],
    ),
    Case(
        'events-by-place-and-date',
        {'since': '2016-01-01'},
        [
            ('seed:RussianIntervention', 'Russian military intervention in the Syrian civil war', 'cg:Campaign', 'seed:SyrianCivilWar', 'seed:Syria', 'Syria', '2015-09-30', None),
            ('incidents:SchoolStrike', 'Strike near a school in Idlib', 'cg:Incident', 'incidents:MarketStrike', 'incidents:Idlib', 'Idlib', '2016-02-01', '2016-02-29'),
        ],
    ),
    Case(
        'weapons-alleged',
        {'weapon': 'wd:Q184158'},
        [
            ('incidents:MarketStrike', 'incidents:K1', 'مجلس محلي', 'Russia', 'incidents:RBK250', 'RBK-250', 'munition', 'cgv:Asserted', None),
            ('seed:RussianIntervention', 'seed:C08', 'Amnesty International', 'Russia', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Evidential', 'cgv:Explicit'),
            ('seed:RussianIntervention', 'seed:C09', 'Amnesty International', 'Russia', 'seed:RBK500', 'RBK-500', 'munition', 'cgv:Asserted', 'cgv:Inferred'),
            ('seed:RussianIntervention', 'seed:C12', 'Human Rights Watch', 'Russia', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Asserted', 'cgv:Explicit'),
            ('seed:RussianIntervention', 'seed:C12', 'Human Rights Watch', 'Syria', 'seed:ClusterMunition', 'cluster munition', 'munition', 'cgv:Asserted', 'cgv:Explicit'),
        ],
    ),
    Case(
        'weapons-alleged',
        {'event': 'incidents:MarketStrike'},
        [
            ('incidents:MarketStrike', 'incidents:K1', 'مجلس محلي', 'Russia', 'incidents:RBK250', 'RBK-250', 'munition', 'cgv:Asserted', None),
        ],
    ),
    Case(
        'claims-by-claimant',
        {'claimant': 'wd:Q42970'},
        [
            ('incidents:K3', 'Amnesty International', None, 'cgv:CasualtyClaim', 'cgv:Asserted', None, None, 'Between 10 and 15 civilians were killed.'),
            ('seed:C01', 'Amnesty International', None, 'cgv:CasualtyClaim', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Russia killed hundreds of civilians and caused massive destruction in Syria in raids against densely populated residential areas.'),
            ('seed:C02', 'Amnesty International', None, 'cgv:TargetingClaim', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Russian strikes hit residential areas, mosques and hospitals.'),
            ('seed:C03', 'Amnesty International', None, 'cgv:CasualtyClaim', 'cgv:Concluded', 'seed:AIReport', 'seed:SeedArticle', 'Russia has killed 16 civilians in Syria for every fighter it successfully targeted.'),
            ('seed:C04', 'Amnesty International', None, 'cgv:LegalCharacterisation', 'cgv:Possible', 'seed:AIReport', 'seed:SeedArticle', "Elements of Russia's campaign could amount to war crimes."),
            ('seed:C05', 'Amnesty International', 'Philip Luther', 'cgv:LegalCharacterisation', 'cgv:Possible', None, 'seed:SeedArticle', "Russia's attacks in Syria may amount to war crimes."),
            ('seed:C06', 'Amnesty International', 'Philip Luther', 'cgv:Demand', 'cgv:Normative', None, 'seed:SeedArticle', 'The Russian Ministry of Defence must disclose the targets of its attacks so that compliance with international humanitarian law can be assessed.'),
            ('seed:C07', 'Amnesty International UK', 'Kristyan Benedict', 'cgv:ConcealmentAccusation', 'cgv:Apparent', None, 'seed:SeedArticle', 'Russia appears to be trying to hide the deadly truth about its bombing campaign in Syria.'),
            ('seed:C08', 'Amnesty International', None, 'cgv:WeaponUseClaim', 'cgv:Evidential', 'seed:AIReport', 'seed:SeedArticle', "There is evidence suggesting the Russian Federation's use of internationally banned cluster munitions and of unguided bombs in populated residential areas."),
            ('seed:C09', 'Amnesty International', None, 'cgv:WeaponUseClaim', 'cgv:Asserted', None, 'seed:SeedArticle', 'Su-24 aircraft were seen dropping RBK-500 cluster bombs.'),
            ('seed:C10', 'Amnesty International', None, 'cgv:MethodologyStatement', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', 'Amnesty based its claims on phone and internet interviews with 16 witnesses, including two doctors, and on talks with more than a dozen human rights defenders and medical-organization representatives.'),
            ('seed:C11', 'Amnesty International', None, 'cgv:ActivityStatement', 'cgv:Asserted', 'seed:AIReport', 'seed:SeedArticle', "Amnesty is also researching concerns about the US-led coalition's air strikes in Syria."),
        ],
    ),
    Case(
        'rebuttals',
        {},
        [
            ('incidents:K1', 'مجلس محلي', 'incidents:K2', 'incidents:K1', 'Ministry of Defence of the Russian Federation', 'cgv:Rebut', 'cgv:Asserted', None, None, None),
            ('seed:AerialPhotos', None, 'seed:C17', 'seed:AerialPhotos', 'Russia', 'cgv:Undermine', 'cgv:Doubted', None, 'seed:SeedArticle', None),
            ('seed:C10', 'Amnesty International', 'seed:C18', 'seed:C10', 'Russia', 'cgv:Questioning', 'cgv:Normative', None, 'seed:SeedArticle', None),
            ('seed:C13', 'Russia', 'incidents:K4', 'seed:C14', 'مجلس محلي', 'cgv:Undercut', 'cgv:Asserted', None, None, None),
            ('seed:C13', 'Russia', 'seed:C14', 'seed:C13', 'Western officials', 'cgv:Rebut', 'cgv:Believed', 'seed:C15', 'seed:SeedArticle', 'incidents:K4'),
            ('seed:C13', 'Russia', 'seed:C14', 'seed:C13', 'Western officials', 'cgv:Rebut', 'cgv:Believed', 'seed:C16', 'seed:SeedArticle', 'incidents:K4'),
        ],
    ),
    Case(
        'wikidata-links',
        {'status': 'unlinked', 'kind': 'cg:Actor'},
        [
            ('seed:AmnestyUK', 'Amnesty International UK', 'cg:Actor', None, 'unlinked'),
            ('seed:IgorKonashenkov', 'Igor Konashenkov', 'cg:Actor', None, 'unlinked'),
            ('seed:KristyanBenedict', 'Kristyan Benedict', 'cg:Actor', None, 'unlinked'),
            ('seed:RussianMoD', 'Ministry of Defence of the Russian Federation', 'cg:Actor', None, 'unlinked'),
            ('seed:PhilipLuther', 'Philip Luther', 'cg:Actor', None, 'unlinked'),
            ('seed:USLedCoalition', 'US-led coalition', 'cg:Actor', None, 'unlinked'),
            ('incidents:LocalCouncil', 'مجلس محلي', 'cg:Actor', None, 'unlinked'),
        ],
    ),
    Case(
        'disputed-subjects',
        {'subject': 'wd:Q159'},
        [
            ('incidents:K1', 'seed:Russia', 'wd:Q159', 'incidents:K2', 'Ministry of Defence of the Russian Federation', None),
            ('seed:C13', 'seed:Russia', 'wd:Q159', 'seed:C14', 'Western officials', None),
        ],
    ),
    Case(
        'timeline',
        {'event': 'seed:SyrianCivilWar', 'since': '2015-11-01', 'until': '2015-11-30'},
        [
            ('2015-11-16', '2015-11-16', 'cgv:Day', 'incidents:K1', 'مجلس محلي', 'cgv:CasualtyClaim', None, 'incidents:CouncilPost'),
        ],
    ),
    Case(
        'legal-characterisations',
        {},
        [
            ('incidents:K5', 'مجلس محلي', None, None, None, None, 'cgv:Possible'),
            ('seed:C04', 'Amnesty International', None, 'seed:RussianIntervention', 'seed:WarCrime', 'war crime', 'cgv:Possible'),
            ('seed:C05', 'Amnesty International', 'Philip Luther', None, 'seed:WarCrime', 'war crime', 'cgv:Possible'),
        ],
    ),
    Case(
        'investigations',
        {},
        [
            ('incidents:Inquiry', None, 'cgv:RemoteImageryAnalysis', None, None, None, None, None, None),
            ('seed:AIInvestigation', 'Amnesty International', 'cgv:InternetInterview', None, None, None, None, None, None),
            ('seed:AIInvestigation', 'Amnesty International', 'cgv:TelephoneInterview', None, None, None, None, None, None),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:Doctor', '2', None, 'cgv:Exact', 'including two doctors', 'cgv:Witness'),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:HumanRightsDefender', None, '13', 'cgv:MoreThan', 'more than a dozen human rights defenders and representatives of medical organizations', None),
            ('seed:AIInvestigation', 'Amnesty International', None, 'cgv:Witness', '16', None, 'cgv:Exact', '16 witnesses to attacks and their aftermath', None),
        ],
    ),
]
