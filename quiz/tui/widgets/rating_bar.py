"""Again / Hard / Good / Easy under a study card: keys 1–4, Enter takes the suggested one.

Each button says when the card would come back (`10m` under `3 Good`), so the learner
sees what a rating means before giving it; it is the wait that rating saves (the session
previews with the fuzz it saves with). The suggested one is lit in its own colour. The
wait has a line of its own so that four buttons fit side by side in 60 columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button
from textual.widgets.button import ButtonVariant

from quiz.study.figures import wait as wait_text
from quiz.study.scheduler import Rating

VARIANTS: dict[Rating, ButtonVariant] = {
    Rating.Again: "error",
    Rating.Hard: "warning",
    Rating.Good: "success",
    Rating.Easy: "primary",
}
"""The colour of each rating's button when it is the suggested one."""


def rating_label(rating: Rating, wait: timedelta, *, suggested: bool = False) -> Content:
    """`3 Good` over `10m`, with ⏎ after the suggested rating (Enter gives it)."""
    enter = " ⏎" if suggested else ""
    return Content(f"{rating.value} {rating.name}{enter}\n{wait_text(wait)}")


class RatingBar(Horizontal, can_focus=True):
    """Four rating buttons; posts `Rated` by key (1–4, Enter) or by click.

    A second rating before the next card shows is dropped by the app (`screens/choice.py`)."""

    DEFAULT_CSS = """
    RatingBar { height: 4; }
    RatingBar Button { width: 1fr; min-width: 0; margin-right: 1; }
    RatingBar Button:last-of-type { margin-right: 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "rate(1)", "Rate", key_display="1–4"),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        Binding("enter", "accept", "Take suggestion"),
    ]

    @dataclass
    class Rated(Message):
        rating: Rating

    def __init__(
        self, waits: Mapping[Rating, timedelta], suggested: Rating | None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.waits = dict(waits)
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        for rating in Rating:
            suggested = rating is self.suggested
            button = Button(
                rating_label(rating, self.waits[rating], suggested=suggested),
                name=str(rating.value),
                id=f"rate-{rating.name.lower()}",
                variant=VARIANTS[rating] if suggested else "default",
            )
            button.can_focus = False  # the bar keeps the focus, so its keys always work
            yield button

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter takes a suggestion only when there is one (not after a flip)."""
        if action == "accept":
            return self.suggested is not None
        return True

    def action_rate(self, value: int) -> None:
        self.post_message(self.Rated(Rating(value)))

    def action_accept(self) -> None:
        if self.suggested is not None:
            self.action_rate(self.suggested.value)

    @on(Button.Pressed)
    def _clicked(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.name:
            self.action_rate(int(event.button.name))
