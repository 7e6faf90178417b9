"""Reading a file the user named: only a plain file, and never more than a limit of it.

A path can name things that are not files: a named pipe (opening it for reading waits
for a writer for ever), a device (`/dev/zero` never ends), a folder, or a symbolic link
that leads back to itself. The file is opened without waiting (`O_NONBLOCK`), what was
opened is checked on the open descriptor (`fstat`, so the check and the read concern
the same thing), and at most `limit` bytes are ever read.

Also why the system refused a file, in plain words (`os_reason`): every command's
`cannot read …: ` and `cannot write …: ` ends the same way.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
"""Open without waiting for a pipe's writer and without making a terminal ours."""

NOT_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
"""What a path may name instead of a file, as the error says it."""

PLAIN_REASONS = {
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of its path is a file, not a folder",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.ENOSPC: "the disk is full",
    errno.ELOOP: "its symbolic links lead round in a loop",
}
"""The system's words for the failures met most, in ours: `folder`, as every other message
says, where the system says `directory`."""


class FileProblem(Exception):
    """The path cannot be read as a file; the message says why, to follow "cannot read …: "."""


@contextmanager
def open_plain_file(path: Path, limit: int | None = None) -> Iterator[io.BufferedReader]:
    """The file at `path`, opened for reading, once it is known to be a plain file of at
    most `limit` bytes (as it is now: the caller reads no further than it means to).

    Raises FileNotFoundError when nothing is there (a usage error for most callers) and
    FileProblem for anything else that stops it being read.
    """
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise FileProblem(os_reason(exc)) from exc
    try:
        status = os.fstat(descriptor)
        _check_plain(status.st_mode)
        if limit is not None and status.st_size > limit:
            raise too_large(limit)
        file = os.fdopen(descriptor, "rb")  # refuses a folder: checked before
    except BaseException:
        os.close(descriptor)
        raise
    with file:
        yield file


def _check_plain(mode: int) -> None:
    for test, what in NOT_FILES:
        if test(mode):
            raise FileProblem(f"it is {what}, not a file")


def read_plain_file(path: Path, limit: int) -> bytes:
    """The bytes of the plain file at `path`, or FileProblem when it holds more than `limit`."""
    with open_plain_file(path, limit) as file:
        try:
            data = file.read(limit + 1)  # a file that grew since is still read no further
        except OSError as exc:
            raise FileProblem(os_reason(exc)) from exc
    if len(data) > limit:
        raise too_large(limit)
    return data


def too_large(limit: int) -> FileProblem:
    return FileProblem(f"it is larger than {limit // 2**20} MB")


def os_reason(exc: OSError) -> str:
    """Why the system refused, to follow `cannot write PATH: ` mid-sentence in any command:
    ours for the common failures, else the system's own words from a lower-case letter.

    Read from the error number, not `strerror`: some libraries (aiohttp) put a whole
    sentence of their own there, address included.
    """
    if exc.errno in PLAIN_REASONS:
        return PLAIN_REASONS[exc.errno]
    text = os.strerror(exc.errno) if exc.errno else str(exc)
    return text[:1].lower() + text[1:]
