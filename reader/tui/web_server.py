"""textual-serve's Server, fitted to `reader serve`.

Three changes to the stock server: the page's websocket URL is built from the request
(the Host the browser used, and X-Forwarded-Proto from a TLS reverse proxy), so the page
works through an SSH tunnel or a proxy and not only at the bind address; the banner is
one line saying where to point the browser; and on shutdown every tab's websocket is
closed first, so each app process gets textual-serve's "quit" and exits through its own
shutdown path (the store closes cleanly) before the server stops.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import weakref
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("reader.serve")
APP_EXIT_TIMEOUT_S = 15.0


def display_host(host: str) -> str:
    """`::1` must be written `[::1]` in a URL."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class ReaderServer(Server):
    """One app process per browser tab, on the loopback address unless told otherwise."""

    def __init__(self, command: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="reader")
        self.public_url = f"http://{display_host(host)}:{port}"
        self._sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self._services: set[AppService] = set()

    def initialize_logging(self) -> None:
        """Warnings and errors only: an access line per request would bury the URL."""
        super().initialize_logging()
        logging.getLogger("textual-serve").setLevel(logging.WARNING)
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        url = self.public_url
        if self.host in ("0.0.0.0", "::", "[::]"):  # every address: name one that works
            url = f"http://{socket.gethostname()}:{self.port}"
        print(f"reader: serving on {url}/  (Ctrl+C to stop)", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab, then wait for its app process to finish saving and exit.

        Waiting matters twice: the app folds its journal on the way out, and a process
        left running when the event loop closes makes asyncio print "Event loop is
        closed" tracebacks when its transport is collected.
        """
        sockets = list(self._sockets)
        if sockets:
            await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
        services = list(self._services)
        if services:
            try:
                await asyncio.wait_for(
                    asyncio.gather(*(self._finish(s) for s in services), return_exceptions=True),
                    timeout=APP_EXIT_TIMEOUT_S,
                )
            except TimeoutError:
                log.warning("a browser tab's app did not exit in %s s", APP_EXIT_TIMEOUT_S)
        print("reader: stopped", flush=True)

    @staticmethod
    async def _finish(service: AppService) -> None:
        await service.stop()  # textual-serve's "quit", then its reader task ends
        process = getattr(service, "_process", None)  # textual-serve keeps no public handle
        if process is not None:
            await process.wait()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler, keeping each tab's socket so shutdown can close it."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            self._sockets.add(websocket)
            app_service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self._services.add(app_service)
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:  # one tab's failure must not stop the server; it is logged
            log.exception("a browser tab's app failed")
        finally:
            if app_service is not None:
                await self._finish(app_service)
                self._services.discard(app_service)
        return websocket

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, with URLs for the address the browser actually used."""
        scheme = request.headers.get("X-Forwarded-Proto", request.scheme).split(",")[0]
        base = f"{scheme.strip()}://{request.host}"
        ws_scheme = "wss" if scheme.strip() == "https" else "ws"
        static = request.app.router["static"].url_for(filename="/")
        websocket = request.app.router["websocket"].url_for()
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{ws_scheme}://{request.host}{websocket}",
            "config": {"static": {"url": f"{base}{static}".rstrip("/") + "/"}},
            "application": {"name": self.title},
        }
