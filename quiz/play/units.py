"""What may follow a number in an answer and means the same however it is written.

An ordinal suffix (`1st`, `2nd`, `31st`; number words give `1th`) and the common units
(`km`, `kilometres`, `kilometers`; `%`, `percent`, `per cent`) each have one canonical
form. They are read only right after a number, so `km` means kilometres in `2 km` and
stays a word elsewhere. Pure; no I/O.
"""

from __future__ import annotations

import re

UNIT_NAMES = {
    "km2": ("km2", r"sq\.?\s*km", r"square\s+kilomet(?:re|er)s?"),
    "km/h": ("km/h", "kmh", "kph", r"kilomet(?:re|er)s?\s+(?:per|an)\s+hour"),
    "km": ("km", "kms", r"kilomet(?:re|er)s?"),
    "cm": ("cm", r"centimet(?:re|er)s?"),
    "mm": ("mm", r"millimet(?:re|er)s?"),
    "m2": ("m2", r"sq\.?\s*m", r"square\s+met(?:re|er)s?"),
    "m": ("m", r"met(?:re|er)s?"),
    "mi": ("mi", "miles?"),
    "ft": ("ft", "foot", "feet"),
    "kg": ("kg", "kgs", r"kilo(?:gram(?:me)?)?s?"),
    "g": ("g", r"gram(?:me)?s?"),
    "t": ("t", "tonnes?"),
    "ml": ("ml", r"millilit(?:re|er)s?"),
    "l": ("l", r"lit(?:re|er)s?"),
    "h": ("h", "hrs?", "hours?"),
    "min": ("min", "mins", "minutes?"),
    "%": ("%", "percent", "pct", r"per\s+cent"),
    "°": ("°", "degrees?"),
}
"""Each unit's canonical form and the ways of writing it (regular expressions over folded,
lowercase text). Seconds are left out: `s` after a number is the `1990s`. `km²` folds to
`km2` before this reads it, as accents fold away."""

ORDINAL = "st|nd|rd|th"

_FORMS = sorted(
    ((form, unit) for unit, forms in UNIT_NAMES.items() for form in forms),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
AFTER_NUMBER = re.compile(
    rf"(?P<ordinal>{ORDINAL})(?!\w)|\s*(?:"
    + "|".join(f"(?P<u{index}>{form})" for index, (form, _) in enumerate(_FORMS))
    + r")(?!\w)"
)
"""An ordinal suffix right after a number's last digit, or a unit after it; the longest
written form first, so `km/h` is not `km` and `min` is not `m`."""

_CANONICAL = {f"u{index}": unit for index, (_, unit) in enumerate(_FORMS)}


def after_number(found: re.Match[str]) -> str:
    """The canonical form of what `AFTER_NUMBER` found: `th` for any ordinal, or the unit."""
    if found["ordinal"]:
        return "th"
    assert found.lastgroup is not None, "AFTER_NUMBER has a group in each branch"
    return _CANONICAL[found.lastgroup]
