"""How a typed answer is compared with an expected one: folding, numbers, dates, typos.

Pure functions over strings; they know nothing of questions, sessions or any UI. The
articles a deck's language drops from the start of an answer are passed in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, InvalidOperation
from functools import cache

from quiz.deck.languages import ENGLISH, KNOWN_ARTICLES
from quiz.play.numberwords import spelled_out
from quiz.play.units import AFTER_NUMBER, after_number

MINUS = r"(?<!\w)[-−–]|\b(?:minus|negative)\s+"
"""A minus before a number: `-7`, `−7` (U+2212, as typeset text has it), `–7` (an en dash,
as print often sets a minus), `minus 7`. A dash is a minus only where it starts a word:
after a letter or a digit it joins (`F-16`, `al-Qaeda`, the range `2012-2013`), and
punctuation folds it away."""

NUMBER = re.compile(rf"(?P<minus>{MINUS})?(?P<digits>\d+(?:[.,]\d+)*)")
"""A number as people type it: `7`, `1.5`, `1,5`, `1,000`, `1.000.000`, `-7`."""

SEPARATOR = re.compile(r"[.,]")
"""A decimal or thousands separator inside a `NUMBER`."""

KEPT_SYMBOLS = frozenset("%$€£¥°")
"""Symbols that change what an answer means (`1%` is not `1`), so folding keeps them."""

ASCII_DROPPED = re.compile(r"[^a-z0-9%$]+")
"""What folding drops from ASCII text once lowercased: all but letters, digits and the
ASCII members of `KEPT_SYMBOLS`."""

DOTLESS = str.maketrans("ıȷ", "ij")
"""Dotless i and j fold to i and j, as accents fold away: `KIR` is how `Kır` is
written in capitals, and how most keyboards type it."""

MIN_FUZZY_LENGTH = 5
"""Below this many letters a typo is too likely to be another word ("Gao" and "Mao")."""

MAX_FUZZY_LENGTH = 200
"""Typos are forgiven in answers up to this long (folded): edit distance takes time that
grows with the product of the lengths, seconds for two pasted pages, and no one types
an answer this long by hand."""

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
DATE_FORMS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}",  # 7 April 2025, 7th of April, 2025
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # April 7, 2025 / March 31st 2025
        r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})",  # 2025-04-07
    )
)
"""The date forms we read; day/month order in `7/4/2025` is ambiguous, so it is not one."""

MONTH_FORMS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"{_MONTH},?\s+{_YEAR}",  # December 2023, Dec. 2023
        r"(?P<year>\d{4})-(?P<month>\d{1,2})",  # 2023-12
        r"(?P<month>\d{1,2})/(?P<year>\d{4})",  # 12/2023
    )
)
"""The forms of a month of a year. `12/2023` is read: a four-digit year cannot be a month,
so unlike `7/4/2025` it is not ambiguous."""


@dataclass(frozen=True, slots=True)
class Match:
    """How a typed answer matched one expected form: exactly (after folding) or with typos."""

    expected: str
    exact: bool


ENGLISH_ARTICLES = KNOWN_ARTICLES[ENGLISH]
"""The articles dropped from the start of an answer unless a deck names its own."""


def fold(text: str, articles: tuple[str, ...] = ENGLISH_ARTICLES) -> str:
    """A comparison key: accents, case, punctuation, spacing and a leading article gone;
    numbers canonical with their minus kept, whether written in digits or in English words.

    Each number becomes `<n>` with `n` in canonical form, so `1%` and `1 %` fold alike
    while `1.5` and `15`, which lose only a dot to punctuation removal, do not. Marks go
    before numbers are found: an accent typed between two digits (9, U+0300, 9) must not
    split one number into two. An ordinal suffix or a unit right after a number folds to
    one form (`1st` and `first`; `2 km` and `2 kilometres`).
    """
    plain = spelled_out(_without_article(_unmarked(text), articles))
    parts: list[str] = []
    position = 0
    while found := NUMBER.search(plain, position):
        parts.append(_words(plain[position : found.start()]))
        parts.append(f"<{_signed(found)}>")
        position = found.end()
        suffix = AFTER_NUMBER.match(plain, position)
        if suffix is not None:  # read past it: `km2` holds a digit that is no number
            parts.append(after_number(suffix))
            position = suffix.end()
    parts.append(_words(plain[position:]))
    return "".join(parts)


def _without_article(plain: str, articles: tuple[str, ...]) -> str:
    """`plain` without the article it starts with, when more follows the article."""
    return _leading_article(articles).sub("", plain, count=1)


@cache
def _leading_article(articles: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a deck's articles: each followed by a space, or by nothing when it
    ends in an apostrophe (French `l'`), and then by something that is not a space."""
    forms = []
    for article in sorted(articles, key=len, reverse=True):
        word = re.escape(_unmarked(article).rstrip("'’"))
        forms.append(rf"{word}['’]\s*" if article.endswith(("'", "’")) else rf"{word}\s+")
    if not forms:
        return re.compile(r"(?!)")
    return re.compile(rf"^\s*(?:{'|'.join(forms)})(?=\S)")


