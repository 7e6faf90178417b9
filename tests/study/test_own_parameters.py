"""Your own parameters: FSRS fitted to a learner's reviews of a deck, kept for the deck and
used by its sittings; on a synthetic history from known parameters, from a real store."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store.database import Database
from quiz.store.study_settings import saved_parameters
from quiz.study.deck_settings import deck_settings
from quiz.study.optimizer import INSTALL
from quiz.study.own_parameters import fit_sentence, optimize_deck
from quiz.study.scheduler import CardState, StudyScheduler
from tests.synthetic_reviews import START, TRUE_PARAMETERS, add_reviews, simulate

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"

needs_optimizer = pytest.mark.skipif(
    importlib.util.find_spec("fsrs_rs_python") is None,
    reason="the optimizer extra is not installed (pip install 'yaml-quiz[optimizer]')",
)


@needs_optimizer
def test_a_fit_to_a_synthetic_history_beats_the_defaults_and_is_kept(db: Database) -> None:
    add_reviews(db, "every-type", simulate(cards=150))
    reviews, fit = optimize_deck(db, "every-type")
    assert fit is not None
    assert reviews == 1_172  # every review but each card's first
    assert fit.fitted
    assert fit.better
    assert fit.after.log_loss < fit.before.log_loss
    assert fit.after.rmse < fit.before.rmse
    defaults = StudyScheduler().parameters
    good_first = 2  # the stability after a first Good: the learner's is lower
    assert abs(fit.parameters[good_first] - TRUE_PARAMETERS[good_first]) < abs(
        defaults[good_first] - TRUE_PARAMETERS[good_first]
    )
    assert saved_parameters(db, "every-type") == fit.parameters
    assert deck_settings(db, "every-type").parameters == fit.parameters
    assert saved_parameters(db, "other") is None


@needs_optimizer
def test_the_decks_parameters_schedule_its_cards(db: Database) -> None:
    add_reviews(db, "every-type", simulate(cards=150))
    optimize_deck(db, "every-type")
    settings = deck_settings(db, "every-type")
    own = StudyScheduler(fuzzing=False).for_deck(settings.desired_retention, settings.parameters)
    card = CardState.new(1, START)
    default_dues = StudyScheduler(fuzzing=False).preview(card, START)
    own_dues = own.preview(card, START)
    assert own.parameters == settings.parameters
    assert own_dues != default_dues


@needs_optimizer
def test_too_few_reviews_keep_the_parameters_and_say_so(db: Database) -> None:
    add_reviews(db, "every-type", simulate(cards=4))
    reviews, fit = optimize_deck(db, "every-type")
    assert fit is not None
    assert not fit.fitted
    assert saved_parameters(db, "every-type") is None
    assert optimize_deck(db, "no-reviews") == (0, None)
    assert fit_sentence(reviews, fit).startswith(f"{reviews} reviews on later days are too few")


@needs_optimizer
def test_quiz_study_optimize_says_the_fit_before_and_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    database = Database(tmp_path / "quiz.sqlite3")
    add_reviews(database, "every-type", simulate(cards=150))
    database.close()
    assert main(["study", "--optimize", str(EVERY_TYPE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Every type [bold]test[/bold]: Fitted to 1,172 reviews on later days:")
    assert out.count("log loss") == 2
    assert out.count("RMSE") == 2
    assert out.rstrip().endswith("; the deck now schedules with them.")
    assert main(["study", "--optimize", str(EVERY_TYPE)]) == 0  # again: from the kept ones
    assert "Fitted to 1,172 reviews" in capsys.readouterr().out


def test_without_the_extra_the_command_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name, *args: None)
    assert main(["study", "--optimize", str(EVERY_TYPE)]) == 1
    assert capsys.readouterr().err == f"quiz: {INSTALL}\n"


def test_parameters_a_hair_beyond_fsrss_bounds_are_taken() -> None:
    """fsrs-rs hands back 32-bit floats: 0.8, the upper bound of the last parameter, comes
    back as 0.800000011920929, which fsrs would refuse."""
    beyond = (*StudyScheduler().parameters[:20], 0.800000011920929)
    assert StudyScheduler(parameters=beyond).parameters[20] == 0.8
