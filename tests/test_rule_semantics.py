"""Rule semantics on small hand-made scenarios: what an author can rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from trafficking_sim.content import ContentError, load_game
from trafficking_sim.engine import AskPermission, EndTurn, Engine, Send, Share
from trafficking_sim.engine import events as E

from .mini import T, write_scenario


def scenario(tmp_path: Path, extra: str) -> Engine:
    return Engine(load_game(write_scenario(tmp_path, extra)))


def problems(tmp_path: Path, extra: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        scenario(tmp_path, extra)
    return [p.message for p in caught.value.problems]


KNOWS_PHONE = """
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone], to: police_a}
"""


def test_a_reply_without_from_comes_from_the_addressee_the_rule_names(tmp_path: Path) -> None:
    engine = scenario(
        tmp_path,
        f"""rules:{KNOWS_PHONE}
  - id: europol_answers
    when: {{message: {{to: europol, has_fact: phone}}}}
    then:
      - reply: {{text: {T}, facts: [secret], handling: H2, after: 0}}
""",
    )
    state, _ = engine.new_game("police_a", 1)
    state, _ = engine.step(state, Send(to=("eurojust", "europol"), facts=("phone",)))
    reply = next(m for m in state.messages if m.kind == "reply" and "secret" in m.facts)
    assert reply.sender == "europol"
    assert state.knowledge["police_a"]["secret"].source == "europol"


def test_a_permission_rule_replies_as_the_provider(tmp_path: Path) -> None:
    engine = scenario(
        tmp_path,
        f"""rules:{KNOWS_PHONE}
  - id: europol_answers
    when: {{message: {{to: europol}}}}
    then:
      - reply: {{text: {T}, facts: [secret], handling: H2, after: 0}}
  - id: europol_on_permission
    when: {{permission: secret}}
    then:
      - reply: {{text: {T}, after: 0}}
""",
    )
    state, _ = engine.new_game("police_a", 1)
    state, _ = engine.step(state, Send(to=("europol",), facts=("phone",)))
    state, _ = engine.step(state, AskPermission("secret"))
    answers = [m for m in state.messages if m.kind == "reply" and not m.facts]
    assert [m.sender for m in answers][-1] == "europol"


def test_an_inject_with_a_condition_and_no_turn_waits_for_its_condition(tmp_path: Path) -> None:
    engine = scenario(
        tmp_path,
        f"""rules:
  - id: count_up
    when: turn_end
    once: false
    then:
      - add: {{var: count, value: 1}}
injects:
  - id: when_two
    if: {{var: count, ge: 2}}
    title: {T}
    text: {T}
""",
    )
    state, events = engine.new_game("ngo", 1)
    state, events = engine.step(state, EndTurn())
    assert "when_two" not in state.injected
    state, events = engine.step(state, EndTurn())
    assert "when_two" in state.injected
    assert [e.turn for e in events if e.kind == E.INJECT] == [3]


def test_the_last_turns_rules_count_before_time_runs_out(tmp_path: Path) -> None:
    engine = scenario(
        tmp_path,
        """rules:
  - id: last_minute
    when: turn_end
    if: {turn: {min: 3}}
    then:
      - set: {var: flag, value: true}
""",
    )
    state, _ = engine.new_game("ngo", 1)
    for _ in range(3):
        state, _ = engine.step(state, EndTurn())
    assert state.ending == "good"


def test_need_to_know_is_charged_once_per_disclosure(tmp_path: Path) -> None:
    engine = scenario(
        tmp_path,
        """rules:
  - id: police_knows_secret
    when: turn_start
    then:
      - reveal: {facts: [secret], to: police_a}
""",
    )
    state, _ = engine.new_game("police_a", 1)
    state, first = engine.step(state, Send(to=("europol",), facts=("secret",)))
    state, second = engine.step(state, Send(to=("europol",), facts=("secret",)))
    assert ("standards", -4) in [
        (e.data["pillar"], e.data["delta"]) for e in first if e.kind == E.SCORE_CHANGED
    ]
    assert not [e for e in second if e.kind == E.SCORE_CHANGED]


def test_once_false_rules_fire_every_time(tmp_path: Path) -> None:
    engine = scenario(
        tmp_path,
        """rules:
  - id: tally
    when: {message: {to: police_a}}
    once: false
    then:
      - add: {var: count, value: 1}
""",
    )
    state, _ = engine.new_game("ngo", 1)
    for _ in range(3):
        state, _ = engine.step(state, Share("police_a"))
    assert state.variables["count"] == 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            """facts_extra: 1\n""",
            "unknown field 'facts_extra'",
        ),
        (
            f"""objectives:
  - id: lucky
    owner: shared
    text: {T}
    when: {{chance: 50}}
""",
            "'chance' cannot decide an objective",
        ),
        (
            f"""actions:
  - id: pass_on
    by: [ngo]
    label: {T}
    text: {T}
    then:
      - forward: {{to: europol}}
""",
            "'forward' passes on the facts of the message",
        ),
        (
            f"""injects:
  - id: odd
    if: {{message: {{to: europol}}}}
    title: {T}
    text: {T}
""",
            "a 'message' condition only works in the 'if' of a rule",
        ),
        (
            f"""rules:
  - id: never
    when: {{request: {{agency: europol, service: permission}}}}
    then:
      - say: {T}
""",
            "unknown service of 'europol' 'permission'",
        ),
        (
            f"""rules:
  - id: who
    when: turn_end
    then:
      - reply: {{text: {T}}}
""",
            "say who the reply is from",
        ),
    ],
    ids=["unknown-field", "chance", "forward", "message", "permission-service", "reply-from"],
)
def test_forms_in_the_wrong_place_are_refused_at_load(
    tmp_path: Path, extra: str, message: str
) -> None:
    found = problems(tmp_path, extra)
    assert any(message in p for p in found), found
