"""``python -m scoring``: see :mod:`scoring.cli`."""

import ctypes
import os
import sys


def _keep_freed_memory() -> None:
    """Let glibc reuse the memory of freed arrays instead of returning it to the OS.

    By default every array over 32 MB (from ~4e6 assertions on) is its own mmap,
    unmapped when freed, so the next one page-faults all its memory in again; on
    this VM a fresh 80 MB array costs 10-350 ms of faults against ~10 ms to
    compute. Serving big blocks from the heap and not trimming it makes a 1e7 fit
    30-40 % faster. Process-wide, so only the batch command sets it, never the
    library.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3  # <malloc.h>
        libc.mallopt(m_mmap_threshold, 1 << 30)
        libc.mallopt(m_trim_threshold, 1 << 30)
    except (OSError, AttributeError):  # not glibc: keep the allocator's defaults
        pass


if __name__ == "__main__":
    _keep_freed_memory()
    from scoring.cli import main

    code = int(main())
    # The run is over and its output written: flush, then end the process without
    # the interpreter's teardown of pandas, scipy and the fitted arrays (0.15-0.25 s
    # at 1e6 assertions, a tenth of the whole command); the OS reclaims the memory.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # a closed pipe downstream is not our failure
        pass
    os._exit(code)
