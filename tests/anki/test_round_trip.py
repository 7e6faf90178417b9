"""The round trip (issue 16.6, 16.7): one learner, one schedule, two clients.

Ten cards studied in the terminal through the study session over a week, as a learner
does (answered, or flipped and rated; Enter takes the suggested rating); `quiz export`;
a fresh Anki collection imports the package with "import any learning progress"; five
of those cards and three new ones are answered there with Anki's own scheduler; Anki
exports with scheduling; `quiz merge`. Then the terminal and Anki agree on those
thirteen cards: which are due today, when, and after how many reviews; a second merge
changes nothing; and the terminal's next export shows a second fresh collection the same
thirteen schedules. With FSRS off in Anki (its default) and on. The learner studies at
noon, their time; the test runs in this process's zone and, as subprocesses, east and
west of UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from anki.cards import Card
from anki.collection import Collection

from quiz.cli import main
from quiz.deck import Deck
from quiz.deck.loader import load_deck_or_raise
from quiz.deck.model import AnyQuestion, ChoiceQuestion, TextQuestion, TrueFalseQuestion
from quiz.play.scoring import Given
from quiz.store.database import Database
from quiz.store.instants import from_millis
from quiz.study.cards import load_cards
from quiz.study.queue import StudyQueue
from quiz.study.rating import expected_seconds
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.study.session import StudySession

from .conftest import ManualClock, anki_db
from .learning import (
    FAKETIME,
    anki_cards,
    anki_due_day,
    answer,
    export_from_anki,
    import_with_scheduling,
    run_in_zone,
)

BUNDLED = Path(__file__).parents[2] / "decks" / "algeria-mali-relations.yaml"

STUDY_DAYS = (0, 1, 3)
"""The days of the week the learner sits down in the terminal, from six days ago."""

MISSED = {0: (0, 3), 3: (1,)}
"""By day, the positions (among the ten) of the cards the learner answers wrong once."""

IN_ANKI = {0: 3, 2: 1, 4: 3, 6: 4, 8: 2}
"""Positions among the ten studied cards answered in Anki, and the button pressed."""

NEW_IN_ANKI = (3, 3, 1)
"""The buttons pressed on the three cards after the ten, new on both sides until then."""


class Stopwatch:
    """The monotonic clock that times answers, moved by hand."""

    def __init__(self) -> None:
        self.seconds = 100.0

    def __call__(self) -> float:
        return self.seconds


@dataclass(frozen=True)
class Schedule:
    """A card's schedule as both clients can say it: its phase, when it is due (the day for
    a review card, the second for one in learning), and how many reviews it has."""

    phase: str
    due: object
    reviews: int


def right_answer(question: AnyQuestion) -> Given | None:
    """What a learner who knows it types or picks; None for a card they flip."""
    if isinstance(question, ChoiceQuestion | TextQuestion | TrueFalseQuestion):
        return question.answer
    return None


def wrong_answer(question: AnyQuestion) -> Given | None:
    if isinstance(question, ChoiceQuestion):
        return next(choice for choice in question.choices if choice != question.answer)
    if isinstance(question, TrueFalseQuestion):
        return not question.answer
    if isinstance(question, TextQuestion):
        return "no idea"
    return None


def sitting(session: StudySession, clock: ManualClock, watch: Stopwatch, missed: set[str]) -> None:
    """Everything the queue offers now, card by card, half a minute apart; each question in
    `missed` is answered wrong the first time it comes, the others right, in the time
    the question takes to read and answer."""
    while (item := session.next_card()) is not None:
        question = item.question
        watch.seconds += expected_seconds(question)
        wrong = question.id in missed
        missed.discard(question.id)
        given = wrong_answer(question) if wrong else right_answer(question)
        if given is None:
            session.flip()
            session.rate(Rating.Again if wrong else Rating.Good)
        else:
            session.answer(given)
            session.rate(session.suggestion or Rating.Good)
        clock.now += timedelta(seconds=30)


class RoundTrip:
    """The learner, the deck, and both sides' view of the thirteen cards."""

    def __init__(self, db: Database, clock: ManualClock, tmp_path: Path) -> None:
        self.db, self.clock, self.tmp_path = db, clock, tmp_path
        self.deck: Deck = load_deck_or_raise(BUNDLED)
        self.studied = [question.id for question in self.deck.questions[:10]]
        self.new = [question.id for question in self.deck.questions[10:13]]

    def study_a_week(self) -> None:
        """Ten new cards at noon six days ago, then the due ones at noon on later days."""
        first = (datetime.now().astimezone() - timedelta(days=6)).date()
        scheduler, watch = StudyScheduler(fuzzing=False), Stopwatch()
        for day in STUDY_DAYS:
            noon = datetime.combine(first + timedelta(days=day), time(12)).astimezone()
            self.clock.now = noon
            missed = {self.studied[n] for n in MISSED.get(day, ())}
            new = 10 if day == 0 else 0
            session = StudySession(self.db, self.deck, scheduler, new_per_day=new, clock=watch)
            sitting(session, self.clock, watch, missed)

    def through_anki(self, col: Collection, *, fsrs: bool) -> Path:
        """A week in the terminal, `quiz export`, the import into `col` with progress, the
        answers there (with FSRS on in Anki or not), and Anki's export with scheduling."""
        self.study_a_week()
        assert set(load_cards(self.db, self.deck.id)) == set(self.studied)
        to_anki, from_anki = self.tmp_path / "to-anki.apkg", self.tmp_path / "from-anki.apkg"
        assert main(["export", str(BUNDLED), "-o", str(to_anki)]) == 0
        import_with_scheduling(col, to_anki)
        col.set_config("fsrs", fsrs)
        for position, ease in IN_ANKI.items():
            answer(col, anki_cards(col, self.studied[position], self.deck.id)[0], ease)
        for question_id, ease in zip(self.new, NEW_IN_ANKI, strict=True):
            answer(col, anki_cards(col, question_id, self.deck.id)[0], ease)
        export_from_anki(col, from_anki)
        return from_anki

    def reviews(self) -> int:
        return int(self.db.query("SELECT count(*) FROM reviews")[0][0])

    def terminal(self, cutoff: datetime) -> tuple[dict[str, Schedule], set[str]]:
        """The thirteen schedules in the terminal, and those its queue shows before `cutoff`."""
        cards = load_cards(self.db, self.deck.id)
        rows = self.db.query(
            "SELECT question_id, count(*) FROM reviews WHERE deck_id = ? GROUP BY question_id",
            (self.deck.id,),
        )
        counts = {str(row[0]): int(row[1]) for row in rows}
        schedules = {}
        for question_id in self.studied + self.new:
            card = cards[question_id]
            review = card.phase == "review"
            when = card.due.astimezone().date() if review else int(card.due.timestamp())
            schedules[question_id] = Schedule(card.phase, when, counts[question_id])
        queue = StudyQueue(self.db, self.deck, new_per_day=0)
        due = {question.id for question in queue.upcoming(cutoff - timedelta(seconds=1))}
        return schedules, due & set(schedules)

    def anki(self, col: Collection) -> tuple[dict[str, Schedule], set[str]]:
        """The thirteen schedules in Anki, and those it shows today."""
        schedules, due = {}, set()
        for question_id in self.studied + self.new:
            card = anki_cards(col, question_id, self.deck.id)[0]
            schedules[question_id] = anki_schedule(col, card)
            if _due_today(col, card):
                due.add(question_id)
        return schedules, due


