"""One quiz run as a small state machine: ask, answer, feedback, next, finished. No UI.

The session owns the order questions are asked in, the order each question's choices
(or items to sort) are presented in, the answers with their verdicts and timings, and
the totals. Choice order comes from `random.Random` seeded with (seed, question id),
so a run with the same seed shows the same screens, and retrying a question shows its
choices the same way. The clock is injected (seconds, monotonic) so tests control time.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from quiz.deck.model import AnyQuestion, ChoiceQuestion, Deck, MultiQuestion, OrderQuestion
from quiz.deck.questions import Questions
from quiz.play.selection import QuizOptions, select_questions
from quiz.store.history import RunKind, RunPlan

if TYPE_CHECKING:
    # The answer checking is imported with the first answer checked: its text matching
    # builds large patterns, and the first question is drawn before anyone answers it.
    from quiz.play.breakdown import Tally
    from quiz.play.scoring import Given, Verdict

Seconds = Callable[[], float]
"""A monotonic clock in seconds, like `time.monotonic`."""


class Phase(Enum):
    """Where the run is: waiting for an answer, showing feedback, or done."""

    ASKING = "asking"
    ANSWERED = "answered"
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answered question: what was given, the verdict and the time it took."""

    question: AnyQuestion
    given: Given
    verdict: Verdict
    seconds: float


