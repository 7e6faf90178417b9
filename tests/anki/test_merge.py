"""`quiz merge` (issue 16.4, 16.5): Anki's reviews come back into the terminal's history.

The learner studies in the terminal days before the test runs, exports, imports the
package into a fresh Anki collection with its progress, answers cards there with Anki's
own scheduler (now), exports from Anki with scheduling and merges that file back.
"""

from __future__ import annotations

import sqlite3
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.notes import Note

from quiz.cli import main
from quiz.store import merge as store_merge
from quiz.store.database import Database
from quiz.store.learners import learner_store
from quiz.study.cards import load_cards
from quiz.study.progress import deck_progress
from quiz.study.queue import StudyQueue
from quiz.study.scheduler import Rating

from .conftest import EVERY_TYPE, anki_db
from .learning import (
    DECK,
    Learner,
    anki_cards,
    anki_due_day,
    answer,
    export_from_anki,
    import_with_scheduling,
    revlog_count,
)

STUDIED = {
    "capital": [Rating.Good, Rating.Good],
    "colonies": [Rating.Good, Rating.Good],
    "sunni": [Rating.Good],
}
"""Five reviews in the terminal, all of which go to Anki with the export."""

ANSWERED_IN_ANKI = {"capital": 3, "sunni": 1, "ban-date": 3}
"""One review each in Anki: two cards the terminal studied, one it never did."""

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def quiz(capsys: pytest.CaptureFixture[str]) -> Run:
    """Runs `quiz ARGS...`; the status and what it printed on stdout and stderr."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out.strip(), err.strip()

    return run


@pytest.fixture
def anki(learner: Learner, fresh_col: Callable[[], Collection], tmp_path: Path) -> Collection:
    """Terminal study → export → Anki import with progress → answers in Anki, and two
    notes that are not ours there: one of Anki's own, one copied from ours."""
    learner.study(STUDIED)
    learner.export(tmp_path / "study.apkg")
    col = fresh_col()
    import_with_scheduling(col, tmp_path / "study.apkg")
    for question_id, ease in ANSWERED_IN_ANKI.items():
        answer(col, anki_cards(col, question_id)[0], ease)
    for note in (_basic_note(col), _copied_note(col)):
        answer(col, note.cards()[0], 3)
    return col


@pytest.fixture
def from_anki(anki: Collection, tmp_path: Path) -> Path:
    """What the learner exports from Anki: a deck package with scheduling information."""
    export_from_anki(anki, tmp_path / "from-anki.apkg")
    return tmp_path / "from-anki.apkg"


def _basic_note(col: Collection) -> Note:
    note = col.new_note(col.models.by_name("Basic") or col.models.all()[0])
    note.fields[0], note.fields[1] = "Capital of Niger?", "Niamey"
    col.add_note(note, col.decks.get_current_id())
    return note


def _copied_note(col: Collection) -> Note:
    """A copy of our 'events' note made in Anki: same fields (the hidden key too), its own GUID."""
    original = col.get_note(anki_cards(col, "events")[0].nid)
    copy = col.new_note(original.note_type() or {})
    copy.fields = list(original.fields)
    col.add_note(copy, anki_cards(col, "events")[0].did)
    return copy


def history(learner: Learner) -> list[tuple[object, ...]]:
    """Every review and schedule the store holds, to see that nothing changed."""
    reviews = learner.db.query("SELECT * FROM reviews ORDER BY id")
    cards = learner.db.query("SELECT * FROM cards ORDER BY deck_id, question_id")
    return [tuple(row) for row in [*reviews, *cards]]


def assert_same_as_anki(col: Collection, learner: Learner, question_id: str) -> None:
    """The terminal's card is due when Anki's is, and has as many reviews as Anki's log."""
    card = learner.cards()[question_id]
    anki_card = anki_cards(col, question_id)[0]
    if anki_card.type == 2:
        assert card.phase == "review", question_id
        assert card.due.astimezone().date() == anki_due_day(col, anki_card)
    else:
        assert card.phase == ("learning" if anki_card.type == 1 else "relearning")
        assert int(card.due.timestamp()) == anki_card.due
    assert learner.review_count(question_id) == revlog_count(col, anki_card)


