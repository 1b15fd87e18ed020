"""Shared fixtures: the tutorial content, an engine, and a private data folder per test."""

from __future__ import annotations

from pathlib import Path

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