class QuizSession:
    """A run over a fixed sequence of questions: a deck's, or those missed in another run.
    Each question is built when the run reaches it (`Questions`)."""

    def __init__(
        self,
        deck: Deck,
        questions: Questions,
        *,
        seed: int,
        clock: Seconds = time.monotonic,
        mode: RunKind = RunKind.FULL,
        options: QuizOptions | None = None,
    ) -> None:
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.deck = deck
        self.questions = questions
        self.seed = seed
        self.mode = mode
        self.options = options or QuizOptions()
        """What the run was started with: "start again" starts a run with the same."""
        self.records: list[AnswerRecord] = []
        self.phase = Phase.ASKING
        self._clock = clock
        self._started = self._asked_at = clock()
        self._ended: float | None = None

    @classmethod
    def start(
        cls, deck: Deck, options: QuizOptions, *, seed: int, clock: Seconds = time.monotonic
    ) -> QuizSession:
        """A new run over the questions `options` select (ValueError when none are left)."""
        questions = select_questions(deck, options, seed)
        return cls(deck, questions, seed=seed, clock=clock, options=options)

    @classmethod
    def resumed(
        cls,
        deck: Deck,
        plan: RunPlan,
        answered: Sequence[tuple[str, Given, float]],
        *,
        clock: Seconds = time.monotonic,
    ) -> QuizSession:
        """A stopped run carried on: `answered` (question id, answer, seconds) taken again as
        given, then the questions of `plan` not yet answered, in its order. Questions since
        removed from the deck are left out, and so are answered ones whose answer no longer
        fits them (their type changed): neither is asked, nor counted in the run's score
        (ValueError when none is left to answer)."""
        at = deck.questions.positions()
        kept = _kept_answers(deck, at, answered)
        seen = {qid for qid, _, _ in answered}
        rest = [at[qid] for qid in plan.question_ids if qid in at and qid not in seen]
        if not rest:
            raise ValueError("no question of that quiz is left to answer")
        questions = deck.questions.select([n for n, _, _, _ in kept] + rest)
        options = QuizOptions.from_json(plan.options)
        session = cls(deck, questions, seed=plan.seed, clock=clock, mode=plan.mode, options=options)
        session.records = [
            AnswerRecord(questions[k], given, verdict, secs)
            for k, (_, given, verdict, secs) in enumerate(kept)
        ]
        session._started -= sum(record.seconds for record in session.records)
        return session

    @property
    def current(self) -> AnyQuestion:
        """The question being asked or just answered."""
        if self.phase is Phase.FINISHED:
            raise RuntimeError("the quiz is finished")
        return self.questions[len(self.records) - (self.phase is Phase.ANSWERED)]

    @property
    def number(self) -> int:
        """The 1-based number of the current question (the total once finished)."""
        return min(len(self.records) + (self.phase is Phase.ASKING), len(self.questions))

    @property
    def total(self) -> int:
        return len(self.questions)

    def presented(self, question: AnyQuestion) -> tuple[str, ...]:
        """The choices (or the items to sort) in the order the learner sees them."""
        rng = random.Random(f"{self.seed}:{question.id}")
        if isinstance(question, ChoiceQuestion | MultiQuestion):
            return tuple(rng.sample(question.choices, len(question.choices)))
        if isinstance(question, OrderQuestion):
            items = rng.sample(question.items, len(question.items))
            if tuple(items) == question.items:
                items = items[1:] + items[:1]  # never start a sorting question already sorted
            return tuple(items)
        return ()

    def answer(self, given: Given) -> AnswerRecord:
        """Check the answer to the current question and keep it; then feedback is due."""
        if self.phase is not Phase.ASKING:
            raise RuntimeError(f"cannot answer while {self.phase.value}")
        now = self._clock()
        question = self.current
        from quiz.play.scoring import check_answer

        verdict = check_answer(question, given, self.deck.articles)
        record = AnswerRecord(question, given, verdict, now - self._asked_at)
        self.records.append(record)
        self.phase = Phase.ANSWERED
        return record

    def advance(self) -> None:
        """Leave the feedback for the next question, or finish after the last one."""
        if self.phase is not Phase.ANSWERED:
            raise RuntimeError(f"cannot go on while {self.phase.value}")
        self._asked_at = self._clock()
        if len(self.records) < len(self.questions):
            self.phase = Phase.ASKING
        else:
            self.phase = Phase.FINISHED
            self._ended = self._asked_at

    @property
    def finished(self) -> bool:
        return self.phase is Phase.FINISHED

    @property
    def score(self) -> float:
        return sum(r.verdict.points for r in self.records)

    @property
    def max_score(self) -> float:
        return float(len(self.questions))

    @property
    def percent(self) -> float:
        return 100 * self.score / self.max_score

    @property
    def elapsed(self) -> float:
        """Seconds since the start, frozen when the run finishes."""
        return (self._ended if self._ended is not None else self._clock()) - self._started

    @property
    def missed(self) -> tuple[AnswerRecord, ...]:
        """The answers that did not earn the full point."""
        return tuple(r for r in self.records if not r.verdict.correct)

    def by_section(self) -> tuple[Tally, ...]:
        from quiz.play import breakdown  # with the answer checking it tallies

        return breakdown.by_section((r.question, r.verdict) for r in self.records)

    def by_tag(self) -> tuple[Tally, ...]:
        from quiz.play import breakdown

        return breakdown.by_tag((r.question, r.verdict) for r in self.records)

    def retry_missed(self, seed: int | None = None) -> QuizSession:
        """A new run over the missed questions, in the order they were asked."""
        return QuizSession(
            self.deck,
            Questions.of(r.question for r in self.missed),
            seed=self.seed if seed is None else seed,
            clock=self._clock,
            mode=RunKind.RETRY,
            options=self.options,
        )


def _kept_answers(
    deck: Deck, at: Mapping[str, int], answered: Sequence[tuple[str, Given, float]]
) -> list[tuple[int, Given, Verdict, float]]:
    """The answers of a stopped run that still fit the deck, each with its question's
    position (`at`: the deck's, by id) and its verdict as the deck's questions now check it
    (with the deck's own articles, as when it was given). An answer to a question since
    removed, or of a form the question no longer takes (a text question made a true/false
    one, a cloze whose blanks changed in number), is left out: there is no honest verdict
    for it."""
    from quiz.play.scoring import check_answer

    kept: list[tuple[int, Given, Verdict, float]] = []
    for qid, given, secs in answered:
        if qid not in at:
            continue
        try:
            verdict = check_answer(deck.questions[at[qid]], given, deck.articles)
        except TypeError:
            continue
        kept.append((at[qid], given, verdict, secs))
    return kept
