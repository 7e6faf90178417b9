"""`quiz serve --learners`: each tab asks a name, and each name's answers land in its own
history file, never in another's or the shared one."""

from __future__ import annotations

import os
import sqlite3
from contextlib import AsyncExitStack, closing
from pathlib import Path

from quiz.store.learners import learner_store

from .conftest import Tab, open_tab, start_server


async def answer_one(tab: Tab) -> None:
    """Answer whichever of the two questions the shuffled quiz asks first."""
    screen = await tab.read_until("1 / 2")
    await tab.send_keys("t" if "share a border" in screen else "Bamako\r")
    await tab.read_until("Right")


def answered(store: Path) -> int:
    with closing(sqlite3.connect(store)) as connection:
        [[count]] = connection.execute("SELECT COUNT(*) FROM answers").fetchall()
    return int(count)


async def test_each_tab_keeps_its_learners_history_apart() -> None:
    server = start_server("--learners")
    try:
        async with AsyncExitStack() as stack:
            for name in ("Ada", "Bob"):
                tab = await stack.enter_async_context(open_tab(server.websocket_url(), server.base))
                await tab.read_until("Who is learning?")
                await tab.send_keys(f"{name}\r")
                await answer_one(tab)
    finally:
        server.stop()
    assert answered(learner_store("Ada")) == answered(learner_store("Bob")) == 1
    assert (learner_store("Ada").parent / "name.txt").read_text() == "Ada\n"
    assert not (Path(os.environ["QUIZ_DATA_DIR"]) / "quiz.sqlite3").exists()
