"""Run the server until Ctrl+C or SIGTERM: listen, print the one URL to open, then end
every app before returning.

textual-serve's own `Server.serve` prints a banner and a URL without the token (and
`0.0.0.0` when bound to every interface), cannot report the port it was given for
`--port 0`, and leaves the apps to aiohttp's minute-long shutdown; hence this loop.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
import webbrowser

from aiohttp import web

from quiz.files import os_reason
from quiz.serve.address import is_loopback, public_host, url_host
from quiz.serve.server import QuizServer

SHUTDOWN_TIMEOUT = 2.0
"""Seconds aiohttp waits for requests still being answered once the apps have ended."""


def serve(server: QuizServer, host: str, port: int, *, open_browser: bool) -> int:
    """Serve until stopped; 0, or 1 when the address cannot be listened on (said why)."""
    logging.basicConfig(level=logging.WARNING, format="quiz serve: %(message)s")
    return asyncio.run(_serve(server, host, port, open_browser=open_browser))


async def _serve(server: QuizServer, host: str, port: int, *, open_browser: bool) -> int:
    runner = web.AppRunner(
        server.make_app(), handle_signals=False, shutdown_timeout=SHUTDOWN_TIMEOUT, access_log=None
    )
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        print(f"quiz: error: cannot listen on {host}:{port}: {os_reason(exc)}", file=sys.stderr)
        return 1
    bound_port = runner.addresses[0][1]
    url = f"http://{url_host(public_host(host))}:{bound_port}/?token={server.token}"
    announce(host, url)
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stopped.set)
    if open_browser:
        await loop.run_in_executor(None, webbrowser.open, url)
    await stopped.wait()
    await runner.cleanup()
    return 0


def announce(host: str, url: str) -> None:
    """The URL on standard output, and a warning first when the network can reach it."""
    if not is_loopback(host):
        print(
            f"quiz: warning: listening on {host or 'every interface'}, not only this machine:"
            " anyone on the network who has the address below can take quizzes here,"
            " and their answers are saved on this machine",
            file=sys.stderr,
        )
    print(f"Quiz in a browser: {url}", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
