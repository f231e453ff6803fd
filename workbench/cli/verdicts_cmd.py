"""``workbench verdicts``: import from CSV, team review (second review, disagreements,
adjudication) and each claim's workflow status."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.options import DbOption

verdicts_app = typer.Typer(
    help="Verdicts: import from CSV, team review, workflow status.", no_args_is_help=True
)


@verdicts_app.command("import")
def import_(
    path: Annotated[
        Path, typer.Argument(help="CSV with claim_id, verdict, reviewer columns; '-' reads stdin.")
    ],
    db: DbOption = None,
) -> None:
    """Validate every row, then append them all in one transaction (or nothing)."""
    from workbench.cli.io import read_stdin_text, read_text_file
    from workbench.store import open_engine
    from workbench.verdict_import import MAX_IMPORT_BYTES, import_verdicts

    text = read_stdin_text() if str(path) == "-" else read_text_file(path, MAX_IMPORT_BYTES)
    engine = open_engine(db)
    with engine.begin() as connection:
        added, present = import_verdicts(connection, path, text)
    print(f"imported {added} verdict(s), {present} already present", file=sys.stderr)


@verdicts_app.command("second-review")
def second_review(
    claim_ids: Annotated[list[str] | None, typer.Argument(help="Claims to queue.")] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Who asks (default: you; on PostgreSQL always your role)."),
    ] = None,
    all_single: Annotated[
        bool, typer.Option("--all-single", help="Queue every claim judged by one reviewer only.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Queue claims for a blind second review: the second reviewer sees no earlier verdict
    until they have given their own."""
    from collections import Counter

    from sqlalchemy import select

    from workbench.errors import InputError
    from workbench.store import open_as, schema
    from workbench.store.team import request_second_review
    from workbench.store.verdicts import current_verdicts

    engine, by = open_as(db, by)
    with engine.begin() as connection:
        wanted = list(claim_ids or [])
        known = set(connection.scalars(select(schema.claims.c.id)))
        unknown = [c for c in wanted if c not in known]
        if unknown:
            raise InputError(f"unknown claim id {unknown[0]!r}")
        if all_single:
            per_claim = Counter(v.claim_id for v in current_verdicts(connection))
            wanted += [claim for claim, n in per_claim.items() if n == 1]
        if not wanted:
            raise InputError("name claim ids or pass --all-single")
        added = request_second_review(connection, wanted, requested_by=by)
    print(f"queued {added} claim(s) for second review", file=sys.stderr)


@verdicts_app.command("disagreements")
def list_disagreements(db: DbOption = None) -> None:
    """Claims whose reviewers disagree and that no one has adjudicated (JSON lines)."""
    import json

    from workbench.cli.io import for_stdout
    from workbench.store import open_as
    from workbench.store.team import disagreements

    engine, _viewer = open_as(db)  # blind second review: only what this reviewer may see
    with engine.connect() as connection:
        found = disagreements(connection)
    for case in found:
        verdicts = [
            {"reviewer": v.reviewer, "verdict": v.label.value if v.label else None, "note": v.note}
            for v in case.verdicts
        ]
        line = json.dumps({"claim_id": case.claim_id, "verdicts": verdicts}, ensure_ascii=False)
        print(for_stdout(line))


@verdicts_app.command("adjudicate")
def adjudicate_cmd(
    claim_id: Annotated[str, typer.Argument(help="The disputed claim.")],
    verdict: Annotated[str, typer.Argument(help="The ruling, e.g. corroborated.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (required).")],
    adjudicator: Annotated[
        str | None,
        typer.Option("--by", help="Who rules (default: you; on PostgreSQL always your role)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Settle a disagreement with a verdict and a required reason; history keeps all.

    Nobody rules on a claim they reviewed; on PostgreSQL the role also needs the
    adjudicator right (workbench team add-reviewer NAME --adjudicator)."""
    from sqlalchemy import select

    from models import VerdictLabel
    from workbench.errors import InputError
    from workbench.store import open_as, schema
    from workbench.store.team import adjudicate
    from workbench.text_safety import visible_line

    try:
        label = VerdictLabel(verdict)
    except ValueError:
        raise InputError(f"unknown verdict {verdict!r}") from None
    engine, adjudicator = open_as(db, adjudicator)
    with engine.begin() as connection:
        if (
            connection.scalar(select(schema.claims.c.id).where(schema.claims.c.id == claim_id))
            is None
        ):
            raise InputError(f"unknown claim id {claim_id!r}")
        adjudicate(connection, claim_id, adjudicator, label, reason)
    print(f"adjudicated {visible_line(claim_id)}: {label.value}", file=sys.stderr)


@verdicts_app.command("status")
def status_cmd(
    claims: Annotated[
        bool, typer.Option("--claims", help="One JSON line per claim instead of the counts.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Where the claims are in the review process: unreviewed, needs_second_review,
    in_review (reviewers disagree), adjudicated, final. Derived from the verdicts and
    second-review requests, never stored."""
    import json
    from collections import Counter

    from models import WorkflowStatus
    from workbench.store import open_as
    from workbench.store.workflow import workflow_statuses

    engine, _viewer = open_as(db)  # blind second review: only what this reviewer may see
    with engine.connect() as connection:
        statuses = workflow_statuses(connection)
    if claims:
        for claim_id, status in statuses.items():
            print(json.dumps({"claim_id": claim_id, "status": status.value}))
        return
    counts = Counter(statuses.values())
    for status in WorkflowStatus:
        print(f"{status.value:<20} {counts[status]:>8}")
    print(f"{'total':<20} {len(statuses):>8}")
