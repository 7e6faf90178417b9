"""Benchmarks: the app's speed and memory as ratios against baselines measured in the same run.

Run `python tests/bench.py` (add `--sizes 1000 10000` to pick deck sizes, `--repeat N`
for more runs). Each figure is the median of several runs, printed next to its baseline
and as a ratio, because these machines are noisy and only ratios compare across runs.
The table is Markdown, ready for the README. pytest does not collect this file: it is a
script, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import contextlib
import io
import os
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

import quiz
from quiz.cli import main as quiz_main
from quiz.deck.library import load_decks
from quiz.deck.loader import load_deck
from quiz.deck.model import TextQuestion
from quiz.paths import bundled_decks_dir
from quiz.play.scoring import check_answer
from quiz.store.database import Database
from quiz.store.instants import timestamp
from quiz.study.cards import record_review
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.study.session import StudySession

QUESTION_TEMPLATES = (
    """  - id: choice-{n}
    type: choice
    section: Section {s}
    prompt: Which city is number {n} in the list of cities?
    choices: [Gao, Bamako, Kidal, Timbuktu]
    answer: Gao
    explain: Gao is the answer to question {n}.
    tags: [geography, t{s}]
""",
    """  - id: multi-{n}
    type: multi
    section: Section {s}
    prompt: Which of these belong to group {n}? Select all that apply.
    choices: [Algeria, Mali, Nigeria, Ghana]
    answers: [Algeria, Mali]
    tags: [history]
""",
    """  - id: truefalse-{n}
    type: truefalse
    section: Section {s}
    prompt: Statement number {n} is true.
    answer: true
""",
    """  - id: text-{n}
    type: text
    section: Section {s}
    prompt: On what date did event {n} happen?
    answer: 7 April 2025
    accept: ["April 7, 2025", 2025-04-07]
""",
    """  - id: cloze-{n}
    type: cloze
    section: Section {s}
    text: Algeria keeps an embassy in {{{{c1::Bamako}}}} and a consulate in {{{{c2::Gao}}}} ({n}).
""",
    """  - id: order-{n}
    type: order
    section: Section {s}
    prompt: Put the events of series {n} in order.
    items: [Consulate seized, Ambassador recalled, Drone shot down, Flights banned]
""",
)

PAINTED = """
import asyncio
import os

async def painted(app, screen_type):
    # Wait until a `screen_type` is on top, then until it has been drawn once.
    while not (isinstance(app.screen, screen_type) and app.screen.is_mounted):
        await asyncio.sleep(0.001)
    drawn = asyncio.Event()
    app.screen.call_after_refresh(drawn.set)
    await drawn.wait()

def press(app, key, character=None):
    from textual import events
    app._driver.send_message(events.Key(key, character))

def stop():
    # Exit at the moment measured: freeing a big heap on the way out takes its own time.
    os._exit(0)
"""
"""What both app drivers share. Keys go straight to the driver: `Pilot.press` waits for
the process to idle after each key, which would add its own pauses to the timing.
Textual is imported only where the app imports it, so each process starts as it would."""

HEADLESS = """
import sys
import quiz.commands as commands
from quiz.cli import main

app_class = commands.quiz_app_class

def headless_app_class():
    # The CLI's own app class, run headless with `drive` as its pilot.
    cls = app_class()
    run = cls.run
    cls.run = lambda app: run(app, headless=True, size=(80, 24), auto_pilot=drive)
    return cls

commands.quiz_app_class = headless_app_class  # `run_app` builds the app through it
"""
"""Runs `quiz play` as the CLI does (importing the app where it does), headless at 80×24."""

FIRST_QUESTION = (
    PAINTED
    + HEADLESS
    + """
async def drive(pilot):
    from quiz.tui.screens.question import QuestionScreen
    await painted(pilot.app, QuestionScreen)
    stop()

sys.exit(main(["play", "--seed", "7", *sys.argv[1:]]))
"""
)
"""`quiz play DECK` as the CLI builds it, driven headless: one deck named starts its quiz,
and the process exits as soon as the first question has been drawn."""

THROUGH_THE_DECKS = (
    PAINTED
    + HEADLESS
    + """
async def drive(pilot):
    from quiz.tui.screens.home import HomeScreen
    from quiz.tui.screens.question import QuestionScreen
    from quiz.tui.screens.setup import SetupScreen
    from time import perf_counter
    await painted(pilot.app, HomeScreen)
    start = perf_counter()
    press(pilot.app, "enter", "\\r")  # the highlighted deck
    await painted(pilot.app, SetupScreen)
    options = perf_counter()
    press(pilot.app, "ctrl+s")  # start with the default options
    await painted(pilot.app, QuestionScreen)
    question = perf_counter()
    print((options - start) * 1000, (question - options) * 1000, file=sys.stderr)
    stop()

sys.exit(main(["play", "--seed", "7"]))
"""
)
"""`quiz` on the bundled decks: the deck list, Enter on the deck, its options, start; the
keys are sent as soon as each screen is drawn, so the figure is the app's own time. It
prints how long each key took to show its screen, in milliseconds."""

MINIMAL_APP = (
    PAINTED
    + """
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

class Minimal(App[None]):
    def compose(self):
        yield Static("Which city is Mali's capital?")

async def first_frame(pilot):
    await painted(pilot.app, Screen)
    stop()

Minimal().run(headless=True, size=(80, 24), auto_pilot=first_frame)
"""
)
"""The baseline of the first question: a Textual app that exits after its first frame,
measured the same way."""

TEXTUAL_QUESTION = (
    PAINTED
    + """
from textual.app import App
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

class Question(Screen[None]):
    BINDINGS = [("escape", "app.quit", "Stop"), ("ctrl+f", "app.bell", "Flag"),
                ("question_mark", "app.bell", "Help")]
    AUTO_FOCUS = "Input"
    CSS = '''
    #header { height: 2; padding: 0 1; background: $panel; }
    #form { padding: 0 1; }
    #heading, #how { color: $text-muted; padding-top: 1; }
    #prompt { text-style: bold; padding: 1 0; }
    #prompt-box { height: auto; max-height: 50%; }
    '''

    def compose(self):
        header = "Algeria-Mali relations".ljust(72) + "1 / 50|" + "-" * 56 + " Score 0  Time 0:00"
        yield Static(header.replace("|", chr(10)), id="header")
        with Vertical(id="form"):
            with VerticalScroll(id="prompt-box"):
                yield Label("Type the answer · Introduction", id="heading")
                yield Static("Which aircraft does the article name as a likely means?", id="prompt")
            yield Input(placeholder="Your answer")
            yield Label("Type your answer and press Enter.", id="how")
        yield Footer()

class Floor(App[None]):
    def on_mount(self):
        self.push_screen(Question())

async def first_frame(pilot):
    await painted(pilot.app, Question)
    stop()