@pytest.mark.parametrize("kind", ["apkg", "legacy", "colpkg"])
def test_anki_reviews_come_back_once(
    kind: str, learner: Learner, anki: Collection, tmp_path: Path, quiz: Run
) -> None:
    package = tmp_path / f"from-anki.{'colpkg' if kind == 'colpkg' else 'apkg'}"
    export_from_anki(anki, package, kind)

    assert quiz("merge", str(package), str(EVERY_TYPE)) == (
        0,
        "3 cards, 3 reviews merged; 5 reviews already there; 2 notes not from any known deck",
        "",
    )
    for question_id in [*STUDIED, "ban-date"]:
        assert_same_as_anki(anki, learner, question_id)
    sources = learner.db.query(
        "SELECT question_id, source FROM reviews WHERE source = 'anki' ORDER BY question_id"
    )
    assert [tuple(row) for row in sources] == [
        ("ban-date", "anki"),
        ("capital", "anki"),
        ("sunni", "anki"),
    ]

    before = history(learner)
    assert quiz("merge", str(package), str(EVERY_TYPE)) == (
        0,
        "0 cards, 0 reviews merged; 8 reviews already there; 2 notes not from any known deck",
        "",
    )
    assert history(learner) == before


def test_the_side_that_reviewed_last_keeps_its_schedule(
    learner: Learner, from_anki: Path, quiz: Run
) -> None:
    """Reviewed in Anki, then again in the terminal: the terminal's schedule stays, and
    Anki's review joins the history before the terminal's last one."""
    learner.clock.now = datetime.now(UTC)
    learner.study({"capital": [Rating.Again]})
    kept = learner.cards()["capital"]

    status, out, _ = quiz("merge", str(from_anki), str(EVERY_TYPE))
    assert (status, out.split(";")[0]) == (0, "3 cards, 3 reviews merged")
    assert learner.cards()["capital"] == kept
    assert learner.review_count("capital") == 4


def test_a_package_without_scheduling_says_so(
    learner: Learner, anki: Collection, tmp_path: Path, quiz: Run
) -> None:
    export_from_anki(anki, tmp_path / "shared.apkg", "unscheduled")
    before = history(learner)

    assert quiz("merge", str(tmp_path / "shared.apkg")) == (
        1,
        "",
        f"quiz: error: {tmp_path / 'shared.apkg'}: no reviews in this package (in Anki, export"
        ' it with "Include scheduling information" ticked); nothing was merged',
    )
    assert history(learner) == before


def test_a_file_that_is_no_package_is_one_located_line(
    learner: Learner, tmp_path: Path, quiz: Run
) -> None:
    learner.study(STUDIED)
    junk = tmp_path / "notes.apkg"
    junk.write_text("Capital of Mali?,Bamako\n", encoding="utf-8")
    before = history(learner)

    assert quiz("merge", str(junk)) == (
        1,
        "",
        f"quiz: error: {junk}: Anki cannot import this file as a package:"
        " invalid Zip archive: Could not find EOCD",
    )
    assert history(learner) == before


def test_a_package_whose_collection_is_damaged_is_one_plain_line(tmp_path: Path, quiz: Run) -> None:
    package = tmp_path / "damaged.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", b"not a database" * 100)
        archive.writestr("media", b"{}")
    assert quiz("merge", str(package)) == (
        1,
        "",
        f"quiz: error: {package}: Anki cannot import this file as a package: the collection"
        " inside it is damaged or is not a database",
    )


def test_without_the_anki_library_one_line_says_how_to_get_it(
    tmp_path: Path, quiz: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "anki.collection", None)  # as if not installed
    (tmp_path / "from-anki.apkg").write_bytes(b"PK")
    assert quiz("merge", str(tmp_path / "from-anki.apkg")) == (
        1,
        "",
        "quiz: error: reading .apkg files needs the official Anki library:"
        " pip install '.[anki]' in quiz's folder",
    )


