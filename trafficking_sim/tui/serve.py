"""The online variant: the game served to web browsers with textual-serve.

Each browser tab gets its own game process. Served games keep their autosaves apart (a
shared autosave would let one group's game overwrite another's), and the page is made
to work without the internet: the one web font the stock page asks for is left out.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shlex
import socket
import sys
from pathlib import Path

import platformdirs

from ..paths import APP_NAME

SERVED_ENV = "TRAFFICKING_SIM_SERVED"
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


def serve(host: str, port: int, lang: str | None, url: str | None = None) -> None:
    """Serve until Ctrl+C. ``url`` is the address browsers use (default: from the host)."""
    from textual_serve.server import Server

    os.environ[SERVED_ENV] = "1"  # inherited by every game process
    server = Server(
        game_command(lang),
        host=host,
        port=port,
        title="trafficking-sim",
        public_url=url or public_url(host, port),
        templates_path=offline_templates(),
    )
    try:
        server.serve()
    except OSError as exc:  # only the listening: a template folder's error is not this
        raise CannotListen(str(exc.strerror or exc)) from exc