Floor().run(headless=True, size=(80, 24), auto_pilot=first_frame)
"""
)
"""Textual's own floor under the first question: a minimal app whose first screen has the
widgets a typed question needs (a one-widget header, the question, an answer box, a
footer of its keys), and nothing of ours."""

BARE_LOAD = """
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as file:
    yaml.load(file, Loader=yaml.CSafeLoader)
"""

BARE_EXPORT = """
import sys, genanki, yaml
with open(sys.argv[1], encoding="utf-8") as file:
    data = yaml.load(file, Loader=yaml.CSafeLoader)
model = genanki.Model(1607392319, "Bare", fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{Back}}"}])
deck = genanki.Deck(2059400110, data["title"])
for question in data["questions"]:
    front = str(question.get("prompt") or question.get("text"))
    back = str(question.get("answer") or question.get("answers") or question.get("items"))
    deck.add_note(genanki.Note(model=model, fields=[front, back], guid=question["id"]))
genanki.Package(deck).write_to_file(sys.argv[2])
"""


BARE_MERGE = """
import sys, tempfile
from pathlib import Path
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
with tempfile.TemporaryDirectory() as folder:
    col = Collection(str(Path(folder) / "collection.anki2"))
    options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[1], options=options))
    col.close()
"""

MERGE_SIZE = 2_000
"""Questions of the package `quiz merge` reads, each reviewed three times."""

TARGET_SIZE = 10_000
"""The deck size at which `quiz check` and `quiz export` are held to their targets; at
1,000 questions both are mostly process start-up, at 100,000 the figures are for scale."""

BIG_SIZE = 100_000
"""The deck that must still open quickly: from the cache within `BIG_OPEN_LIMIT` seconds,
and the first time (parsed, validated and cached) no slower than PyYAML parses it alone.
The first open is judged against the parse, not against a clock, because on a slow or
busy machine the parse alone takes longer than any fixed limit."""

BIG_OPEN_LIMIT = 0.6


@dataclass(frozen=True)
class Row:
    """One line of the table: our figure, its baseline, and the target it must meet."""

    measure: str
    ours: float
    baseline: float
    unit: str  # "s" or "MB"
    target: float | None = None  # the highest ratio allowed
    limit: float | None = None  # the highest absolute figure allowed, in `unit`
    notes: str = ""
    paired_ratio: float | None = None  # the median of run-by-run ratios, when runs were paired

    @property
    def ratio(self) -> float:
        return self.paired_ratio if self.paired_ratio is not None else self.ours / self.baseline

    def verdict(self) -> str:
        ratio_ok = self.target is None or self.ratio <= self.target
        limit_ok = self.limit is None or self.ours <= self.limit
        if self.target is None and self.limit is None:
            return ""
        return "ok" if ratio_ok and limit_ok else "**MISSED**"

    def goal(self) -> str:
        parts = [f"≤ {self.target}x"] if self.target else []
        parts += [f"≤ {show(self.limit, self.unit)}"] if self.limit else []
        return ", ".join(parts)

    def markdown(self) -> str:
        cells = (
            self.measure,
            show(self.ours, self.unit),
            show(self.baseline, self.unit),
            f"{self.ratio:.2f}x",
            " ".join(filter(None, (self.goal(), self.verdict()))),
            self.notes,
        )
        return "| " + " | ".join(cells) + " |"


HEADER = (
    "| measure | ours | baseline | ratio | target | baseline and notes |\n"
    "|---|---:|---:|---:|---|---|"
)


def show(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value * 1000:,.0f} ms" if value < 1 else f"{value:,.2f} s"


def generate_deck(folder: Path, size: int) -> Path:
    """A valid deck of `size` questions cycling through every type."""
    path = folder / f"bench-{size}.yaml"
    parts = [f"deck: bench-{size}\ntitle: Benchmark deck of {size}\nquestions:\n"]
    for n in range(size):
        template = QUESTION_TEMPLATES[n % len(QUESTION_TEMPLATES)]
        parts.append(template.format(n=n, s=n % 7))
    path.write_text("".join(parts), encoding="utf-8")
    return path


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


@dataclass(frozen=True)
class Process:
    """One finished child process: how long it ran, its peak memory, what it wrote."""

    seconds: float
    max_rss_mb: float
    stderr: str


LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
print(f"{time.perf_counter() - start} {usage.ru_maxrss}", file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs a command and reports its time and peak memory on the last line of stderr.

A child forked from this script would report this script's peak memory, not its own
(Linux keeps the high-water mark across `exec`), and this script holds whole decks; a
small launcher forks from itself instead.
"""


PROCESS_TIMEOUT = 600
"""Seconds a measured process may take: ten times the slowest seen here. A driven app
that never reaches the screen it waits for (one that failed on the way) would otherwise
keep the benchmark waiting for ever."""


def run_process(args: list[str], env: dict[str, str]) -> Process:
    """Run `python args` through `LAUNCHER`: its wall time and its own peak memory."""
    command = f"python {' '.join(args[:3])}"
    with subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, sys.executable, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        start_new_session=True,  # a group of its own, to stop the launcher and its child
    ) as launcher:
        try:
            _, stderr_text = launcher.communicate(timeout=PROCESS_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)
            raise RuntimeError(f"{command} did not finish in {PROCESS_TIMEOUT} s") from None
    *stderr, figures = stderr_text.splitlines() or [""]
    if launcher.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{stderr_text}")
    seconds, max_rss_kb = figures.split()
    return Process(float(seconds), int(max_rss_kb) / 1024, "\n".join(stderr))


def median_process(runs: list[Process]) -> Process:
    return Process(
        statistics.median(r.seconds for r in runs),
        max(r.max_rss_mb for r in runs),
        runs[-1].stderr,
    )


@dataclass(frozen=True)
class Pair:
    """Our runs and the baseline's, taken in turn, and the median of their run-by-run ratios:
    a slow moment of the machine then weighs on both figures of a ratio alike."""

    ours: Process
    baseline: Process
    ratio: float
    our_runs: tuple[Process, ...]


def paired(
    ours: list[str],
    baseline: list[str],
    env: dict[str, str],
    repeat: int,
    baseline_env: dict[str, str] | None = None,
) -> Pair:
    """`ours` and `baseline` run in turn; the baseline in `baseline_env` when given."""
    runs = [
        (run_process(ours, env), run_process(baseline, baseline_env or env)) for _ in range(repeat)
    ]
    return Pair(
        median_process([o for o, _ in runs]),
        median_process([b for _, b in runs]),
        statistics.median(o.seconds / b.seconds for o, b in runs),
        tuple(o for o, _ in runs),
    )


