"""Run inside a private mount namespace (``unshare -m``): mount a tiny tmpfs, put a copy
of the database on it, fill the disk, try to ingest, and report what happened as JSON.

    python disk_full_driver.py MOUNTPOINT TEMPLATE_DB REPORT
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.faults.helpers import run, sqlite_state


def main(mountpoint: str, template: str, report: str) -> None:
    where = Path(mountpoint)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=640k", "tmpfs", mountpoint], check=True)
    db = where / "full.db"
    db.write_bytes(Path(template).read_bytes())
    fd = os.open(where / "filler", os.O_WRONLY | os.O_CREAT)
    try:  # take everything that is left
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    before = sqlite_state(db)
    result = run("ingest", report, "--db", str(db))
    print(
        json.dumps(
            {
                "code": result.code,
                "stderr": result.stderr,
                "before": before,
                "after": sqlite_state(db),
            }
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
