"""The explorer's beam search takes a bounded share of the work, counted in steps, so a
search that runs out of budget still ends soon and reports the same on any machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from trafficking_sim.content import load_game
from trafficking_sim.engine import Action, Engine, GameState
from trafficking_sim.engine import events as E
from trafficking_sim.explore.search import Search, explore

FLAGSHIP = Path(__file__).resolve().parent.parent / "scenarios" / "exercise.yaml"


def _steps(
    monkeypatch: pytest.MonkeyPatch, beam_width: int = 300, beam_share: float | None = 1.0
) -> tuple[int, Search]:
    calls = 0
    step = Engine.step

    def counted(self: Engine, state: GameState, action: Action) -> tuple[GameState, list[E.Event]]:
        nonlocal calls
        calls += 1
        return step(self, state, action)

    with monkeypatch.context() as patch:
        patch.setattr(Engine, "step", counted)
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
    alone, first = _steps(monkeypatch, beam_width=0)
    assert first.exhausted
    with_beam, search = _steps(monkeypatch, beam_share=0.5)
    assert search.beam_seconds > 0
    assert with_beam - alone == 100  # half the budget of 200, not a step more
