"""What a rule's effects, a share and the engine's bookkeeping do that a user can notice.

Each test here was written against a surviving mutant of ``engine/core.py`` (mutmut,
seed 16) and checked by applying the mutant and watching the test fail.
"""

from __future__ import annotations

from pathlib import Path

from trafficking_sim.content import load_game
from trafficking_sim.engine import EndTurn, Engine, Request, Send, Share
from trafficking_sim.engine import events as E

from .mini import T, write_scenario
from .scripts import play


def mini(tmp_path: Path, extra: str) -> Engine:
    return Engine(load_game(write_scenario(tmp_path, extra)))


# --- forward: the recipient passes a message's facts on --------------------------------------

FORWARDING = """rules:
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone, secret], to: police_a}
  - id: europol_passes_on
    when: {message: {to: europol}}
    then:
      - forward: {to: eurojust}
"""


def test_a_forwarded_fact_is_known_from_this_turn_and_passing_on_personal_data_costs(
    tmp_path: Path,
) -> None:
    """Eurojust learns the facts Europol forwards, on the turn it happened and through
    Europol; personal data it has no need to know costs Standards points for that hop."""
    engine = mini(tmp_path, FORWARDING)
    state, events = play(engine, "police_a", Send(to=("europol",), facts=("phone", "secret")))
    known = state.knowledge["eurojust"]["secret"]
    assert (known.turn, known.source) == (1, "europol")
    origins = [e.data["origin"] for e in events if e.kind == E.SCORE_CHANGED]
    assert "need_to_know:secret:eurojust" in origins


# --- replies: one request, one reply --------------------------------------------------------

TWO_ANSWERS = """rules:
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone], to: police_a}
  - id: europol_answers_first
    when: {request: {agency: europol, service: cross_check, fact: phone}}
    then:
      - reply: {text: {en: First, sl: Prvi}, after: 0}
  - id: europol_answers_again
    when: {request: {agency: europol, service: cross_check, fact: phone}}
    then:
      - reply: {text: {en: Second, sl: Drugi}, after: 0}
"""


def test_a_request_two_rules_answer_gets_the_first_answer_only(tmp_path: Path) -> None:
    engine = mini(tmp_path, TWO_ANSWERS)
    state, events = play(engine, "police_a", Request("europol", "cross_check", "phone"))
    fired = [e.data["rule"] for e in events if e.kind == E.RULE_FIRED]
    assert fired[-1:] == ["europol_answers_first"]
    assert "europol_answers_again" not in fired
    replies = [m for m in state.messages if m.sender == "europol"]
    assert [m.body_id for m in replies] == ["rules.europol_answers_first.then.0.reply.text"]


# --- share: a direct exchange in the inbox ------------------------------------------------------

SHARING = """rules:
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone], to: police_a}
"""


def test_shares_are_numbered_in_order_and_dated_with_their_turn(tmp_path: Path) -> None:
    """Each share is a new numbered message of its own thread, dated with the turn it was
    made on; the acknowledgement answers it."""
    engine = mini(tmp_path, SHARING)
    state, _ = play(engine, "police_a", EndTurn(), Share("ngo", ("phone",)))
    while not any(m.sender == "ngo" for m in state.messages):
        state, _ = engine.step(state, EndTurn())
    assert [m.id for m in state.messages] == list(range(1, len(state.messages) + 1))
    [shared] = [m for m in state.messages if m.kind == "share"]
    assert (shared.turn, shared.thread) == (2, shared.id)
    [ack] = [m for m in state.messages if m.sender == "ngo"]
    assert ack.in_reply_to == shared.id


# --- events carry their turn -------------------------------------------------------------------


def test_every_event_of_a_step_carries_the_turn_it_happened_on(tmp_path: Path) -> None:
    """The log groups what happened by turn: points, messages and turn changes included."""
    engine = mini(tmp_path, FORWARDING)
    state, events = play(engine, "police_a", Send(to=("europol",), facts=("phone", "secret")))
    assert any(e.kind == E.SCORE_CHANGED for e in events)
    assert all(e.turn == 1 for e in events)
    state, events = engine.step(state, EndTurn())
    assert {e.turn for e in events} == {state.turn} == {2}


# --- injects: rules that wait for one, order of those due together, the cascade limit ---------

INJECTS = f"""rules:
  - id: schedule_both
    when: turn_start
    if: {{turn: {{max: 1}}}}
    then:
      - inject: {{id: first, after: 1}}
      - inject: {{id: second, after: 1}}
  - id: after_first
    when: {{inject: first}}
    then:
      - set: {{var: flag, value: true}}
injects:
  - id: first
    title: {{en: First, sl: Prvi}}
    text: {T}
  - id: second
    title: {{en: Second, sl: Drugi}}
    text: {T}
"""


def test_a_rule_waiting_for_an_inject_fires_when_it_comes(tmp_path: Path) -> None:
    engine = mini(tmp_path, INJECTS)
    state, events = play(engine, "police_a", EndTurn())
    assert "after_first" in [e.data.get("rule") for e in events if e.kind == E.RULE_FIRED]
    assert state.variables["flag"] is True
    assert state.ending == "good"


def test_injects_due_on_the_same_turn_come_in_the_order_they_were_scheduled(
    tmp_path: Path,
) -> None:
    engine = mini(tmp_path, INJECTS)
    _, events = play(engine, "police_a", EndTurn())
    assert [e.data["inject"] for e in events if e.kind == E.INJECT] == ["first", "second"]


def chain(length: int) -> str:
    """Injects each of which sets off the next through a rule, ``length`` long."""
    rules = [
        "rules:",
        "  - id: start",
        "    when: turn_start",
        "    if: {turn: {max: 1}}",
        "    then:",
        "      - inject: link0",
    ]
    injects = ["injects:"]
    for n in range(length):
        rules += [
            f"  - id: after{n}",
            f"    when: {{inject: link{n}}}",
            "    then:",
            f"      - inject: link{n + 1}",
        ]
    for n in range(length + 1):
        injects += [
            f"  - id: link{n}",
            f"    title: {{en: Link {n}, sl: Člen {n}}}",
            f"    text: {T}",
        ]
    return "\n".join(rules + injects) + "\n"


def test_a_runaway_chain_of_rules_stops_and_says_why(tmp_path: Path) -> None:
    """A chain of rules setting each other off within one step stops at the cascade
    limit, with a note saying so, instead of hanging the game."""
    engine = mini(tmp_path, chain(40))
    state, events = play(engine, "police_a")
    stopped = [e.data for e in events if e.kind == E.RULE_FIRED and e.data.get("rule") is None]
    assert stopped and stopped[0]["stopped"] == "cascade limit"
    assert 0 < len(state.injected) < 41  # the chain was cut short, the game goes on
    assert state.ending is None


# --- add: a counted variable meets an objective at once ----------------------------------------

COUNTING = f"""rules:
  - id: ngo_counts
    when: {{message: {{to: ngo}}}}
    then:
      - add: {{var: count, value: 1}}
objectives:
  - id: counted
    owner: shared
    text: {T}
    when: {{var: count, eq: 1}}
"""


def test_an_objective_met_by_adding_to_a_variable_is_met_on_that_step(tmp_path: Path) -> None:
    """A rule that only adds to a variable makes an objective true: it counts as met on
    the step that did it, with its event, not at some later step."""
    engine = mini(tmp_path, COUNTING)
    state, events = play(engine, "police_a", Share("ngo", (), "Hello"))
    assert state.variables["count"] == 1
    assert state.objectives == {"counted": 1}
    assert [e.data["objective"] for e in events if e.kind == E.OBJECTIVE_MET] == ["counted"]
