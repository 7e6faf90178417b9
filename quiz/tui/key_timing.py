"""Keys that arrive while the screens change: each goes where the learner meant it.

A terminal read can hold several keys (a quick double press, a paste, a fast typist), and
Textual hands each to whatever is on top when its turn comes, which is not always the
screen it was pressed at:

- keys read before a screen closed were pressed at it, not at the one it uncovers (a
  second escape would leave the quiz under the help);
- an escape pressed again at once after one closed a screen is the same press doubled: a
  quick double tap, or the second of two escapes read together, which Textual's parser
  holds back for 100 ms (to tell a lone escape from the start of an escape sequence) and
  so reads after the first has closed the help;
- keys read with the key that made a choice reach the choosing screen before the choice
  replaces it (Enter on the feedback, then the first letters of the next answer);
- keys read while a new screen is being built reach no widget, as nothing there has the
  focus yet.
"""

from __future__ import annotations

from collections import deque
from pathlib import PurePath

from textual import events
from textual._time import get_time  # the clock of `Message.time`, which Textual stamps keys with
from textual.app import App
from textual.await_complete import AwaitComplete

from quiz.tui.screens.choice import ChoosingScreen, TypedAhead

BUILD_CHECK_SECONDS = 0.005
"""How often held keys look again for their screen being built (which takes 50-200 ms)."""

EDITING_KEYS = frozenset({"backspace", "delete", "left", "right", "home", "end", "enter"})
"""Keys that edit or send text: typed ahead of a choice when they follow text typed ahead."""

DOUBLE_PRESS_SECONDS = 0.3
"""How soon after an escape closed a screen another escape counts as that press doubled
rather than a new one: past Textual's 100 ms hold on an escape and a quick double tap
(60-150 ms), short of a learner who looks at the screen uncovered and then decides (over
250 ms). Only escape: it is the key that closes, and the one the parser holds back; an
Enter right after a name or a dialog's Enter is the learner going on."""


class KeyTimingApp(App[None]):
    """An app that hands each key to the screen it was meant for."""

    def __init__(self, *, css_path: list[str | PurePath]) -> None:
        super().__init__(css_path=css_path)
        self._revealed_at = float("-inf")
        """When a screen last closed: keys read before then were meant for it."""
        self._closed_by_escape = False
        """Whether the last key read before a screen closed was an escape."""
        self._typed_after = float("-inf")
        """When the choice was made that text was last typed ahead of (its `chose_at`)."""
        self._keys_read: deque[events.Key] = deque(maxlen=16)
        """The latest keys read, in order: what came just before a key read with a choice."""
        self._early_keys: list[tuple[events.Key, bool]] = []
        """Keys read before the screen on top could take them, in order, each with whether
        it was typed ahead of a choice."""

    def pop_screen(self) -> AwaitComplete:
        """Close the screen on top; the keys read before it closed will not reach the one below."""
        self._revealed_at = get_time()
        self._closed_by_escape = bool(self._keys_read) and self._keys_read[-1].key == "escape"
        return super().pop_screen()

    async def on_event(self, event: events.Event) -> None:
        """Drop the keys read before the last screen closed: they were pressed at it (a
        double escape on the help, a paste), and Textual would match them to the bindings
        of the screen now on top: a second escape would leave the quiz, a second q quit."""
        if isinstance(event, events.Key):
            if event.time <= self._revealed_at or self._doubles_closing_escape(event):
                return
            self._keys_read.append(event)
            if self._early_keys or not self.screen.is_mounted:
                self._hold_key(event)
                return
        await super().on_event(event)

    def _doubles_closing_escape(self, key: events.Key) -> bool:
        """Whether `key` is an escape pressed again at once after one closed the last screen."""
        return (
            key.key == "escape"
            and self._closed_by_escape
            and key.time - self._revealed_at < DOUBLE_PRESS_SECONDS
        )

    def on_key(self, event: events.Key) -> None:
        """A key that no widget took, before the bindings: one read with the key that made
        a choice here is not for this screen. Typed text is the start of the learner's next
        answer, sent after the choice to wait for the next screen; other keys are dropped."""
        screen = self.screen
        if not isinstance(screen, ChoosingScreen) or event.time > screen.chose_at:
            return
        event.prevent_default()
        if self._typed_ahead(event, screen):
            self._typed_after = screen.chose_at
            screen.post_message(TypedAhead(event.key, event.character))

    def _typed_ahead(self, key: events.Key, screen: ChoosingScreen[object]) -> bool:
        """Whether `key`, read with a choice on `screen`, is typed text rather than a key
        pressed at the screen: a character unbound here, or a letter (a q after Enter on the
        feedback starts "Quebec"), unless it repeats the key before it (r r on the results,
        t t on a true/false: one choice pressed twice). A bound digit or sign is a choice
        pressed twice, or two (3 4 on a study card). Backspace, the arrows and Enter edit or
        send that text when they follow it ("yes", Enter), and repeat the choice when not
        (Enter Enter)."""
        if key.key in EDITING_KEYS:
            return self._typed_after == screen.chose_at
        if not key.is_printable:
            return False
        if key.key not in screen.active_bindings:
            return True
        return bool(key.character and key.character.isalpha()) and not self._repeats(key)

    def _repeats(self, key: events.Key) -> bool:
        """Whether `key` was read straight after the same key."""
        read = list(self._keys_read)
        earlier = read[: next((i for i, k in enumerate(read) if k is key), 0)]
        return bool(earlier) and earlier[-1].key == key.key

    def on_typed_ahead(self, message: TypedAhead) -> None:
        self._hold_key(events.Key(message.key, message.character), typed_ahead=True)

    def _hold_key(self, key: events.Key, *, typed_ahead: bool = False) -> None:
        """Hand a key on once the screen on top is built: until then nothing there has the
        focus, and Textual would give the key to no widget. A key typed ahead of a choice
        goes only into a text box (the next answer), never to another widget or screen."""
        self._early_keys.append((key, typed_ahead))
        if len(self._early_keys) == 1:
            self.call_later(self._release_keys)

    async def _release_keys(self) -> None:
        """Hand the held keys on, in the order they were read, once their screen is built."""
        from textual.widgets import Input  # loaded by any screen with an answer box

        while self._early_keys:
            if not self.screen.is_mounted:
                # Asked again by the app's own timer: a screen switched out before it was
                # built never runs what is left in its queue.
                self.set_timer(BUILD_CHECK_SECONDS, self._release_keys)
                return
            key, typed_ahead = self._early_keys.pop(0)
            if typed_ahead and not isinstance(self.focused, Input):
                continue
            if key.time > self._revealed_at:
                await super().on_event(key)
