"""Shared by the quiz core's tests: the every-type deck and a clock the test moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import Deck
from quiz.deck.loader import load_deck_or_raise

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def every_type() -> Deck:
    return load_deck_or_raise(EVERY_TYPE)