def quiet_check(path: Path) -> None:
    """`quiz check PATH` in this process, its report swallowed, with an empty deck cache:
    the file is parsed and validated, as on its first check (a later one is a cache hit)."""
    with (
        tempfile.TemporaryDirectory() as cache,
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        before = os.environ.get("QUIZ_CACHE_DIR")
        os.environ["QUIZ_CACHE_DIR"] = cache
        try:
            quiz_main(["check", str(path)])
        finally:
            os.environ.pop("QUIZ_CACHE_DIR")
            if before is not None:
                os.environ["QUIZ_CACHE_DIR"] = before


def traced_megabytes(action: Callable[[], object]) -> tuple[float, float]:
    """Peak memory while `action` runs, and what its result still holds, by tracemalloc."""
    tracemalloc.start()
    kept = action()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return peak / 2**20, held / 2**20


def bench_check(path: Path, size: int, repeat: int) -> Row:
    """`quiz check` against a bare libyaml parse of the same file, both in this process."""
    text = path.read_text(encoding="utf-8")
    baseline = median_seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat)
    ours = median_seconds(lambda: quiet_check(path), repeat)
    return Row(
        f"`quiz check`, {size:,} questions",
        ours,
        baseline,
        "s",
        target=1.3 if size == TARGET_SIZE else None,
        notes="`yaml.load(CSafeLoader)` of the same file",
    )


def bench_memory(path: Path, size: int, env: dict[str, str]) -> Row:
    """Peak memory of `quiz check` (with an empty deck cache, so it parses) against a bare
    parse, both whole processes."""
    with tempfile.TemporaryDirectory() as cache:
        ours = run_process(["-m", "quiz", "check", str(path)], {**env, "QUIZ_CACHE_DIR": cache})
    bare = run_process(["-c", BARE_LOAD, str(path)], env)
    peak, held = traced_megabytes(lambda: load_deck(path))
    return Row(
        f"peak memory, {size:,} questions",
        ours.max_rss_mb,
        bare.max_rss_mb,
        "MB",
        notes=f"max RSS of `quiz check` and of a bare `yaml.load` process; loading alone: "
        f"peak {peak:,.0f} MB, the deck then holds {held:,.0f} MB (tracemalloc)",
    )


def timed_row(measure: str, pair: Pair, **details: Any) -> Row:
    """A row of seconds from paired runs: the medians, and the median of their ratios."""
    return Row(
        measure, pair.ours.seconds, pair.baseline.seconds, "s", paired_ratio=pair.ratio, **details
    )


def bench_export(path: Path, size: int, env: dict[str, str], repeat: int) -> Row:
    """`quiz export` against a bare script writing the same number of genanki notes."""
    folder = path.parent
    pair = paired(
        ["-m", "quiz", "export", str(path), "-o", str(folder / "o.apkg")],
        ["-c", BARE_EXPORT, str(path), str(folder / "bare.apkg")],
        env,
        repeat,
    )
    return timed_row(
        f"`quiz export`, {size:,} questions",
        pair,
        target=1.3 if size == TARGET_SIZE else None,
        notes="a bare parse + genanki script; whole processes",
    )


def bench_first_question(name: str, path: Path, env: dict[str, str], repeat: int) -> Row:
    """`quiz play DECK` from process start to the first question on screen, against a
    minimal Textual app's first frame; the deck comes from the cache, as after a first run."""
    pair = paired(["-c", FIRST_QUESTION, str(path)], ["-c", MINIMAL_APP], env, repeat)
    bundled = path.parent == bundled_decks_dir()
    notes = (
        f"a minimal Textual app's first frame; `quiz play` max RSS {pair.ours.max_rss_mb:,.0f} MB"
    )
    if bundled:
        floor = paired(["-c", TEXTUAL_QUESTION], ["-c", MINIMAL_APP], env, repeat)
        notes += (
            "; Textual's own floor, a minimal app whose first screen has a typed question's"
            f" widgets and nothing of ours: {floor.ratio:.2f}x"
        )
    return timed_row(
        f"first question on screen, {name}",
        pair,
        target=1.3 if bundled else None,
        limit=BIG_OPEN_LIMIT if path.name == f"bench-{BIG_SIZE}.yaml" else None,
        notes=notes,
    )


def bench_first_open(path: Path, size: int, env: dict[str, str]) -> Row:
    """The first `quiz play DECK` of a new or edited deck: parsed, validated, cached, then
    its first question drawn; against a bare `yaml.load` of the file, a process each."""
    return timed_row(
        f"first question on screen, {size:,} questions, deck not yet cached",
        paired(["-c", FIRST_QUESTION, str(path)], ["-c", BARE_LOAD, str(path)], env, 1),
        target=1.0 if size == BIG_SIZE else None,
        notes="a bare `yaml.load(CSafeLoader)` process of the same file; one run each, "
        "as only the first open is uncached",
    )


def bench_through_the_decks(env: dict[str, str], repeat: int) -> Row:
    """`quiz`, then Enter on the deck and start from its options: three screens drawn,
    and how long each key took to show its screen."""
    pair = paired(["-c", THROUGH_THE_DECKS], ["-c", MINIMAL_APP], env, repeat)
    steps = [run.stderr.split()[-2:] for run in pair.our_runs]
    options, question = (statistics.median(float(step[i]) for step in steps) for i in (0, 1))
    return timed_row(
        "first question through the decks and options, bundled deck",
        pair,
        target=2.0,
        notes=f"a minimal Textual app's first frame; Enter → options drawn {options:.0f} ms, "
        f"ctrl+s → question drawn {question:.0f} ms",
    )


def bench_startup(command: str, env: dict[str, str], repeat: int) -> Row:
    """A command's whole run against `python -c "import yaml"`, and whether it imported
    Textual: every command but `--help` reads YAML, so that import is the floor."""
    args = ["-m", "quiz", *command.split()]
    traced = run_process(["-X", "importtime", *args], env)
    textual = any(
        line.split("|")[-1].strip().startswith("textual") for line in traced.stderr.splitlines()
    )
    return timed_row(
        f"`quiz {command}` start-up",
        paired(args, ["-c", "import yaml"], env, repeat),
        target=STARTUP_TARGET,
        notes=f'`python -c "import yaml"`; imports Textual: **{"yes" if textual else "no"}**',
    )


STARTUP_TARGET = 2.0


STORE_ANSWERS = 1_000_000
"""Answers in the benchmark's history: about 160 MiB, a heavy learner's years of quizzes."""

STORE_OPEN_LIMIT = 0.020


def big_store(folder: Path) -> Path:
    """A store of `STORE_ANSWERS` answers, written by SQLite directly (quicker than one
    transaction per answer) and closed cleanly."""
    path = folder / "big" / "quiz.sqlite3"
    Database(path).close()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute(
            "INSERT INTO sessions (deck_id, deck_title, started_at, question_count)"
            " VALUES ('bench', 'Bench', '2026-01-01T09:00:00+00:00', 0)"
        )
        connection.executemany(
            "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (1, 'bench', ?, ?, 1, 1.0, 2.5,"
            " '2026-01-01T09:00:00+00:00')",
            (
                (
                    f"question-{n % 10_000}",
                    f'"an answer of some length to fill the pages, number {n}"',
                )
                for n in range(STORE_ANSWERS)
            ),
        )
        connection.commit()
    return path


