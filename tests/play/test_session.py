"""A quiz run as a state machine: order, presentation, answers, totals and retries."""

from __future__ import annotations

import pytest

from quiz.deck import ChoiceQuestion, Deck, MultiQuestion, OrderQuestion
from quiz.deck.questions import Questions
from quiz.play.scoring import Given
from quiz.play.selection import QuizOptions
from quiz.play.session import Phase, QuizSession

from .conftest import FakeClock

RIGHT: dict[str, Given] = {
    "capital": "Bamako",
    "colonies": frozenset({"Algeria", "Mali"}),
    "sunni": True,
    "ban-date": "April 7, 2025",
    "missions": ("Bamako", "Gao"),
    "events": ("Consulate seized", "Ambassador recalled", "Drone shot down", "Flights banned"),
}
WRONG: dict[str, Given] = {
    "capital": "Gao",
    "colonies": frozenset({"Algeria"}),
    "sunni": False,
    "ban-date": "8 April 2025",
    "missions": ("Bamako", "Kidal"),
    "events": ("Flights banned", "Drone shot down", "Ambassador recalled", "Consulate seized"),
}


def play(session: QuizSession, answers: dict[str, Given], clock: FakeClock) -> None:
    while not session.finished:
        clock.advance(3)
        session.answer(answers[session.current.id])
        session.advance()


def test_a_whole_run(every_type: Deck, clock: FakeClock) -> None:
    session = QuizSession.start(every_type, QuizOptions(shuffle=False), seed=1, clock=clock)
    assert (session.number, session.total, session.phase) == (1, 6, Phase.ASKING)
    clock.advance(4)
    record = session.answer("Bamako")
    assert (record.verdict.correct, record.seconds, session.phase) == (True, 4, Phase.ANSWERED)
    assert session.current.id == "capital"  # still shown with its feedback
    session.advance()
    assert (session.number, session.current.id) == (2, "colonies")
    play(session, WRONG, clock)
    assert session.finished
    assert session.number == 6
    assert session.score == pytest.approx(1 + 0.5 + 0.5)  # capital, colonies, missions
    assert session.max_score == 6
    assert session.percent == pytest.approx(100 * 2 / 6)
    assert session.elapsed == 4 + 5 * 3
    clock.advance(60)
    assert session.elapsed == 4 + 5 * 3  # frozen once finished


def test_the_order_of_steps_is_enforced(every_type: Deck, clock: FakeClock) -> None:
    session = QuizSession.start(every_type, QuizOptions(count=1), seed=1, clock=clock)
    with pytest.raises(RuntimeError):
        session.advance()
    session.answer(RIGHT[session.current.id])
    with pytest.raises(RuntimeError):
        session.answer(RIGHT[session.current.id])
    session.advance()
    assert session.finished
    with pytest.raises(RuntimeError):
        _ = session.current


def test_missed_breakdown_and_retry(every_type: Deck, clock: FakeClock) -> None:
    session = QuizSession.start(every_type, QuizOptions(shuffle=False), seed=1, clock=clock)
    answers = RIGHT | {"sunni": False, "events": WRONG["events"]}
    play(session, answers, clock)
    assert [r.question.id for r in session.missed] == ["sunni", "events"]
    sections = {t.name: (t.points, t.asked) for t in session.by_section()}
    assert sections == {"Places": (2, 3), "History": (2, 3)}
    tags = {t.name: (t.points, t.asked) for t in session.by_tag()}
    assert tags["history"] == (2, 3)
    assert tags["religion"] == (0, 1)
    retry = session.retry_missed(seed=2)
    assert (retry.mode, [q.id for q in retry.questions]) == ("retry", ["sunni", "events"])
    play(retry, RIGHT, clock)
    assert retry.percent == 100
    assert not retry.missed


def test_a_retry_of_nothing_missed_is_refused(every_type: Deck, clock: FakeClock) -> None:
    session = QuizSession.start(every_type, QuizOptions(shuffle=False), seed=1, clock=clock)
    play(session, RIGHT, clock)
    with pytest.raises(ValueError, match="at least one question"):
        session.retry_missed()


def test_the_same_seed_gives_the_same_run(every_type: Deck) -> None:
    def shown(seed: int) -> list[tuple[str, tuple[str, ...]]]:
        session = QuizSession.start(every_type, QuizOptions(), seed=seed)
        return [(q.id, session.presented(q)) for q in session.questions]

    assert shown(7) == shown(7)
    assert len({tuple(shown(seed)) for seed in range(8)}) > 1


def test_choices_are_shuffled_per_question_but_complete(every_type: Deck) -> None:
    orders = set()
    for seed in range(20):
        session = QuizSession.start(every_type, QuizOptions(), seed=seed)
        for question in session.questions:
            if isinstance(question, ChoiceQuestion | MultiQuestion):
                assert sorted(session.presented(question)) == sorted(question.choices)
                orders.add(session.presented(question))
    assert len(orders) > 2


def test_items_to_sort_never_start_sorted(every_type: Deck) -> None:
    events = next(q for q in every_type.questions if isinstance(q, OrderQuestion))
    for seed in range(50):
        session = QuizSession(every_type, Questions.of((events,)), seed=seed)
        shown = session.presented(events)
        assert shown != events.items
        assert sorted(shown) == sorted(events.items)


def test_questions_without_choices_present_nothing(every_type: Deck) -> None:
    session = QuizSession.start(every_type, QuizOptions(), seed=1)
    kinds = {q.kind: session.presented(q) for q in session.questions}
    assert kinds["text"] == kinds["truefalse"] == kinds["cloze"] == ()
