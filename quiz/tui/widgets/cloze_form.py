"""A cloze: the sentence with numbered blanks and one input per blank; Enter submits them all."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, Static

from quiz.deck.model import CLOZE_DELETION, ClozeQuestion
from quiz.tui.widgets.text_box import TextBox


def numbered_blanks(question: ClozeQuestion) -> str:
    """The cloze text with blank n shown as `[n]`, or `[n: hint]` when it has a hint."""
    counter = itertools.count(1)

    def blank(found: re.Match[str]) -> str:
        number = next(counter)
        return f"[{number}: {found[3]}]" if found[3] else f"[{number}]"

    return CLOZE_DELETION.sub(blank, question.text)


class ClozeForm(Vertical):
    """Fill every blank of a cloze; Tab moves between blanks, Enter in any of them submits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "blank(1)", "Next blank", show=False, priority=True),
        Binding("shift+tab", "blank(-1)", "Previous blank", show=False, priority=True),
    ]
    """Before the blank sees the key (priority): Textual's own Tab moves the focus only after
    the keys read with it, so a fast `Bamako⇥Gao` typed all of it into the first blank."""

    DEFAULT_CSS = """
    ClozeForm { height: auto; }
    ClozeForm .blank { height: auto; }
    ClozeForm .blank Label { width: 6; padding: 1 1 0 0; text-align: right; }
    ClozeForm .blank Input { width: 1fr; }
    """

    @dataclass
    class Submitted(Message):
        cloze_form: ClozeForm
        blanks: tuple[str, ...]

        @property
        def control(self) -> ClozeForm:
            return self.cloze_form

    def __init__(self, question: ClozeQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(numbered_blanks(self.question), markup=False, classes="sentence")
        for number, deletion in enumerate(self.question.deletions, start=1):
            with Horizontal(classes="blank"):
                yield Label(Content(f"[{number}]"))
                yield TextBox(placeholder=deletion.hint or f"blank {number}")

    def action_blank(self, step: int) -> None:
        """Focus the next (or previous) blank, round from the last to the first, at once."""
        blanks = list(self.query(Input))
        here = blanks.index(self.screen.focused) if self.screen.focused in blanks else -1
        self.screen.set_focus(blanks[(here + step) % len(blanks)])

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        blanks = tuple(field.value for field in self.query(Input))
        self.post_message(self.Submitted(self, blanks))
