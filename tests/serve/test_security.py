"""What `quiz serve` refuses, and how long its app processes may outlive their tabs.

Each attack of issue 19 against the real server: a page or websocket without the token
or with a wrong one, another site's page, one tab too many, a huge terminal, a tab that
dropped or went silent, and the server stopped or killed with tabs open.
"""

from __future__ import annotations

import asyncio
import signal
import socket
from contextlib import AsyncExitStack

import aiohttp
import pytest

from .conftest import (
    Served,
    Tab,
    alive,
    environment_of,
    open_tab,
    start_server,
    wait_until,
)

PROMPT = "Two questions"
"""The deck's title, atop its quiz: a deck named alone opens on its quiz."""


async def status_of(url: str, **headers: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as response:
        return response.status


async def refused_status(url: str, origin: str | None) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        async with open_tab(url, origin):
            pass
    return refused.value.status


async def test_the_page_needs_the_token(served: Served) -> None:
    one_off = served.url[:-1] + ("y" if served.url.endswith("x") else "x")
    for url in (f"{served.base}/", f"{served.base}/?token=", one_off):
        assert await status_of(url) == 403, url
    async with aiohttp.ClientSession() as session, session.get(served.url) as response:
        assert response.status == 200
        assert f"/ws/{served.token}" in await response.text()


async def test_the_websocket_needs_the_token(served: Served) -> None:
    without = served.websocket_url().replace(f"/{served.token}", "")
    for url in (without, served.websocket_url("wrong"), served.websocket_url(served.token + "x")):
        assert await refused_status(url, served.base) == 403, url
    assert served.apps() == set()


async def test_another_sites_page_is_refused(served: Served) -> None:
    port = served.base.rpartition(":")[2]
    for origin in ("http://evil.example", f"http://localhost:{port}", "http://127.0.0.1:1"):
        assert await refused_status(served.websocket_url(), origin) == 403, origin
        assert await status_of(served.url, Origin=origin) == 403, origin
    assert served.apps() == set()
    async with open_tab(served.websocket_url(), served.base) as tab:
        await tab.read_until(PROMPT)


async def test_the_tab_beyond_the_limit_is_told_the_server_is_full() -> None:
    server = start_server("--max-apps", "2")
    try:
        async with AsyncExitStack() as stack:
            for _ in range(2):
                tab = await stack.enter_async_context(open_tab(server.websocket_url(), server.base))
                await tab.read_until(PROMPT)
            async with open_tab(server.websocket_url(), server.base) as third:
                await third.read_until("The quiz server is full (2 quizzes open)")
                closing = await third.websocket.receive()
                assert closing.type is aiohttp.WSMsgType.CLOSE
                assert closing.data == aiohttp.WSCloseCode.TRY_AGAIN_LATER
            assert len(server.apps()) == 2
    finally:
        server.stop()


async def test_a_huge_terminal_is_clamped_and_its_app_ends_when_the_tab_drops(
    served: Served,
) -> None:
    """The attack the issue measured: ask for 4000×1000, then go without reading."""
    async with open_tab(served.websocket_url(width=4000, height=1000), served.base) as tab:
        await tab.read_until(PROMPT)
        [app] = served.apps()
        size = environment_of(app)
        assert (size["COLUMNS"], size["ROWS"]) == ("300", "120")
        await tab.websocket.send_json(["resize", {"width": 4000, "height": 1000}])
        drop(tab)
    wait_until(lambda: not alive(app), "the app of a dropped tab to end", seconds=30)


async def test_a_silent_connection_loses_its_app_within_30_seconds(served: Served) -> None:
    """A tab that answers no ping (a laptop closed, a network gone) is closed, its app ended."""
    async with open_tab(served.websocket_url(), served.base, autoping=False) as tab:
        await tab.read_until(PROMPT)
        [app] = served.apps()
        took = await asyncio.to_thread(
            wait_until, lambda: not alive(app), "a silent tab's app to end", 30
        )
    assert took > 5  # not ended for being quiet a moment: for answering no ping


@pytest.mark.parametrize("message", ['{"not": "a list"}', '["resize", {"width": "wide"}]'])
async def test_a_message_outside_the_protocol_ends_its_tab_only(
    served: Served, message: str
) -> None:
    async with open_tab(served.websocket_url(), served.base) as tab:
        await tab.read_until(PROMPT)
        [app] = served.apps()
        await tab.websocket.send_str(message)
        closing = await tab.websocket.receive()
        while closing.type is aiohttp.WSMsgType.BINARY:
            closing = await tab.websocket.receive()
        assert closing.type is aiohttp.WSMsgType.CLOSE
    await asyncio.to_thread(wait_until, lambda: not alive(app), "the app to end", 5)
    async with open_tab(served.websocket_url(), served.base) as tab:
        await tab.read_until(PROMPT)  # the server goes on


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGKILL])
async def test_the_server_stopped_or_killed_leaves_no_app_behind(ending: signal.Signals) -> None:
    server = start_server()
    try:
        async with AsyncExitStack() as stack:
            for _ in range(3):
                tab = await stack.enter_async_context(open_tab(server.websocket_url(), server.base))
                await tab.read_until(PROMPT)
            apps = server.apps()
            assert len(apps) == 3
            server.process.send_signal(ending)
            await asyncio.to_thread(
                wait_until, lambda: not any(map(alive, apps)), "every app to end", 5
            )
            assert server.process.wait(timeout=5) == (0 if ending is signal.SIGTERM else -9)
    finally:
        server.stop()


async def test_static_files_but_no_folder_listing(served: Served) -> None:
    for folder in ("/static/", "/static/js/", "/static/fonts"):
        assert await status_of(served.base + folder) in (403, 404), folder
    assert await status_of(served.base + "/static/js/textual.js") == 200


async def test_the_page_loads_nothing_from_elsewhere(served: Served) -> None:
    async with aiohttp.ClientSession() as session, session.get(served.url) as response:
        page = await response.text()
        policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "http" not in page
    assert "fonts/RobotoMono" in page


def test_listening_on_the_network_warns_and_gives_a_reachable_address() -> None:
    server = start_server("--host", "0.0.0.0")
    try:
        host = server.base.removeprefix("http://").rpartition(":")[0]
        assert host != "0.0.0.0"
        assert is_local_address(host)
        assert asyncio.run(status_of(server.url)) == 200
    finally:
        server.stop()
    assert server.process.stderr is not None
    warning = server.process.stderr.read()
    assert "warning: listening on 0.0.0.0, not only this machine" in warning


def is_local_address(host: str) -> bool:
    """Whether `host` is an address of one of this machine's interfaces (it can be bound)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        try:
            sock.bind((host.strip("[]"), 0))
        except OSError:
            return False
    return True


def drop(tab: Tab) -> None:
    """End the tab's connection as a crashed browser does: no closing handshake."""
    sock = tab.websocket.get_extra_info("socket")
    assert sock is not None
    sock.shutdown(socket.SHUT_RDWR)
