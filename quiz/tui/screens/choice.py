"""A learner's choice on a screen (an answer, a rating, "retry"), taken only while that screen
is on top; and dialogs that hand back their answer once.

A terminal read can hold several keys (a quick double press, a paste). The app hands every
key of the read to the screen on top before the first key's choice reaches it, so a screen
can post a choice twice. By the time the second arrives, the first has moved on to the next
screen, or to another run: acted on there, it would do what the learner never asked (retry a
retry with nothing missed, start a second quiz, put an old card's flag over the next card).
So a choice names the screen it was made on, and the app drops it once that screen is gone
or covered. And the screen that chose drops the keys read with the choosing key, except the
letters of what comes next: Enter on the feedback and the first letters of the next answer,
typed quickly, reach the next question's answer box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from textual._time import get_time  # the clock of `Message.time`, which Textual stamps keys with
from textual.await_complete import AwaitComplete
from textual.message import Message
from textual.screen import ModalScreen, Screen

ResultT = TypeVar("ResultT")


@dataclass
class Choice(Message):
    """Made on `screen`; `stale` once another screen has replaced or covered it."""

    screen: Screen[Any]

    @property
    def stale(self) -> bool:
        return not self.screen.is_active


@dataclass
class TypedAhead(Message):
    """A letter read with the key that made a choice: typed for the screen that comes next."""

    key: str
    character: str | None


class ChoosingScreen(Screen[ResultT]):
    """A screen the learner leaves by a choice, posted with `choose`.

    The keys read with the choosing key come after it, before the choice has replaced the
    screen: the app drops those that mean something here (a double Enter, a rating pressed
    twice) and hands the letters to the next screen's answer box (`QuizApp.on_key`).
    """

    chose_at = float("-inf")
    """When the learner last chose here, on the clock Textual stamps keys with."""

    def choose(self, choice: Choice) -> None:
        self.chose_at = get_time()
        self.post_message(choice)


class Dialog(ModalScreen[ResultT]):
    """A modal dialog that hands back one answer, and only while it is on top.

    Textual's `dismiss` on a dialog already dismissed would hand the answer back again and
    then pop whichever screen is on top; a second Enter submits a second time.
    """

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete()  # already done: nothing to wait for
        return super().dismiss(result)
