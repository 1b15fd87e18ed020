"""The explorer's beam search takes a bounded share of the work, counted in steps, so a
search that runs out of budget still ends soon and reports the same on any machine."""

from __future__ import annotations

from pathlib import Path

import pytest

import trafficking_sim.explore.search as X
from trafficking_sim.content import load_game
from trafficking_sim.engine import Action, Engine, GameState
from trafficking_sim.engine import events as E
from trafficking_sim.explore.search import Search, explore

FLAGSHIP = Path(__file__).resolve().parent.parent / "scenarios" / "exercise.yaml"


def _steps(
    monkeypatch: pytest.MonkeyPatch,
    beam_width: int = 300,
    beam_share: float | None = 1.0,
    reuse: bool = True,
) -> tuple[int, Search]:
    """The engine's steps of a search, and what it found. ``reuse``: whether it makes
    children by reusing steps (``_Outcomes``) or steps each one."""
    calls = 0
    step = Engine.step

    def counted(self: Engine, state: GameState, action: Action) -> tuple[GameState, list[E.Event]]:
        nonlocal calls
        calls += 1
        return step(self, state, action)

    with monkeypatch.context() as patch:
        patch.setattr(Engine, "step", counted)
        if not reuse:
            patch.setattr(X._Outcomes, "view", lambda self, rank, action: None)
        search = explore(
            load_game(FLAGSHIP),
            "police_a",
            seed=1,
            budget=200,
            beam_width=beam_width,
            beam_share=beam_share,
        )
    return calls, search


def test_the_beam_stops_after_its_share_of_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The share counts the children the beam makes, each by a step or by a step reused
    (then it is stepped for real only if kept): with every child stepped, that is its
    steps; with steps reused, it takes no more steps and finds the same."""
    alone, first = _steps(monkeypatch, beam_width=0, reuse=False)
    assert first.exhausted
    with_beam, search = _steps(monkeypatch, beam_share=0.5, reuse=False)
    assert search.beam_seconds > 0
    assert with_beam - alone == 100  # half the budget of 200, not a step more
    alone, _ = _steps(monkeypatch, beam_width=0)
    with_beam, reused = _steps(monkeypatch, beam_share=0.5)
    assert with_beam - alone <= 100
    assert (reused.endings, reused.objectives) == (search.endings, search.objectives)