def _unmarked(text: str) -> str:
    """`text` case-folded and decomposed, its combining marks (accents) gone."""
    if text.isascii():  # most text: the same result, without a step per character
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(DOTLESS)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(plain: str) -> str:
    """The letters, digits and kept symbols of unmarked text between its numbers."""
    if plain.isascii():
        return ASCII_DROPPED.sub("", plain)
    return "".join(char for char in plain if char.isalnum() or char in KEPT_SYMBOLS)


def _signed(number: re.Match[str]) -> str:
    """A `NUMBER` in canonical form with its minus, which folding must not drop as
    punctuation: `-40` is not `40`. A plus does drop, as `+5` is `5`, and so does the
    minus of zero, as `-0` is `0`."""
    digits = canonical_number(number["digits"])
    return f"-{digits}" if number["minus"] and digits != "0" else digits


def canonical_number(token: str) -> str:
    """`1,000` → `1000`, `1,5` and `1.5` → `1.5`, `007` → `7`.

    A separator followed by exactly three digits in every group reads as a thousands
    separator, except a single dot (`1.000` is one point nought in English); the last
    separator of a mixed number (`1,234.5`, `1.234,5`) is the decimal one.
    """
    groups = SEPARATOR.split(token)
    separators = SEPARATOR.findall(token)
    if not separators:
        whole, fraction = token, ""
    elif len(set(separators)) > 1:
        whole, fraction = "".join(groups[:-1]), groups[-1]
    elif all(len(g) == 3 for g in groups[1:]) and separators != ["."]:
        whole, fraction = "".join(groups), ""
    elif len(separators) == 1:
        whole, fraction = groups
    else:
        return token
    try:
        value = Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return token
    return f"{value.normalize(_exact(len(token))):f}"


def _exact(digits: int) -> Context:
    """A context that keeps every digit: the default rounds to 28, which made
    `1000000000000000000000000000001` and `1000000000000000000000000000000` one number."""
    return Context(prec=max(digits, 1), Emax=MAX_EMAX, Emin=MIN_EMIN)


NUMBER_KEY = re.compile(r"<([^<>]*)>")
"""A number in a folded key: nothing else in a key has `<` or `>`."""


def numbers_in(key: str) -> tuple[str, ...]:
    """The numbers in a folded key, canonical; a typo may never change one."""
    return tuple(NUMBER_KEY.findall(key))


def parse_date(text: str) -> date | None:
    """The date `text` is, when it is one date and nothing else in a form we know."""
    found = _read(DATE_FORMS, text)
    if found is None:
        return None
    match, month = found
    try:
        return date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return None


