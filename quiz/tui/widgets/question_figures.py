"""Each question's quiz figures in a table; under it, the highlighted question's wrong picks.

Authors read it to find questions that are too easy or too hard, and distractors that
tempt nobody. Prompts and choices are deck text: shown literally, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Label, Static

from quiz.play import figures
from quiz.question_report import distractor_picks
from quiz.study.statistics import QuestionFigures
from quiz.tui.text import prompt_of

PROMPT_WIDTH = 46
"""The prompt column fits 80 columns beside the figures; the full prompt shows below."""

COLUMNS = (("Question", PROMPT_WIDTH), ("Asked", 5), ("Right", 5), ("Median", 6))

ONLY_CHOICES = "Wrong picks are counted for one-answer questions."

MAX_ROWS = 200
"""The hardest questions shown: a table of 100,000 rows would take the app a minute to
build, and the questions worth an author's look are at its top."""


def clipped(text: str, width: int) -> str:
    """`text` on one line, cut to `width` with an ellipsis when longer."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def figure_cells(entry: QuestionFigures) -> tuple[Text, ...]:
    """The prompt (clipped), times asked, share right and median time of one question."""
    stats = entry.stats
    numbers = (
        str(stats.asked),
        figures.percent(100 * stats.share_right),
        f"{stats.median_seconds:.1f}s",
    )
    prompt = Text(clipped(prompt_of(entry.question), PROMPT_WIDTH))
    return (prompt, *(Text(number, justify="right") for number in numbers))


def picks_text(entry: QuestionFigures, with_deck: bool) -> Content:
    """The whole prompt, then how often each wrong choice was picked (faint when never)."""
    question, stats = entry.question, entry.stats
    text = Content.styled(prompt_of(question), "bold")
    if with_deck:
        text += Content.styled(f" · {entry.deck.title}", "dim")
    picks = distractor_picks(question, stats)
    if not picks:
        return text + Content.styled(f"\n{ONLY_CHOICES}", "$text-muted")
    lines = [Content("\nWrong choices picked")]
    for choice, count in picks:
        line = Content(f"\n{count:>4}× {choice}")
        lines.append(line if count else line.stylize("$text-muted"))
    return Content.assemble(text, *lines)


class QuestionFiguresTable(Vertical):
    """`questions` as table rows, hardest first; the row under the cursor is detailed below."""

    def __init__(
        self, questions: Sequence[QuestionFigures], asked: int, *, id: str | None = None
    ) -> None:
        """`questions` are the hardest, `asked` how many questions have figures in all."""
        super().__init__(id=id)
        self.questions = tuple(questions[:MAX_ROWS])
        self.left_out = asked - len(self.questions)
        self.with_deck = len({entry.deck.id for entry in self.questions}) > 1

    def compose(self) -> ComposeResult:
        yield DataTable(id="question-table", cursor_type="row", zebra_stripes=True)
        if self.left_out:
            yield Label(
                f"and {self.left_out:,} easier ones: 'quiz stats --questions' lists them all",
                id="left-out",
            )
        yield Static(id="picks")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        for entry in self.questions:
            table.add_row(*figure_cells(entry))
        self._show_picks(0)

    def on_descendant_focus(self) -> None:
        """Scroll the page so the table and the picks under it show together."""
        self.scroll_visible(animate=False)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_picks(event.cursor_row)
        if event.data_table.has_focus:
            self.query_one("#picks").scroll_visible(animate=False)

    def _show_picks(self, row: int) -> None:
        self.query_one("#picks", Static).update(picks_text(self.questions[row], self.with_deck))
