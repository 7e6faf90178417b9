"""`quiz study`: the app opens straight on the first card of the deck named, its limit applied."""

from __future__ import annotations

import asyncio
from contextlib import closing
from pathlib import Path

import pytest

from quiz import cli
from quiz.store.database import Database
from quiz.store.learners import learner_store
from quiz.study.deck_settings import StudySettings, deck_settings
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study_question import StudyQuestionScreen

from .conftest import EVERY_TYPE, shown, toasts

Seen = list[tuple[type, str, str]]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    """What `quiz study` shows first: the app is run headless instead of taking the terminal."""
    first_screens: Seen = []

    def look(app: QuizApp) -> None:
        async def opened() -> None:
            async with app.run_test(size=(80, 24), notifications=True) as pilot:
                await pilot.pause()
                first_screens.append((type(app.screen), shown(app), toasts(app)))

        asyncio.run(opened())

    monkeypatch.setattr(QuizApp, "run", look)
    return first_screens


def kept_settings(history: Path) -> StudySettings:
    """The test deck's study settings as the history file at `history` keeps them."""
    with closing(Database(history)) as store:
        return deck_settings(store, "every-type")


def test_study_opens_on_the_first_card_with_the_days_limit(seen: Seen, data_dir: Path) -> None:
    assert cli.main(["study", str(EVERY_TYPE), "--new-per-day", "4", "--seed", "7"]) == 0
    [(screen, text, _)] = seen
    assert screen is StudyQuestionScreen
    assert "Study · Every type [bold]test[/bold] 0 due · 4 new today · 0 reviewed" in text
    assert "Which city is Mali's capital?" in text
    assert (data_dir / "quiz.sqlite3").exists()


def test_with_several_decks_the_learner_picks_one(seen: Seen, two_decks: Path) -> None:
    assert cli.main(["study", str(two_decks)]) == 0
    [(screen, text, notes)] = seen
    assert screen is HomeScreen
    assert text.count("0 due now · 6 unseen · 0 learned") == 2
    assert "Pick a deck and press s to study it." in notes


def test_without_a_store_there_is_no_study(
    seen: Seen, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.parent.mkdir(exist_ok=True)
    data_dir.write_text("a file where the data folder should be")
    assert cli.main(["study", str(EVERY_TYPE)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("quiz: error: cannot open the history file")
    assert "study keeps its schedules there" in err
    assert len(err.splitlines()) == 1
    assert seen == []


def test_a_broken_deck_is_listed_and_nothing_opens(
    seen: Seen, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deck: bad\ntitle: Bad\nquestions:\n  - id: q\n    type: choice\n")
    assert cli.main(["study", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:" in err
    assert "Traceback" not in err
    assert seen == []


def test_the_settings_given_are_kept_for_the_deck(seen: Seen, data_dir: Path) -> None:
    """Issue 17.4: a later `quiz study` without the flags studies with the deck's own."""
    assert cli.main(["study", str(EVERY_TYPE), "--new-per-day", "4", "--retention", "0.8"]) == 0
    assert cli.main(["study", str(EVERY_TYPE)]) == 0
    assert (
        cli.main(["study", str(EVERY_TYPE), "--retention", "0.95", "--leech-threshold", "5"]) == 0
    )
    assert ["0 due · 4 new today · 0 reviewed" in text for _, text, _ in seen] == [True] * 3
    assert kept_settings(data_dir / "quiz.sqlite3") == StudySettings(4, 0.95, 5)


def test_a_learner_studies_with_their_own_schedules(seen: Seen, data_dir: Path) -> None:
    """`--learner NAME` studies in the history file of `quiz serve --learners`, as play does."""
    ada = ["study", str(EVERY_TYPE), "--learner", "Ada Lovelace"]
    assert cli.main([*ada, "--new-per-day", "4"]) == 0
    assert cli.main(["study", str(EVERY_TYPE), "--learner", "ada lovelace"]) == 0
    assert ["4 new today" in text for _, text, _ in seen] == [True, True]
    assert not (data_dir / "quiz.sqlite3").exists()
    assert kept_settings(learner_store("Ada Lovelace")).new_per_day == 4


SETTING_PROBLEMS = {
    "--new-per-day": "a whole number from 0 to 9999",
    "--retention": "a share from 0.7 to 0.99, such as 0.9",
    "--leech-threshold": "a whole number from 0 (no leeches) to 99",
}
"""What the usage error says of each study setting given out of its range."""


@pytest.mark.parametrize(
    ("option", "value"),
    [
        *(("--new-per-day", value) for value in ("-1", "ten", "10000")),
        *(("--retention", value) for value in ("0.5", "1", "much")),
        *(("--leech-threshold", value) for value in ("-1", "100", "eight")),
    ],
)
def test_a_bad_setting_is_a_usage_error(
    option: str, value: str, seen: Seen, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["study", str(EVERY_TYPE), option, value])
    assert exit_info.value.code == 2
    assert f"{option}: {SETTING_PROBLEMS[option]}" in capsys.readouterr().err
    assert seen == []