def parse_month(text: str) -> tuple[int, int] | None:
    """The (year, month) `text` is, when it is one month of a year and nothing else."""
    found = _read(MONTH_FORMS, text)
    return None if found is None else (int(found[0]["year"]), found[1])


def _read(forms: tuple[re.Pattern[str], ...], text: str) -> tuple[re.Match[str], int] | None:
    """The first of `forms` that `text` is, with its month as a number from 1 to 12."""
    cleaned = " ".join(text.casefold().replace(",", ", ").split()).strip(" .")
    for form in forms:
        found = form.fullmatch(cleaned)
        if found is None:
            continue
        month = found["month"]
        number = int(month) if month.isdigit() else MONTHS.get(month)
        return (found, number) if number is not None and 1 <= number <= 12 else None
    return None


def allowed_typos(key: str) -> int:
    """Typos forgiven in an answer of this folded key: none when short, one, then two."""
    letters = sum(char.isalpha() for char in key)
    if letters < MIN_FUZZY_LENGTH:
        return 0
    return 1 if letters < 10 else 2


def match_text(
    given: str, expected: tuple[str, ...], articles: tuple[str, ...] = ENGLISH_ARTICLES
) -> Match | None:
    """The first expected form `given` matches: exactly, as the same date, or with typos.

    Dates are compared as dates only when the expected form is a date (or a month of a
    year). Typos are forgiven only when the numbers in both answers are the same, so a
    typo can never turn a wrong number or year into a right one, and never in a date.
    """
    key = fold(given, articles)
    if not key:
        return _same_symbols(given, expected)
    wanted = [fold(form, articles) for form in expected]
    for form, form_key in zip(expected, wanted, strict=True):
        if form_key == key or _same_date(given, form):
            return Match(form, exact=True)
    numbers = numbers_in(key)
    for form, form_key in zip(expected, wanted, strict=True):
        if (
            numbers_in(form_key) == numbers
            and not _is_date(form)
            and _typo_of(key, form_key)
            and _each_word_close(given, form)
        ):
            return Match(form, exact=False)
    return None


def _typo_of(key: str, wanted: str) -> bool:
    """`key` is `wanted` with no more typos than its length allows."""
    limit = allowed_typos(wanted) if len(wanted) <= MAX_FUZZY_LENGTH else 0
    if not limit:
        return False
    # Imported here, at the first typed answer that is not exact: a quiz opens without it.
    from rapidfuzz.distance import OSA

    return OSA.distance(key, wanted, score_cutoff=limit) <= limit


def _each_word_close(given: str, expected: str) -> bool:
    """No word carries more typos than a word of its length is forgiven (at least one).

    The answer's budget alone let two typos land in one short word, and two letters are
    all that part "northern Mali" from "southern Mali". Where a space was typed or lost,
    the words don't pair up, and the whole answer's budget is the only rule.
    """
    from rapidfuzz.distance import OSA

    typed = [key for word in given.split() if (key := fold(word, ()))]
    wanted = [key for word in expected.split() if (key := fold(word, ()))]
    if len(typed) != len(wanted):
        return True
    return all(
        OSA.distance(word, form) <= max(1, allowed_typos(form))
        for word, form in zip(typed, wanted, strict=True)
    )


def _same_symbols(given: str, expected: tuple[str, ...]) -> Match | None:
    """An answer of symbols alone (`?`, `+`, `…`) folds to nothing: compare it exactly,
    up to case, width and spacing, or an answer like `+` could never be typed right."""
    plain = _plain(given)
    if not plain:
        return None
    return next((Match(form, exact=True) for form in expected if _plain(form) == plain), None)


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _same_date(given: str, expected: str) -> bool:
    day = parse_date(expected)
    if day is not None:
        return parse_date(given) == day
    month = parse_month(expected)
    return month is not None and parse_month(given) == month


def _is_date(text: str) -> bool:
    return parse_date(text) is not None or parse_month(text) is not None
