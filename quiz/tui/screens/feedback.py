"""After each answer: right or wrong, the right answer, the explanation and the source's words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Static

from quiz.play import figures
from quiz.play.scoring import given_text
from quiz.play.session import AnswerRecord, QuizSession
from quiz.tui.text import prompt_of
from quiz.tui.widgets.progress_header import ProgressHeader


def verdict_line(record: AnswerRecord) -> tuple[str, str]:
    """What to say about the answer, and the CSS class that colours it."""
    verdict = record.verdict
    if verdict.correct:
        return "✔ Right", "right"
    if verdict.partial:
        return f"◐ Partly right: {figures.points(verdict.points)} point", "partial"
    return "✘ Wrong", "wrong"


class FeedbackScreen(Screen[None]):
    """Shows one answer's verdict; Enter (or the button) posts `Continue`."""

    CSS_PATH = "feedback.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("enter", "continue", "Continue"),
        ("escape", "app.home", "Stop"),
    ]

    @dataclass
    class Continue(Message):
        """The learner has read the feedback."""

    def __init__(self, session: QuizSession, record: AnswerRecord) -> None:
        super().__init__()
        self.session = session
        self.record = record
        self._continued = False

    def compose(self) -> ComposeResult:
        record = self.record
        question = record.question
        text, tone = verdict_line(record)
        yield ProgressHeader(self.session.deck.title, self.session.total)
        with VerticalScroll(id="body"):
            yield Label(text, id="verdict", classes=tone)
            yield Static(prompt_of(question), markup=False, id="prompt")
            yield from self._field("Your answer", given_text(question, record.given), "given")
            if not record.verdict.correct or record.verdict.note:
                yield from self._field("Answer", record.verdict.expected, "expected")
            if record.verdict.note:
                yield Static(record.verdict.note, markup=False, id="note")
            if question.explain:
                yield Static(question.explain, markup=False, id="explain")
            if question.quote:
                quote = Vertical(Static(question.quote, markup=False), id="quote")
                quote.border_title = "From the source"
                yield quote
            yield Button(Content("Continue ⏎"), id="continue", variant="primary")
        yield Footer()

    def _field(self, title: str, text: str, name: str) -> ComposeResult:
        yield Label(title, classes="field-title")
        yield Static(text, markup=False, id=name, classes="field")

    def on_mount(self) -> None:
        session = self.session
        header = self.query_one(ProgressHeader)
        header.show(session.number, len(session.records), session.score, session.elapsed)

    def action_continue(self) -> None:
        """Post `Continue` once, however many times Enter is pressed."""
        if not self._continued:
            self._continued = True
            self.post_message(self.Continue())

    @on(Button.Pressed, "#continue")
    def _pressed(self) -> None:
        self.action_continue()
