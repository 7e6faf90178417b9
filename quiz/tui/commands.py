"""The app's own entries in the command palette, from small tables of actions: the app's,
and those of the screen the palette was opened on (its `PALETTE`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import ClassVar

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider

PaletteEntry = tuple[str, str, str]
"""(title, what it does, action) of one palette entry."""

APP_ACTIONS: tuple[PaletteEntry, ...] = (
    ("Help", "The keys that work on this screen", "help"),
    ("Study", "Review the highlighted deck's due cards, then new ones", "study"),
    (
        "Undo last rating",
        "Take back the sitting's last rating, suspend or bury; its card shows again",
        "undo",
    ),
    ("Flag this question", "Note what is wrong with it; quiz flagged lists the flags", "flag"),
    ("Statistics", "Quiz scores over time, reviews per day, retention, most missed", "stats"),
    ("Back to the decks", "Leave the quiz; the answers given so far are kept", "stop"),
    ("Quit", "Close the quiz app", "quit"),
)
"""The app's palette entries, each run as an app action."""


class PaletteScreen:
    """Mixed into a screen whose own actions the palette offers, as its footer does."""

    PALETTE: ClassVar[tuple[PaletteEntry, ...]] = ()
    """The screen's palette entries, each run as an action of the screen."""


class QuizCommands(Provider):
    """Offers the app's and the screen's entries in the palette (themes and the rest come
    from Textual)."""

    def _entries(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """The entries allowed now (no "Back to the decks" from the decks, no "Retry missed"
        with nothing missed), each with what runs it."""
        app, screen = self.app, self.screen
        if isinstance(screen, PaletteScreen):
            for title, help_text, action in screen.PALETTE:
                _, name, parameters = parse(action)
                if screen.check_action(name, parameters) is not False:
                    yield title, help_text, partial(app.run_action, action, screen)
        for title, help_text, action in APP_ACTIONS:
            if app.check_action(action, ()) is not False:
                yield title, help_text, partial(app.run_action, action)

    async def discover(self) -> Hits:
        for title, help_text, run in self._entries():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
