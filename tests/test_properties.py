"""Property tests: whatever a player does, the engine never crashes and replays exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trafficking_sim.content import GameContent
from trafficking_sim.content.logic import PILLARS
from trafficking_sim.engine import (
    Action,
    AskPermission,
    Do,
    EndTurn,
    Engine,
    Request,
    Send,
    Share,
    action_from_dict,
    action_to_dict,
    state_key,
)
from trafficking_sim.engine import events as E

ROLES = ["border_b", "ngo", "authorities_c"]
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _legal_game(engine: Engine, role: str, seed: int, choices: list[int]) -> list[Action]:
    """A game of legal actions, each picked by an index into legal_actions."""
    state, _ = engine.new_game(role, seed)
    actions: list[Action] = []
    for choice in choices:
        legal = engine.legal_actions(state)
        if not legal:
            break
        action = legal[choice % len(legal)]
        state, _ = engine.step(state, action)
        actions.append(action)
    return actions


@SETTINGS
@given(
    role=st.sampled_from(ROLES),
    seed=st.integers(0, 2**31),
    choices=st.lists(st.integers(0, 10_000), max_size=40),
)
def test_random_legal_games_never_fail_and_replay_identically(
    tutorial: GameContent, role: str, seed: int, choices: list[int]
) -> None:
    engine = Engine(tutorial)
    actions = _legal_game(engine, role, seed, choices)
    first, events_a = engine.replay(role, seed, actions)
    second, events_b = engine.replay(role, seed, actions)
    assert state_key(first) == state_key(second)
    assert first.to_dict() == second.to_dict()
    assert events_a == events_b
    for pillar in PILLARS:
        assert 0 <= first.scores[pillar] <= 100
    assert not any(e.kind == E.ACTION_REFUSED for e in events_a), "legal actions are accepted"
    # Events are typed: every kind is one the UI knows how to render.
    for event in events_a:
        assert isinstance(event.kind, E.EventKind)


@SETTINGS
@given(role=st.sampled_from(ROLES), seed=st.integers(0, 1000), data=st.data())
def test_any_action_at_all_is_refused_or_taken_never_raised(
    tutorial: GameContent, role: str, seed: int, data: st.DataObject
) -> None:
    """Actions with wrong ids, codes and targets come from scripts and damaged saves."""
    actors = [*tutorial.actors, "nobody", role]
    facts = [*tutorial.facts, "no_such_fact"]
    services = sorted({s for a in tutorial.actors.values() for s in a.services} | {"nothing"})
    ids = st.sampled_from
    action = st.one_of(
        st.builds(
            Send,
            to=st.lists(ids(actors), max_size=3).map(tuple),
            facts=st.lists(ids(facts), max_size=3).map(tuple),
            handling=ids(["H0", "H1", "H2", "H3", "H9"]),
            source_code=ids([None, "A", "B", "C", "X", "Z"]),
            info_code=ids([None, "1", "2", "3", "4", "7"]),
            priority=ids(["normal", "urgent", "whenever"]),
            reply_to=st.one_of(st.none(), st.integers(-2, 30)),
        ),
        st.builds(Share, to=ids(actors), facts=st.lists(ids(facts), max_size=3).map(tuple)),
        st.builds(
            Request,
            agency=ids(actors),
            service=ids(services),
            fact=st.one_of(st.none(), ids(facts)),
            priority=ids(["normal", "urgent", "x"]),
        ),
        st.builds(
            Do, action=ids([*tutorial.actions, "fly"]), fact=st.one_of(st.none(), ids(facts))
        ),
        st.builds(AskPermission, fact=ids(facts)),
        st.just(EndTurn()),
    )
    engine = Engine(tutorial)
    state, _ = engine.new_game(role, seed)
    log: list[Action] = []
    for chosen in data.draw(st.lists(action, max_size=30)):
        state, _ = engine.step(state, chosen)
        log.append(chosen)
        for pillar in PILLARS:
            assert 0 <= state.scores[pillar] <= 100
    replayed, _ = engine.replay(role, seed, [action_from_dict(action_to_dict(a)) for a in log])
    assert replayed.to_dict() == state.to_dict()


class _Ctx:
    """A context for evaluating conditions outside a step (no message, no dice)."""

    def __init__(self, state: object) -> None:
        self.state = state
        self.message = None

    def draw_percent(self) -> int:
        return 0


@SETTINGS
@given(
    role=st.sampled_from(ROLES),
    seed=st.integers(0, 2**31),
    choices=st.lists(st.integers(0, 10_000), max_size=30),
)
def test_compiled_conditions_agree_with_the_reference_evaluator(
    tutorial: GameContent, role: str, seed: int, choices: list[int]
) -> None:
    from trafficking_sim.content import logic as L
    from trafficking_sim.content.validation import walk
    from trafficking_sim.engine.compiled import compile_condition
    from trafficking_sim.engine.conditions import holds

    engine = Engine(tutorial)
    state, _ = engine.replay(role, seed, _legal_game(engine, role, seed, choices))
    conditions = [
        obj
        for _, obj in walk(tutorial.scenario)
        if isinstance(
            obj,
            L.AllOf
            | L.AnyOf
            | L.NotOf
            | L.Knows
            | L.VarCompare
            | L.TurnIs
            | L.RoleIs
            | L.Fired
            | L.Injected
            | L.Done
            | L.ObjectiveMet,
        )
    ]
    assert len(conditions) > 40
    ctx = _Ctx(state)
    for cond in conditions:
        assert compile_condition(cond)(ctx) == holds(cond, ctx), cond  # type: ignore[arg-type]


@SETTINGS
@given(
    role=st.sampled_from(ROLES),
    seed=st.integers(0, 2**31),
    choices=st.lists(st.integers(0, 10_000), max_size=40),
)
def test_the_explorers_lean_engine_reaches_the_same_states(
    tutorial: GameContent, role: str, seed: int, choices: list[int]
) -> None:
    """The lean engine leaves out messages and scores, never what can happen next, so the
    explorer's verdicts hold for the real game."""
    from trafficking_sim.engine.core import LEAN_EVENTS

    full, lean = Engine(tutorial), Engine(tutorial, lean=True)
    actions = [*_legal_game(full, role, seed, choices), *[EndTurn()] * 3]
    a, _ = full.new_game(role, seed)
    b, _ = lean.new_game(role, seed)
    for action in actions:
        a, events_a = full.step(a, action)
        b, events_b = lean.step(b, action)
        assert state_key(a) == state_key(b)
        assert (a.ending, a.objectives, a.variables) == (b.ending, b.objectives, b.variables)
        assert [e for e in events_a if e.kind in LEAN_EVENTS] == events_b
