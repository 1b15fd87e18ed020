"""A networked class through textual-serve on loopback, in a real browser: two tabs type
two groups' codes and each sees its own group's game and nothing of the other's; closing a
tab ends the ``join`` process it started.

Needs Playwright and a Chromium (CI installs the system's). What a tab shows is read from
the terminal output its page received over the websocket: xterm.js draws on a canvas, and
that output is exactly what the browser draws.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.content import GameContent

from .classnet_support import device, make_class, seat_env

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the host's children are POSIX")

HOST = [sys.executable, "-m", "trafficking_sim", "class", "host"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
DRAWING = re.compile(r"[\u2500-\u259f\u2800-\u28ff]+")  # box, block and braille characters


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium on this machine (CI installs the system's: see .ci/run)")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Tab:
    """One browser tab of the class's page, on a device (a browser context) of its own;
    ``text`` is what the page has received to draw, as plain text."""

    def __init__(self, browser: Any, url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.output: list[bytes] = []
        self.page.on("websocket", self._watch)
        self.page.goto(url)

    def _watch(self, websocket: Any) -> None:
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):  # the terminal's output (text frames are pings)
            self.output.append(payload)

    def text(self, since: int = 0) -> str:
        raw = b"".join(self.output[since:]).decode("utf-8", "replace")
        return " ".join(DRAWING.sub(" ", ESCAPES.sub(" ", raw)).split())

    def until(self, test: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        """Wait for the page's text to pass ``test``; the page's text then."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(200)
            text = self.text()
            if test(text):
                return text
        raise AssertionError(f"{what} never appeared; the tab shows: {self.text()[-1500:]}")

    def type(self, keys: str) -> None:
        # xterm.js takes the keyboard through its hidden text area.
        self.page.focus("textarea")
        self.page.keyboard.type(keys)

    def press(self, key: str) -> None:
        self.page.focus("textarea")
        self.page.keyboard.press(key)

    def close(self) -> None:
        self.context.close()


def seats_started(host: subprocess.Popen[bytes]) -> set[int]:
    """The ``join`` processes the host has started and that still run (with the shell
    that starts one, where the shell does not replace itself with it)."""
    import psutil

    try:
        children = psutil.Process(host.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return set()
    found = set()
    for child in children:
        try:
            if "join" in child.cmdline() and child.status() != psutil.STATUS_ZOMBIE:
                found.add(child.pid)
        except psutil.NoSuchProcess:
            continue
    return found


def until_true(test: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if test():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {timeout:.0f} s")


def start_host(db: Path, port: int, home: Path) -> subprocess.Popen[bytes]:
    """``class host`` on loopback, once it answers. Its log goes to a file (a pipe nobody
    reads would fill up and stop it); it and all it starts are a process group of their
    own, so that the test can stop every one of them."""
    log = home.parent / "host.log"
    with log.open("wb") as out:
        host = subprocess.Popen(
            [*HOST, "--db", str(db), "--port", str(port)],
            env=seat_env(home),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return host
        except OSError:
            if host.poll() is not None:
                raise AssertionError(log.read_text("utf-8", "replace")) from None
            time.sleep(0.2)
    stop(host)
    raise AssertionError(f"the class host did not answer on loopback: {log.read_text()}")


def stop(host: subprocess.Popen[bytes]) -> None:
    """The host and every process it started, whatever became of the test."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(host.pid, signal.SIGTERM)
    try:
        host.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(host.pid, signal.SIGKILL)
        host.wait(timeout=10)


def test_two_tabs_with_two_codes_see_only_their_own_group_and_a_closed_tab_leaves_nothing(
    browser: Any, tmp_path: Path, tutorial: GameContent
) -> None:
    db = tmp_path / "class.db"
    issued = make_class(db, tutorial)
    short = {role: str(tutorial.actor(role).short_name.get("en")) for role in ("border_b", "ngo")}
    you = {role: f"You: {short[role]}" for role in short}  # on the game screen's status line
    name = {role: str(tutorial.actor(role).name.get("en")) for role in short}
    briefing = {role: f"Your role: {name[role]}" for role in short}
    state = device(db).session.state
    secret = [  # what the border police know at the start and the NGO does not
        str(tutorial.facts[f].label.get("en"))
        for f in set(state.knowledge["border_b"]) - set(state.knowledge.get("ngo", {}))
    ]
    assert secret, "the test needs a fact only the border police know"
    port = free_port()
    host = start_host(db, port, tmp_path / "home")
    tabs: list[Tab] = []
    try:
        border = Tab(browser, f"http://127.0.0.1:{port}/")
        tabs.append(border)
        border.until(lambda s: "join code" in s, "the question for the code")
        border.type(issued["border_b"])
        border.press("Enter")
        border.until(lambda s: briefing["border_b"] in s, "the border police's briefing")
        assert you["border_b"] in border.text()
        border_seats = seats_started(host)
        assert border_seats, "no join process for the border police's tab"

        ngo = Tab(browser, f"http://127.0.0.1:{port}/")
        tabs.append(ngo)
        ngo.until(lambda s: "join code" in s, "the question for the code")
        ngo.type(issued["ngo"])
        ngo.press("Enter")
        ngo.until(lambda s: f"Waiting for {short['border_b']}" in s, "the NGO's waiting screen")
        ngo_seats = seats_started(host) - border_seats
        assert ngo_seats, "no join process for the NGO's tab"

        # The border police close their briefing and the turn's news and end their turn,
        # in their tab; the NGO's tab then gets its own game.
        border.press("Escape")
        border.until(lambda s: "Turn 1 begins" in s, "the turn's news")
        border.press("Escape")
        border.page.wait_for_timeout(500)
        border.press("e")
        border.until(lambda s: "End the turn anyway?" in s, "the question")
        border.press("y")
        ngo.until(lambda s: "Your group's turn" in s, "the NGO's turn")
        ngo.press("Escape")
        ngo.until(lambda s: you["ngo"] in s, "the NGO's game")

        # Each tab drew its own group's game, and never the other's; the NGO's tab never
        # drew the border police's briefing nor what only they know.
        seen = {"border_b": border.text(), "ngo": ngo.text()}
        assert you["ngo"] not in seen["border_b"]
        assert you["border_b"] not in seen["ngo"]
        assert briefing["border_b"] not in seen["ngo"]
        assert any(label in seen["border_b"] for label in secret)  # (they can be seen)
        for label in secret:
            assert label not in seen["ngo"], f"the NGO's tab shows {label!r}"

        # Closing the NGO's tab ends the seat it started, and only that one.
        ngo.close()
        tabs.remove(ngo)
        until_true(lambda: not (seats_started(host) & ngo_seats), "the closed tab's seat ending")
        assert seats_started(host) == border_seats
    finally:
        for tab in tabs:
            tab.close()
        stop(host)
