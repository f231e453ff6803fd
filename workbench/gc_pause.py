"""Batch work that builds millions of small objects runs with the cyclic collector paused.

CPython's cyclic garbage collector scans every tracked container when it collects the
oldest generation, and it does so more often the more containers are created. Grouping
100,000 claims keeps about a million small records alive (claims, features, profiles) and
spent 5.6 s of 27 in six such scans that found nothing to free: the records hold no
reference cycles, so reference counting frees them anyway. Paused, the work runs without
those scans; the collector resumes, as it was, when the work ends (``gc_paused``).

The review app does the same across callbacks (``pause`` ... ``freeze_and_resume``):
starting up only adds objects that stay (widgets, 100,000 claims' ids), and each full
collection walked all of them again, a tenth of a second at a time, in front of the first
paint and under the queue's loading. The app pauses the collector from its start until
the queue is in; the review screen then freezes what was loaded (``gc.freeze``: a full
collection in the middle of a verdict key no longer walks it) and resumes. Whatever
pauses, something resumes: the queue's arrival or failure, or the screen or the app going
away (which also unfreezes).
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


_paused = False  # True while this module holds the collector off


def pause() -> None:
    """Hold collections off (a no-op if someone else already disabled them)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Let collections run again, if ``pause`` stopped them."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def freeze_and_resume() -> None:
    """What is loaded lives as long as the session: out of full collections' sight.

    Only reference cycles that are garbage already would be kept; objects still go
    as soon as nothing refers to them.
    """
    gc.freeze()
    resume()


def release() -> None:
    """The app ends: resume, and hand what was frozen back to the collector.

    What the app froze may be garbage once it ends (tests run one app after another).
    """
    resume()
    gc.unfreeze()
