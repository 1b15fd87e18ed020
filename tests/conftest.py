"""Shared fixtures: the tutorial content, an engine, and a private data folder per test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.content import GameContent, load_game
from trafficking_sim.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never touch the real user's saves or logs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TRAFFICKING_SIM_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def tutorial() -> GameContent:
    return load_game(TUTORIAL)


@pytest.fixture(scope="session")
def engine(tutorial: GameContent) -> Engine:
    return Engine(tutorial)


@pytest.fixture(autouse=True)
def _steady_cursor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every snapshot test's app starts with its text cursors' blink off.

    A blinking cursor is drawn or not depending on the half-second the picture is taken
    in, which made the glossary's snapshot flaky. One place for every snapshot, so a new
    snapshot test cannot forget it.
    """
    if "snap_compare" not in request.fixturenames:
        return
    from textual.widgets import Input, TextArea

    def steady(init: Callable[..., None]) -> Callable[..., None]:
        def start_steady(self: Any, *args: Any, **kwargs: Any) -> None:
            init(self, *args, **kwargs)
            self.cursor_blink = False

        return start_steady

    for widget in (Input, TextArea):
        monkeypatch.setattr(widget, "__init__", steady(widget.__init__))
