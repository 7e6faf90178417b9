"""The back of a study card as a learner reads it: its parts spaced as the quiz's feedback,
four rating buttons that fit at 60 columns, and notices that never hide them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from quiz.deck import Deck, TextQuestion
from quiz.deck.loader import load_deck_or_raise
from quiz.store.database import Database
from quiz.tui.text import named

from .conftest import EVERY_TYPE, Clock, screen_text, study_app
from .studying import answer_after, press, ratings, sitting


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_notices_leave_the_ratings_in_sight_and_each_rating_fits_its_button(
    every_type: Deck, study_store: Database, clock: Clock, size: tuple[int, int]
) -> None:
    async with sitting(study_app(every_type, study_store, clock), size=size) as pilot:
        app = pilot.app
        await answer_after(pilot, clock, 1.0)
        for _ in range(3):
            await press(pilot, "ctrl+z")  # nothing to undo yet: three notices stacked
        notices = [toast.region for toast in app.screen.query(Toast)]
        assert len(notices) == 3
        for button in app.screen.query("RatingBar Button"):
            assert not any(button.region.overlaps(notice) for notice in notices), button.id
        assert ratings(app) == ["1 Again / 1m", "2 Hard / 5.5m", "3 Good ⏎ / 10m", "4 Easy / 8d"]


async def test_the_back_has_a_blank_line_between_its_parts(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    async with sitting(study_app(every_type, study_store, clock)) as pilot:
        await answer_after(pilot, clock, 1.0)
        lines = [line.strip() for line in screen_text(pilot.app).splitlines()]
        for part in ("Which city is Mali's capital?", "Your answer", "Bamako is the capital;"):
            row = next(row for row, line in enumerate(lines) if line.startswith(part))
            assert lines[row - 1] == "", part


def test_a_question_is_named_by_the_start_of_its_prompt_cut_at_a_word() -> None:
    def prompt(text: str) -> TextQuestion:
        return TextQuestion(id="q", prompt=text, answer="Bamako")

    long = "In which city does Mali have its embassy in Algeria?"
    assert named(prompt(long)) == '"In which city does Mali have its…"'
    assert named(prompt("Mali's\n  capital?")) == '"Mali\'s capital?"'
    assert named(prompt("[b]x[/b]" * 5)) == '"' + ("[b]x[/b]" * 4) + "…" + '"'


async def test_the_header_cuts_a_long_title_with_an_ellipsis(
    tmp_path: Path, study_store: Database, clock: Clock
) -> None:
    """As the quiz's header does: the counts stay in sight, the title shows it was cut."""
    text = EVERY_TYPE.read_text(encoding="utf-8").replace(
        "title: Every type [bold]test[/bold]", "title: Algeria and Mali, their relations since 1962"
    )
    (tmp_path / "long.yaml").write_text(text, encoding="utf-8")
    deck = load_deck_or_raise(tmp_path / "long.yaml")
    async with sitting(study_app(deck, study_store, clock), size=(60, 20)) as pilot:
        header = screen_text(pilot.app).splitlines()[0]
        assert header.startswith(" Study · Algeria and Mali")
        assert "…" in header
        assert header.rstrip().endswith("reviewed")
