"""The end of a run: score, time, breakdown by section and tag, and the questions missed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.play import figures
from quiz.play.breakdown import Tally
from quiz.play.session import AnswerRecord, QuizSession
from quiz.tui.commands import PaletteScreen
from quiz.tui.screens.choice import Choice, ChoosingScreen
from quiz.tui.text import prompt_of
from quiz.tui.widgets.answer_feedback import given_content
from quiz.tui.widgets.footer import Footer

Next = Literal["retry", "again", "decks"]


def missed_text(record: AnswerRecord) -> Content:
    """A missed question, what the learner answered and the right answer, deck text and
    answers kept literal."""
    question = record.question
    given = Content.assemble("✘ you: ", given_content(question, record.given))
    return Content.assemble(
        (prompt_of(question), "b"),
        "\n",
        given.stylize_before("$error"),
        (f"\n✔ answer: {record.verdict.expected}", "$success"),
    )


def tally_table(heading: str, tallies: Iterable[Tally]) -> Table:
    """Points and percent per section (or tag), as wide as its box: a long name is cut short
    with an ellipsis, so the figures always show."""
    table = Table(box=None, expand=True, pad_edge=False, header_style="bold")
    table.add_column(heading, ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    for tally in tallies:
        table.add_row(
            Text(tally.name),
            figures.score(tally.points, tally.asked),
            figures.percent(tally.percent),
        )
    return table


class ResultsScreen(PaletteScreen, ChoosingScreen[None]):
    """Shows how a run went; posts `Chosen` with what to do next."""

    CSS_PATH = "results.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("r", "choose('retry')", "Retry missed"),
        ("a", "choose('again')", "Start again"),
        ("escape", "choose('decks')", "Decks"),
    ]
    PALETTE = (
        ("Retry missed", "A new run over the questions missed in this one", "choose('retry')"),
        ("Start again", "A new run with the same options", "choose('again')"),
    )

    @dataclass
    class Chosen(Choice):
        choice: Next

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        with VerticalScroll(id="body"):
            yield Label(Content(f"Results · {session.deck.title}"), id="title")
            yield Label(self._summary(), id="summary")
            with Horizontal(id="breakdown"):
                yield self._table("By section", "sections", session.by_section())
                yield self._table("By tag", "tags", session.by_tag())
            missed = session.missed
            yield Label(
                f"Missed ({len(missed)})" if missed else "Nothing missed!", classes="heading"
            )
            for record in missed:
                yield Static(missed_text(record), classes="missed")
        with Horizontal(id="buttons"):
            yield Button("Retry missed", id="retry", variant="primary", disabled=not missed)
            yield Button("Start again", id="again")
            yield Button("Decks", id="decks")
        yield Footer()

    def _summary(self) -> str:
        session = self.session
        return (
            f"Score {figures.score(session.score, session.max_score)}"
            f" ({figures.percent(session.percent)})"
            f" · Time {figures.duration(session.elapsed)}"
        )

    def _table(self, title: str, name: str, tallies: Sequence[Tally]) -> Vertical:
        table = tally_table(title.removeprefix("By ").capitalize(), tallies)
        column = Vertical(Static(table, id=name), classes="table")
        column.border_title = title
        column.display = bool(tallies)
        return column

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Retrying needs something missed."""
        if action == "choose" and parameters == ("retry",):
            return bool(self.session.missed)
        return True

    def action_choose(self, choice: Next) -> None:
        self.choose(self.Chosen(self, choice))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "retry" | "again" | "decks" as choice:
                self.action_choose(choice)
