"""``claimgraph link``: Wikidata links for a dataset's entities, reviewably and offline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import ExitCode, fail, failures

if TYPE_CHECKING:
    from claimgraph.wikidata import ApplyRun, CacheRequest, CheckRun, LinkRun


@app.command(
    epilog=(
        "Examples:\n\n"
        "  claimgraph link data/ --review review.yaml   # doubtful ones to review\n\n"
        "  claimgraph link data/ --apply review.yaml    # write the choices\n\n"
        "  claimgraph link data/ --check --offline      # verify, cache only\n\n"
        "Exit codes: 0 ok, 1 --check found problems, 2 usage, 3 malformed input,"
        " 4 Wikidata unreachable or refused."
    )
)
def link(
    paths: Annotated[
        list[Path], typer.Argument(help="Dataset directories or claims files.", show_default=False)
    ],
    kinds: Annotated[
        str | None,
        typer.Option(
            "--kinds",
            help="Comma-separated kinds to link: actor, place, event, munition, platform, "
            "target, legalConcept (default: all).",
        ),
    ] = None,
    accept: Annotated[
        float | None,
        typer.Option(
            "--accept",
            help="Score from which a link is written without review (default 0.9: exact names "
            "of the right type only).",
        ),
    ] = None,
    review: Annotated[
        Path | None,
        typer.Option("--review", help="Write candidates to decide on to this YAML file."),
    ] = None,
    apply: Annotated[
        Path | None,
        typer.Option("--apply", help="Write the choices made in this review file (no network)."),
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Use only the cache; list the lookups it misses.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Verify existing links: exist, no redirect, right type (exit 1 if not)."
        ),
    ] = False,
    enrich: Annotated[
        bool,
        typer.Option(
            "--enrich",
            help="Add coordinates and labels from Wikidata, in their own 'wikidata' graph.",
        ),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", help="Cache directory (default .claimgraph/wikidata-cache)."),
    ] = None,
    api: Annotated[
        str | None,
        typer.Option("--api", help="MediaWiki action API of the Wikibase (default Wikidata's)."),
    ] = None,
    sparql: Annotated[
        str | None, typer.Option("--sparql", help="SPARQL endpoint (default Wikidata's).")
    ] = None,
) -> None:
    """Link actors, places, events, munitions, platforms and targets to Wikidata.

    Entities without a `wikidata:` value are searched by label and alias; candidates of the
    wrong type are never accepted. Links above --accept are written into your files (comments
    and formatting kept); the rest go to the --review file, which --apply writes back once you
    have chosen. `wikidata: none` marks a confirmed miss. Answers are cached so that --offline
    runs repeat exactly. Settings may also go under [wikidata] in claimgraph.toml.
    """
    if apply is not None and (check or enrich or review is not None):
        fail(ExitCode.USAGE, "--apply cannot be combined with --check, --enrich or --review")
    if check and (enrich or review is not None):
        fail(ExitCode.USAGE, "--check cannot be combined with --enrich or --review")
    if accept is not None and not 0 < accept <= 1:
        fail(ExitCode.USAGE, f"--accept must be a score above 0 and at most 1, not {accept}")
    with failures():
        from claimgraph.wikidata import load_settings, parse_kinds, run_apply, run_check, run_link

        chosen = parse_kinds(kinds)
        if apply is not None:
            _print_apply(run_apply(paths, apply, kinds=chosen))
            return
        settings = load_settings().with_options(
            api_url=api, sparql_url=sparql, cache_dir=cache, accept=accept, offline=offline or None
        )
        if check:
            result = run_check(paths, settings, kinds=chosen)
            _print_check(result)
            if result.problems:
                raise typer.Exit(code=ExitCode.NOT_CONFORMING)
            return
        _print_link(run_link(paths, settings, kinds=chosen, review=review, enrich=enrich))


def _row(status: str, kind: str, entity: str, value: str, where: str, note: str = "") -> str:
    text = f"{status:<10} {kind:<12} {entity:<28} {value:<10} {where}"
    return f"{text}  {note}".rstrip() if note else text


def _where(target: object) -> str:
    return str(getattr(target, "pos", ""))


def _print_link(run: LinkRun) -> None:
    counts: dict[str, int] = {}
    for o in run.outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
        note = o.reason if o.status not in {"linked", "none"} else ""
        value = o.qid or ("none" if o.status == "none" else "-")
        typer.echo(_row(o.status, o.target.kind, o.target.id, value, _where(o.target), note))
    _print_misses(run.misses)
    order = ("linked", "new", "review", "none", "unlinked", "skipped")
    parts = [f"{counts[s]} {s}" for s in order if counts.get(s)]
    summary = ", ".join(parts) or "nothing to link"
    if run.review_path is not None:
        summary += f"; review file: {run.review_path}"
    elif counts.get("review"):
        summary += "; rerun with --review FILE to decide on them"
    if run.written.changed:
        summary += f"; links written to {len(run.written.changed)} file(s)"
    for edit, why in run.written.conflicts:
        typer.echo(_row("conflict", "", edit.entity_id, edit.value, str(edit.path), why))
    if run.enriched:
        summary += "; enriched: " + ", ".join(str(p) for p in run.enriched)
    summary += f"; {len(run.misses)} cache misses; {_network(run.requests_sent)}"
    typer.echo(summary)


def _print_check(run: CheckRun) -> None:
    counts: dict[str, int] = {}
    for o in run.outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
        typer.echo(
            _row(o.status, o.target.kind, o.target.id, o.qid or "-", _where(o.target), o.message)
        )
    _print_misses(run.misses)
    order = ("ok", "problem", "unverified", "none")
    parts = [f"{counts[s]} {s}" for s in order if counts.get(s)]
    typer.echo(
        f"{', '.join(parts) or 'no links to check'}; {len(run.misses)} cache misses; "
        f"{_network(run.requests_sent)}"
    )


def _print_apply(run: ApplyRun) -> None:
    for target, choice in run.applied:
        typer.echo(_row("applied", target.kind, target.id, choice, _where(target)))
    for target, choice in run.unchanged:
        typer.echo(_row("unchanged", target.kind, target.id, choice, _where(target)))
    for edit, why in run.written.conflicts:
        typer.echo(_row("conflict", "", edit.entity_id, edit.value, str(edit.path), why))
    for item in run.undecided:
        typer.echo(_row("undecided", item.kind, item.entity, "-", item.at))
    typer.echo(
        f"{len(run.applied)} applied, {len(run.unchanged)} unchanged, "
        f"{len(run.written.conflicts)} conflicts, {len(run.undecided)} undecided; "
        f"{len(run.written.changed)} file(s) written"
    )


def _print_misses(misses: list[CacheRequest]) -> None:
    for miss in misses:
        typer.echo(f"cache-miss {miss.describe()}")


def _network(sent: int) -> str:
    return f"{sent} requests sent" if sent else "network not used"
