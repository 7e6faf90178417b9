"""One sitting of study over one deck: the card on show, its answer, its rating saved.

The queue (`StudyQueue`) is brought up to date before every card, so a card rated Again
comes back once its short step is due and today's new cards count against the daily limit. A card is
answered exactly as a quiz question is: it is shown as a one-question `QuizSession`,
which orders its choices, checks the answer and times it. Each rating is saved at once
(`record_review`), so a sitting stopped at any moment has kept every card it rated. The
card on show can be suspended or buried instead (`set_aside`), and a rating that makes it a
leech suspends it too; `undo` takes back the last rating or setting aside, one at a time.
Knows nothing of Textual.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta, tzinfo

from quiz.deck.fingerprint import content_fingerprint
from quiz.deck.model import AnyQuestion, Deck
from quiz.deck.questions import Questions
from quiz.play.scoring import Given
from quiz.play.session import AnswerRecord, QuizSession, Seconds
from quiz.store.database import Database
from quiz.study.cards import SavedReview, record_review, undo_review
from quiz.study.leeches import LeechRule
from quiz.study.progress import DeckProgress, deck_progress
from quiz.study.queue import Remaining, StudyItem, StudyQueue
from quiz.study.rating import suggest_rating
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.study.set_aside import Aside, SetAside, bring_back, set_aside
from quiz.study.settings import DEFAULT_LEECH_THRESHOLD, DEFAULT_NEW_PER_DAY


@dataclass(frozen=True, slots=True)
class Undone:
    """What `undo` took back from `item`'s card: a rating, or its setting aside."""

    item: StudyItem
    taken: SavedReview | SetAside


