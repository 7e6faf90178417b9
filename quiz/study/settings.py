"""The learner's study settings and their bounds; imports nothing, so the CLI can parse them
without loading the scheduler."""

DEFAULT_NEW_PER_DAY = 20
"""New cards a learner meets per deck and day unless the setting says otherwise."""

MAX_NEW_PER_DAY = 9999
"""The most new cards a day the setting takes: more is a typo, not a plan."""
