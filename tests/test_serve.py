"""The online variant: `trafficking-sim serve` answers browsers on this computer."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from trafficking_sim.cli import main


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_on_loopback_with_a_page_that_needs_no_internet(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "trafficking_sim", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        page = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    assert reply.status == 200
                    page = reply.read().decode("utf-8")
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()  # type: ignore[union-attr]
                time.sleep(0.2)
        assert "<html" in page and "trafficking-sim" in page
        assert "googleapis" not in page  # works in a classroom without internet
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_binding_beyond_this_computer_warns(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[str, int, str | None]] = []
    codes: list[str | None] = []
    monkeypatch.setattr(
        "trafficking_sim.tui.serve.serve",
        lambda host, port, lang, url, code, most: (
            calls.append((host, port, url)),
            codes.append(code),
        ),
    )
    monkeypatch.setattr("trafficking_sim.tui.serve.lan_address", lambda: "192.168.7.20")
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    err = capsys.readouterr().err
    assert "WARNING" in err and "session code" in err
    assert codes[-1] is not None and f"Session code: {codes[-1]}" in err
    # The class is told, and the page is built with, an address other computers can reach.
    assert "Open http://192.168.7.20:8123 " in err
    assert main(["serve"]) == 0
    assert "WARNING" not in capsys.readouterr().err
    assert codes[-1] is None  # this computer only: no code to type
    assert main(["serve", "--host", "::", "--public-url", "http://class.example:8000/"]) == 0
    assert calls == [
        ("0.0.0.0", 8123, "http://192.168.7.20:8123"),
        ("127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("::", 8000, "http://class.example:8000"),
    ]
    assert main(["serve", "--port", "0"]) == 2
    assert main(["serve", "--public-url", "class.example"]) == 2


def test_public_url_of_each_kind_of_host(monkeypatch: pytest.MonkeyPatch) -> None:
    from trafficking_sim.tui.serve import public_url

    monkeypatch.setattr("trafficking_sim.tui.serve.lan_address", lambda: None)
    assert public_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"  # no network at all
    monkeypatch.setattr("trafficking_sim.tui.serve.lan_address", lambda: "fd00::5")
    assert public_url("::", 80) == "http://[fd00::5]:80"
    assert public_url("10.1.2.3", 8000) == "http://10.1.2.3:8000"


def test_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path)}
        done = subprocess.run(
            [sys.executable, "-m", "trafficking_sim", "serve", "--port", str(port)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert "cannot listen" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr


def test_served_games_keep_their_autosaves_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    from trafficking_sim.play.saves import autosave_path

    plain = autosave_path()
    monkeypatch.setenv("TRAFFICKING_SIM_SERVED", "1")
    served = autosave_path()
    assert served != plain and served.parent.name == "served"
    assert str(os.getpid()) in served.name


# --- on a network: the Origin, the number of games, the session code, a folder per browser ---


def test_the_gate_lets_in_only_the_games_own_page_the_right_code_and_so_many() -> None:
    from trafficking_sim.tui.serve import Gate

    gate = Gate("http://192.168.7.20:8000", 8000, "K7MP2Q", max_connections=2)
    assert gate.origin_ok("http://192.168.7.20:8000")
    assert gate.origin_ok("http://localhost:8000") and gate.origin_ok("http://127.0.0.1:8000")
    for other in ("http://evil.example", "http://192.168.7.20:8001", "null", None):
        assert not gate.origin_ok(other), other
    assert gate.code_ok("k7mp2q ") and not gate.code_ok("K7MP2") and not gate.code_ok(None)
    assert Gate("http://127.0.0.1:8000", 8000, None).code_ok(None)
    gate.open = 1
    assert not gate.full()
    gate.open = 2
    assert gate.full()


def test_each_browser_has_its_own_data_folder(tmp_path: Path) -> None:
    from trafficking_sim.tui.serve import player_home

    a, b = player_home("a" * 32), player_home("b" * 32)
    assert a != b and a.parent == b.parent
    with pytest.raises(ValueError):
        player_home("../../etc")


def _start_server(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "trafficking_sim", "serve", "--port", str(port), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            assert server.poll() is None, server.stderr.read().decode()  # type: ignore[union-attr]
            time.sleep(0.2)
    raise AssertionError("the server did not start")


async def test_a_served_class_checks_code_origin_and_the_number_of_games(tmp_path: Path) -> None:
    import aiohttp

    server, port = _start_server(tmp_path, "--code", "k7mp2q", "--max-connections", "1")
    base = f"http://127.0.0.1:{port}"
    try:
        # A browser keeps cookies of an address like 127.0.0.1 (aiohttp only when told).
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            async with http.get(f"{base}/") as page:
                assert page.status == 401
                assert "session code" in (await page.text())
            async with http.get(f"{base}/?code=WRONG1") as page:
                assert page.status == 401 and "not the code" in (await page.text())
            # Without the code, no game, even from the right page.
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{base}/ws", headers={"Origin": base})
            assert refused.value.status == 403
            async with http.get(f"{base}/?code=K7MP2Q") as page:
                assert page.status == 200 and "<html" in (await page.text())
            players = [c.value for c in http.cookie_jar if c.key == "trafficking_sim_player"]
            assert len(players) == 1
            # Another site's page in the same browser may not open a game.
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{base}/ws", headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403
            first = await http.ws_connect(f"{base}/ws", headers={"Origin": base})
            try:
                # One game is the cap here: the second is told the class is full.
                with pytest.raises(aiohttp.WSServerHandshakeError) as full:
                    await http.ws_connect(f"{base}/ws", headers={"Origin": base})
                assert full.value.status == 503
                # The tab's game keeps its settings in its browser's own folder: F2
                # (the language) is remembered there, not for every tab of the class.
                await first.send_json(["resize", {"width": 100, "height": 30}])
                settings = tmp_path / "served" / players[0] / "settings.json"
                deadline = time.monotonic() + 60
                while not settings.exists():
                    assert time.monotonic() < deadline, "the game never used its folder"
                    await asyncio.sleep(1)
                    await first.send_json(["stdin", "\x1bOQ"])  # F2
                assert not (tmp_path / "settings.json").exists()
            finally:
                await first.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
