"""A learner's choice on a screen (an answer, a rating, "retry"), taken only while that screen
is on top; and dialogs that hand back their answer once.

A terminal read can hold several keys (a quick double press, a paste). The app hands every
key of the read to the screen on top before the first key's choice reaches it, so a screen
can post a choice twice. By the time the second arrives, the first has moved on to the next
screen, or to another run: acted on there, it would do what the learner never asked (retry a
retry with nothing missed, start a second quiz, put an old card's flag over the next card).
So a choice names the screen it was made on, and the app drops it once that screen is gone
or covered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

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


class Dialog(ModalScreen[ResultT]):
    """A modal dialog that hands back one answer, and only while it is on top.

    Textual's `dismiss` on a dialog already dismissed would hand the answer back again and
    then pop whichever screen is on top; a second Enter submits a second time.
    """

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete()  # already done: nothing to wait for
        return super().dismiss(result)
