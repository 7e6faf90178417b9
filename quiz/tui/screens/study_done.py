"""The end of a sitting: nothing left to study now, when the next card is due, what was done."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Label

from quiz.study.figures import interval
from quiz.study.progress import DeckProgress
from quiz.study.scheduler import Rating
from quiz.study.session import StudySession
from quiz.tui.widgets.deck_list import study_line
from quiz.tui.widgets.footer import Footer
from quiz.words import plural


def headline(reviewed: int, progress: DeckProgress, now: datetime) -> str:
    """`All done — next card due in 3h`, or what to say when there is no next card yet."""
    start = "All done" if reviewed else "Nothing to study now"
    if progress.next_due is not None:
        return f"{start} — next card due in {interval(progress.next_due - now)}"
    if progress.new:
        return f"{start} — new cards wait for tomorrow"
    return start


def ratings_text(session: StudySession) -> str:
    """`Reviewed 6 cards: 1 Again · 0 Hard · 4 Good · 1 Easy`."""
    given = " · ".join(f"{session.ratings[rating]} {rating.name}" for rating in Rating)
    return f"Reviewed {plural(session.reviewed, 'card')}: {given}"


def deck_text(session: StudySession, progress: DeckProgress, now: datetime) -> Content:
    """The deck's counts now, and why new cards are left when today's limit held them back."""
    text = Content.from_markup("[b]$title[/b]\n", title=session.deck.title)
    text += study_line(progress, now)
    if progress.new:
        limit = f"\nNew cards are limited to {session.new_per_day} a day; the rest wait."
        text += Content.styled(limit, "$text-muted")
    return text


class StudyDoneScreen(Screen[None]):
    """Says the sitting is over; Enter or escape goes back to the decks."""

    CSS_PATH = "study_done.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [("escape,enter", "app.home", "Decks")]

    def __init__(self, session: StudySession, progress: DeckProgress, now: datetime) -> None:
        super().__init__()
        self.session = session
        self.progress = progress
        self.now = now

    def compose(self) -> ComposeResult:
        session, progress = self.session, self.progress
        with Vertical(id="done"):
            yield Label(headline(session.reviewed, progress, self.now), id="headline")
            if session.reviewed:
                yield Label(ratings_text(session), id="ratings")
            yield Label(deck_text(session, progress, self.now), id="deck")
            yield Button("Back to the decks", id="decks", variant="primary")
        yield Footer()

    @on(Button.Pressed, "#decks")
    async def _decks(self) -> None:
        await self.run_action("app.home")
