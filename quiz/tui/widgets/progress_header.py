"""The strip above a question: deck title, "7 / 20", a progress bar, score and time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, ProgressBar

from quiz.play import figures


class ProgressHeader(Vertical):
    """Shows where a run is; the screen calls `show` whenever something changes."""

    DEFAULT_CSS = """
    ProgressHeader { height: 2; padding: 0 1; background: $panel; }
    ProgressHeader Horizontal { height: 1; }
    ProgressHeader #deck-title { width: 1fr; text-style: bold; }
    ProgressHeader #count { width: auto; }
    ProgressHeader ProgressBar { width: 1fr; }
    ProgressHeader ProgressBar Bar { width: 1fr; }
    ProgressHeader #score, ProgressHeader #time { width: auto; padding-left: 2; }
    """

    def __init__(self, deck_title: str, total: int) -> None:
        super().__init__()
        self.deck_title = deck_title
        self.total = total

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(Content(self.deck_title), id="deck-title")
            yield Label(id="count")
        with Horizontal():
            yield ProgressBar(self.total, show_percentage=False, show_eta=False)
            yield Label(id="score")
            yield Label(id="time")

    def show(self, number: int, answered: int, score: float, elapsed: float) -> None:
        """Question `number` of the total, `answered` so far, the score and the time."""
        self.query_one("#count", Label).update(f"{number} / {self.total}")
        self.query_one(ProgressBar).update(progress=answered)
        self.query_one("#score", Label).update(f"Score {figures.points(score)}")
        self.show_time(elapsed)

    def show_time(self, elapsed: float) -> None:
        self.query_one("#time", Label).update(f"Time {figures.duration(elapsed)}")
