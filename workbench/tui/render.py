"""Turn untrusted report text into Rich ``Text`` that is shown literally and never acts.

Report text may hold Rich/Textual markup (``[@click=app.quit]``), ANSI escape
sequences or other control characters. Everything from a report goes through
``safe`` and is wrapped in ``Text`` (never a markup string), so brackets print
as brackets, and ESC and other controls print as visible symbols.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from models import (
    Caveat,
    Claim,
    IncidentGrade,
    Modality,
    Quantity,
    Report,
    Source,
    Verdict,
    VerdictLabel,
    WorkflowStatus,
)
from workbench.text_safety import visible, visible_line


def safe(value: str, *, single_line: bool = False) -> str:
    """The string with every control, escape, bidi and zero-width character made visible
    (``workbench.text_safety``), tabs and newlines flattened with ``single_line``."""
    if single_line:
        return visible_line(value)
    return visible(value, multiline=True)


def plain(value: str, style: str = "", *, single_line: bool = False) -> Text:
    """Untrusted text as a ``Text`` that renders exactly the characters it holds."""
    return Text(safe(value, single_line=single_line), style=style)


MODALITY_BADGES: dict[Modality, tuple[str, str]] = {
    Modality.ASSERTED: ("asserted", "bold green"),
    Modality.PREDICTED: ("PREDICTION", "bold black on yellow"),
    Modality.HOPED: ("HOPE", "bold black on yellow"),
    Modality.CONDITIONAL: ("CONDITIONAL", "bold black on yellow"),
    Modality.DENIED: ("DENIAL", "bold white on red"),
}

VERDICT_STYLES: dict[VerdictLabel, str] = {
    VerdictLabel.ACKNOWLEDGED: "bold white on dark_green",
    VerdictLabel.CORROBORATED: "bold black on green",
    VerdictLabel.SINGLE_SOURCE: "bold black on cyan",
    VerdictLabel.CONTESTED: "bold black on dark_orange",
    VerdictLabel.UNVERIFIABLE: "bold white on grey37",
    VerdictLabel.DOUBTFUL: "bold black on magenta",
    VerdictLabel.REFUTED: "bold white on red",
}


# Team states worth a glance; unreviewed and final are what the verdict badge already says.
STATUS_BADGES: dict[WorkflowStatus, tuple[str, str]] = {
    WorkflowStatus.NEEDS_SECOND_REVIEW: ("2ND REVIEW", "bold black on bright_blue"),
    WorkflowStatus.IN_REVIEW: ("REVIEWERS DISAGREE", "bold black on dark_orange"),
    WorkflowStatus.ADJUDICATED: ("ADJUDICATED", "bold white on blue"),
}


def badge(label: str, style: str) -> Text:
    return Text(f" {label} ", style=style)


def verdict_badge(label: VerdictLabel | None) -> Text:
    if label is None:
        return Text(" unreviewed ", style="dim reverse")
    return badge(label.value.replace("_", " "), VERDICT_STYLES[label])


def figure_text(quantity: Quantity) -> str:
    low, high = quantity.bounds
    unit = f" {quantity.unit}" if quantity.unit else ""
    if quantity.at_least:
        return f"≥{_num(low)}{unit}"
    if low == high:
        return f"{_num(low)}{unit}"
    return f"{_num(low)}\u2013{_num(high)}{unit}"


def _num(value: float) -> str:
    if value == float("inf"):
        return "∞"
    return f"{value:g}"


def highlight_figures(text: Text, quantities: Iterable[Quantity]) -> Text:
    """Style the words each figure was read from (found by plain search, not parsing)."""
    source = text.plain
    for quantity in quantities:
        words = safe(quantity.text) if quantity.text else ""
        if words and (at := source.find(words)) >= 0:
            text.stylize("bold black on bright_yellow", at, at + len(words))
    return text


def source_line(names: Iterable[str], sources: dict[str, Source], outlet: str, cue: str) -> Text:
    """'Syrian Observatory (monitor) via Wire report — said'."""
    line = Text()
    names = list(names)
    if not names:
        line.append("unattributed", style="italic red")
    for i, name in enumerate(names):
        if i:
            line.append(" + ")
        line.append_text(plain(name, "bold", single_line=True))
        known = sources.get(name)
        if known is not None:
            line.append(f" ({known.kind.value})", style="dim")
            if not known.provenance_known:
                line.append(" unknown provenance", style="bold red")
    if outlet:
        line.append(" via ", style="dim")
        line.append_text(plain(outlet, "italic", single_line=True))
    if cue:
        line.append(" — ", style="dim")
        line.append_text(plain(cue, "dim", single_line=True))
    return line


def caveat_line(caveat: Caveat) -> Text:
    line = Text("⚠ ", style="bold yellow")
    line.append_text(plain(caveat.text, "yellow", single_line=True))
    line.append(f" [{caveat.kind.value}]", style="dim")
    return line


def report_reference(report: Report | None) -> str:
    """ "report wire-0412 · https://...": the report's own id (from the tool it came from)
    and its URL, so a reviewer can find the original; empty when it has neither."""
    if report is None:
        return ""
    parts = [f"report {report.external_id}" if report.external_id else "", report.url]
    return " · ".join(part for part in parts if part)


def claim_text(
    claim: Claim,
    sources: dict[str, Source],
    outlet: str,
    verdict: Verdict | None,
    pending_note: str = "",
    context: tuple[str, str, str] | None = None,
    status: WorkflowStatus | None = None,
    cited: bool = False,
    reference: str = "",
) -> Text:
    """The whole card body for one claim; ``reference`` (the report's own id and URL) shows
    under its context."""
    out = Text()
    out.append_text(verdict_badge(verdict.label if verdict else None))
    out.append(" ")
    if cited:
        out.append_text(badge("CITED", "bold black on bright_white"))
        out.append(" ")
    if status in STATUS_BADGES:
        out.append_text(badge(*STATUS_BADGES[status]))
        out.append(" ")
    label, style = MODALITY_BADGES[claim.modality]
    out.append_text(badge(label, style))
    if claim.cue:
        out.append(" ")
        out.append_text(badge(safe(claim.cue, single_line=True), "reverse"))
    out.append("\n")
    out.append_text(source_line(claim.sources, sources, outlet, ""))
    out.append("\n")
    out.append_text(highlight_figures(plain(claim.text, single_line=True), claim.quantities))
    if claim.quantities:
        out.append("\nfigures: ", style="dim")
        out.append(", ".join(safe(figure_text(q)) for q in claim.quantities), style="bold")
    for caveat in claim.caveats:
        out.append("\n")
        out.append_text(caveat_line(caveat))
    if verdict and verdict.evidence:
        n = len(verdict.evidence)
        out.append(f"\nevidence: {n} claim{'s' if n > 1 else ''} cited", style="dim")
    note = verdict.note if verdict and verdict.note else pending_note
    if note:
        out.append("\nnote: ", style="dim")
        out.append_text(plain(note, "italic", single_line=True))
        if not verdict:
            out.append(" (saved with the next verdict)", style="dim")
    if context is not None:
        before, sentence, after = context
        out.append("\n── in context ──\n", style="dim")
        if before:
            out.append_text(plain(before, "dim"))
            out.append("\n")
        out.append_text(plain(sentence))
        if after:
            out.append("\n")
            out.append_text(plain(after, "dim"))
        if reference:
            out.append("\n")
            out.append_text(plain(reference, "dim", single_line=True))
    return out


def grade_text(grade: IncidentGrade) -> Text:
    """'grade fair · civilians 38-52 · belligerent Russia · note', one line."""
    line = Text("grade ", style="dim")
    line.append(grade.grade.value if grade.grade else "-", style="bold")
    low, high = grade.civilians_min, grade.civilians_max
    if low is not None or high is not None:
        line.append(" · civilians ", style="dim")
        if low is not None and high is not None and low != high:
            line.append(f"{low}\u2013{high}")
        else:
            line.append(str(low if low is not None else high))
    if grade.belligerent:
        line.append(" · belligerent ", style="dim")
        line.append_text(plain(grade.belligerent, single_line=True))
    if grade.note:
        line.append(" · ", style="dim")
        line.append_text(plain(grade.note, "italic", single_line=True))
    return line
