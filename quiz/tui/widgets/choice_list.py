"""A numbered list of choices where a number key, Enter or a click answers at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.tui.widgets.numbered import NUMBER_KEYS, Hanging


class ChoiceList(OptionList):
    """Pick one of `choices`; posts `Chosen` with the choice's text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"pick({index})", f"Choice {key}", show=False)
        for index, key in enumerate(NUMBER_KEYS)
    ]

    @dataclass
    class Chosen(Message):
        choice_list: ChoiceList
        choice: str

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, choices: Sequence[str], *, id: str | None = None) -> None:
        self.choices = tuple(choices)
        options = [Option(Hanging(i, text)) for i, text in enumerate(self.choices)]
        super().__init__(*options, id=id, markup=False)

    def action_pick(self, index: int) -> None:
        """Answer with the choice numbered `index + 1`, when there is one."""
        if index < len(self.choices):
            self.highlighted = index
            self.post_message(self.Chosen(self, self.choices[index]))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.choices[event.option_index]))
