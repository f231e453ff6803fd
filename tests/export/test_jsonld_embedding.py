"""The ClaimReview JSON-LD can be pasted into an HTML ``<script type="application/ld+json">``
element as it is: no claim, note, title or source can close the element or open a comment."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from models import Claim, Report, Verdict, VerdictLabel
from workbench.export import embed_safe_json, export_rows, render
from workbench.store import open_engine
from workbench.store.reports import store_reports
from workbench.store.verdicts import append_verdicts

HOSTILE = '</script><script>alert("x")</script><!-- & \u2028 </SCRIPT >'
REPORT = Report(
    text=f"The ministry said {HOSTILE}.", outlet=f"Wire {HOSTILE}", title=f"T {HOSTILE}"
)
CLAIM = Claim(
    report_id=REPORT.id,
    text=f"the toll was {HOSTILE}",
    span=(0, 10),
    sources=(f"Ministry {HOSTILE}",),
    cue="said",
)


class _Scripts(HTMLParser):
    """What a browser's tokenizer sees: the text of each script element, and any other tag."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def handle_comment(self, data: str) -> None:
        self.tags.append("comment")


def test_claimreview_with_script_end_tags_embeds_safely(sqlite_url: str) -> None:
    with open_engine(sqlite_url).begin() as connection:
        store_reports(connection, [REPORT], {REPORT.id: [CLAIM]})
        append_verdicts(
            connection,
            [
                Verdict(
                    claim_id=CLAIM.id,
                    reviewer=f"ana {HOSTILE}",
                    label=VerdictLabel.REFUTED,
                    note=f"because {HOSTILE}",
                )
            ],
        )
        document = render(export_rows(connection), "claimreview")

    for raw in ("<", ">", "&", "\u2028"):
        assert raw not in document
    page = f'<html><head><script type="application/ld+json">{document}</script></head></html>'
    parser = _Scripts()
    parser.feed(page)
    parser.close()
    # One script element, opened and closed once, nothing else injected.
    assert parser.tags == ["html", "head", "script", "/script", "/head", "/html"]
    (review,) = json.loads(parser.scripts[0])
    assert review["claimReviewed"] == f"Ministry {HOSTILE} said {CLAIM.text}"
    assert review["reviewRating"]["ratingExplanation"] == f"because {HOSTILE}"
    assert review["itemReviewed"]["author"][0]["name"] == f"Ministry {HOSTILE}"
    assert review["itemReviewed"]["appearance"][0]["headline"] == REPORT.title
    assert review["author"]["name"] == f"ana {HOSTILE}"


def test_embed_safe_json_round_trips_every_unsafe_character() -> None:
    value = {"a<b": ["</script>", "x & y", "<!--", "-->", "\u2028\u2029", 1, None]}
    text = embed_safe_json(value, indent=None)
    assert text == (
        '{"a\\u003cb": ["\\u003c/script\\u003e", "x \\u0026 y", "\\u003c!--", "--\\u003e", '
        '"\\u2028\\u2029", 1, null]}'
    )
    assert json.loads(text) == value