def test_a_merge_that_fails_halfway_writes_nothing(
    learner: Learner, from_anki: Path, quiz: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = history(learner)
    rows = store_merge._review_row
    written: list[object] = []

    def fail_on_the_second_card(*args: object) -> tuple[object, ...]:
        written.append(args)
        if len(written) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return rows(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store_merge, "_review_row", fail_on_the_second_card)
    status, out, err = quiz("merge", str(from_anki), str(EVERY_TYPE))
    assert (status, out) == (1, "")
    assert err.startswith("quiz: error: cannot write the history file")
    assert err.endswith("; nothing was merged")
    assert history(learner) == before


def test_notes_of_decks_nobody_knows_are_counted_not_merged(
    anki: Collection, from_anki: Path, tmp_path: Path, quiz: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the deck file and with a store that never met the deck, none of its notes
    is ours to merge."""
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "another-computer"))
    monkeypatch.chdir(tmp_path)  # no ./decks: the bundled decks are the decks at hand
    notes = anki_db(anki).scalar("SELECT count(*) FROM notes")

    status, out, _ = quiz("merge", str(from_anki))
    assert (status, out) == (
        0,
        f"0 cards, 0 reviews merged; 0 reviews already there; {notes} notes not from any"
        " known deck",
    )


def test_stats_and_the_study_queue_count_merged_reviews_as_their_own(
    learner: Learner, from_anki: Path, quiz: Run
) -> None:
    quiz("merge", str(from_anki), str(EVERY_TYPE))

    _, out, _ = quiz("stats", str(EVERY_TYPE))
    lines = out.splitlines()
    assert "Reviews per day, last 30 days: 8 reviews (3 in Anki), most in a day: 3" in lines
    assert "Retention: 88% (7 of 8 reviews recalled)" in lines
    learner.clock.now = datetime.now(UTC)
    progress = deck_progress(learner.db, learner.deck, learner.clock.now)
    assert progress.new == len(learner.deck.questions) - 4  # ban-date was met in Anki
    queue = StudyQueue(learner.db, learner.deck, new_per_day=2)
    queue.head(learner.clock.now)
    assert queue.remaining.new == 1  # ban-date's first review, today, counts against the limit


def test_a_quiz_export_merged_on_another_computer_brings_the_history_along(
    learner: Learner, tmp_path: Path, quiz: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The oldest package format (`collection.anki2` alone, as `quiz export` writes it) is
    read too; merged into an empty history, it gives back every review and schedule."""
    learner.study(STUDIED)
    package = tmp_path / "study.apkg"
    learner.export(package)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "another-computer"))

    assert quiz("merge", str(package), str(EVERY_TYPE)) == (
        0,
        "3 cards, 5 reviews merged; 0 reviews already there; 0 notes not from any known deck",
        "",
    )
    other = Database(tmp_path / "another-computer" / "quiz.sqlite3")
    try:
        theirs = load_cards(other, DECK)
        reviews = other.query(
            "SELECT question_id, rating, reviewed_at FROM reviews ORDER BY reviewed_at"
        )
    finally:
        other.close()
    mine = learner.cards()
    assert set(theirs) == set(mine)
    for question_id, card in mine.items():
        assert theirs[question_id].phase == card.phase
        assert theirs[question_id].due.astimezone().date() == card.due.astimezone().date()
    ours = learner.db.query(
        "SELECT question_id, rating, reviewed_at FROM reviews ORDER BY reviewed_at"
    )
    assert [tuple(row) for row in reviews] == [tuple(row) for row in ours]


def test_merge_and_export_take_one_learners_history(
    learner: Learner, tmp_path: Path, quiz: Run
) -> None:
    """`--learner NAME`, as for `quiz stats`: the merge goes into that learner's history
    file of `quiz serve --learners`, the shared one stays as it was, and that learner's
    progress is what an export then carries; a name with no history is refused."""
    learner.study(STUDIED)
    package = tmp_path / "study.apkg"
    learner.export(package)
    before = history(learner)

    status, out, _ = quiz("merge", str(package), str(EVERY_TYPE), "--learner", "Ada")
    assert (status, out.split(";")[0]) == (0, "3 cards, 5 reviews merged")
    assert history(learner) == before
    ada = Database(learner_store("ada"))
    try:
        assert len(ada.query("SELECT id FROM reviews")) == 5
    finally:
        ada.close()

    ada_package = tmp_path / "ada.apkg"
    assert quiz("export", str(EVERY_TYPE), "-o", str(ada_package), "--learner", "ADA")[0] == 0
    assert quiz("merge", str(ada_package), str(EVERY_TYPE), "--learner", "Bob")[1].startswith(
        "3 cards, 5 reviews merged"
    )  # Ada's progress went into the package
    status, _, err = quiz("export", str(EVERY_TYPE), "-o", str(ada_package), "--learner", "Eve")
    assert (status, err) == (
        1,
        "quiz: error: no learner called 'Eve' yet (see quiz stats --learners)",
    )
