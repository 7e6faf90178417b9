"""The strip above a question: deck title, "7 / 20", a progress bar, score and time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, ProgressBar

from quiz.play import figures
from quiz.play.session import QuizSession


class ProgressHeader(Vertical):
    """Shows where `session` stands, composed with its figures: a screen that shows it is
    made anew for each question and each feedback, so only the time changes after that
    (`show_time`). Set after mounting instead, each label would be laid out again."""

    DEFAULT_CSS = """
    ProgressHeader { height: 2; padding: 0 1; background: $panel; }
    ProgressHeader Horizontal { height: 1; }
    ProgressHeader #deck-title { width: 1fr; text-style: bold; }
    ProgressHeader #count { width: auto; }
    ProgressHeader ProgressBar { width: 1fr; }
    ProgressHeader ProgressBar Bar { width: 1fr; }
    ProgressHeader #score, ProgressHeader #time { width: auto; padding-left: 2; }
    """

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        with Horizontal():
            yield Label(Content(session.deck.title), id="deck-title")
            yield Label(f"{session.number} / {session.total}", id="count")
        with Horizontal():
            bar = ProgressBar(session.total, show_percentage=False, show_eta=False)
            bar.progress = len(session.records)
            yield bar
            yield Label(f"Score {figures.points(session.score)}", id="score")
            yield Label(_time(session.elapsed), id="time")

    def show_time(self, elapsed: float) -> None:
        self.query_one("#time", Label).update(_time(elapsed))


def _time(elapsed: float) -> str:
    return f"Time {figures.duration(elapsed)}"
