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
    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(
        "trafficking_sim.serve.serve", lambda host, port, lang: calls.append((host, port))
    )
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    err = capsys.readouterr().err
    assert "WARNING" in err and "no password" in err
    assert main(["serve"]) == 0
    assert "WARNING" not in capsys.readouterr().err
    assert calls == [("0.0.0.0", 8123), ("127.0.0.1", 8000)]
    assert main(["serve", "--port", "0"]) == 2


def test_served_games_keep_their_autosaves_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    from trafficking_sim.saves import autosave_path

    plain = autosave_path()
    monkeypatch.setenv("TRAFFICKING_SIM_SERVED", "1")
    served = autosave_path()
    assert served != plain and served.parent.name == "served"
    assert str(os.getpid()) in served.name
