"""The study options' button that fits FSRS's parameters to the learner's reviews of the deck:
pressed as a learner presses it, the store checked afterwards, the sitting scheduled
with the deck's own parameters."""

from __future__ import annotations

import importlib.util

import pytest

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.store.study_settings import saved_parameters
from quiz.study.optimizer import INSTALL
from quiz.tui.screens.study_setup import StudySetupScreen
from quiz.tui.study_flow import StudyFlow
from tests.synthetic_reviews import add_reviews, simulate

from .conftest import Clock, settled, study_app, toasts


@pytest.mark.skipif(
    importlib.util.find_spec("fsrs_rs_python") is None,
    reason="the optimizer extra is not installed (pip install 'yaml-quiz[optimizer]')",
)
async def test_fit_parameters_keeps_them_and_the_sitting_uses_them(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    add_reviews(study_store, "every-type", simulate(cards=150))
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s")
        await settled(pilot)
        assert isinstance(app.screen, StudySetupScreen)
        await pilot.press("ctrl+o")
        await settled(pilot)
        text = " ".join(toasts(app).split())
        assert "Fitted to 1,172 reviews on later days: log loss" in text
        assert "the deck now schedules with them." in text
        kept = saved_parameters(study_store, "every-type")
        assert kept is not None
        await pilot.press("ctrl+s")
        await settled(pilot)
        flow = app._study
        assert isinstance(flow, StudyFlow)
        assert flow.session.scheduler.parameters == kept


async def test_without_the_extra_the_button_says_how_to_install_it(
    every_type: Deck, study_store: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.tui.screens.study_setup.available", lambda: False)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s")
        await settled(pilot)
        await pilot.click("#optimize")
        await pilot.pause()
        assert INSTALL in " ".join(toasts(app).split())
        assert saved_parameters(study_store, "every-type") is None
