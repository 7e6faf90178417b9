"""The strip above a question: deck title, "7 / 20", a progress bar, score and time."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import RenderResult
from textual.renderables.bar import Bar
from textual.widget import Widget

from quiz.play import figures
from quiz.play.session import QuizSession


class ProgressHeader(Widget):
    """Shows where `session` stands, on two lines drawn by one widget.

    A screen that shows it is made anew for each question and each feedback: six labels
    and a progress bar cost as much to build and lay out as the question under them, which
    the learner waits for each time; one widget that draws its two lines costs one. Only the
    time changes after that (`show_time`). The bar is Textual's own bar renderable, in the
    colours Textual's progress bar uses.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"progress-header--bar", "progress-header--complete"}
    DEFAULT_CSS = """
    ProgressHeader { height: 2; padding: 0 1; background: $panel; }
    ProgressHeader > .progress-header--bar { color: $primary; background: $surface; }
    ProgressHeader > .progress-header--complete { color: $success; background: $surface; }
    """

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self._elapsed = session.elapsed

    def show_time(self, elapsed: float) -> None:
        self._elapsed = elapsed
        self.refresh()

    def render(self) -> RenderResult:
        return Group(self._title_line(), self._progress_line())

    def _title_line(self) -> RenderableType:
        """The deck's title as plain text, cut short with an ellipsis before "7 / 20"."""
        session = self.session
        line = Table.grid(expand=True)
        line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        line.add_column(no_wrap=True)
        line.add_row(Text(session.deck.title, style="bold"), f" {session.number} / {session.total}")
        return line

    def _progress_line(self) -> RenderableType:
        """The answered share as a bar, then the score and the time."""
        session = self.session
        figures_text = f"  Score {figures.points(session.score)}  {_time(self._elapsed)}"
        width = max(self.content_size.width - len(figures_text), 0)
        done = len(session.records) / session.total if session.total else 0.0
        colours = self.get_component_rich_style(
            "progress-header--complete" if done >= 1 else "progress-header--bar"
        )
        bar = Bar(
            highlight_range=(0, width * done),
            highlight_style=Style.from_color(colours.color),
            background_style=Style.from_color(colours.bgcolor),
            width=width,
        )
        line = Table.grid()
        line.add_column(width=width)
        line.add_column(no_wrap=True)
        line.add_row(bar, figures_text)
        return line


def _time(elapsed: float) -> str:
    return f"Time {figures.duration(elapsed)}"