def bare_open(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("SELECT 1").fetchall()


def bench_store_open(folder: Path, repeat: int) -> Row:
    """Opening the history as every command does (the lock, the look at the file, the
    schema's version) against a bare `sqlite3.connect` + `SELECT 1`, both on a 166 MiB
    store closed cleanly; after an unclean close the whole-file check runs, in the notes."""
    path = big_store(folder)
    megabytes = path.stat().st_size / 2**20
    baseline = median_seconds(lambda: bare_open(path), 5 * repeat)
    ours = median_seconds(lambda: Database(path).close(), 5 * repeat)
    unclean = statistics.median(open_after_an_unclean_close(path) for _ in range(repeat))
    return Row(
        f"opening a {megabytes:,.0f} MiB history ({STORE_ANSWERS:,} answers)",
        ours,
        baseline,
        "s",
        limit=STORE_OPEN_LIMIT,
        notes=f"`sqlite3.connect` + `SELECT 1` of the same file ({ours * 1000:.2f} ms against"
        f" {baseline * 1000:.2f} ms); after an unclean close (a quiz killed after a write,"
        f" its log left behind) the whole-file check makes it {show(unclean, 's')}",
    )


ANSWER_PAIRS = (
    ("Timbuctu", "Timbuktu"),
    ("seven hostages", "7 hostages"),
    ("two thousand and twenty-three", "2023"),
    ("the MNLA", "National Movement for the Liberation of Azawad"),
    ("Dec 2023", "December 2023"),
    ("12/2023", "December 2023"),
    ("1,240,000 square kilometres", "1,240,000 km²"),
    ("thirty per cent", "30%"),
    ("the thirty-first of March 2025", "31 March 2025"),
    ("Algiers", "Algeria"),
    ("Ouagadougou", "Wagadugou"),
    ("the Islamic Maghreb", "al-Qaeda in the Islamic Maghreb"),
)
"""Typed answers against expected ones, right, near and wrong, through every rule."""

ANSWER_LIMIT = 0.001
"""The most one typed answer may take to check, in seconds."""


def studied_package(folder: Path, env: dict[str, str]) -> tuple[Path, Path, dict[str, str]]:
    """A deck of `MERGE_SIZE` questions, a learner's history of three reviews of each (a day
    apart, in a data folder of its own), and their `quiz export` with that progress: the
    deck, the package, and the learner's environment."""
    deck = generate_deck(folder, MERGE_SIZE)
    result = load_deck(deck)
    assert result.deck is not None
    data = folder / "merge-data"
    clock = [datetime.now(UTC) - timedelta(days=4)]
    db = Database(data / "quiz.sqlite3", clock=lambda: clock[0])
    scheduler = StudyScheduler(fuzzing=False)
    for _ in range(3):
        for question in result.deck.questions:
            record_review(db, scheduler, result.deck.id, question.id, Rating.Good)
            clock[0] += timedelta(milliseconds=10)
        clock[0] += timedelta(days=1)
    db.close()
    learner = {**env, "QUIZ_DATA_DIR": str(data)}
    package = folder / "studied.apkg"
    run_process(["-m", "quiz", "export", str(deck), "-o", str(package)], learner)
    return deck, package, learner


def bench_merge(folder: Path, env: dict[str, str], repeat: int) -> Row:
    """`quiz merge` of a package with scheduling against Anki's own import of it into an
    empty collection, which the merge does first: what the merge adds to reading it."""
    deck, package, learner = studied_package(folder, env)
    pair = paired(
        ["-m", "quiz", "merge", str(package), str(deck)],
        ["-c", BARE_MERGE, str(package)],
        learner,
        repeat,
    )
    return timed_row(
        f"`quiz merge`, {MERGE_SIZE:,} notes, {3 * MERGE_SIZE:,} reviews",
        pair,
        notes="Anki importing the package with scheduling into an empty collection; every"
        " review already there; whole processes",
    )


def bench_answers(repeat: int, count: int = 3_000) -> Row:
    """`check_answer` on `count` typed answers against rapidfuzz's `ratio` of the same
    strings, the cheapest comparison a checker could make; judged per answer."""
    from rapidfuzz.fuzz import ratio

    pairs = [ANSWER_PAIRS[n % len(ANSWER_PAIRS)] for n in range(count)]
    pairs = [
        (f"{typed} {n % 10}", f"{expected} {n % 10}") for n, (typed, expected) in enumerate(pairs)
    ]
    questions = [
        (TextQuestion(id="q", prompt="?", answer=expected), typed) for typed, expected in pairs
    ]
    ours = median_seconds(lambda: [check_answer(q, typed) for q, typed in questions], repeat)
    baseline = median_seconds(lambda: [ratio(typed, expected) for typed, expected in pairs], repeat)
    return Row(
        f"checking {count:,} typed answers",
        ours,
        baseline,
        "s",
        limit=ANSWER_LIMIT * count,
        notes=f"rapidfuzz `fuzz.ratio` of the same strings; {ours / count * 1e6:.0f} µs an"
        f" answer (numbers in words, articles, months, units, typos), ≤ 1 ms each",
    )


KILLED_WRITER = """
import os, sys
from pathlib import Path
from quiz.store.database import Database
with Database(Path(sys.argv[1])).transaction() as connection:
    connection.execute("UPDATE sessions SET score = score + 1 WHERE id = 1")
os._exit(0)
"""
"""A quiz killed after a write: its write-ahead log, holding the write, stays behind (a
process that only read leaves an empty one, which calls for no check)."""


def open_after_an_unclean_close(path: Path) -> float:
    """Seconds to open the store after `KILLED_WRITER` (not timed) left its log."""
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=True)
    start = time.perf_counter()
    Database(path).close()
    return time.perf_counter() - start


DECK_LIST = (
    PAINTED
    + HEADLESS
    + """
async def drive(pilot):
    from quiz.tui.screens.home import HomeScreen
    await painted(pilot.app, HomeScreen)
    stop()

sys.exit(main(["play", *sys.argv[1:]]))
"""
)
"""`quiz` on the decks named: the process exits once the deck list is drawn (its scores and
study counts are read in a worker and fill in afterwards: `NAVIGATION` times that)."""

