"""The learner's study settings and their bounds; imports nothing, so the CLI can parse them
without loading the scheduler."""

DEFAULT_NEW_PER_DAY = 20
"""New cards a learner meets per deck and day unless the setting says otherwise."""

MAX_NEW_PER_DAY = 9999
"""The most new cards a day the setting takes: more is a typo, not a plan."""

DEFAULT_RETENTION = 0.9
"""The share of cards FSRS aims to have the learner recall when they fall due (its default)."""

DEFAULT_LEECH_THRESHOLD = 8
"""A card forgotten this many times is a leech (Anki's default); 0 marks none."""

MAX_LEECH_THRESHOLD = 99
"""The highest leech threshold taken: a card forgotten a hundred times is a leech."""

MIN_RETENTION, MAX_RETENTION = 0.7, 0.99
"""The desired retentions taken, as Anki's deck options take them: below, reviews get
too rare to learn from; above, their number explodes."""


def retention_problem(value: float) -> str:
    """Why `value` is no desired retention, or "" when it is one."""
    if MIN_RETENTION <= value <= MAX_RETENTION:
        return ""
    return f"a share from {MIN_RETENTION} to {MAX_RETENTION}, such as 0.9"


def new_per_day_problem(value: int) -> str:
    """Why `value` is no daily new-card limit, or "" when it is one."""
    if 0 <= value <= MAX_NEW_PER_DAY:
        return ""
    return f"a whole number from 0 to {MAX_NEW_PER_DAY}"


def leech_threshold_problem(value: int) -> str:
    """Why `value` is no leech threshold, or "" when it is one."""
    if 0 <= value <= MAX_LEECH_THRESHOLD:
        return ""
    return f"a whole number from 0 (no leeches) to {MAX_LEECH_THRESHOLD}"
