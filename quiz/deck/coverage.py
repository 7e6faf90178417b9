"""How much of a deck's source its quotes cover, sentence by sentence.

A source file is read as Markdown: what comes before the first `## ` heading is the
page's chrome (title, attribution, infobox) and sections such as References are
bibliography; neither states facts to learn. Every other sentence should be quoted
by at least one question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quiz.deck.source import PARAGRAPH_BREAK, SourceText, normalise, split_sentences

NOT_CONTENT = {"references", "notes", "see also", "external links", "further reading", "sources"}


@dataclass(frozen=True, slots=True)
class Coverage:
    """The source's fact-stating sentences, and those that no quote touches."""

    sentences: tuple[str, ...]
    uncovered: tuple[str, ...]

    @property
    def covered(self) -> int:
        return len(self.sentences) - len(self.uncovered)

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / len(self.sentences) if self.sentences else 100.0


def content_sentences(raw: str) -> list[str]:
    """The sentences of the source's content sections, citation marks removed."""
    sentences: list[str] = []
    in_content = False
    for paragraph in PARAGRAPH_BREAK.split(raw):
        heading = re.match(r"#{2,}\s+(.*)", paragraph.strip())
        if heading:
            in_content = heading[1].strip().lower() not in NOT_CONTENT
        elif in_content:
            sentences.extend(split_sentences(paragraph))
    return sentences


def coverage(source: SourceText, quotes: Iterable[str]) -> Coverage:
    """A sentence counts as covered when some quote overlaps it in the source text."""
    found = quoting(source, list(quotes))
    sentences = tuple(sentence for sentence, _ in found)
    return Coverage(sentences, tuple(sentence for sentence, hits in found if not hits))


def quoting(source: SourceText, quotes: Sequence[str]) -> list[tuple[str, tuple[int, ...]]]:
    """Each content sentence of the source, with the positions in `quotes` of the quotes
    that overlap it: coverage asks which sentences have none, lint which have too many."""
    text = source.text
    quoted = [_spans(text, normalise(quote)) if quote else [] for quote in quotes]
    found = []
    for sentence in content_sentences(source.raw):
        spans = _spans(text, sentence)
        hits = tuple(
            number
            for number, places in enumerate(quoted)
            if any(_overlaps(s, q) for s in spans for q in places)
        )
        found.append((sentence, hits))
    return found


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text`, left to right without overlapping, as a search for
    it would find; a plain `find` rather than a pattern compiled for each of the quotes."""
    spans = []
    start = text.find(needle)
    while start != -1:
        end = start + len(needle)
        spans.append((start, end))
        start = text.find(needle, max(end, start + 1))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
