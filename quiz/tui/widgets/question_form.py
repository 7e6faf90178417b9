"""A question and the widget that answers it, whatever its type; shared by quiz and study.

The screens around it differ (a quiz's progress, a study card's counts); the asking is
the same, so a learner answers a card exactly as they answer a quiz question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from quiz.deck.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.tui.text import heading_of
from quiz.tui.widgets.reading_box import ReadingBox
from quiz.tui.widgets.text_box import TextBox

if TYPE_CHECKING:
    # Each answer widget is imported when a question of its type is first asked: the
    # first question on screen need not wait for the widgets of the other types, nor for
    # the answer checking (`Given`).
    from quiz.play.scoring import Given
    from quiz.tui.widgets.choice_list import ChoiceList
    from quiz.tui.widgets.cloze_form import ClozeForm
    from quiz.tui.widgets.multi_choice import MultiChoice
    from quiz.tui.widgets.order_list import OrderList

HOW_TO_ANSWER = {
    "choice": "Press the number of your answer, or pick it with ↑↓ and Enter.",
    "multi": "Tick every right answer with its number (or space), then press Enter.",
    "truefalse": "Press t (or 1) for true, f (or 2) for false.",
    "text": "Type your answer and press Enter.",
    "cloze": "Fill each blank (Tab moves to the next one) and press Enter.",
    "order": "Move the highlighted item with shift+↑/↓ or k/j; press Enter when done.",
}
"""The line under each question that says how to answer it."""

TRUE_FALSE = ("True", "False")

TYPED = frozenset({"text", "cloze"})
"""Question types answered in text inputs, which take every printable key (`!` too)."""

SPACE_TAKEN = TYPED | {"multi"}
"""Question types whose answer widget uses the space bar itself, to type or to tick."""

FOCUS_ANSWER = "#answer, #answer Input"
"""The `AUTO_FOCUS` of a screen that asks a question: the answer widget, or a cloze's first
blank. Focused as the screen is composed, not after it mounts, the footer is built once,
with the keys that apply while answering."""


class QuestionForm(Vertical):
    """Shows `question` with its choices in `presented` order; posts `Answered`.

    The screen that shows it focuses the answer, with `AUTO_FOCUS = FOCUS_ANSWER`, and makes
    the answer a choice that the app takes once (`quiz.tui.screens.choice`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        ("t", "true_false(True)", "True"),
        ("f", "true_false(False)", "False"),
    ]

    @dataclass
    class Answered(Message):
        given: Given

    def __init__(self, question: AnyQuestion, presented: Sequence[str]) -> None:
        super().__init__()
        self.question = question
        self.presented = tuple(presented)

    def compose(self) -> ComposeResult:
        question = self.question
        with ReadingBox(id="prompt-box"):
            yield Label(Content(heading_of(question)), id="heading")
            if question.prompt:
                yield Static(question.prompt, markup=False, id="prompt")
        yield self._answer_widget()
        yield Label(HOW_TO_ANSWER[question.kind], id="how")

    def _answer_widget(self) -> Widget:
        question = self.question
        match question:
            case ChoiceQuestion():
                from quiz.tui.widgets.choice_list import ChoiceList

                return ChoiceList(self.presented, id="answer")
            case TrueFalseQuestion():
                from quiz.tui.widgets.choice_list import ChoiceList

                return ChoiceList(TRUE_FALSE, id="answer")
            case MultiQuestion():
                from quiz.tui.widgets.multi_choice import MultiChoice

                return MultiChoice(self.presented, id="answer")
            case TextQuestion():
                return TextBox(placeholder="Your answer", id="answer")
            case ClozeQuestion():
                from quiz.tui.widgets.cloze_form import ClozeForm

                return ClozeForm(question, id="answer")
            case OrderQuestion():
                from quiz.tui.widgets.order_list import OrderList

                return OrderList(self.presented, id="answer")
        raise TypeError(f"no widget for {question.kind} questions")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """t and f mean something only for a true/false question."""
        if action == "true_false":
            return isinstance(self.question, TrueFalseQuestion)
        return True

    def action_true_false(self, value: bool) -> None:
        self._answer(value)

    def _answer(self, given: Given) -> None:
        self.post_message(self.Answered(given))

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        if isinstance(self.question, TrueFalseQuestion):
            self._answer(event.choice == TRUE_FALSE[0])
        else:
            self._answer(event.choice)

    def on_multi_choice_submitted(self, event: MultiChoice.Submitted) -> None:
        event.stop()
        self._answer(event.picked)

    @on(Input.Submitted, "#answer")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self._typed_something(event.value):
            self._answer(event.value)

    def on_cloze_form_submitted(self, event: ClozeForm.Submitted) -> None:
        event.stop()
        if self._typed_something(*event.blanks):
            self._answer(event.blanks)

    def _typed_something(self, *typed: str) -> bool:
        """An Enter on empty inputs is more likely a slip than an answer."""
        if any(text.strip() for text in typed):
            return True
        self.notify("Type an answer (or a guess) first.", severity="warning")
        return False

    def on_order_list_submitted(self, event: OrderList.Submitted) -> None:
        event.stop()
        self._answer(event.order)
