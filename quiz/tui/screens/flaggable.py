"""The base of the screens that show one question: a key flags it ("the date is wrong").

`!` flags, except where the question is answered by typing: a text input takes every
printable key, `!` included, so there ctrl+f (which no input uses) flags instead, and
the footer shows whichever works. The screen only asks; the app opens the note dialog
and saves the flag. Knows nothing of the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding

from quiz.deck.model import AnyQuestion, Deck
from quiz.tui.screens.choice import Choice, ChoosingScreen

FLAG_KEY = "exclamation_mark"
FLAG_KEY_WHILE_TYPING = "ctrl+f"

FLAG_BINDINGS = (
    Binding(FLAG_KEY, f"flag('{FLAG_KEY}')", "Flag", key_display="!"),
    Binding(FLAG_KEY_WHILE_TYPING, f"flag('{FLAG_KEY_WHILE_TYPING}')", "Flag"),
)
"""Each subclass lists these after its own keys, so the footer shows them after the
screen's main keys (bindings inherited from a base class would come first)."""


class FlaggableScreen(ChoosingScreen[None]):
    """Shows `question` of `deck`; posts `Flag` when the learner presses the flag key.

    `typing`: the answer on this screen is typed, so `!` belongs to the input.
    """

    ASKING: ClassVar[bool] = False
    """The question waits for its answer here: no single letter quits (a letter may be
    meant for the answer); ctrl+q still does."""

    @dataclass
    class Flag(Choice):
        """The learner wants to flag `question` of `deck`."""

        deck: Deck
        question: AnyQuestion

    def __init__(self, deck: Deck, question: AnyQuestion, *, typing: bool = False) -> None:
        super().__init__()
        self.deck = deck
        self.question = question
        self.typing = typing

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """One flag key per screen: the one that is not typed into the answer."""
        if action == "flag":
            return parameters == (FLAG_KEY_WHILE_TYPING if self.typing else FLAG_KEY,)
        return True

    def action_flag(self, _key: str) -> None:
        self.choose(self.Flag(self, self.deck, self.question))
