"""Who makes claims: a canonical source with its aliases and role flags."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from models.enums import RoleFlag, SourceKind


class Source(BaseModel):
    """A canonical source. Reliability belongs to the organisation, not to a report."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    kind: SourceKind = Field(default=SourceKind.UNKNOWN)
    aliases: tuple[str, ...] = Field(default=())
    roles: frozenset[RoleFlag] = Field(default=frozenset())
    # A spokesperson or official: the body they speak for, which is their claims' origin
    # (the person stays the speaker). Empty for a body, or a person speaking for no one.
    speaks_for: str = Field(default="", max_length=300)

    @property
    def provenance_known(self) -> bool:
        return RoleFlag.UNKNOWN_PROVENANCE not in self.roles and self.kind not in (
            SourceKind.ANONYMOUS,
            SourceKind.UNKNOWN,
        )
