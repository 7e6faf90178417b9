"""The app's SQLite store: quiz history, study schedules and export times, in one file.

`database.py` owns the connection, the schema and its migrations; one module per
concern reads and writes its own tables, as plain records (text, numbers, times). The
store sits below play and study: it never imports them, nor the scheduler, Textual or
genanki (the import contracts in pyproject.toml say so).
"""

from quiz.store.database import Clock, Database, StoreError, utc_now

__all__ = ["Clock", "Database", "StoreError", "utc_now"]
