"""A database holding one report with 100,000 claims, written row by row in bulk."""

from __future__ import annotations

from datetime import UTC, date, datetime

from workbench.store import open_engine, schema


def big_report_db(path: str, n_claims: int = 100_000, n_sources: int = 7) -> str:
    """One report of ``n_claims`` one-line claims (sources cycling), no verdicts."""
    engine = open_engine(path)
    text = "\n".join(f"Source {k % n_sources} said {k} people were hurt." for k in range(n_claims))
    with engine.begin() as connection:
        connection.execute(
            schema.reports.insert(),
            {
                "id": "big-report",
                "outlet": "Wire",
                "title": "A report with very many claims",
                "published": date(2016, 3, 21),
                "text": text,
                "ingested_at": datetime.now(UTC),
            },
        )
        connection.execute(
            schema.sources.insert(),
            [
                {"name": f"Source {s}", "kind": "media", "aliases": [], "roles": []}
                for s in range(n_sources)
            ],
        )
        claims, links, offset = [], [], 0
        for k, line in enumerate(text.split("\n")):
            claim_id = f"c{k:07d}"
            claims.append(
                {
                    "id": claim_id,
                    "report_id": "big-report",
                    "text": line,
                    "sentence": line,
                    "span_start": offset,
                    "span_end": offset + len(line),
                    "cue": "said",
                    "quantities": [],
                    "caveats": [],
                    "places": [],
                    "position": k,
                }
            )
            links.append({"claim_id": claim_id, "source": f"Source {k % n_sources}", "position": 0})
            offset += len(line) + 1
        connection.execute(schema.claims.insert(), claims)
        connection.execute(schema.claim_sources.insert(), links)
    engine.dispose()
    return path
