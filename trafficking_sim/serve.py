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
import sys
from pathlib import Path

import platformdirs

from .paths import APP_NAME

SERVED_ENV = "TRAFFICKING_SIM_SERVED"
LOOPBACK = {"localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def offline_templates() -> Path:
    """textual-serve's page template without its link to an online font service."""
    import textual_serve

    stock = Path(textual_serve.__file__).parent / "templates"
    folder = platformdirs.user_cache_path(APP_NAME, appauthor=False) / "serve-templates"
    folder.mkdir(parents=True, exist_ok=True)
    for template in stock.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>", "", text)
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


def serve(host: str, port: int, lang: str | None) -> None:
    from textual_serve.server import Server

    os.environ[SERVED_ENV] = "1"  # inherited by every game process
    server = Server(
        game_command(lang),
        host=host,
        port=port,
        title="trafficking-sim",
        templates_path=offline_templates(),
    )
    server.serve()
