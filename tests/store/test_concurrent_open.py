"""Several processes opening a damaged history at the same moment, as several quiz windows
started together after the file was damaged.

Exactly one of them may set the damaged file aside; none may set aside the store another
has just started, nor lose a row it reported saved.
"""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

from quiz.store.database import SIDE_FILES, Database

PROCESSES = 4
ROUNDS = 40
ROWS = 3

OPENER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from quiz.store.database import Database, StoreError

    name = sys.argv[1]
    print("ready", flush=True)
    for line in sys.stdin:
        try:
            db = Database(Path(line.strip()))
            if db.notice:
                print("notice", flush=True)
            for number in range($rows):
                with db.transaction() as connection:
                    connection.execute(
                        "INSERT INTO sessions (deck_id, deck_title, started_at, question_count)"
                        " VALUES (?, '', '', 0)",
                        (name,),
                    )
                print("saved", flush=True)
            db.close()
        except StoreError as exc:
            print(f"error {exc}", flush=True)
        print("done", flush=True)
    """
).replace("$rows", str(ROWS))


def opener(name: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", OPENER, name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    return child


def one_round(children: dict[str, subprocess.Popen[str]], path: Path) -> dict[str, list[str]]:
    """Send `path` to every process at once; what each printed until it was done."""
    for child in children.values():
        assert child.stdin is not None
        child.stdin.write(f"{path}\n")
        child.stdin.flush()
    said: dict[str, list[str]] = {}
    for name, child in children.items():
        assert child.stdout is not None
        said[name] = list(iter(child.stdout.readline, "done\n"))
    return said


def set_aside(folder: Path) -> list[Path]:
    """The copies set aside in `folder`, without their side files."""
    return [path for path in folder.glob("quiz.sqlite3.*-*") if not path.name.endswith(SIDE_FILES)]


def rows_by_process(path: Path) -> Counter[str]:
    db = Database(path)
    try:
        assert db.notice is None
        rows = db.query("SELECT deck_id FROM sessions")
    finally:
        db.close()
    return Counter(row["deck_id"] for row in rows)


def test_processes_opening_a_damaged_file_at_once_set_it_aside_once_and_lose_nothing(
    tmp_path: Path,
) -> None:
    children = {f"p{number}": opener(f"p{number}") for number in range(PROCESSES)}
    junk = random.Random(7)
    try:
        for round_ in range(ROUNDS):
            folder = tmp_path / f"round-{round_}"
            folder.mkdir()
            damaged = junk.randbytes(8192)
            (folder / "quiz.sqlite3").write_bytes(damaged)
            said = one_round(children, folder / "quiz.sqlite3")
            where = f"round {round_}: {said}"
            assert all(not line.startswith("error") for lines in said.values() for line in lines), (
                where
            )
            assert sum(lines.count("notice\n") for lines in said.values()) == 1, where
            [aside] = set_aside(folder)
            assert aside.read_bytes() == damaged, where
            reported = Counter({name: lines.count("saved\n") for name, lines in said.items()})
            assert rows_by_process(folder / "quiz.sqlite3") == reported, where
    finally:
        for child in children.values():
            child.communicate(timeout=60)
