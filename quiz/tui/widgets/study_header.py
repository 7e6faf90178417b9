"""The strip above a study card: the deck, what is left to study now, what is done."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label

from quiz.study.session import StudySession


def left_text(session: StudySession) -> str:
    """`3 due · 5 new today · 2 reviewed`: the card on show counts as left until it is rated;
    "new today" is what the day's allowance still lets in, not every unseen card."""
    remaining = session.remaining
    return f"{remaining.due} due · {remaining.new} new today · {session.reviewed} reviewed"


class StudyHeader(Horizontal):
    """One line: "Study · <deck title>" and the counts of `session`, as the card opened."""

    DEFAULT_CSS = """
    StudyHeader { height: 1; padding: 0 1; background: $panel; }
    StudyHeader #deck-title {
        width: 1fr; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    StudyHeader #left { width: auto; }
    """

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        title = Content.from_markup("[dim]Study ·[/dim] $title", title=self.session.deck.title)
        yield Label(title, id="deck-title")
        yield Label(left_text(self.session), id="left")
