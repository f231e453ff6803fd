"""Batch work that builds millions of small objects runs with the cyclic collector paused.

CPython's cyclic garbage collector scans every tracked container when it collects the
oldest generation, and it does so more often the more containers are created. Grouping
100,000 claims keeps about a million small records alive (claims, features, profiles) and
spent 5.6 s of 27 in six such scans that found nothing to free: the records hold no
reference cycles, so reference counting frees them anyway. Paused, the work runs without
those scans; the collector resumes, as it was, when the work ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block; restore its state after (nesting is safe)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
