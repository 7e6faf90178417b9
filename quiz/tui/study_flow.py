"""One study sitting through its screens: card front → back → … → all done.

A thin adapter, like `flow.py` for a quiz: the session decides which card comes next
and saves each rating before the next card shows; this class only swaps the screens.
A store that fails (a damaged card, a disk that refuses the write) ends the sitting
with one sentence: studying on without saving would lose what the learner rates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import App
from textual.message import Message
from textual.screen import Screen

from quiz.collector import cycle_collector_paused
from quiz.play.scoring import Given
from quiz.store.database import StoreError
from quiz.study.cards import SavedReview
from quiz.study.scheduler import Rating
from quiz.study.session import StudySession
from quiz.study.set_aside import Aside
from quiz.tui.screens.study_answer import StudyAnswerScreen
from quiz.tui.screens.study_done import StudyDoneScreen
from quiz.tui.screens.study_question import StudyQuestionScreen
from quiz.tui.text import named

ASIDE_NOTES = {
    Aside.SUSPEND: ("Suspended", "not shown again until quiz study --unsuspend"),
    Aside.BURY: ("Buried", "back tomorrow"),
}
"""What the learner is told when a card is set aside: the title, and when it comes back."""

UNDONE = {Aside.SUSPEND: "Suspension", Aside.BURY: "Burying"}
"""What an undo took back, by how the card was set aside."""


class StudyFlow:
    """Drives `session` on `app`; `stop` ends the sitting, saying why the store failed."""

    def __init__(self, app: App[None], session: StudySession, stop: Callable[[str], None]) -> None:
        self.app = app
        self.session = session
        self.stop = stop

    @dataclass
    class FirstCard(Message):
        """A worker read `flow`'s queue up to its first card, or `error` says why not."""

        flow: StudyFlow
        error: str = ""

    def begin(self) -> None:
        """Show the first card (or that nothing is due) over the decks once a worker has
        read the queue: on 100,000 schedules that first read takes seconds."""
        self.app.run_worker(self._read_first_card, thread=True, group="study-queue")

    def _read_first_card(self) -> None:
        """In a thread: bring the queue up to its first card, touch no widget, say so."""
        try:
            with cycle_collector_paused():  # see quiz.collector: a big queue's first read
                self.session.next_card()
        except StoreError as exc:
            self.app.post_message(self.FirstCard(self, str(exc)))
        else:
            self.app.post_message(self.FirstCard(self))

    def show_first_card(self, error: str) -> None:
        """Push the first card's screen, read by `begin`'s worker (or stop, with `error`)."""
        if error:
            self.stop(error)
            return
        screen = self._screen()
        if screen is not None:
            self.app.push_screen(screen)

    def answered(self, given: Given) -> None:
        """Check the answer, then show the card's back with the suggested rating."""
        if self.session.item is None or self.session.revealed:
            return
        self.session.answer(given)
        self.app.switch_screen(StudyAnswerScreen(self.session))

    def flipped(self) -> None:
        """Show the card's back without checking anything; the learner rates it."""
        if self.session.item is None or self.session.revealed:
            return
        self.session.flip()
        self.app.switch_screen(StudyAnswerScreen(self.session))

    def rated(self, rating: Rating) -> None:
        """Save the rating, then show the next card, or that all is done."""
        if self.session.item is None or not self.session.revealed:
            return
        question = self.session.question  # rating takes the card off show
        try:
            saved = self.session.rate(rating)
        except StoreError as exc:
            self.stop(f"Review not saved: {exc}")
            return
        if saved.leech:
            self.app.notify(
                f"{named(question)} is a leech: forgotten {saved.leech} times,"
                " it is suspended. quiz flagged lists it for the deck's author; quiz study"
                " --unsuspend brings it back.",
                title="Leech",
                severity="warning",
                timeout=10,
                markup=False,
            )
        self._go_on()

    def set_aside(self, how: Aside) -> None:
        """Suspend or bury the card on show, say so, then show the next card."""
        if self.session.item is None:
            return
        question = self.session.question  # setting aside takes the card off show
        try:
            self.session.set_aside(how)
        except StoreError as exc:
            self.app.notify(f"Not set aside: {exc}", title="Study", severity="error", markup=False)
            return
        title, back = ASIDE_NOTES[how]
        self.app.notify(f"{named(question)}: {back}", title=title, markup=False)
        self._go_on()

    def _go_on(self) -> None:
        """Show the next card, or the end of the sitting."""
        screen = self._next_screen()
        if screen is not None:
            self.app.switch_screen(screen)

    def undo(self) -> None:
        """Take back the last rating and show its card's front again, or say why not."""
        app = self.app
        try:
            undone = self.session.undo()
        except StoreError as exc:
            app.notify(f"Not undone: {exc}", title="Undo", severity="error", markup=False)
            return
        if undone is None:
            app.notify(
                "Nothing to undo: no card has been rated or set aside in this sitting.",
                title="Undo",
            )
            return
        app.switch_screen(StudyQuestionScreen(self.session))
        taken = undone.taken
        what = "Rating" if isinstance(taken, SavedReview) else UNDONE[taken.how]
        app.notify(f"{what} taken back: {named(undone.item.question)}", title="Undo", markup=False)

    def _next_screen(self) -> Screen[None] | None:
        """The next card's front, or the end of the sitting; None if the store failed."""
        try:
            self.session.next_card()
        except StoreError as exc:
            self.stop(str(exc))
            return None
        return self._screen()

    def _screen(self) -> Screen[None] | None:
        """The front of the card the session holds, or the end of the sitting."""
        session = self.session
        if session.item is not None:
            return StudyQuestionScreen(session)
        try:
            return StudyDoneScreen(session, session.progress(), session.db.now())
        except StoreError as exc:
            self.stop(str(exc))
            return None
