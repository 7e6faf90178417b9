"""English numbers written in words, rewritten as digits: `two thousand and five` → `2005`.

Text in, text out: answer checking runs it over folded (lowercase, unaccented) text before
it reads numbers, so `seven`, `Seven` and `7` fold alike and a wrong number word stays a
wrong number. Ordinals come out with a `th` (`first` → `1th`, `thirty-first` → `31th`) for
the folding to read as an ordinal suffix, as it reads `1st` and `31st`. Pure; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}

VALUES = {
    "zero": (0, "zero"),
    **{word: (n, "unit") for n, word in enumerate(UNITS, start=1)},
    **{word: (n, "teen") for n, word in enumerate(TEENS, start=10)},
    **{word: (n, "ten") for n, word in zip(range(20, 100, 10), TENS, strict=True)},
    "hundred": (100, "hundred"),
    **{word: (n, "scale") for word, n in SCALES.items()},
}
"""Each cardinal word: its value and the kind of word it is, which decides what may follow."""

IRREGULAR_ORDINALS = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}
ORDINALS = {
    **{word.removesuffix("y") + "ieth": word for word in TENS},  # twenty → twentieth
    **{word + "th": word for word in VALUES if word != "zero"},  # four → fourth
    **IRREGULAR_ORDINALS,
}
"""Each ordinal word and the cardinal it is the ordinal of (a few regular forms that no one
writes, such as `oneth`, are read too: harmless, and the table stays one rule)."""

_WORD = "|".join(sorted((*VALUES, *ORDINALS), key=len, reverse=True))
_SCALE = "|".join(("hundred", *SCALES))
SPELLED = re.compile(
    rf"\b(?:a\s+(?=(?:{_SCALE})\b))?(?:{_WORD})(?:(?:\s*-\s*|\s+)(?:and\s+)?(?:{_WORD}))*\b"
)
"""A run of number words, with their hyphens and `and`s: `a hundred and one`, `twenty-first`.
A run can hold several numbers (`two three`) and an `and` that joins none (`one and two`)."""

ANY_WORD = re.compile(r"\b(?:" + _WORD + r")\b")
"""Whether a text has a number word at all: the common case, none, costs one search."""

TOKEN = re.compile(r"[a-z]+")


def spelled_out(plain: str) -> str:
    """`plain` (folded text) with every English number written in words as digits."""
    if ANY_WORD.search(plain) is None:
        return plain
    return SPELLED.sub(lambda run: " ".join(_read_run(TOKEN.findall(run[0]))), plain)


@dataclass(slots=True)
class _Number:
    """A number being read word by word: the finished thousands groups and the group open."""

    total: int = 0
    group: int = 0
    last: str = ""  # the kind of the last word read; "" before the first
    scale: int = 10**12  # the last scale word read: the next one must be smaller

    def takes(self, value: int, kind: str) -> bool:
        """Whether a word of this value and kind continues the number."""
        if kind in ("unit", "teen", "ten"):
            allowed = ("", "hundred", "scale", "and") + (("ten",) if kind == "unit" else ())
            return self.last in allowed
        if kind == "hundred":
            return self.last in ("unit", "teen", "ten") and self.group < 100
        if kind == "scale":
            return self.last in ("unit", "teen", "ten", "hundred") and value < self.scale
        return self.last == ""  # zero stands alone

    def add(self, value: int, kind: str) -> None:
        if kind in ("hundred", "scale") and not self.last:
            self.group = 1  # `hundred` or `thousand` alone, or after `a`
        if kind == "hundred":
            self.group *= 100
        elif kind == "scale":
            self.total += self.group * value
            self.group, self.scale = 0, value
        else:
            self.group += value
        self.last = kind

    @property
    def value(self) -> int:
        return self.total + self.group


def _read_run(words: list[str]) -> Iterator[str]:
    """The numbers in a run of number words, as digits, with the `and`s that join none."""
    number = _Number()
    for word in words:
        if word == "and":
            if number.last in ("hundred", "scale"):
                number.last = "and"
                continue
            yield from (*_finished(number), "and")
            number = _Number()
            continue
        value, kind = VALUES[ORDINALS.get(word, "one" if word == "a" else word)]
        if not number.takes(value, kind):
            yield from _finished(number)
            number = _Number()
        number.add(value, kind)
        if word in ORDINALS or kind == "zero":  # nothing continues an ordinal or a zero
            yield f"{number.value}th" if word in ORDINALS else "0"
            number = _Number()
    yield from _finished(number)


def _finished(number: _Number) -> tuple[str, ...]:
    """The number read so far, if any, and the `and` it could not take."""
    if number.last == "":
        return ()
    return (str(number.value), "and") if number.last == "and" else (str(number.value),)
