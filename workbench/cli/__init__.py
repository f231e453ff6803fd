"""The ``workbench`` command line. One module per command; this file wires them.

stdout carries only results; messages, progress and errors go to stderr.
"""

from __future__ import annotations

import sys

import typer
from typer.exceptions import Abort, Exit, TyperException

from workbench.errors import InputError
from workbench.exit_codes import ExitCode

app = typer.Typer(
    name="workbench",
    help="Check who said what in the news, and whom to believe.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def main(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv``; return the process exit code."""
    try:
        result = app(args=argv, standalone_mode=False)
    except InputError as error:
        print(f"workbench: error: {error}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except Exit as done:
        return int(done.exit_code)
    except TyperException as error:  # usage errors: typer prints them, exit code 2
        error.show()  # type: ignore[attr-defined]
        return int(getattr(error, "exit_code", ExitCode.BAD_INPUT))
    except (Abort, KeyboardInterrupt):
        print("workbench: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    return result if isinstance(result, int) else ExitCode.OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(int(main()))


# Command modules import their heavy dependencies inside the command bodies,
# so `workbench --help` stays fast.
from workbench.cli import agreement_cmd, export_cmd, ingest_cmd, verdicts_cmd  # noqa: E402

app.command("ingest")(ingest_cmd.ingest)
app.command("export")(export_cmd.export)
app.add_typer(verdicts_cmd.verdicts_app, name="verdicts")
app.command("agreement")(agreement_cmd.agreement)

from workbench.cli import extract_cmd  # noqa: E402

app.command("extract")(extract_cmd.extract)

from workbench.cli import review_cmd  # noqa: E402

app.command("review")(review_cmd.review)

from workbench.cli import events_cmd  # noqa: E402

app.add_typer(events_cmd.events_app, name="events")

from workbench.cli import score_cmd  # noqa: E402

app.command("score")(score_cmd.score)