class StudySession:
    """Studies `deck` card by card: `next_card`, then `answer` or `flip`, then `rate`.

    `seed` orders each card's choices as a quiz with that seed would; `clock` (seconds,
    monotonic) times the answers; `tz` is the learner's zone for the daily new-card limit
    and for when a buried card returns; `leech_threshold` is the deck's (0: no leeches).
    """

    def __init__(
        self,
        db: Database,
        deck: Deck,
        scheduler: StudyScheduler,
        *,
        new_per_day: int = DEFAULT_NEW_PER_DAY,
        leech_threshold: int = DEFAULT_LEECH_THRESHOLD,
        seed: int = 0,
        clock: Seconds = time.monotonic,
        tz: tzinfo | None = None,
    ) -> None:
        self.db = db
        self.deck = deck
        self.scheduler = scheduler
        self.new_per_day = new_per_day
        self.leech_threshold = leech_threshold
        self.seed = seed
        self.ratings: Counter[Rating] = Counter()
        self.remaining = Remaining(0, 0)
        self.item: StudyItem | None = None
        self.record: AnswerRecord | None = None
        self.flipped_after: float | None = None
        self._clock = clock
        self._card: QuizSession | None = None
        self._fuzz: float | None = None
        self._tz = tz
        self._steps: list[Undone] = []
        """This sitting's ratings and cards set aside not undone, last last: what `undo`
        takes back."""
        self._queue = StudyQueue(db, deck, new_per_day=new_per_day, tz=tz)

    def next_card(self) -> StudyItem | None:
        """The card to study now (most overdue first, then new), or None when all is done."""
        self._show(self._queue.head(self.db.now()))
        self.remaining = self._queue.remaining
        return self.item

    def undo(self) -> Undone | None:
        """Take back this sitting's last rating or card set aside not yet undone, in the
        store and the queue, and show its card again as it was; None if there is none
        (StoreError if the store refuses: then nothing changed)."""
        if not self._steps:
            return None
        step = self._steps[-1]
        item, taken = step.item, step.taken
        if isinstance(taken, SavedReview):
            undo_review(self.db, taken)
            if taken.leech:
                self._queue.put_back(item.question.id, taken.card.due)
            self._queue.unrated(item, taken.card)
            self.ratings -= Counter({taken.rating: 1})
        else:
            bring_back(self.db, taken)
            self._queue.put_back(item.question.id, None if item.card.is_new else item.card.due)
        self._steps.pop()
        self.remaining = self._queue.remaining
        self._show(item)
        return step

    @property
    def can_undo(self) -> bool:
        return bool(self._steps)

    def set_aside(self, how: Aside) -> SetAside:
        """Suspend or bury the card on show, answered or not, leaving its schedule as it is
        (StoreError if the store refuses: then nothing changed); `next_card` follows."""
        item = self._item()
        aside = set_aside(self.db, self.deck.id, item.question.id, how, self._tz)
        self._queue.set_aside(item.question.id, None if item.card.is_new else item.card.due)
        self._steps.append(Undone(item, aside))
        self.item, self._card = None, None
        return aside

    def _show(self, item: StudyItem | None) -> None:
        """Put `item` on show, unanswered, with a fresh fuzz draw for its rating buttons."""
        self.item = item
        self.record, self.flipped_after = None, None
        self._card = None
        self._fuzz = self.scheduler.fuzz()
        if item is not None:
            self._card = QuizSession(
                self.deck, Questions.of((item.question,)), seed=self.seed, clock=self._clock
            )

    @property
    def question(self) -> AnyQuestion:
        return self._shown().questions[0]

    def presented(self) -> tuple[str, ...]:
        """The card's choices (or items to sort) in the order the learner sees them."""
        return self._shown().presented(self.question)

    def answer(self, given: Given) -> AnswerRecord:
        """Check the learner's answer; a rating is due next."""
        self.record = self._shown().answer(given)
        return self.record

    def flip(self) -> None:
        """Show the answer without checking one: only the learner's rating will say."""
        if self.record is None and self.flipped_after is None:
            self.flipped_after = self._shown().elapsed

    @property
    def revealed(self) -> bool:
        """The card has been answered or flipped, so it can be rated."""
        return self.record is not None or self.flipped_after is not None

    @property
    def suggestion(self) -> Rating | None:
        """The rating to preselect: from correctness and time, never Easy for a card's first
        answer; none after a flip."""
        record = self.record
        if record is None:
            return None
        first = self._item().card.is_new
        return suggest_rating(record.question, record.verdict.correct, record.seconds, first=first)

    def previews(self) -> dict[Rating, timedelta]:
        """How long until the card is due again after each rating given now: with the fuzz
        drawn for this showing, which `rate` saves with too, so each is what that rating saves."""
        now = self.db.now()
        dues = self.scheduler.preview(self._item().card, now, fuzz=self._fuzz)
        return {rating: due - now for rating, due in dues.items()}

    def rate(self, rating: Rating) -> SavedReview:
        """Save the rating and the card's new schedule in one commit (StoreError if not);
        a card it makes a leech is suspended in that commit (`SavedReview.leech`)."""
        if not self.revealed:
            raise RuntimeError("a card is rated after it is answered or flipped")
        record = self.record
        saved = record_review(
            self.db,
            self.scheduler,
            self.deck.id,
            self._item().question.id,
            rating,
            correct=None if record is None else record.verdict.correct,
            seconds=self.flipped_after if record is None else record.seconds,
            fuzz=self._fuzz,
            leeches=LeechRule(self.leech_threshold, content_fingerprint(self.question)),
        )
        self._queue.rated(self._item(), saved.card)
        if saved.leech:
            self._queue.set_aside(saved.question_id, saved.card.due)
        self._steps.append(Undone(self._item(), saved))
        self.ratings[rating] += 1
        self.item, self._card = None, None
        return saved

    @property
    def reviewed(self) -> int:
        return self.ratings.total()

    def progress(self) -> DeckProgress:
        """The deck's due, new and learned counts and its next due time, as of now."""
        return deck_progress(self.db, self.deck, self.db.now())

    def _item(self) -> StudyItem:
        if self.item is None:
            raise RuntimeError("no card is on show")
        return self.item

    def _shown(self) -> QuizSession:
        if self._card is None:
            raise RuntimeError("no card is on show")
        return self._card
