"""``workbench events``: claims about the same happening, side by side; reviewer edits.

    workbench events [--db URL] [--format jsonl|table] [--min-claims N] [--regroup]
    workbench events merge EVENT EVENT... [--reviewer NAME]
    workbench events split EVENT CLAIM... [--reviewer NAME]
    workbench events move CLAIM... --to EVENT [--reviewer NAME]

Listing groups the stored claims and saves the grouping, so the event ids it prints
are the ones the edit commands accept. While no claim has been ingested since the last
grouping, listing reuses it (seconds saved on large databases); ``--regroup`` forces a
fresh one. Edits are appended to the
database and replayed on every later grouping (they survive more ingests).
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.options import DbOption

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Connection

    from workbench.events.edits import EventEdit
    from workbench.events.storage import Grouping

    # (connection, stored grouping, reviewer) -> the edit to append
    EditBuilder = Callable[[Connection, dict[str, tuple[str, ...]], str], EventEdit]


class EventsFormat(StrEnum):
    JSONL = "jsonl"
    TABLE = "table"


events_app = typer.Typer(
    help="Events: claims about the same happening across reports, side by side.",
    invoke_without_command=True,
)

ReviewerOption = Annotated[
    str,
    typer.Option("--reviewer", help="Who made the edit (default: $USER).", show_default=False),
]


@events_app.callback()
def events(
    ctx: typer.Context,
    db: DbOption = None,
    output_format: Annotated[
        EventsFormat, typer.Option("--format", help="jsonl: one event per line; table: text.")
    ] = EventsFormat.JSONL,
    min_claims: Annotated[
        int, typer.Option("--min-claims", min=1, help="Only events with at least N claims.")
    ] = 1,
    force: Annotated[
        bool,
        typer.Option(
            "--regroup", help="Group again even if no claim was ingested since the last grouping."
        ),
    ] = False,
) -> None:
    """Group the stored claims into events and print each with its claims, figures, origins."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = db
        return
    from workbench.cli.io import for_stdout
    from workbench.events.storage import current_grouping
    from workbench.events.views import event_record, format_table
    from workbench.store import open_engine
    from workbench.text_safety import visible

    engine = open_engine(db)
    with engine.begin() as connection:
        grouping = current_grouping(connection, force=force)
    shown = 0
    out = sys.stdout
    for event in grouping.events:
        if len(event.claim_ids) < min_claims:
            continue
        record = event_record(event, grouping.claims, grouping.reports, grouping.sources)
        if output_format is EventsFormat.JSONL:
            out.write(for_stdout(json.dumps(record, ensure_ascii=False, allow_nan=False)) + "\n")
        else:
            # the table is for reading: report text and source names shown inert
            table = visible(format_table(record), multiline=True)
            out.write(("\n" if shown else "") + table + "\n")
        shown += 1
    print(f"{shown} event(s) of {len(grouping.events)}", file=sys.stderr)


def _apply(ctx: typer.Context, db: str | None, build: EditBuilder, reviewer: str) -> None:
    """Resolve ids against the stored grouping, append the edit, regroup: one transaction."""
    from workbench.events.storage import append_edit, load_grouping, regroup
    from workbench.store import open_engine

    engine = open_engine(db or ctx.obj)
    with engine.begin() as connection:
        stored = load_grouping(connection)
        if not stored:
            regroup(connection)
            stored = load_grouping(connection)
        edit = build(connection, stored, reviewer or os.environ.get("USER", ""))
        append_edit(connection, edit)
        grouping = regroup(connection)
    _report_edit(edit, grouping)


def _report_edit(edit: EventEdit, grouping: Grouping) -> None:
    """Print the ids of the events the edited claims now belong to (stdout), once each."""
    where = {claim: event.id for event in grouping.events for claim in event.claim_ids}
    shown = dict.fromkeys(where[claim] for claim in edit.claim_ids if claim in where)
    for event_id in shown:
        print(event_id)
    print(f"{edit.kind.value} stored; {len(grouping.events)} event(s)", file=sys.stderr)


def _event_claims(stored: dict[str, tuple[str, ...]], event_id: str) -> tuple[str, ...]:
    from workbench.errors import InputError

    if event_id not in stored:
        raise InputError(f"no such event: {event_id!r} (run `workbench events` to list them)")
    return stored[event_id]


def _claim_events(stored: dict[str, tuple[str, ...]], claim_ids: list[str]) -> dict[str, str]:
    from workbench.errors import InputError

    where = {claim: event for event, claims in stored.items() for claim in claims}
    missing = [claim for claim in claim_ids if claim not in where]
    if missing:
        raise InputError(f"no such claim in any event: {', '.join(missing)}")
    return {claim: where[claim] for claim in claim_ids}


@events_app.command("merge")
def merge(
    ctx: typer.Context,
    event_ids: Annotated[list[str], typer.Argument(help="Two or more event ids.")],
    db: DbOption = None,
    reviewer: ReviewerOption = "",
) -> None:
    """Merge events into one."""
    from workbench.errors import InputError
    from workbench.events.edits import merge_edit

    if len(set(event_ids)) < 2:
        raise InputError("merge needs two different event ids")

    def build(_c: Connection, stored: dict[str, tuple[str, ...]], who: str) -> EventEdit:
        return merge_edit([_event_claims(stored, e) for e in event_ids], reviewer=who)

    _apply(ctx, db, build, reviewer)


@events_app.command("split")
def split(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="The event to split.")],
    claim_ids: Annotated[list[str], typer.Argument(help="Claims that leave it, as a new event.")],
    db: DbOption = None,
    reviewer: ReviewerOption = "",
) -> None:
    """Take claims out of an event into a new event of their own."""
    from workbench.errors import InputError
    from workbench.events.edits import split_edit

    def build(_c: Connection, stored: dict[str, tuple[str, ...]], who: str) -> EventEdit:
        members = _event_claims(stored, event_id)
        outside = [claim for claim in claim_ids if claim not in members]
        if outside:
            raise InputError(f"not in event {event_id}: {', '.join(outside)}")
        if set(claim_ids) >= set(members):
            raise InputError("a split must leave at least one claim in the event")
        return split_edit(claim_ids, reviewer=who)

    _apply(ctx, db, build, reviewer)


@events_app.command("move")
def move(
    ctx: typer.Context,
    claim_ids: Annotated[list[str], typer.Argument(help="Claims to move.")],
    to: Annotated[str, typer.Option("--to", help="The event to move them into.")],
    db: DbOption = None,
    reviewer: ReviewerOption = "",
) -> None:
    """Move claims into another event."""
    from workbench.events.edits import move_edit

    def build(_c: Connection, stored: dict[str, tuple[str, ...]], who: str) -> EventEdit:
        _claim_events(stored, claim_ids)
        return move_edit(claim_ids, _event_claims(stored, to), reviewer=who)

    _apply(ctx, db, build, reviewer)
