"""Process exit codes, in one place (0 ok, 1 internal, 2 bad input or usage, 130 interrupt)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1
    BAD_INPUT = 2
    INTERRUPTED = 130
