"""The app's own entries in the command palette, from one small table of actions."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

APP_ACTIONS = (
    ("Help", "The keys that work on this screen", "help"),
    ("Study", "Review the highlighted deck's due cards, then new ones", "study"),
    ("Flag this question", "Note what is wrong with it; quiz flagged lists the flags", "flag"),
    ("Statistics", "Quiz scores over time, reviews per day, retention, most missed", "stats"),
    ("Back to the decks", "Leave the quiz; the answers given so far are kept", "stop"),
    ("Quit", "Close the quiz app", "quit"),
)
"""(title, what it does, app action) for each palette entry."""


class QuizCommands(Provider):
    """Offers `APP_ACTIONS` in the command palette (themes and the rest come from Textual)."""

    def _actions(self) -> list[tuple[str, str, str]]:
        """The entries whose action the app allows now (no "Back to the decks" from the decks)."""
        app = self.app
        return [entry for entry in APP_ACTIONS if app.check_action(entry[2], ()) is not False]

    async def discover(self) -> Hits:
        for title, help_text, action in self._actions():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._actions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.app.run_action, action),
                    help=help_text,
                )
