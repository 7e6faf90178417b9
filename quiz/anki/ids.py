"""Stable Anki ids and note GUIDs, derived from stable strings; nothing else may feed them.

Why these never come from deck text: Anki matches notes by GUID, note types by id and
(inside a note type) fields and templates by id. If an id followed the text, fixing a
typo would make Anki add a second note or a "Name+" copy of a note type, and the
learner's progress would stay on the old one. The strings hashed here name a place in
the app ("quiz/notetype/choice") or a question's identity (deck id, question id), so
they hold for as long as the question exists. Changing any of them, or the hash, would
orphan every card learners already study: treat them as a published format.
"""

from __future__ import annotations

import hashlib

ID_BASE = 1 << 30
"""Ids fall in [2**30, 2**31): positive, and small enough for every Anki client and for
JavaScript numbers (genanki's own built-in note types use this range)."""


def stable_id(key: str) -> int:
    """A note type, field, template or deck id for `key`, the same on every machine."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return ID_BASE + int.from_bytes(digest[:8], "big") % ID_BASE


def note_guid(deck_id: str, question_id: str) -> str:
    """The GUID of the note for one question: Anki's key for updating it in place."""
    digest = hashlib.sha256(f"quiz/note/{deck_id}/{question_id}".encode()).hexdigest()
    return f"quiz-{digest[:20]}"
