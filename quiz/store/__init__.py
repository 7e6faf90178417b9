"""The app's SQLite store: quiz history, study schedules and export times, in one file.

`database.py` owns the connection, the schema and its migrations; one module per
concern reads and writes its own tables. Nothing here knows about Textual or genanki.
"""

from quiz.store.database import Clock, Database, StoreError, utc_now

__all__ = ["Clock", "Database", "StoreError", "utc_now"]
