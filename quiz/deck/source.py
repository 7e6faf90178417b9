"""The source text a deck is derived from, and the verbatim-quote check against it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quiz.deck.limits import MAX_BYTES
from quiz.files import read_plain_file

CITATION_MARK = re.compile(r"\[\d+\]")
"""Wikipedia-style reference markers, `[12]`: not part of what a sentence says."""

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def normalise(text: str) -> str:
    """Collapse whitespace so a quote may wrap differently from its source."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class SourceText:
    """A source file's text, normalised once so every quote check is a substring search."""

    path: Path
    raw: str

    @property
    def text(self) -> str:
        return _normalised_body(self.raw)

    def contains(self, quote: str) -> bool:
        """True when `quote` appears verbatim (whitespace-normalised) in the source."""
        return normalise(quote) in self.text

    def closest(self, quote: str) -> str:
        """The sentence of the source most like `quote`, to show authors what differs."""
        # Imported here: only a quote missing from its source needs it, and its import
        # (about 10 ms) would otherwise slow every deck that loads and `quiz check`.
        from rapidfuzz import process

        best = process.extractOne(normalise(quote), split_sentences(self.raw), score_cutoff=60)
        return best[0] if best else ""


@cache
def _normalised_body(raw: str) -> str:
    return normalise(CITATION_MARK.sub("", raw))


def read_source(path: Path) -> SourceText:
    """Read a source file as UTF-8; raises FileNotFoundError, FileProblem (a pipe, a
    device, a file past `MAX_BYTES`...) or UnicodeDecodeError for the caller."""
    return SourceText(path, read_plain_file(path, MAX_BYTES).decode("utf-8"))


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, paragraph by paragraph, normalised, citation marks removed."""
    sentences: list[str] = []
    for paragraph in PARAGRAPH_BREAK.split(text):
        flat = normalise(CITATION_MARK.sub("", paragraph))
        sentences.extend(s for s in SENTENCE_END.split(flat) if s)
    return sentences
