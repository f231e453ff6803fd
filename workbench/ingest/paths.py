"""Expand the paths a user typed into the report files to read, in a stable order."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from workbench.errors import InputError
from workbench.ingest.readers import SUPPORTED_SUFFIXES


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, directories searched recursively; hidden entries skipped.

    A path that does not exist is an error; so is a directory holding no reports,
    because a typo in a folder name should not look like a successful ingest.
    """
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError("no such file or directory", path=path)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError("no .txt, .md or .jsonl reports in this directory", path=path)
            files.extend(found)
        else:
            files.append(path)
    return list(dict.fromkeys(files))
