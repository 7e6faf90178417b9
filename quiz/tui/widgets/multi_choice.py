"""A numbered list of choices to tick: number keys, space or a click toggle, Enter submits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from quiz.tui.widgets.numbered import NUMBER_KEYS, numbered


class MultiChoice(SelectionList[int]):
    """Tick any of `choices`; posts `Submitted` with the set of ticked texts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Submit"),
        Binding("space", "select", "Tick"),
        *(
            Binding(key, f"toggle_number({index})", f"Tick {key}", show=False)
            for index, key in enumerate(NUMBER_KEYS)
        ),
    ]

    @dataclass
    class Submitted(Message):
        multi_choice: MultiChoice
        picked: frozenset[str]

        @property
        def control(self) -> MultiChoice:
            return self.multi_choice

    def __init__(self, choices: Sequence[str], *, id: str | None = None) -> None:
        self.choices = tuple(choices)
        super().__init__(*(Selection(numbered(i, c), i) for i, c in enumerate(self.choices)), id=id)

    def action_toggle_number(self, index: int) -> None:
        """Tick or untick the choice numbered `index + 1`, when there is one."""
        if index < len(self.choices):
            self.highlighted = index
            self.toggle(index)

    def action_submit(self) -> None:
        picked = frozenset(self.choices[index] for index in self.selected)
        self.post_message(self.Submitted(self, picked))
