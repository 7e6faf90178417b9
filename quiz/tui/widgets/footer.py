"""Textual's footer, rebuilt only when the bindings it would show have changed.

Textual's `Footer` recomposes all its keys on every bindings signal (each focus change,
screen push or binding refresh), even when nothing it shows differs: about fifteen
rebuilds on the way to the first question. This one compares what it would show with
what it shows and skips identical rebuilds, so it stays exact at a fraction of the cost.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter

Shown = tuple[tuple[object, ...], ...]


class Footer(TextualFooter):
    """The footer every screen docks at its bottom; behaves as Textual's."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None

    def _bindings_shown(self) -> Shown:
        """Everything `compose` reads from the screen's bindings, as a comparable value."""
        if not self._bindings_ready:
            return ()
        return tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
        )

    def compose(self) -> ComposeResult:
        self._shown = self._bindings_shown()
        yield from super().compose()

    async def recompose(self) -> None:
        """Rebuild the keys, unless they would come out as they are."""
        if self.is_attached and self._bindings_shown() == self._shown:
            return
        await super().recompose()