PHASES = {1: "learning", 2: "review", 3: "relearning"}


def anki_schedule(col: Collection, card: Card) -> Schedule:
    reviews = anki_db(col).scalar("SELECT count(*) FROM revlog WHERE cid = ?", card.id)
    due = anki_due_day(col, card) if card.type == 2 else card.due
    return Schedule(PHASES[card.type], due, reviews)


def card_numbers(card: Card) -> tuple[int, ...]:
    """The card's phase, queue, steps left, reps and lapses, and a review card's interval
    (in (re)learning Anki keeps the interval to come back to, which the terminal has not)."""
    return (card.type, card.queue, card.left, card.reps, card.lapses, card.ivl * (card.type == 2))


def _due_today(col: Collection, card: Card) -> bool:
    if card.queue == 1:
        return bool(card.due < col.sched.day_cutoff)
    return card.queue in (2, 3) and card.due <= col.sched.today


def stored(db: Database) -> list[tuple[object, ...]]:
    """Every review and schedule in the store."""
    reviews = db.query("SELECT * FROM reviews ORDER BY id")
    cards = db.query("SELECT * FROM cards ORDER BY deck_id, question_id")
    return [tuple(row) for row in [*reviews, *cards]]


@pytest.mark.parametrize("fsrs", [False, True], ids=["sm2-in-anki", "fsrs-in-anki"])
def test_the_round_trip(
    fsrs: bool,
    db: Database,
    clock: ManualClock,
    fresh_col: Callable[[], Collection],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    trip, col = RoundTrip(db, clock, tmp_path), fresh_col()
    from_anki = trip.through_anki(col, fsrs=fsrs)
    capsys.readouterr()

    terminal_reviews = trip.reviews()
    assert main(["merge", str(from_anki), str(BUNDLED)]) == 0
    assert capsys.readouterr().out == (
        f"8 cards, 8 reviews merged; {terminal_reviews} reviews already there;"
        " 0 notes not from any known deck\n"
    )
    cutoff = from_millis(col.sched.day_cutoff * 1000)
    assert trip.terminal(cutoff) == trip.anki(col)
    times = db.query("SELECT reviewed_at FROM reviews UNION ALL SELECT due FROM cards")
    assert all(row[0].endswith("+00:00") for row in times)  # UTC end to end

    before = stored(db)
    assert main(["merge", str(from_anki), str(BUNDLED)]) == 0
    assert capsys.readouterr().out == (
        f"0 cards, 0 reviews merged; {terminal_reviews + 8} reviews already there;"
        " 0 notes not from any known deck\n"
    )
    assert stored(db) == before

    exported_again = tmp_path / "to-anki-again.apkg"
    assert main(["export", str(BUNDLED), "-o", str(exported_again)]) == 0
    second = fresh_col()
    import_with_scheduling(second, exported_again)
    assert trip.anki(second) == trip.anki(col)
    for question_id in trip.studied + trip.new:
        first, again = (anki_cards(c, question_id, trip.deck.id)[0] for c in (col, second))
        assert card_numbers(again) == card_numbers(first), question_id
        if fsrs:
            assert again.memory_state == first.memory_state, question_id


def test_after_a_merge_anki_takes_everything_back_with_the_deck_imported_anew(
    db: Database, clock: ManualClock, fresh_col: Callable[[], Collection], tmp_path: Path
) -> None:
    """Anki never changes a card it has on import. After a merge the terminal holds every
    review Anki had, so deleting the deck in Anki and importing the next export loses
    nothing there: Anki then holds what a fresh collection would, the terminal's study
    since the merge included."""
    trip, col = RoundTrip(db, clock, tmp_path), fresh_col()
    assert main(["merge", str(trip.through_anki(col, fsrs=False)), str(BUNDLED)]) == 0
    clock.now = datetime.now().astimezone()
    session = StudySession(db, trip.deck, StudyScheduler(fuzzing=False), new_per_day=0)
    sitting(session, clock, Stopwatch(), set())
    assert session.reviewed > 0
    exported = tmp_path / "after-the-merge.apkg"
    assert main(["export", str(BUNDLED), "-o", str(exported)]) == 0

    col.remove_notes(anki_db(col).list("SELECT id FROM notes"))
    import_with_scheduling(col, exported)
    fresh = fresh_col()
    import_with_scheduling(fresh, exported)
    assert trip.anki(col) == trip.anki(fresh)
    assert trip.anki(col) == trip.terminal(from_millis(col.sched.day_cutoff * 1000))
    for question_id in trip.studied + trip.new:
        cards = (anki_cards(c, question_id, trip.deck.id)[0] for c in (col, fresh))
        assert card_numbers(next(cards)) == card_numbers(next(cards)), question_id


@pytest.mark.skipif(FAKETIME is None, reason="needs faketime (apt-get install faketime)")
@pytest.mark.parametrize("at", ["03:30", "12:00"])
@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Asia/Tokyo"])
def test_the_round_trip_east_and_west_of_utc(zone: str, at: str) -> None:
    """The round trip again, in a process started in `zone` at `at` there: at noon, and
    between midnight and Anki's 4 a.m. rollover, when the calendar day is ahead of Anki's."""
    run_in_zone(f"{__file__}::test_the_round_trip", zone, f"2026-12-04 {at}:00")
