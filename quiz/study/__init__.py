"""Study mode without a UI: FSRS scheduling, what to study now, suggested ratings, progress.

`scheduler.py` is the only module in the project that imports `fsrs`; everything else
uses its small types (`Rating`, `CardState`). Nothing here knows about Textual.
"""
