"""The keys that work on the screen below, and how to answer each type of question."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label, Static

from quiz.tui.text import KIND_NAMES
from quiz.tui.widgets.question_form import HOW_TO_ANSWER

ALWAYS = (
    ("?", "This help"),
    ("ctrl+p", "Command palette: actions and themes"),
    ("q", "Quit (not while a question waits for its answer)"),
    ("ctrl+q", "Quit from anywhere"),
)
"""Keys the footer may not show on every screen."""

STUDYING = (
    ("s", "On the decks: study the highlighted deck"),
    ("ctrl+o", "Study options: fit FSRS's parameters to your reviews"),
    ("space, ctrl+r", "Turn the card over without answering"),
    ("1 2 3 4", "Rate the card: Again, Hard, Good, Easy"),
    ("enter", "Take the suggested rating (lit, with ⏎)"),
    ("@", "Suspend the card: not shown until unsuspended"),
    ("-", "Bury the card until tomorrow"),
    ("ctrl+z", "Undo the last rating, suspend or bury"),
    ("escape", "Stop studying; every rating given is kept"),
)
"""The keys of a study sitting, which Anki users look for; shown on every screen's help."""


class HelpScreen(ModalScreen[None]):
    """A modal over `screen` listing its keys; any of escape, ? or q closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape,question_mark,q", "dismiss", "Close"),
    ]

    def __init__(self, screen: Screen[object], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.below = screen

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Help"
            with VerticalScroll():
                yield Label("Keys on this screen", classes="heading")
                yield self._keys_table()
                yield Label("Answering", classes="heading")
                for kind, how in HOW_TO_ANSWER.items():
                    yield Static(Text.assemble((f"{KIND_NAMES[kind]}: ", "bold"), how))
                yield Label("Studying", classes="heading")
                yield _table(dict(STUDYING))
            yield Label("escape closes this help", id="close-hint")

    def _keys_table(self) -> DataTable[str]:
        """The footer's keys of the screen below, then the ones that work everywhere."""
        rows: dict[str, str] = {}
        for active in self.below.active_bindings.values():
            binding = active.binding
            if binding.show and active.enabled:
                rows.setdefault(self.app.get_key_display(binding), binding.description)
        rows.update(ALWAYS)
        return _table(rows)


def _table(rows: dict[str, str]) -> DataTable[str]:
    """Keys and what they do, two columns without a header."""
    table: DataTable[str] = DataTable(cursor_type="none", show_header=False)
    table.add_columns("Key", "Action")
    for key, description in rows.items():
        table.add_row(key, description)
    return table
