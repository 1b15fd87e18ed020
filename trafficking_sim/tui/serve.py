"""The online variant: the game served to web browsers with textual-serve.

Each browser tab gets its own game process, and each browser its own data folder
(settings and saves), so one group's language switch or finished games never reach
another's. The server lets in only pages it served itself (the Origin check), only so
many games at once (each is a process), and, when it listens beyond this computer, only
those who type the session code. The page works without the internet: the one web font
the stock page asks for is left out.
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import os
import re
import secrets
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import platformdirs

from .. import paths
from ..i18n import languages, t
from ..paths import APP_NAME

if TYPE_CHECKING:
    from aiohttp import web

SERVED_ENV = "TRAFFICKING_SIM_SERVED"
MAX_CONNECTIONS = 40
"""Games at once: each is a process of some 50 MB, so a classroom's worth and no more."""
CODE_COOKIE = "trafficking_sim_code"
PLAYER_COOKIE = "trafficking_sim_player"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to mistake
LOOPBACK = {"localhost"}
WILDCARDS = {"0.0.0.0", "::", ""}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def lan_address() -> str | None:
    """This computer's address on its local network, or None when it has none.

    Connecting a UDP socket sends nothing; it only makes the system pick the interface
    (and so the address) it would use to reach a private-network address.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith(("0.", "127.")) else address


def public_url(host: str, port: int) -> str:
    """The address to give the class. Browsers load the page's scripts and open its
    connection from this address, so a wildcard host (listen on every network) must
    become an address other computers can reach, or their games never load."""
    address = host
    if host in WILDCARDS:
        address = lan_address() or "127.0.0.1"
    if ":" in address:  # IPv6 goes in brackets in a URL
        address = f"[{address}]"
    return f"http://{address}:{port}"


TERMINAL_FONT = "fonts/RobotoMono-VariableFont_wght.ttf"
"""The terminal's font, shipped with textual-serve: it has Č, Š and Ž. Without it the
browser falls back to a system font, and Chromium on Linux drew them as Ċ, Ṡ and Ż."""

_FONT_URL = "{{ config.static.url }}" + TERMINAL_FONT  # filled in by textual-serve
FONT_FACE = (
    "<style>@font-face { font-family: 'Roboto Mono'; "
    f'src: url("{_FONT_URL}") format("truetype"); '
    "font-weight: 100 700; font-display: block; }</style>\n"
    f'<link rel="preload" href="{_FONT_URL}" as="font" type="font/ttf" crossorigin />\n'
)


def offline_templates() -> Path:
    """textual-serve's page template without its link to an online font service, and
    with the terminal's font (Roboto Mono, which has the Slovene letters) served from the
    game's own address."""
    import textual_serve

    stock = Path(textual_serve.__file__).parent / "templates"
    folder = platformdirs.user_cache_path(APP_NAME, appauthor=False) / "serve-templates"
    folder.mkdir(parents=True, exist_ok=True)
    for template in stock.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>", "", text)
        text = text.replace("</head>", FONT_FACE + "</head>", 1)
        (folder / template.name).write_text(text, encoding="utf-8")
    return folder


def game_command(lang: str | None) -> str:
    """The command each browser tab runs: this Python, this package, the TUI."""
    parts = [sys.executable, "-m", "trafficking_sim"]
    if lang:
        parts += ["play", "--lang", lang]  # 'play' without a scenario opens the title too
    if os.name == "nt":
        return " ".join(f'"{p}"' if " " in p else p for p in parts)
    return shlex.join(parts)


class CannotListen(Exception):
    """The address or port cannot be listened on (most often: a port already in use)."""


def new_session_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def origin_of(url: str) -> str:
    """``scheme://host:port`` of a URL, as a browser sends it in the Origin header."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    default = (scheme, port) in (("http", 80), ("https", 443))
    return f"{scheme}://{host}" if default else f"{scheme}://{host}:{port}"


class Gate:
    """Who may open a game: the rules of the server, apart from the server itself."""

    def __init__(
        self, url: str, port: int, code: str | None, max_connections: int = MAX_CONNECTIONS
    ) -> None:
        self.origins = {
            origin_of(url),
            *(origin_of(f"http://{h}:{port}") for h in ("localhost", "127.0.0.1", "[::1]")),
        }
        self.code = code
        self.max_connections = max_connections
        self.open = 0

    def origin_ok(self, origin: str | None) -> bool:
        """Only the game's own page may open a game: another site's page in a
        participant's browser may not (browsers always send the Origin of a websocket)."""
        return origin is not None and origin_of(origin) in self.origins

    def code_ok(self, given: str | None) -> bool:
        if self.code is None:
            return True
        given = (given or "").strip().upper()
        return secrets.compare_digest(given.encode(), self.code.encode())

    def full(self) -> bool:
        return self.open >= self.max_connections


PLAYER_ID = re.compile(r"^[0-9a-f]{32}$")


def player_home(player: str) -> Path:
    """A browser's own data folder: its settings, its games, its finished games."""
    if not PLAYER_ID.match(player):
        raise ValueError("not a player id")
    return paths.user_data_dir() / "served" / player


