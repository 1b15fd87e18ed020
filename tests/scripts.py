"""Scripted plays of the tutorial shared by the tests: its openings and best paths, and the
helpers that play them and read the events.

One copy, so a change to the tutorial is mended here once rather than in every test file.
"""

from __future__ import annotations

from trafficking_sim.engine import (
    AskPermission,
    Do,
    EndTurn,
    Engine,
    Event,
    GameState,
    Request,
    Send,
    Share,
)
from trafficking_sim.engine import events as E


def kinds(events: list[Event]) -> list[str]:
    return [e.kind for e in events]


def refusal(events: list[Event]) -> Event:
    found = [e for e in events if e.kind == E.ACTION_REFUSED]
    assert found, f"expected a refusal, got {kinds(events)}"
    return found[0]


def score_changes(events: list[Event]) -> list[tuple[str, int]]:
    return [(e.data["pillar"], e.data["delta"]) for e in events if e.kind == E.SCORE_CHANGED]


def play(
    engine: Engine, role: str, *actions: object, seed: int = 1
) -> tuple[GameState, list[Event]]:
    """A new game for ``role``, stepped through ``actions``; every event in order."""
    state, events = engine.new_game(role, seed)
    for action in actions:
        state, new = engine.step(state, action)  # type: ignore[arg-type]
        events += new
    return state, events


BORDER_OPENING = (
    Do("check_vehicle", "minibus_plate"),
    Send(to=("europol",), facts=("driver_phone",), priority="urgent"),
    EndTurn(),
)
"""The tutorial's border police check the minibus and ask Europol about the phone."""


def border_best(*, graded: bool = False) -> tuple[object, ...]:
    """The border police's lawful path to the tutorial's best ending; ``graded`` gives the
    first message the evaluation code that fits it (A1)."""
    first = Send(
        to=("europol",),
        facts=("driver_phone",),
        priority="urgent",
        source_code="A" if graded else None,
        info_code="1" if graded else None,
    )
    return (
        BORDER_OPENING[0],
        first,
        *BORDER_OPENING[2:],
        AskPermission("recruiter_alias"),
        Send(to=("authorities_c",), facts=("minibus_plate", "driver_phone")),
        Do("interview_passengers"),
        EndTurn(),
        Do("ask_mira"),
        Request("ngo", "victim_support", "mira_account"),
        EndTurn(),
        Send(to=("authorities_c",), facts=("recruiter_alias",)),
        EndTurn(),
    )


NGO_BEST = (
    EndTurn(),
    Do("talk_to_caller"),
    Share("authorities_c", ("club_address", "hotline_call")),
    Share("iom", ("hotline_call",)),
    EndTurn(),
    Request("iom", "assistance", "hotline_call"),
    EndTurn(),
    EndTurn(),
)
"""The tutorial NGO's lawful path to the best ending, rated best."""
