"""The numbered prompt every list of choices or items shares: `1. text`, text taken literally."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

NUMBER_KEYS = tuple(str(n) for n in range(1, 10))
"""Keys 1–9 pick the first nine entries of a list."""


def number_of(index: int) -> Content:
    """`2. `, bold in the accent colour, for the entry at 0-based `index`."""
    return Content.styled(f"{index + 1}. ", "b $accent")


def numbered(index: int, text: str) -> Content:
    """`text` after its 1-based number; `text` stays plain even if it looks like markup."""
    return number_of(index) + Content(text)


class Hanging(Visual):
    """`text` after its number, its wrapped lines lined up after the number too: a long
    choice reads as one block beside `2.`, not folded back under it."""

    def __init__(self, index: int, text: str) -> None:
        self.number = number_of(index)
        self.text = Content(text)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        indent = self.number.cell_length
        return indent + self.text.get_optimal_width(rules, container_width - indent)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.text.get_height(rules, max(width - self.number.cell_length, 1))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        indent = self.number.cell_length
        lines = self.text.render_strips(max(width - indent, 1), height, style, options)
        [number] = self.number.render_strips(indent, 1, style, options)
        gutter = Strip.blank(indent, style.rich_style)
        return [
            Strip.join([number if row == 0 else gutter, line]) for row, line in enumerate(lines)
        ]
