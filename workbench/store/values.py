"""What a value must be to be stored: one rule, so SQLite and PostgreSQL agree.

SQLite stores almost anything; PostgreSQL refuses NUL characters, strings longer
than their column and times it cannot represent. Checking here, where values enter,
keeps the two backends holding the same rows, and keeps out a value that one
backend would accept but no command could read back (a verdict dated the year 1).

Times are kept in UTC (an offset is applied, never dropped) within
``EARLIEST``..now + ``FUTURE_SLACK``: 1970 because no verdict or report in a
workbench predates the Unix epoch, and every backend and tool (POSIX time,
spreadsheets, JSON consumers) represents it; a day ahead so clocks a few hours
apart (and time zones up to +14:00) never refuse an honest row.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)
REVIEWER_MAX_CHARS = 200
"""The ``verdicts.reviewer`` column's length (PostgreSQL enforces it, SQLite does not)."""


def utc_time(value: datetime, now: datetime | None = None) -> datetime:
    """``value`` in UTC (a naive time is taken as UTC). Raises ``ValueError`` naming the
    allowed range when the time is out of it or cannot be represented in UTC."""
    try:
        moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError):
        moment = None
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    if moment is None or not EARLIEST <= moment <= latest:
        raise ValueError(
            f"time {value.isoformat()!r} is outside {EARLIEST:%Y-%m-%d} .. {latest:%Y-%m-%d} (UTC)"
        )
    return moment


def storable_text(value: str, what: str, max_chars: int | None = None) -> str:
    """``value`` unchanged if both backends store it as given; else ``ValueError``.

    Control characters other than NUL are kept (display shows them inert); NUL is
    refused because PostgreSQL cannot store it.
    """
    if "\x00" in value:
        raise ValueError(f"{what} holds a NUL character")
    if max_chars is not None and len(value) > max_chars:
        raise ValueError(f"{what} is {len(value)} characters, over the limit of {max_chars}")
    return value
