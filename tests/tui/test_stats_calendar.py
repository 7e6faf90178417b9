"""The calendar of reviews on the statistics screen: a year of answers as a heat map, with the
streak and the busiest day, read from a real store in a worker."""

from __future__ import annotations

from collections.abc import Callable

from quiz.deck import Deck
from quiz.store.database import Database
from tests.year_history import a_year, add_history

from .conftest import Clock, screen_text, settled, shown, study_app
from .test_snapshots import SIZE, Snap, press, still


def test_snapshot_of_a_year(
    every_type: Deck,
    study_store: Database,
    clock: Clock,
    local_zone: Callable[[str], None],
    snap_compare: Snap,
) -> None:
    """80×24: the 53 weeks, the month and weekday names and the figures, in the box."""
    local_zone("UTC")
    add_history(study_store, a_year())
    app = study_app(every_type, study_store, clock)
    assert snap_compare(app, run_before=still(press("t")), terminal_size=SIZE)


async def test_the_calendar_fits_and_names_the_streak_and_the_busiest_day(
    every_type: Deck, study_store: Database, clock: Clock, local_zone: Callable[[str], None]
) -> None:
    local_zone("UTC")
    add_history(study_store, a_year())
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await settled(pilot)
        lines = screen_text(app).splitlines()
        monday = next(line for line in lines if "Mon ▒░▒" in line)
        assert monday.split("│")[1].strip().endswith("▒░░")  # today, the grid's last column
        text = shown(app)
        assert "Reviews and quiz answers per day, last year" in text
        assert "2,014 answers on 340 days: 1,831 in study, 183 in quizzes" in text
        assert "Current streak: 6 days · busiest day: Tue 7 Oct 2025, 24 answers" in text
