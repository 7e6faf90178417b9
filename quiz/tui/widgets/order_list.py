"""Items to put in order: move the highlighted one with shift+↑/↓ (or k/j), Enter submits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.tui.widgets.numbered import Hanging


class OrderList(OptionList):
    """Reorder `items`; posts `Submitted` with the items in the order the learner left them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # One footer entry for both directions keeps the footer within 80 columns.
        Binding("shift+up,k", "move(-1)", "Move", key_display="shift+↑↓"),
        Binding("shift+down,j", "move(1)", "Move down", show=False),
        Binding("enter", "submit", "Submit"),
    ]

    @dataclass
    class Submitted(Message):
        order_list: OrderList
        order: tuple[str, ...]

        @property
        def control(self) -> OrderList:
            return self.order_list

    def __init__(self, items: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.items = list(items)

    def on_mount(self) -> None:
        self._show(0)

    def _show(self, highlighted: int) -> None:
        self.clear_options()
        self.add_options([Option(Hanging(i, item)) for i, item in enumerate(self.items)])
        self.highlighted = highlighted

    def action_move(self, step: int) -> None:
        """Swap the highlighted item with its neighbour above (-1) or below (+1)."""
        here = self.highlighted
        if here is None or not 0 <= here + step < len(self.items):
            return
        there = here + step
        self.items[here], self.items[there] = self.items[there], self.items[here]
        self._show(there)

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, tuple(self.items)))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        """A click only highlights an item; answering takes Enter, as reordering is by keys."""
        event.stop()
