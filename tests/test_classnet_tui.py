"""A networked class's seat on the full screen: the code typed in the app, then the group's
own view; the trainer's code opens the trainer's console; the screen shows text, not markup."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input, Log

from trafficking_sim.classnet.store import ClassStore
from trafficking_sim.content import GameContent
from trafficking_sim.tui.seat import SeatApp

from .classnet_support import make_class, running_seat


def shown(app: SeatApp) -> str:
    return "\n".join(str(line) for line in app.query_one(Log).lines)


async def type_line(pilot: object, app: SeatApp, text: str, until: str) -> None:
    app.query_one(Input).value = text
    await pilot.press("enter")  # type: ignore[attr-defined]
    for _ in range(200):
        await asyncio.sleep(0.05)
        if until in shown(app):
            return
    raise AssertionError(f"{until!r} never appeared; the screen: {shown(app)}")


async def enter_code(pilot: Any, app: SeatApp, code: str, screen: type[Screen[Any]]) -> None:
    """Type ``code`` in the seat's field, then wait up to five seconds for ``screen``."""
    app.query_one(Input).value = code
    await pilot.press("enter")
    for _ in range(100):
        await asyncio.sleep(0.05)
        if isinstance(app.screen, screen):
            return


async def test_a_group_types_its_code_and_gets_its_own_game(
    tmp_path: Path, tutorial: GameContent
) -> None:
    from trafficking_sim.tui.screens.seat_game import WaitingScreen

    db = tmp_path / "class.db"
    issued = make_class(db, tutorial)
    app = SeatApp(db, None, "en")
    async with app.run_test() as pilot:
        assert "join code" in shown(app)
        await type_line(pilot, app, "WRONG-CODE1", "Tries left: 4")
        await enter_code(pilot, app, issued["ngo"], WaitingScreen)
        assert app.me == "ngo" and isinstance(app.screen, WaitingScreen)
        await app.action_quit()


async def test_the_trainers_code_opens_the_console_not_a_seat(
    tmp_path: Path, tutorial: GameContent
) -> None:
    """(The console itself: tests/test_classnet_trainer_console.py.)"""
    from trafficking_sim.tui.screens.trainer_console import TrainerConsoleScreen

    db = tmp_path / "class.db"
    issued = make_class(db, tutorial)
    app = SeatApp(db, None, "en")
    async with app.run_test() as pilot:
        await enter_code(pilot, app, issued["@trainer"], TrainerConsoleScreen)
        assert isinstance(app.screen, TrainerConsoleScreen)
        assert app.me == "@trainer" and app.session is not None
        assert not any(type(s).__name__ == "SeatGameScreen" for s in app.screen_stack)
        await app.action_quit()


@pytest.mark.parametrize("lang", ["sl"])
async def test_the_seat_asks_in_the_groups_language(
    tmp_path: Path, tutorial: GameContent, lang: str
) -> None:
    db = tmp_path / "class.db"
    make_class(db, tutorial)
    app = SeatApp(db, None, lang)
    async with app.run_test():
        assert "pridružitveno kodo" in shown(app)
        await app.action_quit()


def test_class_host_serves_the_seat_to_browsers_and_stops(tmp_path: Path) -> None:
    """The page is served on loopback; every tab's command is a seat of this class's file
    (named: each browser has a data folder of its own); Ctrl+C stops the server."""
    import os
    import signal
    import socket
    import subprocess
    import time
    import urllib.request

    from tests.test_cli import console_script, run
    from trafficking_sim.cli import host_command

    home = tmp_path / "home"
    assert run("class", "create", "--scenario", "tutorial", home=home).returncode == 0
    db = home / "class.db"
    command = host_command(db, "sl")
    assert command.split()[-6:] == ["trafficking_sim", "join", "--db", str(db), "--lang", "sl"]
    assert "--plain" not in command  # the full screen: the code is typed in the app
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(home)}
    host = subprocess.Popen(
        [*console_script(), "class", "host", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    page = reply.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert "<html" in page.lower()
    finally:
        host.send_signal(signal.SIGINT)
        try:
            _, err = host.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            host.kill()
            raise
    assert "each tab asks for its code" in err and "Traceback" not in err


async def test_closing_a_waiting_seat_leaves_nothing_behind(
    tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    async with running_seat(db, tutorial, "ngo") as (app, _, _):
        for _ in range(100):
            await asyncio.sleep(0.05)
            if app.net is not None:
                break
        assert ClassStore(db).connected("c1") == {"ngo": True}
    ended = await asyncio.to_thread(app.finished.wait, 5.0)
    assert ended, "the seat still holds its connection"
    assert ClassStore(db).connected("c1") == {}
