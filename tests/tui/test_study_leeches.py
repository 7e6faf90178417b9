"""Issue 17.3: a card forgotten as often as the deck's leech threshold (8, Anki's default)
is marked a leech and suspended as it is rated, the learner is told, and `quiz flagged`
lists it with `file:line` beside the flags; ctrl+z takes it all back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz import cli
from quiz.deck import Deck
from quiz.store.card_marks import mark_row
from quiz.store.database import Database
from quiz.study.cards import load_cards, record_review
from quiz.study.deck_settings import StudySettings, deck_settings
from quiz.study.leeches import lapses
from quiz.study.scheduler import Rating, StudyScheduler

from .conftest import EVERY_TYPE, STILL, Clock, press_at_once, shown, study_app, toasts
from .studying import on_card, press, sitting


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock) -> Database:
    """The store `quiz flagged` reads too (QUIZ_DATA_DIR)."""
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return Database(tmp_path / "data" / "quiz.sqlite3", clock=clock.instant)


def forgotten(deck: Deck, database: Database, clock: Clock, times: int) -> None:
    """`sunni` learned, then forgotten and relearned `times` times, and due at STILL."""
    scheduler = StudyScheduler(fuzzing=False)
    clock.now = STILL - timedelta(days=300)
    ratings = [Rating.Easy, *[Rating.Again, Rating.Good] * times]
    for rating in ratings:
        record_review(database, scheduler, deck.id, "sunni", rating)
        clock.now = load_cards(database, deck.id)["sunni"].due
    assert clock.now < STILL
    clock.now = STILL
    assert lapses(database, deck.id, "sunni") == times


async def test_the_eighth_lapse_makes_a_leech_suspended_and_listed(
    every_type: Deck, store: Database, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    forgotten(every_type, store, clock, 7)
    async with sitting(study_app(every_type, store, clock)) as pilot:
        app = pilot.app
        assert on_card(app) == "sunni"
        await press(pilot, "f")  # wrong: Again is suggested
        await press_at_once(pilot, "enter", "enter")  # pressed twice: one rating
        assert on_card(app) == "capital"
        leech = '"Algeria and Mali are…" is a leech: forgotten 8 times, it is suspended.'
        assert leech in " ".join(toasts(app).split())
        mark = mark_row(store, every_type.id, "sunni")
        assert mark is not None
        assert (mark.suspended_at, mark.leech_at) == (STILL, STILL)

        await press(pilot, "ctrl+z")  # the rating and the leech taken back together
        assert on_card(app) == "sunni"
        assert mark_row(store, every_type.id, "sunni") is None
        await press(pilot, "f")
        await press(pilot, "1")
        assert on_card(app) == "capital"
        app.clear_notifications()
        await press(pilot, "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "0 due now · 5 unseen · 0 learned · 1 suspended" in shown(app)

    assert cli.main(["flagged", str(EVERY_TYPE)]) == 0
    out = capsys.readouterr().out.splitlines()
    sunni = next(q for q in every_type.questions if q.id == "sunni")
    assert out[0].endswith(f":{sunni.line}: leech: forgotten 8 times in study [sunni]")
    assert out[1:] == ["1 leech."]
    store.close()


async def test_the_leech_threshold_set_in_the_study_options_is_kept_and_used(
    every_type: Deck, store: Database, clock: Clock
) -> None:
    forgotten(every_type, store, clock, 1)
    app = study_app(every_type, store, clock)
    async with sitting(app, "tab", "tab", "backspace", "2") as pilot:
        assert on_card(app) == "sunni"
        await press(pilot, "f")
        await press(pilot, "1")
        assert "forgotten 2 times, it is suspended" in " ".join(toasts(app).split())
    assert deck_settings(store, every_type.id) == StudySettings(leech_threshold=2)
    store.close()
