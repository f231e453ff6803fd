"""A reviewer process for the concurrency test and benchmark: append verdicts for a while.

Each verdict carries a unique token in its note; the token is printed (and flushed)
only after the transaction commits, so every printed token is an acknowledged
verdict that must be in the database exactly once, whatever happens afterwards.

    python tests/team/verdict_writer.py DB_URL REVIEWER SECONDS
"""

from __future__ import annotations

import random
import sys
import time
import uuid

from sqlalchemy import select

from models import Verdict, VerdictLabel
from workbench.store import open_engine, schema
from workbench.store.verdicts import append_verdicts


def main(url: str, reviewer: str, seconds: float) -> None:
    engine = open_engine(url)
    with engine.connect() as connection:
        claims = list(connection.scalars(select(schema.claims.c.id)))
    labels = list(VerdictLabel)
    rng = random.Random(reviewer)
    print("ready", flush=True)
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        token = uuid.uuid4().hex
        verdict = Verdict(
            claim_id=rng.choice(claims), reviewer=reviewer, label=rng.choice(labels), note=token
        )
        with engine.begin() as connection:
            append_verdicts(connection, [verdict])
        print(f"ack {token}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
