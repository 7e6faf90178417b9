"""The numbered prompt every list of choices or items shares: `1. text`, text taken literally."""

from __future__ import annotations

from textual.content import Content

NUMBER_KEYS = tuple(str(n) for n in range(1, 10))
"""Keys 1–9 pick the first nine entries of a list."""


def numbered(index: int, text: str) -> Content:
    """`text` after its 1-based number; `text` stays plain even if it looks like markup."""
    return Content.from_markup("[b $accent]$number. [/]$text", number=str(index + 1), text=text)
