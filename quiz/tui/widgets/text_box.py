"""Textual's text box, with the keys it is bound to taken in the order they were typed.

Textual's `Input` inserts a character as soon as it reads it, but a bound key (its own
Backspace, arrows and Enter, the screen's Tab) acts only once it has gone up to the app
and come back as an action: when several keys wait in one read (a fast typist while a
screen is drawn, a paste), the characters after a Backspace go in before it runs
("Bamakx", Backspace, "o" is answered "Bamakx"). Textual's issue 6605; this box runs
the bindings as it reads the key, as the fix proposed there does for its own, and for the
screen's as well. A key is handed to the widget focused when the app reads it, so keys
read with a Tab went into the field it leaves: Tab here moves the focus as the app reads
it (a priority binding), before it hands on the keys after it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

from quiz.tui.screens.choice import ChoosingScreen


class TextBox(Input):
    """An `Input` whose Backspace, arrows, Enter and Tab act in their place among the letters."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)  # a character goes in; any key restarts the cursor's blink
        if event.is_printable or self._read_with_a_choice(event):
            return
        if await self._run_binding(event.key):
            event.stop()
            event.prevent_default()

    def _read_with_a_choice(self, key: events.Key) -> bool:
        """Whether `key` came with a choice made on this screen: not for this screen, it
        goes up to the app, which hands it on to the next (`quiz/tui/key_timing.py`)."""
        screen = self.screen
        return isinstance(screen, ChoosingScreen) and key.time <= screen.chose_at

    async def _run_binding(self, key: str) -> bool:
        """Run now the binding the app would run for `key` when it came back from this box:
        the first of this box's, its containers', the screen's and the app's that acts;
        whether one did. Priority bindings were checked before the key came here."""
        for namespace, bindings in self.screen._modal_binding_chain:
            for binding in bindings.key_to_bindings.get(key, ()):
                if not binding.priority and await self.app.run_action(binding.action, namespace):
                    return True
        return False
