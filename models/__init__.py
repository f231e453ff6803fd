"""Domain models of the claim-verification workbench: pydantic v2, no I/O, no UI."""

from models.claim import Caveat, Claim, Quantity, claim_id
from models.correction import Correction, CorrectionKind
from models.enums import CaveatKind, Modality, RoleFlag, SourceKind, WorkflowStatus
from models.event import (
    CasualtyFigures,
    Event,
    FigureComparison,
    FigureStatus,
    OriginFigure,
    TollEstimate,
)
from models.incident_grade import (
    GRADE_RULES,
    IncidentGrade,
    IncidentGradeLabel,
)
from models.report import Report, normalise_text, report_id
from models.score import (
    GRADE_CUTOFFS,
    GRADE_MEANINGS,
    MIN_GRADED,
    MIN_RESOLVED,
    SourceScore,
    admiralty_grade,
    grade_from_bounds,
)
from models.source import Source
from models.verdict import VERDICTS, Verdict, VerdictInfo, VerdictLabel, VerdictRole

__all__ = [
    "GRADE_CUTOFFS",
    "GRADE_MEANINGS",
    "GRADE_RULES",
    "MIN_GRADED",
    "MIN_RESOLVED",
    "VERDICTS",
    "CasualtyFigures",
    "Caveat",
    "CaveatKind",
    "Claim",
    "Correction",
    "CorrectionKind",
    "Event",
    "FigureComparison",
    "FigureStatus",
    "IncidentGrade",
    "IncidentGradeLabel",
    "Modality",
    "OriginFigure",
    "Quantity",
    "Report",
    "RoleFlag",
    "Source",
    "SourceKind",
    "SourceScore",
    "TollEstimate",
    "Verdict",
    "VerdictInfo",
    "VerdictLabel",
    "VerdictRole",
    "WorkflowStatus",
    "admiralty_grade",
    "claim_id",
    "grade_from_bounds",
    "normalise_text",
    "report_id",
]
