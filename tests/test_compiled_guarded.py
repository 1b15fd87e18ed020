"""What the compiled program of a scenario promises: rules fire in the scenario's order,
a turn rule holds on every turn its range names, and the indexes do their job.

Issue #18 asks that turn-start rules and condition-triggered events be indexed "so
EndTurn does not scan all of them", and objectives and endings likewise. The indexes
give the same answers as a full scan (``tests/test_engine_indexes.py`` compares them in
random games), so only a count can tell whether they are used: here a spy counts how
often each part of a condition is evaluated. Written against surviving mutants of
``engine/compiled.py`` (mutmut, seeds 17 to 20), each checked by applying the mutant and
watching the test fail. Fast and headless: they are in mutmut's test selection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.content import load_game
from trafficking_sim.content import logic as L
from trafficking_sim.engine import Do, EndTurn, Engine, GameState, Send, compiled

from .mini import HEADER, T, write_scenario


def mini(tmp_path: Path, extra: str, header: str = HEADER) -> Engine:
    return Engine(load_game(write_scenario(tmp_path, extra, header)))


def _name(cond: Any) -> str:
    if isinstance(cond, L.VarCompare):
        return f"var {cond.var}"
    if isinstance(cond, L.TurnIs):
        return "turn"
    if isinstance(cond, L.RoleIs):
        return f"role {cond.role}"
    if isinstance(cond, L.Knows):
        return f"knows {cond.knows.fact}"
    return type(cond).__name__


@pytest.fixture
def evaluated(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """How often each part of a condition was evaluated, by a short name ('turn',
    'var flag', 'AllOf' ...), for engines made while the fixture is in use."""
    seen: Counter[str] = Counter()
    real = compiled.compile_condition

    def counting(cond: Any) -> compiled.Check:
        check = real(cond)  # (its parts are compiled through ``counting`` too)
        name = _name(cond)

        def counted(ctx: Any) -> bool:
            seen[name] += 1
            return check(ctx)

        return counted

    monkeypatch.setattr(compiled, "compile_condition", counting)
    yield seen


def _last(engine: Engine, state: GameState, *actions: Any) -> GameState:
    for action in actions:
        state = engine.step(state, action)[0]
    return state


# --- the order rules fire in -------------------------------------------------------------


ORDER = """rules:
  - id: any_siena
    when: {message: {channel: siena}}
    once: false
    then:
      - set: {var: count, value: 1}
  - id: to_eurojust
    when: {message: {to: eurojust}}
    once: false
    then:
      - set: {var: count, value: 2}
  - id: to_europol
    when: {message: {to: europol}}
    once: false
    then:
      - set: {var: count, value: 3}
