"""The base of a study card's two faces: keys and palette entries that set the card aside.

`@` suspends the card (not shown again until the learner unsuspends it) and `-` buries it
until tomorrow: Anki's keys. Where the answer is typed, both are characters of answers
and go to the input, so there they work once the card is turned over (ctrl+r), and from
the command palette on either face. The screen only asks; the app has the session do it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from quiz.study.session import StudySession
from quiz.study.set_aside import Aside
from quiz.tui.commands import PaletteScreen
from quiz.tui.screens.choice import Choice
from quiz.tui.screens.flaggable import FlaggableScreen

SET_ASIDE_BINDINGS = (
    Binding("at", f"set_aside('{Aside.SUSPEND.value}')", "Suspend", key_display="@", show=False),
    Binding("minus", f"set_aside('{Aside.BURY.value}')", "Bury", key_display="-", show=False),
)
"""Listed by each face after its own keys; out of the footer, which has no room at 80
columns: `?` help lists them with the study keys."""


class StudyCardScreen(PaletteScreen, FlaggableScreen):
    """A face of the session's card; posts `SetAside` when the learner suspends or buries it."""

    PALETTE = (
        (
            "Suspend this card",
            "Not shown again until unsuspended (quiz study --unsuspend); its schedule is kept",
            f"set_aside('{Aside.SUSPEND.value}')",
        ),
        (
            "Bury this card",
            "Not shown again until tomorrow; its schedule is kept",
            f"set_aside('{Aside.BURY.value}')",
        ),
    )

    @dataclass
    class SetAside(Choice):
        how: Aside

    def __init__(self, session: StudySession, *, typing: bool = False) -> None:
        super().__init__(session.deck, session.question, typing=typing)
        self.session = session

    def action_set_aside(self, how: str) -> None:
        self.choose(self.SetAside(self, Aside(how)))
