"""HTML as Anki stores note fields → the plain text a deck holds.

Line breaks and blocks become new lines, list items become '- ' lines, entities are decoded
(so `&lt;b&gt;` becomes the literal text `<b>`), every other tag is dropped, and what a
browser would not show (scripts, styles, comments) is left out. Text in, text out: this
module knows nothing of Anki or decks.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = frozenset(
    {
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "table",
        "tr",
        "ul",
    }
)
"""Elements a browser starts on a new line."""

HIDDEN = frozenset({"script", "style", "head", "title", "template"})
"""Elements whose content a browser does not show."""

WHITESPACE = re.compile(r"[ \t\n\r\f]+")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")


def looks_like_html(text: str) -> bool:
    """Whether text contains a tag or an entity, for files that do not say if they hold HTML."""
    return TAG.search(text) is not None


def html_to_text(html: str) -> str:
    """The text a reader sees in `html`, with its line breaks; runs of blank lines become one."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [line.rstrip() for line in "".join(parser.parts).replace("\xa0", " ").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _TextParser(HTMLParser):
    """Collects text as a browser would lay it out, one line per line break or block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS:
            self._new_line()
            self._pre += tag == "pre"
            if tag == "li":
                self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCKS:
            self._new_line()
            self._pre = max(0, self._pre - (tag == "pre"))

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if not self._pre:  # a browser shows a run of spaces and line breaks as one space
            data = WHITESPACE.sub(" ", data)
            if not self.parts or self.parts[-1].endswith("\n"):
                data = data.lstrip(" ")
        if data:
            self.parts.append(data)

    def _new_line(self) -> None:
        """Start a new line unless one was just started: nested blocks make one break."""
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")
