"""Text -> attributed claims: who said what, how sure, and with which numbers.

Public entry points:

- ``extract_claims(report, registry=None) -> list[Claim]``
- ``iter_claims(report, registry=None)``: the same as a stream, for huge reports
- ``load_registry(path=None) -> SourceRegistry``: shipped sources + a user file
- ``sources_for_claims(claims, registry) -> list[Source]``: the sources to store
"""

from workbench.extract.pipeline import extract_claims, iter_claims, sources_for_claims
from workbench.extract.registry import SOURCES_ENV, SourceRegistry, load_registry

__all__ = [
    "SOURCES_ENV",
    "SourceRegistry",
    "extract_claims",
    "iter_claims",
    "load_registry",
    "sources_for_claims",
]