NAVIGATION = (
    PAINTED
    + HEADLESS
    + """
import asyncio, time

STEPS = [  # key, character, the screen it shows, what the step is called
    ("t", "t", "quiz.tui.screens.stats.StatsScreen", "statistics"),
    ("escape", None, "quiz.tui.screens.home.HomeScreen", "back to the decks"),
    ("down", None, "quiz.tui.screens.home.HomeScreen", "the big deck"),
    ("s", "s", "quiz.tui.screens.study_setup.StudySetupScreen", "study options"),
    ("ctrl+s", None, "quiz.tui.screens.study_question.StudyQuestionScreen", "first card"),
    ("escape", None, "quiz.tui.screens.home.HomeScreen", "back to the decks"),
    ("up", None, "quiz.tui.screens.home.HomeScreen", "the bundled deck"),
    ("enter", "\\r", "quiz.tui.screens.setup.SetupScreen", "quiz options"),
    ("ctrl+s", None, "quiz.tui.screens.question.QuestionScreen", "first question"),
]

def screen_class(name):
    import importlib
    module, _, cls = name.rpartition(".")
    return getattr(importlib.import_module(module), cls)

async def settled(app, screen):
    # The screen drawn, then its workers done and what they posted drawn too.
    await painted(app, screen)
    await app.workers.wait_for_complete()
    await painted(app, screen)

async def drive(pilot):
    from quiz.tui.screens.home import HomeScreen
    app = pilot.app
    worst = [0.0, "the decks"]
    step = ["the decks"]

    async def ticks():
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            if now - last > worst[0]:
                worst[:] = [now - last, step[0]]
            last = now

    await painted(app, HomeScreen)
    ticker = asyncio.create_task(ticks())
    start = time.perf_counter()
    await settled(app, HomeScreen)
    filled = time.perf_counter() - start
    for key, character, name, label in STEPS:
        step[0] = label
        press(app, key, character)
        await settled(app, screen_class(name))
    ticker.cancel()
    print(worst[0] * 1000, worst[1].replace(" ", "_"), filled * 1000, file=sys.stderr)
    stop()

sys.exit(main(["play", "--seed", "7", *sys.argv[1:]]))
"""
)
"""`quiz` on the decks named, driven through the statistics, a study sitting's first card
and a quiz's first question, each screen waited for until its workers are done and drawn.
A task wakes every millisecond and keeps the longest gap between two wake-ups: the longest
time a key press or a redraw would have waited. Prints that gap (ms), the step it fell in,
and how long the deck list took to fill in its figures (ms)."""

TEXTUAL_DIALOG = """
import asyncio, sys, time
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

class Options(ModalScreen[None]):
    CSS = '''
    Options { align: center middle; }
    #dialog { width: 90%; height: auto; max-height: 1fr; border: round $primary; padding: 0 1; }
    #dialog > VerticalScroll, Horizontal, Vertical { height: auto; }
    SelectionList { max-height: 9; }
    '''

    def compose(self):
        with Vertical(id="dialog"):
            with VerticalScroll():
                yield Static("What the deck is about, in a sentence or two.", markup=False)
                with Horizontal():
                    yield Label("Questions")
                    yield Input("50", type="integer", max_length=6)
                    yield Label("of 50")
                    yield Checkbox("Shuffle the questions", value=True)
                with Horizontal():
                    for values in (3, 9):
                        selections = (Selection(f"Value {n}", n, True) for n in range(values))
                        yield Vertical(SelectionList(*selections))
            with Horizontal():
                yield Button("Start", variant="primary")
                yield Button("Back")
        yield Footer()

class Decks(App[None]):
    def compose(self):
        yield Static("\\n".join(f"Deck {n}: 50 questions" for n in range(10)))
        yield Footer()

async def drive(pilot):
    worst = [0.0]

    async def ticks():
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            worst[0] = max(worst[0], now - last)
            last = now

    await pilot.pause(0.2)
    ticker = asyncio.create_task(ticks())
    await asyncio.sleep(0.05)
    worst[0] = 0.0
    pilot.app.push_screen(Options())
    await pilot.pause(0.5)
    ticker.cancel()
    print(worst[0] * 1000, file=sys.stderr)
    pilot.app.exit()

Decks().run(headless=True, size=(80, 24), auto_pilot=drive)
"""
"""Textual's own floor for the worst step: a minimal app opening a dialog of the widgets
the quiz options hold (a description, the count, the shuffle box, two lists of checked
boxes, two buttons, a footer), timed with the same 1 ms ticker. Prints the longest gap (ms)."""

HEAVY_ANSWERS = 1_000_000
HEAVY_CARDS = 100_000
RUN_LENGTH = 20
STALL_LIMIT = 0.050
KINDS = ("choice", "multi", "truefalse", "text", "cloze", "order")
"""The question types in the order `QUESTION_TEMPLATES` cycles through them: the ids of a
generated deck's questions are `{kind}-{n}`."""


