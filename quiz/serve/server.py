"""The web server: textual-serve's, with a door that only the printed URL opens.

textual-serve's `Server` answers anyone: its page and websocket take no token, any web
page the learner visits may open the websocket (browsers let a page connect to
127.0.0.1), it starts an app for every connection however many there are, lists its
static folder, and its page fetches fonts from Google. This subclass keeps its message
loop (`_process_messages`) and its page's script and styles, and replaces the routes:

- the page needs `?token=` and the websocket `/ws/<token>`, a random token printed in
  the URL (as Jupyter does); anything else is 403;
- a request whose `Origin` is not the page's own is 403;
- at most `max_apps` app processes; the next tab is told the server is full;
- `/static/` serves files, never a folder's listing; the page is ours
  (`templates/app_index.html`), with the font from that folder and a Content Security
  Policy that lets it load nothing from elsewhere;
- each connection is pinged every HEARTBEAT seconds: one that does not answer within
  half of that is closed and its app ended (`QuizAppService.stop`);
- stopping the server ends every app before it returns.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Sequence
from pathlib import Path

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import WSCloseCode, web
from aiohttp.typedefs import Handler
from textual_serve.server import Server, to_int

from quiz.serve.app_process import QuizAppService

HEARTBEAT = 10.0
"""A dead connection is found within 15 s, and its app ended within 3 more: under 30 s."""

STATIC = Path(textual_serve.__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
FULL = "\r\n  The quiz server is full ({count} quizzes open). Try again later.\r\n"
"""What the tab beyond the limit shows, in its terminal (xterm.js writes it as it is)."""

CONTENT_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; font-src 'self'; connect-src 'self' ws://{host} wss://{host};"
    " frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

log = logging.getLogger("quiz.serve")


class QuizServer(Server):
    """Serves `argv` (a `quiz play` command line), one process per tab."""

    def __init__(self, argv: Sequence[str], *, max_apps: int) -> None:
        super().__init__(
            " ".join(argv), title="quiz", statics_path=STATIC, templates_path=TEMPLATES
        )
        self.argv = tuple(argv)
        self.max_apps = max_apps
        self.token = secrets.token_urlsafe(24)
        self.apps: set[QuizAppService] = set()
        self.sockets: set[web.WebSocketResponse] = set()

    def make_app(self) -> web.Application:
        """The web application, in place of textual-serve's `_make_app`, for `running.py`
        to run under its own signal handling.

        Only these routes: the page and the websocket each check the token (`/ws` without
        one is refused as a wrong one is, 403); the static folder lists nothing;
        textual-serve's `/download/` route is left out, as the app offers no downloads;
        and every request passes `same_origin_only` first.
        Nothing is added on startup: textual-serve's prints its logo and an address
        without the token, and `running.py` prints the address to open.
        """
        app = web.Application(middlewares=[self.same_origin_only])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    def opens(self, token: str) -> bool:
        """Whether `token` is this server's: compared in constant time, so how long a
        refusal takes tells a guesser nothing of how much of the token was right."""
        return secrets.compare_digest(token.encode(), self.token.encode())

    @web.middleware
    async def same_origin_only(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse a request sent by another site's page: its `Origin` is not this page's."""
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            raise web.HTTPForbidden(text="This quiz server only answers its own pages.\n")
        return await handler(request)

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page, for whoever has the token; nothing of it is fetched from elsewhere."""
        if not self.opens(request.query.get("token", "")):
            raise web.HTTPForbidden(text="Open the address that 'quiz serve' printed.\n")
        context = {
            "title": self.title,
            "static": "/static/",
            "websocket_url": f"ws://{request.host}/ws/{self.token}",
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers.update(
            {
                "Content-Security-Policy": CONTENT_POLICY.format(host=request.host),
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-store",
            }
        )
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Run an app for this tab, as textual-serve does, if the token opens it and there
        is room; its process is ended however the connection ends."""
        if not self.opens(request.match_info.get("token", "")):
            raise web.HTTPForbidden()
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT)
        await websocket.prepare(request)
        if len(self.apps) >= self.max_apps:
            await websocket.send_bytes(FULL.format(count=len(self.apps)).encode())
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"server full")
            return websocket
        app = QuizAppService(
            self.argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.apps.add(app)
        self.sockets.add(websocket)
        try:
            await app.start(
                to_int(request.query.get("width", "80"), 80),
                to_int(request.query.get("height", "24"), 24),
            )
            await self._process_messages(websocket, app)
        except (ValueError, TypeError, KeyError, IndexError, AssertionError) as error:
            # A message outside the protocol (textual-serve checks its shape with `assert`):
            # the tab is closed and its app ended, the server goes on.
            log.warning("closed a connection that sent %s", type(error).__name__)
        finally:
            await app.stop()
            self.apps.discard(app)
            self.sockets.discard(websocket)
            await websocket.close()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """End every app, then close the tabs' connections (their handlers then return)."""
        await asyncio.gather(*(service.stop() for service in list(self.apps)))
        for websocket in list(self.sockets):
            with contextlib.suppress(Exception):
                await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")