def code_page(lang: str, wrong: bool) -> str:
    """The page asking for the session code, in the class's language, then the others."""
    langs = [lang, *(code for code in languages() if code != lang)]
    parts = []
    for code in langs:
        parts.append(f"<h1>{html.escape(t('serve.code_title', code))}</h1>")
        if wrong:
            parts.append(f"<p><strong>{html.escape(t('serve.code_wrong', code))}</strong></p>")
        parts.append(f"<p>{html.escape(t('serve.code_prompt', code))}</p>")
    label = html.escape(t("serve.code_label", lang))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>trafficking-sim</title></head><body>"
        + "".join(parts)
        + '<form method="get" action="/"><label>'
        + label
        + ' <input name="code" autocomplete="off" autofocus required></label>'
        + ' <button type="submit">OK</button></form></body></html>'
    )


def make_server(
    command: str,
    *,
    host: str,
    port: int,
    url: str,
    code: str | None,
    max_connections: int,
    lang: str,
) -> Any:
    """A textual-serve server with the gate in front of it and a data folder per browser."""
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    gate = Gate(url, port, code, max_connections)

    class ServedGame(AppService):
        """One tab's game process, with its browser's own data folder."""

        def __init__(self, *args: Any, home: Path, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.home = home

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            environment = super()._build_environment(width=width, height=height)
            environment[SERVED_ENV] = "1"
            environment[paths.HOME_ENV] = str(self.home)
            return environment

    class GameServer(Server):
        gate: Gate

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if not gate.code_ok(request.cookies.get(CODE_COOKIE)):
                given = request.query.get("code")
                if given is None or not gate.code_ok(given):
                    return web.Response(
                        status=401,
                        text=code_page(lang, wrong=given is not None),
                        content_type="text/html",
                    )
                answer = web.HTTPFound("/")
                answer.set_cookie(CODE_COOKIE, gate.code or "", httponly=True, samesite="Strict")
                return answer
            response: web.StreamResponse = await super().handle_index(request)
            if not PLAYER_ID.match(request.cookies.get(PLAYER_COOKIE, "")):
                response.set_cookie(
                    PLAYER_COOKIE,
                    secrets.token_hex(16),
                    httponly=True,
                    samesite="Strict",
                    max_age=30 * 24 * 3600,
                )
            return response

        # Refusals answer with a plain HTTP response before any upgrade, hence the wider type.
        async def handle_websocket(  # type: ignore[override]
            self, request: web.Request
        ) -> web.StreamResponse:
            if not gate.origin_ok(request.headers.get("Origin")):
                return web.Response(status=403, text=t("serve.bad_origin", lang))
            if not gate.code_ok(request.cookies.get(CODE_COOKIE)):
                return web.Response(status=403, text=t("serve.code_title", lang))
            if gate.full():
                return web.Response(status=503, text=t("serve.full", lang, n=gate.max_connections))
            player = request.cookies.get(PLAYER_COOKIE, "")
            home = player_home(player if PLAYER_ID.match(player) else secrets.token_hex(16))
            gate.open += 1
            try:
                return await self._play(request, home)
            finally:
                gate.open -= 1

        async def _play(self, request: web.Request, home: Path) -> web.StreamResponse:
            websocket = web.WebSocketResponse(heartbeat=15)
            width = _size(request.query.get("width"), 80)
            height = _size(request.query.get("height"), 24)
            game: ServedGame | None = None
            try:
                await websocket.prepare(request)
                game = ServedGame(
                    self.command,
                    home=home,
                    write_bytes=websocket.send_bytes,
                    write_str=websocket.send_str,
                    close=websocket.close,
                    download_manager=self.download_manager,
                    debug=self.debug,
                )
                await game.start(width, height)
                await self._process_messages(websocket, game)
            except asyncio.CancelledError:
                await websocket.close()
            except Exception as error:  # one tab's failure must not stop the class
                import logging

                logging.getLogger("textual-serve").exception(error)
            finally:
                if game is not None:
                    await game.stop()
            return websocket

    server = GameServer(
        command,
        host=host,
        port=port,
        title="trafficking-sim",
        public_url=url,
        templates_path=offline_templates(),
    )
    server.gate = gate
    return server


def _size(value: str | None, default: int) -> int:
    try:
        return max(10, min(500, int(value or default)))
    except ValueError:
        return default


def serve(
    host: str,
    port: int,
    lang: str | None,
    url: str | None = None,
    code: str | None = None,
    max_connections: int = MAX_CONNECTIONS,
) -> None:
    """Serve until Ctrl+C. ``url`` is the address browsers use (default: from the host);
    ``code``, when given, is asked of every browser before it may play."""
    os.environ[SERVED_ENV] = "1"  # inherited by every game process
    server = make_server(
        game_command(lang),
        host=host,
        port=port,
        url=url or public_url(host, port),
        code=code,
        max_connections=max_connections,
        lang=lang or "en",
    )
    try:
        server.serve()
    except OSError as exc:  # only the listening: a template folder's error is not this
        raise CannotListen(str(exc.strerror or exc)) from exc
