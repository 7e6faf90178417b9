"""How big a deck file may be: the bounds that keep loading any file quick and its memory
bounded. Each is far above a real deck; a file past one gets one located error."""

from __future__ import annotations

MAX_BYTES = 256 * 1024 * 1024
"""The file's size. 100,000 questions take about 18 MB."""

MAX_VALUES = 3_000_000
"""YAML values a file may hold, and may expand to through aliases (`*name`).

100,000 questions hold about 1.6 million. Each value costs about 400 bytes while the
file is read, so a file of short values (`[a,a,a,...]`) would need a hundred times its
size in memory; this bounds it near 1 GB. An alias is the same value again, read once
more in each place it appears, so a few of them could otherwise make a small file as
long to read as a huge one.
"""

MAX_TEXT = MAX_BYTES
"""Characters of text the values may expand to through aliases; without aliases the
file's size already bounds it."""

ALIAS_VALUES = 100_000
ALIAS_TEXT = 1_000_000
"""Values and characters that aliases may add to what the file itself holds. Every value
read costs time and memory when the deck is checked and exported, and an alias costs
them again in each place it appears: 120 aliases of one 1 MB text made a 1 MB deck take
16 s to check and 1.9 GB to export. With these, a deck costs about what a file of its
size plus a megabyte would: reusing a list of options or a long explanation a few
hundred times still fits."""

MAX_ERRORS = 100
"""Errors reported per file before reading stops: past this, the file is something
other than a deck with mistakes, and a million errors would take minutes to list."""
