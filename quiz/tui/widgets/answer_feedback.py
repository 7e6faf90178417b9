"""What a learner reads after answering: right or wrong, the right answer, the explanation
and the source's words. Shared by the quiz's feedback screen and the study card.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from quiz.deck.model import AnyQuestion, ClozeQuestion
from quiz.play import figures
from quiz.play.scoring import Given, given_text
from quiz.play.session import AnswerRecord
from quiz.tui.text import prompt_of

FLIPPED = ("↻ The answer: how well did you know it?", "flipped")
"""The verdict line of a card flipped without an answer: nothing was checked."""

EMPTY_BLANK = Content.styled("(blank)", "dim")
"""A cloze blank left empty, named and dimmed (typed text never is): unnamed, an empty
first blank read back as `; Gao`, a lone semicolon."""

NOTHING = Content.styled("(nothing)", "dim")
"""What reads back for an answer with no text at all, rather than an empty line."""


def given_content(question: AnyQuestion, given: Given) -> Content:
    """The learner's answer to read back, typed text kept literal (never markup)."""
    if isinstance(question, ClozeQuestion) and isinstance(given, tuple):
        return Content("; ").join(typed if typed.strip() else EMPTY_BLANK for typed in given)
    return Content(given_text(question, given)) or NOTHING


def verdict_line(record: AnswerRecord | None) -> tuple[str, str]:
    """What to say about the answer (None: the card was flipped), and the CSS class for it."""
    if record is None:
        return FLIPPED
    verdict = record.verdict
    if verdict.correct:
        return "✔ Right", "right"
    if verdict.partial:
        return f"◐ Partly right: {figures.points(verdict.points)} point", "partial"
    return "✘ Wrong", "wrong"


class AnswerFeedback(Vertical):
    """The feedback on `record`, an answer to `question`, or on a flip when it is None.

    The right answer shows whenever the learner did not give it exactly: after a wrong
    or partial answer, a forgiven typo, or a flip.
    """

    def __init__(self, question: AnyQuestion, record: AnswerRecord | None) -> None:
        super().__init__()
        self.question = question
        self.record = record

    def compose(self) -> ComposeResult:
        question, record = self.question, self.record
        text, tone = verdict_line(record)
        yield Label(text, id="verdict", classes=tone)
        yield Static(prompt_of(question), markup=False, id="prompt")
        if record is not None:
            yield from self._field("Your answer", given_content(question, record.given), "given")
        if record is None or not record.verdict.correct or record.verdict.note:
            yield from self._field("Answer", question.answer_text, "expected")
        if record is not None and record.verdict.note:
            yield Static(record.verdict.note, markup=False, id="note")
        if question.explain:
            yield Static(question.explain, markup=False, id="explain")
        if question.quote:
            quote = Vertical(Static(question.quote, markup=False), id="quote")
            quote.border_title = "From the source"
            yield quote

    def _field(self, title: str, text: str | Content, name: str) -> ComposeResult:
        yield Label(title, classes="field-title")
        yield Static(text, markup=False, id=name, classes="field")
