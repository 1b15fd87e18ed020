"""Evaluation codes (the 4x4 scheme): the facts a player's police role finds itself are
graded in every bundled scenario, so every scenario judges the grade a SIENA message gives.

The engine judges a message's grade only for the facts the sender found itself (known at
the start, or revealed to it with no provider); what came from a partner keeps the
provider's grading. So that is what must carry a ``grade:``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest
from pydantic import BaseModel

from trafficking_sim.content import GameContent, find_scenario, load_game
from trafficking_sim.content import logic as L
from trafficking_sim.engine import Do, EndTurn, Engine, GameState, Send
from trafficking_sim.engine import events as E
from trafficking_sim.paths import bundled_dir

SCENARIOS = sorted(p.stem for p in bundled_dir("scenarios").glob("*.yaml"))


@cache
def content(scenario: str) -> GameContent:
    return load_game(find_scenario(scenario))


def _reveals(obj: object) -> Iterator[L.RevealArgs]:
    if isinstance(obj, L.Reveal):
        yield obj.reveal
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _reveals(getattr(obj, name))
    elif isinstance(obj, list | tuple):
        for item in obj:
            yield from _reveals(item)


def found_by_itself(game: GameContent, role: str) -> set[str]:
    """The facts ``role`` can hold with no provider when it is the player: what it knows at
    the start, and reveals with no ``from`` that reach it (erring on the side of more)."""
    roles = list(game.roles)
    found = set(game.actors[role].knows)
    sources: list[tuple[object, list[str]]] = [(a, list(a.by)) for a in game.actions.values()]
    sources += [(i, list(i.audience) or roles) for i in game.injects.values()]
    for rule in game.rules:
        if isinstance(rule.when, L.OnAction):
            players = list(game.actions[rule.when.action].by)
        else:
            players = [r for r in roles if r != rule.plays]
        sources.append((rule, players))
    for source, players in sources:
        for reveal in _reveals(source):
            if reveal.sender is None and (
                reveal.to == role or (reveal.to == L.PLAYER and role in players)
            ):
                found |= set(reveal.facts)
    return found


def siena_roles(game: GameContent) -> list[str]:
    return [r for r in game.roles if "siena" in game.actors[r].channels]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_fact_a_police_role_finds_itself_carries_a_grade(scenario: str) -> None:
    game = content(scenario)
    assert siena_roles(game), "every bundled scenario has a role on SIENA"
    ungraded = {
        fact
        for role in siena_roles(game)
        for fact in found_by_itself(game, role)
        if game.facts[fact].grade is None
    }
    assert not ungraded, sorted(ungraded)


@pytest.mark.parametrize("scenario", ["labour", "advanced"])
def test_every_fact_of_labour_and_advanced_is_graded_in_both_languages(scenario: str) -> None:
    """Each of their facts reaches a police role in some course of play, the NGO's workers'
    accounts too (with consent); a victim met once is X, whatever they were forced to do."""
    for fact in content(scenario).facts.values():
        assert fact.grade is not None, fact.id
        assert fact.grade.why.en.strip() and fact.grade.why.sl.strip(), fact.id
        if fact.kind == "victim":
            assert fact.grade.source == "X", f"{fact.id}: a victim met once is X, not A or C"


def _grading(events: list[E.Event]) -> list[tuple[int, str]]:
    return [
        (e.data["delta"], e.data["reason"].get("key", ""))
        for e in events
        if e.kind == E.SCORE_CHANGED and str(e.data.get("origin", "")).startswith("grading:")
    ]


def _send(scenario: str, role: str, opening: tuple[object, ...], send: Send) -> list[E.Event]:
    engine = Engine(content(scenario))
    state: GameState
    state, _ = engine.new_game(role, 1)
    for action in opening:
        state, _ = engine.step(state, action)  # type: ignore[arg-type]
    _, events = engine.step(state, send)
    return events


LABOUR_A = ("labour", "police_a", ())
"""The police of A hold Petra's statement from the start."""
ADVANCED_B = (
    "advanced",
    "border_b",
    (EndTurn(), Do("check_coach", "coach_plate"), Do("interview_passengers")),
)
"""The border police of B hear the coach's passengers on turn 2."""


