"""A news report as ingested: metadata plus the untouched text."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


def normalise_text(text: str) -> str:
    """Canonical form used for hashing and offsets: NFC, ``\\n`` line ends, no trailing blanks."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def report_id(text: str, outlet: str = "") -> str:
    """Content hash of a report: the same outlet's same text is one report.

    The outlet is part of the key because a syndicated wire story carried by two
    outlets is two appearances of one origin, which event grouping must see.
    """
    digest = hashlib.sha256(f"{outlet.strip().casefold()}\n{normalise_text(text)}".encode())
    return digest.hexdigest()[:20]


class Report(BaseModel):
    """One report. ``id`` is derived from the content, so ingesting twice is a no-op."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(default="")
    outlet: str = Field(default="")
    title: str = Field(default="")
    url: str = Field(default="")
    published: date | None = Field(default=None)
    dateline: str = Field(default="")
    text: str = Field(min_length=1)
    external_id: str = Field(default="", description="the report's own id in the tool it came from")
    extra: dict[str, Any] = Field(
        default_factory=dict, description="fields the workbench does not use, kept as given"
    )
    origin_path: str = Field(default="", description="where it was read from", exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _normalise(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            data = dict(data)
            data["text"] = normalise_text(data["text"])
            if not data.get("id"):
                data["id"] = report_id(data["text"], str(data.get("outlet") or ""))
        return data
