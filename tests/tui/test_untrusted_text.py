"""Report text with markup, ANSI escapes or control characters is shown literally, never acts."""

from __future__ import annotations

import pytest

from models import Claim, Report
from tests.tui.conftest import review, settle
from tests.tui.corpus import ESCAPES, MARKUP
from workbench.tui.app import WorkbenchApp
from workbench.tui.render import claim_text, plain, report_reference, safe
from workbench.tui.widgets import ClaimCard, QueueList

SIZE = (120, 40)


@pytest.mark.parametrize("code", [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0x9B])
def test_every_control_character_becomes_visible(code: int) -> None:
    shown = safe(f"a{chr(code)}b")
    assert len(shown) >= 3
    assert all(ch.isprintable() for ch in shown)


def test_markup_stays_text() -> None:
    text = plain(MARKUP)
    assert text.plain == MARKUP
    assert not text.spans


async def test_hostile_claims_render_literally_and_do_nothing(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        index = next(n for n, item in enumerate(screen.items) if "Hostile" in item.title)
        await pilot.press(*["pagedown"] * index)
        await settle(pilot)
        cards = {card.claim_id: str(card.render()) for card in screen.query(ClaimCard)}
        joined = "\n".join(cards.values())
        assert MARKUP in joined  # brackets and the @click action print as text
        assert "\x1b" not in joined
        assert "red ␛[31mALERT␛[0m bell␇ end" in joined
        assert ESCAPES not in joined
        assert "[red]Evil[/] outlet" in joined  # outlet names are untrusted too
        header = str(screen.query_one("#event-header").render())
        assert "Hostile [b]text[/b]" in header
        queue = screen.query_one(QueueList)
        prompt = str(queue.get_option_at_index(queue.highlighted or 0).prompt)
        assert "Hostile [b]text[/b]" in prompt
        # clicking where "[@click=app.quit]" is drawn must not quit
        for card in screen.query(ClaimCard):
            await pilot.click(card, offset=(20, 3))
            await pilot.click(card, offset=(40, 3))
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None


async def test_hostile_text_in_the_note_dialog_and_context(app: WorkbenchApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        index = next(n for n, item in enumerate(screen.items) if "Hostile" in item.title)
        await pilot.press(*["pagedown"] * index)
        await settle(pilot)
        await pilot.press("t")
        card = screen.query_one("ClaimCard.-focused", ClaimCard)
        assert f"An outlet wrote {MARKUP}." in str(card.render())
        await pilot.press("n")
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert MARKUP in shown
        await pilot.press(*"[b]mine[/b]", "enter")
        await settle(pilot)
        assert "[b]mine[/b]" in str(card.render())


def test_the_context_names_the_reports_own_id_and_url_as_plain_text() -> None:
    report = Report(
        text="A said b.",
        url="https://example.org/[bold]x",
        external_id="wire-0412\x1b[31m",
    )
    claim = Claim(report_id=report.id, text="b", span=(7, 8), sources=("A",), cue="said")
    reference = report_reference(report)
    body = claim_text(claim, {}, "", None, context=("", "A said b.", ""), reference=reference)
    assert str(body).endswith("report wire-0412␛[31m · https://example.org/[bold]x")
    assert report_reference(Report(text="x")) == ""