@pytest.mark.parametrize(
    ("case", "fact", "right", "wrong"),
    [
        (LABOUR_A, "returnee_statement", "X2", "A1"),
        (LABOUR_A, "job_advert", "A1", "B2"),
        (ADVANCED_B, "passenger_accounts", "X2", "A1"),
        (ADVANCED_B, "coach_plate", "A1", "X2"),
    ],
    ids=["labour-statement", "labour-advert", "advanced-passengers", "advanced-coach"],
)
def test_a_labour_or_advanced_message_with_the_wrong_grade_loses_the_grading_points(
    case: tuple[str, str, tuple[object, ...]], fact: str, right: str, wrong: str
) -> None:
    scenario, role, opening = case
    to = ("authorities_c",)

    def send(code: str) -> list[E.Event]:
        message = Send(to=to, facts=(fact,), source_code=code[0], info_code=code[1])
        return _send(scenario, role, opening, message)

    assert _grading(send(right)) == [(2, "graded_right")]
    assert _grading(send(wrong)) == [(-2, "graded_wrong")]


TUTORIAL_C = ("tutorial", "authorities_c", (EndTurn(), Do("trace_phone", "driver_phone")))
"""The authorities of C trace the driver's number to the club on turn 2."""
EXERCISE_C = ("exercise", "authorities_c", ())
"""The authorities of C hold the local police's tip from the start."""
EXERCISE_C_TRACE = (
    "exercise",
    "authorities_c",
    (
        Send(to=("europol",), facts=("local_tip",)),
        EndTurn(),
        Do("trace_phone", "driver_phone"),
    ),
)
"""Europol's answer brings C the driver's phone; C traces the number in C on turn 2."""
EXERCISE_A = ("exercise", "police_a", (Send(to=("europol",), facts=("job_advert",)),))
"""Europol's answer lets the police of A identify the recruiters on turn 2."""


@pytest.mark.parametrize(
    ("case", "fact", "right", "wrong"),
    [
        (TUTORIAL_C, "club_address", "A1", "X2"),
        (EXERCISE_C, "local_tip", "A2", "A1"),
        (EXERCISE_C_TRACE, "manager", "A1", "X2"),
        (EXERCISE_C_TRACE, "site_address", "A1", "X2"),
        (EXERCISE_A, "agency_office", "A1", "X2"),
    ],
    ids=["tutorial-club", "exercise-tip", "exercise-manager", "exercise-site", "exercise-office"],
)
def test_a_tutorial_or_exercise_message_with_the_wrong_grade_loses_the_grading_points(
    case: tuple[str, str, tuple[object, ...]], fact: str, right: str, wrong: str
) -> None:
    """What the authorities of C find with the operator's records, and what the local police
    told them, is theirs to grade; so is the office the police of A checked."""
    scenario, role, opening = case

    def send(code: str) -> list[E.Event]:
        message = Send(to=("europol",), facts=(fact,), source_code=code[0], info_code=code[1])
        return _send(scenario, role, opening, message)

    assert _grading(send(right)) == [(2, "graded_right")]
    assert _grading(send(wrong)) == [(-2, "graded_wrong")]


def test_the_recruiters_the_police_of_a_identify_are_theirs_to_grade() -> None:
    """Identified on turn 2 from the agency's phones and the company register: A1."""
    opening = (
        Send(to=("europol",), facts=("job_advert",)),
        EndTurn(),
        Do("identify_recruiters"),
    )

    def send(code: str) -> list[E.Event]:
        message = Send(
            to=("eurojust",), facts=("recruiters",), source_code=code[0], info_code=code[1]
        )
        return _send("exercise", "police_a", opening, message)

    assert _grading(send("A1")) == [(2, "graded_right")]
    assert _grading(send("B3")) == [(-2, "graded_wrong")]
