"""The online variant: `trafficking-sim serve` answers browsers on this computer."""

from __future__ import annotations

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
    monkeypatch.setattr(
        "trafficking_sim.tui.serve.serve",
        lambda host, port, lang, url: calls.append((host, port, url)),
    )
    monkeypatch.setattr("trafficking_sim.tui.serve.lan_address", lambda: "192.168.7.20")
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    err = capsys.readouterr().err
    assert "WARNING" in err and "no password" in err
    # The class is told, and the page is built with, an address other computers can reach.
    assert "Open http://192.168.7.20:8123 " in err
    assert main(["serve"]) == 0
    assert "WARNING" not in capsys.readouterr().err
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
    from trafficking_sim.saves import autosave_path

    plain = autosave_path()
    monkeypatch.setenv("TRAFFICKING_SIM_SERVED", "1")
    served = autosave_path()
    assert served != plain and served.parent.name == "served"
    assert str(os.getpid()) in served.name
