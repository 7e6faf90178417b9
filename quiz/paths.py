"""Where things live on disk: the decks used by default and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"
LOCAL_DECKS = Path("decks")
"""The folder of decks that `quiz` uses, when the current folder has one, instead of the
bundled decks: an author working in a clone (or in their own project) edits and plays
the same files, and `quiz flagged` names those files."""
DATA_DIR_ENV = "QUIZ_DATA_DIR"
CACHE_DIR_ENV = "QUIZ_CACHE_DIR"


def default_decks_dir() -> Path:
    """The decks used when a command names none: `./decks` if there is one, else the
    bundled decks."""
    return LOCAL_DECKS if LOCAL_DECKS.is_dir() else bundled_decks_dir()


def bundled_decks_dir() -> Path:
    """The decks that ship with the app.

    Installed from a wheel they sit inside the package (`quiz/_bundled_decks`, see
    pyproject.toml); in a checkout or an editable install they are the repository's
    top-level `decks/` folder.
    """
    installed = installed_decks_dir()
    return installed if installed.is_dir() else installed.parent.parent / "decks"


def installed_decks_dir() -> Path:
    """Where a wheel puts the bundled decks: a copy inside the installed package, which
    an author should not edit (the next install replaces it)."""
    return Path(__file__).resolve().parent / "_bundled_decks"


def is_installed_copy(path: Path) -> bool:
    """Whether `path` is inside the installed package's copy of the bundled decks."""
    return path.resolve().is_relative_to(installed_decks_dir())


def data_dir() -> Path:
    """The user's data directory (history, study state); `QUIZ_DATA_DIR` overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def store_path() -> Path:
    """The SQLite file that holds history, study state and export times."""
    return data_dir() / "quiz.sqlite3"


def deck_cache_dir() -> Path:
    """Where loaded decks are cached (see `quiz.deck.cache`); `QUIZ_CACHE_DIR` overrides it.

    With `QUIZ_DATA_DIR` set, the cache sits inside it, so a test or a portable setup
    that moves the data keeps everything in that one folder.
    """
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return data_dir() / "cache" / "decks"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "decks"