def heavy_store(folder: Path, size: int) -> Path:
    """A heavy learner's history of the generated deck of `size` questions: a million
    answers in runs of 20, each question asked ten times, and a hundred thousand study
    schedules, one in a hundred due now, the rest over the next year."""
    from quiz.study.cards import new_card

    path = folder / "quiz.sqlite3"
    Database(path).close()
    deck_id = f"bench-{size}"
    start = datetime(2025, 1, 1, tzinfo=UTC)
    ids = [f"{KINDS[n % len(KINDS)]}-{n}" for n in range(size)]
    state = new_card(deck_id, ids[0], start).to_json()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.executemany(
            "INSERT INTO sessions (id, deck_id, deck_title, mode, started_at, finished_at,"
            " question_count, score, max_score) VALUES (?, ?, 'Bench', 'quiz', ?, ?, ?, ?, ?)",
            (
                (run + 1, deck_id, stamp, stamp, RUN_LENGTH, 15, RUN_LENGTH)
                for run in range(HEAVY_ANSWERS // RUN_LENGTH)
                for stamp in [timestamp(start + timedelta(minutes=10 * run))]
            ),
        )
        connection.executemany(
            "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (?, ?, ?, '\"Gao\"', ?, ?, 2.5, ?)",
            (
                (
                    n // RUN_LENGTH + 1,
                    deck_id,
                    ids[n % size],
                    n % 4 != 0,
                    float(n % 4 != 0),
                    timestamp(start + timedelta(minutes=10 * (n // RUN_LENGTH))),
                )
                for n in range(HEAVY_ANSWERS)
            ),
        )
        now = datetime.now(UTC)
        connection.executemany(
            "INSERT INTO cards (deck_id, question_id, state, due) VALUES (?, ?, ?, ?)",
            (
                (deck_id, ids[n], state, timestamp(now + timedelta(hours=(n % 100 - 1) * 87)))
                for n in range(min(HEAVY_CARDS, size))
            ),
        )
        connection.commit()
    return path


def heavy_env(folder: Path, env: dict[str, str], size: int) -> dict[str, str]:
    """`env` with a data folder of its own holding `heavy_store`, the deck cache shared."""
    data = folder / "heavy-data"
    heavy_store(data, size)
    return {**env, "QUIZ_DATA_DIR": str(data), "QUIZ_CACHE_DIR": str(folder / "deck-cache")}


def bench_deck_list(
    decks: list[str], heavy: dict[str, str], empty: dict[str, str], repeat: int
) -> Row:
    """`quiz` until the deck list is drawn, with a heavy history against an empty one."""
    pair = paired(["-c", DECK_LIST, *decks], ["-c", DECK_LIST, *decks], heavy, repeat, empty)
    return timed_row(
        f"deck list, {HEAVY_ANSWERS:,}-answer history",
        pair,
        target=1.2,
        notes="the same with an empty history; the bundled deck and a 100,000-question deck",
    )


def bench_navigation(decks: list[str], heavy: dict[str, str], empty: dict[str, str]) -> Row:
    """The longest event-loop stall on the way through the screens (`NAVIGATION`)."""
    ours, baseline = (run_process(["-c", NAVIGATION, *decks], env) for env in (heavy, empty))
    stall, step, filled = ours.stderr.split()[-3:]
    empty_stall = float(baseline.stderr.split()[-3]) / 1000
    floor = statistics.median(
        float(run_process(["-c", TEXTUAL_DIALOG], empty).stderr.split()[-1]) for _ in range(5)
    )
    return Row(
        f"longest wait of a key or redraw, {HEAVY_ANSWERS:,} answers, {HEAVY_CARDS:,} schedules",
        float(stall) / 1000,
        empty_stall,
        "s",
        limit=STALL_LIMIT,
        notes=f"the same with an empty history; through the statistics, a study sitting's first"
        f" card and a quiz's first question; longest at: {step.replace('_', ' ')}; the deck"
        f" list's figures filled in {float(filled):,.0f} ms after it was drawn; Textual's own"
        f" floor, a minimal app opening a dialog of the quiz options' widgets: {floor:,.0f} ms",
    )


def heavy_rows(folder: Path, env: dict[str, str], repeat: int) -> Iterator[Row]:
    """The rows of a heavy learner: a 100,000-question deck beside the bundled one."""
    deck = generate_deck(folder, BIG_SIZE)
    decks = [str(bundled_decks_dir() / "algeria-mali-relations.yaml"), str(deck)]
    empty = {
        **env,
        "QUIZ_DATA_DIR": str(folder / "empty-data"),
        "QUIZ_CACHE_DIR": str(folder / "deck-cache"),
    }
    run_process(["-c", DECK_LIST, *decks], empty)  # the big deck cached, as after a first run
    heavy = heavy_env(folder, env, BIG_SIZE)
    yield bench_deck_list(decks, heavy, empty, repeat)
    yield bench_navigation(decks, heavy, empty)
    yield from study_rows(deck, heavy, repeat)


NEXT_CARD_LIMIT = 0.050
"""Seconds from a rating to the next card, whatever the number of schedules."""

FIRST_CARD = (
    PAINTED
    + HEADLESS
    + """
async def drive(pilot):
    from quiz.tui.screens.study_question import StudyQuestionScreen
    await painted(pilot.app, StudyQuestionScreen)
    stop()

sys.exit(main(["study", "--seed", "7", *sys.argv[1:]]))
"""
)
"""`quiz study DECK` as the CLI builds it, driven headless until the first card is drawn."""

BARE_STATS = """
import sqlite3, sys
from datetime import UTC, datetime, timedelta
since = (datetime.now(UTC) - timedelta(days=30)).isoformat()
year = (datetime.now(UTC) - timedelta(days=371)).isoformat()
connection = sqlite3.connect(sys.argv[1])
for sql, parameters in (
    ("SELECT substr(at, 1, 10) AS day, COUNT(*) FROM (SELECT reviewed_at AS at FROM reviews"
     " WHERE reviewed_at >= ? UNION ALL SELECT answered_at FROM answers WHERE answered_at >= ?)"
     " GROUP BY day", (year, year)),
    ("SELECT s.*, (SELECT count(*) FROM answers a WHERE a.session_id = s.id) AS answered"
     " FROM sessions s ORDER BY s.started_at DESC, s.id DESC", ()),
    ("SELECT substr(reviewed_at, 1, 10) AS day, COUNT(*), SUM(COALESCE(correct, rating > 1))"
     " FROM reviews WHERE reviewed_at >= ? GROUP BY day", (since,)),
    ("SELECT COUNT(*), SUM(COALESCE(correct, rating > 1)) FROM reviews", ()),
    ("SELECT deck_id, question_id, SUM(missed) AS misses, COUNT(*) AS attempts FROM ("
     " SELECT deck_id, question_id, correct = 0 AS missed FROM answers UNION ALL"
     " SELECT deck_id, question_id, NOT COALESCE(correct, rating > 1) FROM reviews)"
     " GROUP BY deck_id, question_id HAVING misses > 0"
     " ORDER BY misses DESC, CAST(misses AS REAL) / attempts DESC LIMIT 8", ()),
):
    connection.execute(sql, parameters).fetchall()
"""
"""The SQL of what `quiz stats` prints (the year's answers and reviews per day, every run
with its answers counted, the last 30 days of reviews per day, the retention, the most
missed questions), run bare: the baseline."""


def study_rows(deck: Path, heavy: dict[str, str], repeat: int) -> Iterator[Row]:
    """The study sitting and `quiz stats` on the heavy learner's history."""
    yield bench_first_card(deck, heavy, max(1, repeat // 2))
    yield bench_next_card(deck, heavy, repeat)
    yield bench_stats(heavy, max(1, repeat // 2))


def bench_first_card(deck: Path, heavy: dict[str, str], repeat: int) -> Row:
    """`quiz study DECK` to its first card on screen against `quiz play DECK` to its first
    question, the deck cached, both on the heavy history."""
    return timed_row(
        f"first study card, {HEAVY_CARDS:,} schedules",
        paired(["-c", FIRST_CARD, str(deck)], ["-c", FIRST_QUESTION, str(deck)], heavy, repeat),
        target=2.0,
        notes=f"`quiz play` of the same cached {BIG_SIZE:,}-question deck to its first question,"
        f" on the same history of {HEAVY_ANSWERS:,} answers",
    )


def bench_next_card(deck: Path, heavy: dict[str, str], repeat: int) -> Row:
    """A rating saved and the next card ready, in a sitting over the big deck, against the
    bare indexed query for the most overdue card."""
    [result] = load_decks([deck], cache=Path(heavy["QUIZ_CACHE_DIR"]))
    loaded = result.deck
    assert loaded is not None
    store = Path(heavy["QUIZ_DATA_DIR"]) / "quiz.sqlite3"
    database = Database(store)
    try:
        session = StudySession(database, loaded, StudyScheduler(), seed=7)
        session.next_card()
        ratings, cards = [], []
        for _ in range(20 * repeat):
            session.flip()
            start = time.perf_counter()
            session.rate(Rating.Good)
            rated = time.perf_counter()
            session.next_card()
            ratings.append(rated - start)
            cards.append(time.perf_counter() - rated)
    finally:
        database.close()
    with contextlib.closing(sqlite3.connect(store)) as connection:
        bare = median_seconds(lambda: bare_due_card(connection, loaded.id), 20 * repeat)
    ours = statistics.median(r + c for r, c in zip(ratings, cards, strict=True))
    return Row(
        f"next study card after a rating, {HEAVY_CARDS:,} schedules",
        ours,
        bare,
        "s",
        limit=NEXT_CARD_LIMIT,
        notes=f"the indexed query for the most overdue card (`LIMIT 1`, {bare * 1000:.3f} ms);"
        f" of ours, saving the rating {statistics.median(ratings) * 1000:.1f} ms, finding and"
        f" reading the next card {statistics.median(cards) * 1000:.1f} ms",
    )


def bare_due_card(connection: sqlite3.Connection, deck_id: str) -> None:
    connection.execute(
        "SELECT question_id, state FROM cards WHERE deck_id = ? AND due <= ? ORDER BY due LIMIT 1",
        (deck_id, timestamp(datetime.now(UTC))),
    ).fetchall()


def bench_stats(heavy: dict[str, str], repeat: int) -> Row:
    """`quiz stats` on the heavy history against the bare SQL of what it prints."""
    store = Path(heavy["QUIZ_DATA_DIR"]) / "quiz.sqlite3"
    return timed_row(
        f"`quiz stats`, {HEAVY_ANSWERS:,} answers",
        paired(["-m", "quiz", "stats"], ["-c", BARE_STATS, str(store)], heavy, repeat),
        target=1.5,
        notes=f"the same queries run bare in a `sqlite3` process; the history holds"
        f" {HEAVY_ANSWERS // RUN_LENGTH:,} quizzes, one line each in the table",
    )


def size_rows(folder: Path, sizes: list[int], env: dict[str, str], repeat: int) -> Iterator[Row]:
    for size in sizes:
        path = generate_deck(folder, size)
        times = repeat if size <= 10_000 else max(1, repeat // 2)
        yield bench_check(path, size, times)
        yield bench_export(path, size, env, times)
        yield bench_first_open(path, size, env)
        yield bench_first_question(f"{size:,} questions", path, env, times)
        yield bench_memory(path, size, env)


MEMORY_LIMIT_MB = 1536
"""The most `quiz check` may take of any file up to the 256 MB limit."""


def generate_file(folder: Path, megabytes: int) -> Path:
    """A deck file of about `megabytes`, of the benchmark's questions: past about 33 MB
    it holds more than the 3,000,000 values a file may, and is read up to there."""
    path = folder / f"file-{megabytes}mb.yaml"
    with path.open("w", encoding="utf-8") as file:
        file.write(f"deck: file-{megabytes}\ntitle: {megabytes} MB\nquestions:\n")
        written, n = 0, 0
        while written < megabytes * 2**20:
            template = QUESTION_TEMPLATES[n % len(QUESTION_TEMPLATES)]
            written += file.write(template.format(n=n, s=n % 7))
            n += 1
    return path


def peak_rss_of(command: str, path: Path, options: list[str], env: dict[str, str]) -> Process:
    """`quiz COMMAND PATH OPTIONS` as a process with an empty deck cache (so the file is
    read), whether or not it finds errors."""
    cache = {**env, "QUIZ_CACHE_DIR": str(path.parent / f"cache-{path.stem}-{command}")}
    quiz_command = ["-m", "quiz", command, str(path), *options]
    with subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, sys.executable, *quiz_command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=cache,
        text=True,
    ) as launcher:
        _, stderr_text = launcher.communicate(timeout=PROCESS_TIMEOUT)
    seconds, max_rss_kb = stderr_text.splitlines()[-1].split()
    return Process(float(seconds), int(max_rss_kb) / 1024, stderr_text)


def file_size_rows(folder: Path, megabytes: list[int], env: dict[str, str]) -> Iterator[Row]:
    """Peak memory of `quiz check` on big files, against the file's own size: whatever a
    file up to the 256 MB limit holds, the check stays under `MEMORY_LIMIT_MB`."""
    for size in megabytes:
        path = generate_file(folder, size)
        run = peak_rss_of("check", path, [], env)
        path.unlink()
        yield Row(
            f"peak memory, `quiz check` of a {size} MB file",
            run.max_rss_mb,
            size,
            "MB",
            limit=MEMORY_LIMIT_MB,
            notes=f"the file's size; max RSS of the process (read from its parent), "
            f"{run.seconds:,.1f} s",
        )


ALIAS_LIMIT = 2.0
"""Seconds `quiz check` and `quiz export` may take of any deck up to 3 MB, aliases and all."""


def aliased_deck(folder: Path, name: str, field: str, kilobytes: int, uses: int) -> Path:
    """A deck whose `field` (a prompt, or a choice list of ten texts) is one long value
    written once and aliased in `uses` questions."""
    long = "word " * (kilobytes * 1024 // 5)
    if field == "prompt":
        value, rest, answer = f"&long '{long}'", "    answer: true\n    explain: *long\n", ""
        kind = "truefalse"
    else:
        value = "&long [" + ", ".join(f"'{n}{long[: len(long) // 10]}'" for n in range(10)) + "]"
        answer = f"&answer '0{long[: len(long) // 10]}'"
        rest = "    prompt: Which {n}?\n    answer: {answer}\n"
        kind = "choice"
    lines = [f"deck: {name}\ntitle: {name}\nquestions:\n"]
    for n in range(uses):
        lines.append(
            f"  - id: q{n}\n    type: {kind}\n    {field}: {value if n == 0 else '*long'}\n"
        )
        lines.append(rest.format(n=n, answer=answer if n == 0 else "*answer"))
    path = folder / f"{name}.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def alias_rows(folder: Path, env: dict[str, str]) -> Iterator[Row]:
    """`quiz check` and `quiz export` of decks whose aliases once multiplied the work (16 s
    and 1.9 GB, 39 s), against the same commands on a 3 MB deck of plain questions."""
    plain = generate_file(folder, 3)
    decks = {
        "1 MB, 120 prompts and explanations aliasing one 1 MB text": aliased_deck(
            folder, "aliased-prompts", "prompt", 1024, 120
        ),
        "3 MB, a list of ten 300 KB choices aliased 200 times": aliased_deck(
            folder, "aliased-choices", "choices", 3072, 200
        ),
    }
    for command in ("check", "export"):
        output = ["-o", str(folder / "aliased.apkg")] if command == "export" else []
        baseline = peak_rss_of(command, plain, output, env)
        for name, path in decks.items():
            run = peak_rss_of(command, path, output, env)
            yield Row(
                f"`quiz {command}`, {name}",
                run.seconds,
                baseline.seconds,
                "s",
                limit=ALIAS_LIMIT,
                notes=f"`quiz {command}` of a 3 MB deck of plain questions; max RSS "
                f"{run.max_rss_mb:,.0f} MB (the plain deck's {baseline.max_rss_mb:,.0f} MB)",
            )


CHROMIUM = Path("/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
DECKS_DRAWN = "Algeria–Mali relations"
"""The bundled deck's title: the deck list is on screen once a tab's frames hold it."""

CLASS_SIZE = 30


def drawn(frames: list[bytes], text: str) -> bool:
    return text in ESCAPES.sub("", b"".join(frames).decode("utf-8", "replace"))


@contextlib.contextmanager
def serving(env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """`quiz serve` on the default decks (those `quiz` opens): its URL and process id."""
    command = [sys.executable, "-m", "quiz", "serve", "--no-open", "--port", "0"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as server:
        assert server.stdout is not None
        url = next(m.group() for line in server.stdout if (m := re.search(r"http://\S+", line)))
        try:
            yield url, server.pid
        finally:
            server.terminate()
            server.wait(timeout=30)


def page_to_deck_list(url: str, repeat: int) -> list[float]:
    """Seconds from asking chromium for the page to the deck list in its terminal, once
    per new tab (each starts its own app)."""
    from playwright.sync_api import WebSocket, sync_playwright

    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 800, "height": 480})
            frames: list[bytes] = []

            def watch(websocket: WebSocket, frames: list[bytes] = frames) -> None:
                def take(payload: bytes | str) -> None:
                    if isinstance(payload, bytes):
                        frames.append(payload)

                websocket.on("framereceived", take)

            page.on("websocket", watch)
            start = time.perf_counter()
            page.goto(url)
            while not drawn(frames, DECKS_DRAWN):
                page.wait_for_timeout(5)
            timings.append(time.perf_counter() - start)
            page.close()
        browser.close()
    return timings


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """A process's resident memory (`VmRSS`), or its proportional share (`Pss`), in MB."""
    source = f"/proc/{pid}/status" if field == "VmRSS" else f"/proc/{pid}/smaps_rollup"
    for line in Path(source).read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for process {pid}")


def apps_of(server: int) -> list[int]:
    """The processes the server started: one app per tab."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            if int(entry.read_text().rpartition(")")[2].split()[1]) == server:
                found.append(int(entry.parent.name))
    return found


async def tabs_drawn(url: str, count: int) -> tuple[float, list[Any]]:
    """Open `count` tabs at once as websockets; seconds until every one shows the deck
    list, and the open connections (closed by the caller)."""
    import aiohttp

    base = url.split("/?")[0]
    token = url.rpartition("token=")[2]
    session = aiohttp.ClientSession()
    ws_url = f"{base.replace('http', 'ws', 1)}/ws/{token}?width=80&height=24"

    async def one() -> Any:
        websocket = await session.ws_connect(ws_url, headers={"Origin": base})
        frames: list[bytes] = []
        while not drawn(frames, DECKS_DRAWN):
            message = await websocket.receive()
            if message.type is aiohttp.WSMsgType.BINARY:
                frames.append(message.data)
        return websocket

    start = time.perf_counter()
    sockets = await asyncio.gather(*(one() for _ in range(count)))
    return time.perf_counter() - start, [session, *sockets]


async def class_figures(url: str, server: int) -> tuple[float, float, list[float], float, float]:
    """One tab alone, then a class of tabs at once: seconds to the deck list for each,
    the apps' RSS, their summed PSS, and the server's RSS, in MB."""
    alone, opened = await tabs_drawn(url, 1)
    for item in reversed(opened):
        await item.close()
    while apps_of(server):
        await asyncio.sleep(0.1)
    together, opened = await tabs_drawn(url, CLASS_SIZE)
    apps = apps_of(server)
    rss = [rss_mb(pid) for pid in apps]
    pss = sum(rss_mb(pid, "Pss") for pid in apps)
    server_rss = rss_mb(server)
    for item in reversed(opened):
        await item.close()
    return alone, together, rss, pss, server_rss


def serve_rows(env: dict[str, str], repeat: int) -> Iterator[Row]:
    """`quiz serve`: a tab's deck list against the terminal's, a tab's memory, a class."""
    if not CHROMIUM.exists():
        print(f"(quiz serve rows left out: no chromium at {CHROMIUM})", file=sys.stderr)
        return
    terminal = [run_process(["-c", DECK_LIST], env) for _ in range(repeat)]
    with serving(env) as (url, server):
        browser = page_to_deck_list(url, repeat)
        alone, together, rss, pss, server_rss = asyncio.run(class_figures(url, server))
    yield Row(
        "deck list in a browser tab, from asking for the page",
        statistics.median(browser),
        statistics.median(run.seconds for run in terminal),
        "s",
        notes="the same app drawn headless in a process of its own (`quiz`, bundled deck);"
        " the tab's time includes the page, its script and its app's start",
    )
    yield Row(
        "memory of a browser tab's app",
        statistics.median(rss),
        max(run.max_rss_mb for run in terminal),
        "MB",
        notes=f"the terminal app's max RSS at the deck list; tabs' RSS from {min(rss):.0f}"
        f" to {max(rss):.0f} MB, {pss / len(rss):.0f} MB each counting shared pages once"
        f" (PSS); the server {server_rss:.0f} MB",
    )
    yield Row(
        f"{CLASS_SIZE} tabs opened at once, until every deck list is drawn",
        together,
        alone,
        "s",
        notes=f"one tab alone (websockets, no browser); {os.cpu_count()} cores;"
        f" the {CLASS_SIZE} apps hold {sum(rss):,.0f} MB RSS, {pss:,.0f} MB PSS",
    )


def compile_package() -> None:
    """Write the package's bytecode first, as `pip install` does: with the source alone
    (or PYTHONDONTWRITEBYTECODE set, as on some machines) every run would compile every
    module of ours again, while Textual's come compiled, and the ratios would measure that."""
    compileall.compile_dir(Path(quiz.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--file-megabytes", type=int, nargs="*", default=[25, 100, 200])
    parser.add_argument(
        "--heavy-only",
        action="store_true",
        help="only the rows on a heavy learner's history (the deck list, study, quiz stats)",
    )
    parser.add_argument(
        "--serve-only",
        action="store_true",
        help="only the rows of quiz serve (a tab against the terminal, memory, a class)",
    )
    args = parser.parse_args()
    compile_package()
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = {**os.environ, "QUIZ_DATA_DIR": str(folder / "data")}
        bundled = bundled_decks_dir() / "algeria-mali-relations.yaml"
        run_process(["-c", FIRST_QUESTION, str(bundled)], env)  # cached, as after a first run
        if args.serve_only:
            for row in serve_rows(env, args.repeat):
                print(row.markdown(), flush=True)
            return
        if args.heavy_only:
            for row in heavy_rows(folder, env, args.repeat):
                print(row.markdown(), flush=True)
            return
        rows = [
            # The one target near 1x: three times the pairs, for a median that holds still.
            bench_first_question("bundled deck", bundled, env, 3 * args.repeat),
            bench_through_the_decks(env, args.repeat),
            *(bench_startup(command, env, args.repeat) for command in ("--help", "check", "stats")),
            bench_store_open(folder, args.repeat),
            bench_answers(args.repeat),
            bench_merge(folder, env, args.repeat),
        ]
        for row in rows:
            print(row.markdown(), flush=True)
        for row in heavy_rows(folder, env, args.repeat):
            print(row.markdown(), flush=True)
        for row in serve_rows(env, args.repeat):
            print(row.markdown(), flush=True)
        for row in size_rows(folder, args.sizes, env, args.repeat):
            print(row.markdown(), flush=True)
        for row in file_size_rows(folder, args.file_megabytes, env):
            print(row.markdown(), flush=True)
        for row in alias_rows(folder, env):
            print(row.markdown(), flush=True)


if __name__ == "__main__":
    main()
