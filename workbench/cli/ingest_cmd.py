"""``workbench ingest``: store reports (and their claims) in the database."""

from __future__ import annotations