"""


def test_rules_answering_a_message_fire_in_the_scenarios_order(tmp_path: Path) -> None:
    """A writer lists the rules in the order they are to take effect: a rule for any
    SIENA message, written first, fires before the rule for a message to Europol, so
    the latter has the last word. The index keeps rules by recipient and the catch-all
    rules apart; the order must not follow that."""
    engine = mini(tmp_path, ORDER)
    start = engine.new_game("police_a", 1)[0]
    assert _last(engine, start, Send(to=("europol",))).variables["count"] == 3


def test_rules_for_several_recipients_fire_in_the_scenarios_order(tmp_path: Path) -> None:
    """A message to Europol and Eurojust sets off the rules of both in the scenario's
    order (Eurojust's is written first), whatever the order the player named them in."""
    engine = mini(tmp_path, ORDER.replace("channel: siena", "to: ngo"))  # no catch-all
    start = engine.new_game("police_a", 1)[0]
    for to in (("europol", "eurojust"), ("eurojust", "europol")):
        assert _last(engine, start, Send(to=to)).variables["count"] == 3, to


def test_the_rules_a_trigger_sets_off_are_looked_up_once(tmp_path: Path) -> None:
    """The rules never change during a game, so the rules a message to Europol can set
    off are gathered from the index once and then remembered (a step asks for them
    each time such a message is sent)."""
    program = mini(tmp_path, ORDER).program
    first = program.candidates("message", ("europol",))
    assert [rule.id for rule, _ in first] == ["any_siena", "to_europol"]
    assert program.candidates("message", ("europol",)) is first


# --- turn rules ----------------------------------------------------------------------------


def test_a_rule_for_turn_two_on_still_holds_near_the_end_of_a_long_game(tmp_path: Path) -> None:
    """A scenario may last up to 100 turns; a rule 'from turn 2 on' has no upper bound,
    so it keeps firing to the last turn: a turn rule every turn (here at turns 2 to 95),
    a rule answering an action when the action comes (at turn 95)."""
    extra = f"""actions:
  - id: bump
    by: [police_a]
    label: {T}
    text: {T}
rules:
  - id: every_turn_from_two
    when: turn_start
    once: false
    if: {{turn: {{min: 2}}}}
    then:
      - add: {{var: count, value: 1}}
  - id: bumped_from_two
    when: {{action: bump}}
    if: {{turn: {{min: 2}}}}
    then:
      - set: {{var: flag, value: true}}
"""
    engine = mini(tmp_path, extra, HEADER.replace("max_turns: 3", "max_turns: 100"))
    state = _last(engine, engine.new_game("police_a", 1)[0], *[EndTurn()] * 94)
    assert (state.turn, state.variables["count"]) == (95, 94)
    assert _last(engine, state, Do(action="bump")).variables["flag"] is True


TURN_RULES = """rules:
  - id: police_later
    when: turn_start
    once: false
    if: {all: [{turn: {min: 2}}, {role: police_a}, {var: flag, eq: false}]}
    then:
      - add: {var: count, value: 1}
  - id: for_the_ngo
    when: turn_start
    once: false
    if: {all: [{role: ngo}, {var: count, ge: 0}]}
    then:
      - set: {var: flag, value: true}
"""


def test_end_turn_checks_only_what_the_roles_and_turn_leave_open(
    tmp_path: Path, evaluated: Counter[str]
) -> None:
    """At the start of a turn the engine checks only the turn rules that can fire in
    this game at this turn, and of their conditions only the parts the roles played and
    the turn do not settle. Here the police are played: the NGO's rule is never checked,
    the police rule not before turn 2, and then only its variable, once a turn."""
    engine = mini(tmp_path, TURN_RULES)
    start = engine.new_game("police_a", 1)[0]
    evaluated.clear()  # (the new game checked the ending about the flag)
    state = _last(engine, start, EndTurn(), EndTurn())
    assert (state.turn, state.variables["count"], state.variables["flag"]) == (3, 2, False)
    assert evaluated["turn"] == 0
    assert evaluated["role police_a"] == evaluated["role ngo"] == 0
    assert evaluated["var count"] == 0
    assert evaluated["var flag"] == 2


INJECTS = f"""injects:
  - id: for_the_ngo
    if: {{all: [{{role: ngo}}, {{var: count, ge: 0}}]}}
    title: {T}
    text: {T}
  - id: news_from_turn_two
    if: {{all: [{{turn: {{min: 2}}}}, {{var: flag, eq: false}}]}}
    title: {T}
    text: {T}
    then:
      - add: {{var: count, value: 1}}
"""


def test_an_event_waiting_for_a_condition_is_checked_only_where_it_can_come(
    tmp_path: Path, evaluated: Counter[str]
) -> None:
    """An event that comes when its condition holds is checked at the start of each
    turn until it comes, but only where it can: not the event for a role nobody plays,
    not the event for turn 2 on before turn 2, and then only for its variable."""
    engine = mini(tmp_path, INJECTS)
    start = engine.new_game("police_a", 1)[0]
    evaluated.clear()  # (the new game checked the ending about the flag)
    state = _last(engine, start, EndTurn(), EndTurn())
    assert state.injected == {"news_from_turn_two"} and state.variables["count"] == 1
    assert evaluated["turn"] == evaluated["role ngo"] == evaluated["var count"] == 0
    assert evaluated["var flag"] == 1  # at turn 2; it has come by turn 3


def test_the_turn_rules_and_events_of_a_turn_are_worked_out_once(tmp_path: Path) -> None:
    """Which turn rules and waiting events can come at a turn of a game where the
    police are played is worked out once and remembered: every game of that kind asks
    again at that turn (a search asks thousands of times)."""
    program = mini(tmp_path, TURN_RULES + INJECTS).program
    police = program.roles(("police_a",))
    rules = program.timed("turn_start", police, 2)
    assert [rule.id for rule, _ in rules] == ["police_later"]
    assert program.timed("turn_start", police, 2) is rules
    events = program.injects_due(police, 2)
    assert [ident for ident, _ in events] == ["news_from_turn_two"]
    assert program.injects_due(police, 2) is events


WAITING = f"""rules:
  - id: once_at_start
    when: turn_start
    then:
      - add: {{var: count, value: 10}}
  - id: every_turn
    when: turn_start
    once: false
    then:
      - add: {{var: count, value: 1}}
injects:
  - id: news
    if: {{var: count, ge: 0}}
    title: {T}
    text: {T}
"""


def test_a_turn_start_looks_only_at_the_rules_and_events_that_can_still_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #18: EndTurn does not scan every turn rule and waiting event. A rule that
    fires once and has fired, and an event that has come, are not looked at again; a
    rule that fires every turn is, every turn. What a turn's start looks at is worked
    out once for each turn and set of rules fired (and of events come), and remembered
    for the explorer and replays, which meet them again."""
    engine = mini(tmp_path, WAITING)
    rules_seen: list[list[str]] = []
    events_seen: list[list[str]] = []
    real_rules, real_events = compiled.Program.waiting, compiled.Program.injects_waiting

    def rules_spy(self: Any, kind: str, *args: Any) -> Any:
        found = real_rules(self, kind, *args)
        if kind == "turn_start":
            rules_seen.append([rule.id for rule, _ in found])
        return found

    def events_spy(self: Any, *args: Any) -> Any:
        found = real_events(self, *args)
        events_seen.append([ident for ident, _ in found])
        return found

    monkeypatch.setattr(compiled.Program, "waiting", rules_spy)
    monkeypatch.setattr(compiled.Program, "injects_waiting", events_spy)
    state = _last(engine, engine.new_game("police_a", 1)[0], EndTurn(), EndTurn())
    assert state.variables["count"] == 13 and state.injected == {"news"}
    assert rules_seen == [["once_at_start", "every_turn"], ["every_turn"], ["every_turn"]]
    assert events_seen == [["news"], [], []]
    program, police = engine.program, engine.program.roles(("police_a",))
    waiting = program.waiting("turn_start", police, 3, state.fired)
    assert program.waiting("turn_start", police, 3, frozenset(state.fired)) is waiting
    assert program.injects_waiting(police, 3, state.injected) is program.injects_waiting(
        police, 3, frozenset(state.injected)
    )


# --- objectives and endings ---------------------------------------------------------------


OUTCOMES = f"""actions:
  - id: bump
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - add: {{var: count, value: 1}}
  - id: raise_flag
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - set: {{var: flag, value: true}}
objectives:
  - id: phone_and_flag
    owner: shared
    text: {T}
    when: {{all: [{{knows: {{fact: phone}}}}, {{var: flag, eq: true}}]}}
"""


def test_an_objective_whose_inputs_did_not_change_is_not_checked_again(
    tmp_path: Path, evaluated: Counter[str]
) -> None:
    """After a step the engine checks only the objectives and endings that read
    something the step changed: a step that only counts does not check an objective
    about a fact and a flag; a step that sets the flag does."""
    engine = mini(tmp_path, OUTCOMES)
    start = engine.new_game("police_a", 1)[0]
    evaluated.clear()
    counted = engine.step(start, Do(action="bump"))[0]
    assert counted.variables["count"] == 1
    assert evaluated["AllOf"] == evaluated["knows phone"] == evaluated["var flag"] == 0
    engine.step(counted, Do(action="raise_flag"))
    assert evaluated["AllOf"] == 1  # (the spy does see the objective checked)
    # The index of what each objective and ending reads is made once per kind of game.
    assert engine.program.outcomes(("police_a",)) is engine.program.outcomes(("police_a",))


# --- seed-18 survivors: conditions the index must not cut short ---------------------------

MARKED = HEADER.replace(
    "  count: {initial: 0}\n", "  count: {initial: 0}\n  mark: {initial: false}\n"
)
"""The mini scenario with a yes/no variable that no ending waits for."""


def test_a_rule_answering_an_action_waits_for_its_condition(tmp_path: Path) -> None:
    """A rule set off by an action fires only when its 'if' holds: the rules answering
    the 'bump' action are indexed by the action, each with its condition."""
    extra = f"""actions:
  - id: bump
    by: [police_a]
    label: {T}
    text: {T}
  - id: mark
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - set: {{var: mark, value: true}}
rules:
  - id: only_when_marked
    when: {{action: bump}}
    once: false
    if: {{var: mark, eq: true}}
    then:
      - add: {{var: count, value: 1}}
"""
    engine = mini(tmp_path, extra, MARKED)
    start = engine.new_game("police_a", 1)[0]
    assert _last(engine, start, Do(action="bump")).variables["count"] == 0
    marked = _last(engine, start, Do(action="mark"), EndTurn(), Do(action="bump"))
    assert marked.variables["count"] == 1


def test_a_chance_rule_waits_for_its_turn_and_its_role(tmp_path: Path) -> None:
    """A turn rule that draws a chance keeps its whole condition (so it draws exactly
    when the scenario says): a near-sure chance (99%) for turn 3 on does not come at
    turns 1 and 2 (with this seed it comes at turn 3), and one for a role nobody plays
    never comes."""
    extra = """rules:
  - id: from_turn_three
    when: turn_start
    once: false
    if: {all: [{turn: {min: 3}}, {chance: 99}]}
    then:
      - add: {var: count, value: 1}
  - id: for_the_ngo
    when: turn_start
    once: false
    if: {all: [{role: ngo}, {chance: 99}]}
    then:
      - set: {var: flag, value: true}
"""
    engine = mini(tmp_path, extra)
    state = engine.new_game("police_a", 1)[0]
    for turn, count in ((1, 0), (2, 0), (3, 1)):
        assert (state.turn, state.variables["count"], state.variables["flag"]) == (
            turn,
            count,
            False,
        )
        state = engine.step(state, EndTurn())[0]


def test_a_turn_rule_that_asks_for_something_not_to_hold_checks_it(tmp_path: Path) -> None:
    """'not' over a part of the state is not settled by the roles and the turn: a turn
    rule for 'while nothing is marked' stops once the player has marked it."""
    extra = f"""actions:
  - id: mark
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - set: {{var: mark, value: true}}
rules:
  - id: while_nothing_is_marked
    when: turn_start
    once: false
    if: {{not: {{var: mark, eq: true}}}}
    then:
      - add: {{var: count, value: 1}}
"""
    engine = mini(tmp_path, extra, MARKED)
    start = engine.new_game("police_a", 1)[0]
    assert start.variables["count"] == 1  # turn 1: nothing marked yet
    state = _last(engine, start, Do(action="mark"), EndTurn())
    assert (state.turn, state.variables["count"]) == (2, 1)


def test_the_full_scan_reference_plays_the_same_game(tmp_path: Path) -> None:
    """``scan_all`` switches the indexes off: every turn rule, event, objective and
    ending is checked each time. It is the reference the indexed engine is compared with
    (``tests/test_engine_indexes.py``), so it must itself play the game: here its turn
    rules, events and objective come as the indexed engine's do."""
    content = load_game(write_scenario(tmp_path, TURN_RULES + INJECTS))
    indexed, scanning = Engine(content), Engine(content)
    scanning.program.scan_all = True
    games = []
    for engine in (indexed, scanning):
        state = engine.new_game("police_a", 1)[0]
        games.append(_last(engine, state, EndTurn(), EndTurn()))
    assert games[0].to_dict() == games[1].to_dict()
    assert games[1].variables["count"] == 3  # two turn rules and the event from turn 2


def test_what_is_compiled_or_worked_out_once_is_remembered(tmp_path: Path) -> None:
    """A condition is compiled once per scenario, the roles of a kind of game are one
    set, and which objectives a set of changes calls for is worked out once."""
    engine = mini(tmp_path, OUTCOMES)
    program = engine.program
    cond = L.AllOf.model_validate({"all": [{"var": "flag", "eq": True}, {"turn": {"min": 2}}]})
    assert program.conditions(cond) is program.conditions(cond)
    assert program.roles(("police_a",)) is program.roles(("police_a",))
    objectives, _ = program.outcomes(("police_a",))
    changed = {("v", "flag")}
    assert [ident for ident, _ in objectives.due(changed)] == ["phone_and_flag"]
    assert objectives.due(changed) is objectives.due(changed)


# --- seed-19 survivors -----------------------------------------------------------------------


def test_a_turn_rule_that_cannot_fire_in_this_game_holds_up_no_other(tmp_path: Path) -> None:
    """Turn rules that cannot fire in this game (for a role nobody plays, for a later
    turn) or that a played role plays itself are skipped, and the rules after them still
    fire."""
    extra = """rules:
  - id: for_the_ngo
    when: turn_start
    once: false
    if: {role: ngo}
    then:
      - set: {var: mark, value: true}
  - id: from_turn_two
    when: turn_start
    once: false
    if: {turn: {min: 2}}
    then:
      - set: {var: mark, value: true}
  - id: played_by_the_police
    when: turn_start
    plays: police_a
    then:
      - set: {var: mark, value: true}
  - id: every_turn
    when: turn_start
    once: false
    then:
      - add: {var: count, value: 1}
"""
    start = mini(tmp_path, extra, MARKED).new_game("police_a", 1)[0]
    assert (start.variables["count"], start.variables["mark"]) == (1, False)


NOT_RULES = f"""actions:
  - id: mark
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - set: {{var: mark, value: true}}
rules:
  - id: unless_police_and_marked
    when: turn_start
    once: false
    if: {{not: {{all: [{{role: police_a}}, {{var: mark, eq: true}}]}}}}
    then:
      - add: {{var: count, value: 1}}
  - id: after_turn_one
    when: turn_start
    once: false
    if: {{not: {{turn: {{max: 1}}}}}}
    then:
      - add: {{var: count, value: 10}}
"""


def test_a_turn_rule_with_not_over_the_role_and_the_state_is_checked_by_its_state_part(
    tmp_path: Path, evaluated: Counter[str]
) -> None:
    """'not (the police are played and something is marked)': in a police game it comes
    down to 'nothing is marked', checked each turn without the role (which the game
    settles); 'not turn 1 or before' fires from turn 2."""
    engine = mini(tmp_path, NOT_RULES, MARKED)
    start = engine.new_game("police_a", 1)[0]
    assert start.variables["count"] == 1  # turn 1: nothing marked, and not yet turn 2
    turn_two = _last(engine, start, EndTurn())
    assert turn_two.variables["count"] == 1 + 1 + 10
    marked = _last(engine, turn_two, Do(action="mark"), EndTurn())
    assert marked.variables["count"] == 12 + 10  # turn 3: marked, so only the turn rule
    assert evaluated["role police_a"] == 0 and evaluated["turn"] == 0


def test_a_chance_in_an_any_is_drawn_even_when_the_other_part_is_sure(tmp_path: Path) -> None:
    """'any: [chance, role]' draws its chance first, as written, even in a game where
    the role part is sure: the draw moves the game's random sequence on, and every later
    chance depends on it. Leaving the draw out would change them all."""
    extra = """rules:
  - id: chance_or_police
    when: turn_start
    if: {any: [{chance: 50}, {role: police_a}]}
    then:
      - add: {var: count, value: 1}
"""
    with_rule = mini(tmp_path, extra).new_game("police_a", 1)[0]
    (tmp_path / "plain").mkdir()
    without = mini(tmp_path / "plain", "rules: []\n").new_game("police_a", 1)[0]
    assert with_rule.variables["count"] == 1
    assert with_rule.rng != without.rng


def test_two_order_comparisons_of_one_variable_hold_between_them(tmp_path: Path) -> None:
    """'all: [count ge 1, count le 5]' holds for a count from 1 to 5 (a table of
    equalities serves only 'eq')."""
    extra = f"""actions:
  - id: bump
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - add: {{var: count, value: 2}}
rules:
  - id: in_range
    when: turn_start
    once: false
    if: {{all: [{{var: count, ge: 1}}, {{var: count, le: 5}}]}}
    then:
      - set: {{var: mark, value: true}}
"""
    engine = mini(tmp_path, extra, MARKED)
    start = engine.new_game("police_a", 1)[0]
    assert start.variables["mark"] is False
    assert _last(engine, start, Do(action="bump"), EndTurn()).variables["mark"] is True


def test_a_rule_for_every_message_fires_for_any_message(tmp_path: Path) -> None:
    """A rule waiting for a message with no filter at all fires for any message."""
    extra = """rules:
  - id: any_message
    when: {message: {}}
    then:
      - set: {var: mark, value: true}
"""
    engine = mini(tmp_path, extra, MARKED)
    start = engine.new_game("police_a", 1)[0]
    assert _last(engine, start, Send(to=("eurojust",))).variables["mark"] is True


def test_a_message_filter_that_names_every_field_checks_every_field(tmp_path: Path) -> None:
    """A rule for an urgent H1 SIENA message to Europol with given evaluation codes
    waits for exactly that: the same message at normal speed does not set it off."""
    extra = """rules:
  - id: exactly_this
    when:
      message: {to: europol, channel: siena, handling: H1, priority: urgent,
                source_code: A, info_code: "1"}
    then:
      - set: {var: mark, value: true}
"""
    engine = mini(tmp_path, extra, MARKED)
    start = engine.new_game("police_a", 1)[0]
    fields: dict[str, Any] = {"handling": "H1", "source_code": "A", "info_code": "1"}
    normal = Send(to=("europol",), **fields)
    urgent = Send(to=("europol",), priority="urgent", **fields)
    assert _last(engine, start, normal).variables["mark"] is False
    assert _last(engine, start, urgent).variables["mark"] is True


def test_a_kind_of_rule_the_scenario_lacks_sets_off_nothing(tmp_path: Path) -> None:
    """The explorer asks which rules answer a permission, an event, a request: in a
    scenario with no such rules the answer is an empty list, asked once or twice."""
    program = mini(tmp_path, ORDER).program
    for _ in range(2):
        assert program.candidates("permission", ("secret",)) == []
        assert program.candidates("inject", ("news",)) == []


# --- seed-20 survivors -----------------------------------------------------------------------


def test_a_yes_no_variable_that_is_not_true_holds_ne_true(tmp_path: Path) -> None:
    """'var: mark, ne: true' holds while nothing is marked: 'ne' compares any value, not
    only numbers."""
    extra = """rules:
  - id: not_marked
    when: turn_start
    if: {var: mark, ne: true}
    then:
      - add: {var: count, value: 1}
"""
    assert mini(tmp_path, extra, MARKED).new_game("police_a", 1)[0].variables["count"] == 1


def test_an_event_whose_condition_draws_a_chance_draws_it_as_written(tmp_path: Path) -> None:
    """An event waiting for 'any: [chance, role]' draws its chance first, as written,
    even in a game where the role part is sure: leaving the draw out would change every
    later chance of the game."""
    extra = f"""injects:
  - id: chance_or_police
    if: {{any: [{{chance: 50}}, {{role: police_a}}]}}
    title: {T}
    text: {T}
"""
    with_event = mini(tmp_path, extra).new_game("police_a", 1)[0]
    (tmp_path / "plain").mkdir()
    without = mini(tmp_path / "plain", "rules: []\n").new_game("police_a", 1)[0]
    assert with_event.injected == {"chance_or_police"}
    assert with_event.rng != without.rng


# --- seed-25 survivors: long conditions, and 'any' with a part the turn settles ------------

LONG = """rules:
  - id: all_four
    when: turn_start
    once: false
    if: {all: [{var: flag, eq: false}, {var: count, ge: 0},
              {var: count, le: 50}, {var: flag, ne: true}]}
    then:
      - add: {var: count, value: 1}
  - id: any_four
    when: turn_start
    once: false
    if: {any: [{var: flag, eq: true}, {var: count, ge: 100},
              {var: count, lt: 0}, {var: count, ge: 1}]}
    then:
      - add: {var: count, value: 10}
  - id: all_but_one
    when: turn_start
    once: false
    if: {all: [{var: flag, eq: false}, {var: count, ge: 0},
              {var: count, le: 50}, {var: flag, eq: true}]}
    then:
      - add: {var: count, value: 100}
  - id: any_of_none
    when: turn_start
    once: false
    if: {any: [{var: flag, eq: true}, {var: count, ge: 100},
              {var: count, lt: 0}, {var: count, eq: 99}]}
    then:
      - add: {var: count, value: 1000}
"""


def test_a_condition_of_four_parts_holds_when_they_do(tmp_path: Path) -> None:
    """'all' of four parts holds when all four hold, 'any' of four when only the last
    does (a condition of four or more parts is checked in a loop of its own): both rules
    fire at the start of each turn, the second after the first has counted. 'all' with
    one part false, and 'any' with none true, never fire."""
    engine = mini(tmp_path, LONG)
    start = engine.new_game("police_a", 1)[0]
    assert start.variables["count"] == 11
    assert _last(engine, start, EndTurn()).variables["count"] == 22


FOLDED_ANY = """rules:
  - id: late_or_untouched
    when: turn_start
    once: false
    if: {any: [{turn: {min: 3}}, {var: flag, eq: true}, {var: count, eq: 0}]}
    then:
      - add: {var: count, value: 1}
"""


def test_any_with_a_part_the_turn_settles_still_holds_by_another_part(tmp_path: Path) -> None:
    """Before turn 3 the turn's part of this 'any' is false and left out of the check;
    what is left is still an 'any': the untouched count alone makes the rule fire at the
    first turn's start (then not at turn 2, then at turn 3 by the turn)."""
    engine = mini(tmp_path, FOLDED_ANY)
    start = engine.new_game("police_a", 1)[0]
    assert start.variables["count"] == 1
    second = _last(engine, start, EndTurn())
    assert second.variables["count"] == 1
    assert _last(engine, second, EndTurn()).variables["count"] == 2


DONE_ANCHOR = f"""actions:
  - id: bump
    by: [police_a]
    label: {T}
    text: {T}
rules:
  - id: follow_up
    when: turn_start
    if: {{done: bump}}
    then:
      - reveal: {{facts: [phone], to: player}}
"""


def test_a_time_rule_after_a_step_answers_the_group_that_could_take_it(tmp_path: Path) -> None:
    """In a class game a rule that time sets off, after a step only the police can take,
    follows up with the police's group: the fact it reveals to 'player' reaches the
    police, not the NGO's group whose turn it is when the rule fires."""
    engine = mini(tmp_path, DONE_ANCHOR)
    state, _ = engine.new_game("ngo", 1, seats=("ngo", "police_a"))
    state = _last(engine, state, EndTurn(), Do(action="bump"), EndTurn())
    assert (state.turn, state.role) == (2, "ngo")
    assert state.knows("police_a", "phone")
    assert not state.knows("ngo", "phone")


def test_all_and_any_of_a_named_fact_and_another_part_agree_with_the_reference() -> None:
    """An 'all' or 'any' of two parts whose first asks what a named actor knows tests that
    fact itself, without calling the part (``compiled._named_knows``): it must still read
    that actor's facts (not the player's, not another fact) and combine with the second
    part as 'and' and 'or' do, in every case, also once a role's part is folded away."""
    from pydantic import TypeAdapter

    from trafficking_sim.engine.conditions import holds
    from trafficking_sim.engine.state import Known

    parse = TypeAdapter(L.Condition).validate_python
    knows = {"knows": {"actor": "europol", "fact": "phone"}}
    flag = {"var": "flag", "eq": True}
    forms = [{"all": [knows, flag]}, {"any": [knows, flag]}]
    # (a role's part that the game settles, left out: true in 'all', false in 'any')
    folded = [{"all": [{"role": "police_a"}, knows, flag]}, {"any": [{"role": "ngo"}, knows, flag]}]
    roles = frozenset({"police_a"})

    class Ctx:
        def __init__(self, state: GameState) -> None:
            self.state, self.message = state, None

    for europol_knows in (False, True):
        for flag_set in (False, True):
            known = {"phone": Known(1)} if europol_knows else {}
            state = GameState(
                "mini",
                "police_a",
                1,
                3,
                0,
                {"police_a": {"phone": Known(1)}, "europol": known},  # (the player knows it)
                {"flag": flag_set},
                {},
            )
            ctx = Ctx(state)
            case = (europol_knows, flag_set)
            for cond in map(parse, forms):
                assert compiled.compile_condition(cond)(ctx) == holds(cond, ctx), (cond, case)  # type: ignore[arg-type]
            for cond in map(parse, folded):
                check = compiled._compile_folded(cond, roles, None, compiled.CompiledConditions())
                assert check(ctx) == holds(cond, ctx), (cond, case)  # type: ignore[arg-type]
