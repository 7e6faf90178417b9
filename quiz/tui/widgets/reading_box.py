"""Text to read (a question's prompt, an answer's feedback) that scrolls when it is long."""

from __future__ import annotations

from textual.containers import VerticalScroll


class ReadingBox(VerticalScroll, can_focus=False):
    """Scrolls with the mouse wheel, or with the keys its screen gives it. Not a Tab stop:
    the focus stays on what the learner can act on, whose keys work only while it has the
    focus (there, a question's letters would vanish, a study card's 1–4 rate nothing)."""
