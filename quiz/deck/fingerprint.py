"""A question's content fingerprint: what a learner reads, hashed.

A flag a learner raises on a question is about the text they saw; once an author edits
that text the flag has been dealt with. Comparing fingerprints tells the two apart
without keeping old copies of decks. Ids, tags, sections and `silence` are not
content a learner judges, so changing them keeps a flag.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

from quiz.deck.model import AnyQuestion

NOT_CONTENT = frozenset({"id", "section", "tags", "silence", "line", "column"})


def content_fingerprint(question: AnyQuestion) -> str:
    """A short stable hash of the question's type and the text of its content fields."""
    content = {
        f.name: getattr(question, f.name)
        for f in dataclasses.fields(question)
        if f.name not in NOT_CONTENT
    }
    canonical = json.dumps([question.kind, content], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
