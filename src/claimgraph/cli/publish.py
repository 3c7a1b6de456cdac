"""``claimgraph publish``: build, validate, and publish to the embedded store or an endpoint."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.output import ExitCode, fail, failures
from claimgraph.cli.targets import (
    AuthSchemeOption,
    ConfigOption,
    EndpointOption,
    GraphStoreOption,
    ProfileOption,
    StoreOption,
    UpdateEndpointOption,
)
from claimgraph.iris import DEFAULT_BASE, is_valid_base

if TYPE_CHECKING:
    from claimgraph.publish import PublishResult, PublishUnit


class ModeOption(StrEnum):
    """``--mode`` (mirrors ``claimgraph.publish.Mode``)."""

    REPLACE = "replace"
    APPEND = "append"


@app.command(
    epilog=(
        "Credentials come from the environment only: CLAIMGRAPH_USER and CLAIMGRAPH_PASSWORD, "
        "or CLAIMGRAPH_TOKEN for --auth bearer (a profile may name other variables).\n\n"
        "Exit codes: 0 published (or unchanged), 1 the data does not conform (nothing "
        "published), 2 usage error, 3 input error, 4 the store failed or refused (nothing "
        "changed).\n\n"
        "Examples:\n\n"
        "  claimgraph publish data/                         # to .claimgraph/store\n\n"
        "  claimgraph publish data/ --dry-run --endpoint http://127.0.0.1:7878/query\n\n"
        "  CLAIMGRAPH_TOKEN=… claimgraph publish data/ --profile prod --auth bearer"
    )
)
def publish(
    paths: Annotated[
        list[Path], typer.Argument(help="Dataset directories or claims files.", show_default=False)
    ],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    graph_store: GraphStoreOption = None,
    profile: ProfileOption = None,
    auth: AuthSchemeOption = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Seconds to wait for each answer.", min=0.1)
    ] = None,
    config: ConfigOption = None,
    mode: Annotated[
        ModeOption,
        typer.Option("--mode", help="replace: make graphs equal the build; append: add."),
    ] = ModeOption.REPLACE,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change, change nothing.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Publish even if the data does not conform.")
    ] = False,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip validation.")] = False,
    schema: Annotated[
        bool, typer.Option("--schema/--no-schema", help="Also publish ontology and shapes graphs.")
    ] = True,
    base: Annotated[str, typer.Option("--base", help="Base IRI of the data.")] = DEFAULT_BASE,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only errors; no progress, no report.")
    ] = False,
) -> None:
    """Publish claims datasets: each into its own named graph, atomically and idempotently.

    Builds and validates first; data that does not conform is not published. Each graph is
    replaced atomically (readers see the old graph or the new one), only what changed is sent,
    and publishing the same input again changes nothing and says 'unchanged'. A publication
    record (prov:Activity) goes into each dataset's metadata graph.
    """
    if not is_valid_base(base):
        fail(ExitCode.USAGE, f"--base '{base}' must be an http(s) IRI ending in / or #")
    with failures():
        from claimgraph.config import load_config, resolve_target
        from claimgraph.store.auth import AuthKind

        cwd = Path.cwd()
        target = resolve_target(
            load_config(config, cwd=cwd),
            cwd=cwd,
            store=store,
            endpoint=endpoint,
            update_endpoint=update_endpoint,
            graph_store=graph_store,
            profile=profile,
            auth=AuthKind(auth.value) if auth else None,
            timeout=timeout,
        )
        with tempfile.TemporaryDirectory(prefix="claimgraph-publish-") as tmp:
            units = _build(paths, base, Path(tmp))
            if not no_validate:
                _refuse_unless_valid(paths, base, force=force, quiet=quiet)
            if schema:
                from claimgraph.publish import bundled_schema_unit

                units.append(bundled_schema_unit(Path(tmp)))
            result = _publish(target, units, Path(tmp), mode.value, dry_run, quiet=quiet)
    if not quiet:
        _report(result)


def _build(paths: list[Path], base: str, workdir: Path) -> list[PublishUnit]:
    from claimgraph.build import build_paths
    from claimgraph.publish import dataset_units

    return dataset_units(build_paths(paths, base=base), workdir)


def _refuse_unless_valid(paths: list[Path], base: str, *, force: bool, quiet: bool) -> None:
    """The one place publish depends on validation: refuse (exit 1) unless it conforms."""
    from claimgraph.errors import DataNotConforming
    from claimgraph.reports import ReportFormat, render
    from claimgraph.reports.text import summary_line
    from claimgraph.validation import validate_paths

    report = validate_paths(paths, base=base)
    if report.conforms:
        return
    summary = summary_line(report)
    if force:
        typer.echo(f"Warning: publishing anyway (--force): {summary}", err=True)
        return
    if not quiet:
        typer.echo(render(report, ReportFormat.TEXT, colour=False), err=True)
    raise DataNotConforming(f"not published: {summary} (fix the data, or use --force)")


def _publish(
    target: object,
    units: list[PublishUnit],
    workdir: Path,
    mode: str,
    dry_run: bool,
    *,
    quiet: bool,
) -> PublishResult:
    from claimgraph.publish import Mode
    from claimgraph.publish import publish as publish_units
    from claimgraph.store import Target, open_store

    assert isinstance(target, Target)
    progress = _Progress() if not quiet and sys.stderr.isatty() else None
    opened = open_store(target, env=os.environ)
    try:
        return publish_units(
            opened, units, workdir=workdir, mode=Mode(mode), dry_run=dry_run, progress=progress
        )
    finally:
        opened.close()
        if progress is not None:
            progress.clear()


class _Progress:
    """A ``\\r`` counter on stderr for uploads that take more than a moment (TTY only)."""

    def __init__(self, delay: float = 1.0) -> None:
        self.started = time.monotonic()
        self.delay = delay
        self.shown = False
        self.last = 0.0

    def __call__(self, graph: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < self.delay or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        percent = 100 * done // total if total else 100
        name = graph.rsplit("/", 1)[-1] or graph
        sys.stderr.write(f"\ruploading {name}: {percent:3d}% of {total / 1e6:.1f} MB ")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _report(result: PublishResult) -> None:
    """One line per graph, examples under dry-run changes, and a closing summary."""
    from claimgraph.publish import Action

    verbs = {
        Action.UNCHANGED: "unchanged",
        Action.CREATE: "create",
        Action.REPLACE: "replace",
        Action.APPEND: "append",
    }
    would = "would " if result.dry_run else ""
    for o in result.outcomes:
        if o.action is Action.UNCHANGED:
            typer.echo(f"unchanged  {o.graph}  ({o.before} triples)")
            continue
        counts = ""
        if o.added is not None:
            counts = f" (+{o.added} -{o.removed or 0})"
        after = "?" if o.after is None else str(o.after)
        shown = o.method and o.method != "create" and not result.dry_run
        how = f", {o.method}" if shown else ""
        typer.echo(
            f"{would}{verbs[o.action]}  {o.graph}  {o.before} -> {after} triples{counts}{how}"
        )
        if result.dry_run:
            for line in o.examples_added:
                typer.echo(f"    + {line}")
            for line in o.examples_removed:
                typer.echo(f"    - {line}")
    changed = sum(o.action is not Action.UNCHANGED for o in result.outcomes)
    if not changed:
        typer.echo(
            f"unchanged: {result.target} already holds this data ({len(result.outcomes)} graphs)"
        )
    elif result.dry_run:
        typer.echo(
            f"dry run: {changed} graph(s) would change at {result.target}; nothing was changed"
        )
    else:
        typer.echo(
            f"published to {result.target}: {changed} graph(s) changed, "
            f"{len(result.outcomes) - changed} unchanged ({result.seconds:.1f} s)"
        )
