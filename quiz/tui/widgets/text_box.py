"""Textual's text box, with its editing keys taken in the order they were typed.

Textual's `Input` inserts a character as soon as it reads it, but runs its own bound keys
(Backspace, the arrows, Enter) only after they have gone up to the app and come back as
an action: when several keys wait in one read (a fast typist while a screen is drawn,
a paste), the characters after a Backspace go in before it runs, and "Bamakx", Backspace,
"o" is answered "Bamakx". Textual's issue 6605; this box runs its own bindings as it reads
them, as the fix proposed there does.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TextBox(Input):
    """An `Input` whose Backspace, arrows and Enter act in their place among the letters."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)  # a character goes in; any key restarts the cursor's blink
        if not event.is_printable and await self._run_own_binding(event.key):
            event.stop()
            event.prevent_default()

    async def _run_own_binding(self, key: str) -> bool:
        """Run this box's binding for `key` now, as the app would when the key reached it;
        whether one ran. A priority binding was already checked before the key came here."""
        for binding in self._bindings.key_to_bindings.get(key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                return True
        return False
