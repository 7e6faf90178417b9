"""Textual's footer, rebuilt only when the bindings it would show have changed, its keys
made in the style they are shown in.

Textual's `Footer` recomposes all its keys on every bindings signal (each focus change,
screen push or binding refresh), even when nothing it shows differs: about fifteen
rebuilds on the way to the first question. This one compares what it would show with
what it shows and skips identical rebuilds, so it stays exact at a fraction of the cost.

Each key Textual makes starts compact, is made compact again as it mounts and is then
switched to the footer's style: two restyles of the key and of its two parts, for every
key of every footer drawn. This footer gives its keys their style before they mount.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

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
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # The style each key ends up in, set before a watcher can see it: the
                # footer's, bound by Textual; the palette key, left unbound, stays compact.
                compact = widget.has_class("-command-palette") or self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        """Rebuild the keys, unless they would come out as they are."""
        if self.is_attached and self._bindings_shown() == self._shown:
            return
        await super().recompose()
