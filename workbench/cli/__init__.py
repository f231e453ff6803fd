"""The ``workbench`` command line. One module per command; this file wires them.

stdout carries only results; messages, progress and errors go to stderr.
"""

from __future__ import annotations

import os
import sys
import traceback

import typer
from typer.exceptions import Abort, Exit, TyperException

from workbench.errors import InputError, os_fault
from workbench.exit_codes import ExitCode
from workbench.text_safety import visible_line

app = typer.Typer(
    name="workbench",
    help="Check who said what in the news, and whom to believe.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _fail(message: str, code: ExitCode) -> int:
    # File names, reviewer names and database text ride in messages: shown inert.
    print(f"workbench: error: {visible_line(message)}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv``; return the process exit code.

    Every fault ends here as one line on stderr: bad input and faults of the
    environment (files, database, network) exit 2, a true internal error exits 1
    (``WORKBENCH_DEBUG=1`` shows its traceback).
    """
    try:
        result = app(args=argv, standalone_mode=False)
    except InputError as error:
        return _fail(str(error), error.exit_code)
    except OSError as error:
        if isinstance(error, BrokenPipeError):  # `workbench export | head`: not an error
            _silence_stdout()
            return ExitCode.OK
        return _fail(str(os_fault(error)), ExitCode.BAD_INPUT)
    except MemoryError:
        return _fail("ran out of memory (split the input into smaller files)", ExitCode.BAD_INPUT)
    except Exit as done:
        return int(done.exit_code)
    except TyperException as error:  # usage errors: one line too, exit code 2
        return _usage(error)
    except (Abort, KeyboardInterrupt):
        print("workbench: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as error:
        fault = _database_fault(error)
        return _fail(str(fault), fault.exit_code) if fault is not None else _internal(error)
    return result if isinstance(result, int) else ExitCode.OK


def _usage(error: Exception) -> int:
    """A usage error as one line naming the help to read; bare ``workbench`` shows help."""
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()  # type: ignore[attr-defined]
        return int(getattr(error, "exit_code", ExitCode.BAD_INPUT))
    message = str(error.format_message()).rstrip(".")  # type: ignore[attr-defined]
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "workbench"
    return _fail(f"{message} (see '{command} --help')", ExitCode.BAD_INPUT)


def _database_fault(error: Exception) -> InputError | None:
    """The one-line fault a database error carries (``workbench.store.faults``)."""
    if "sqlalchemy" not in sys.modules:
        return None
    from workbench.store.faults import fault_of

    return fault_of(error)


def _internal(error: BaseException) -> int:
    """A bug, not a fault of the input: one line, the traceback only on request."""
    if os.environ.get("WORKBENCH_DEBUG"):
        traceback.print_exception(error)
    return _fail(
        f"internal error: {type(error).__name__}: {error} "
        "(please report it; WORKBENCH_DEBUG=1 shows the traceback)",
        ExitCode.INTERNAL,
    )


def _silence_stdout() -> None:
    # The reader went away: point stdout at /dev/null so the interpreter's final
    # flush does not fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


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

from workbench.cli import team_cmd  # noqa: E402

app.add_typer(team_cmd.team_app, name="team")
