"""Survivors of a mutation sample of engine/core.py (seed 16, list A): each test here
fails when its rule in the engine is changed, and asserts what a player, a trainer or the
explorer's user would notice (the actions offered, who hears of what, the words of a
message, who is credited).

Built on the mini scenario (tests/mini.py); see docs/testing.md, "Mutation testing".
"""

from __future__ import annotations

from pathlib import Path

from trafficking_sim.classroom.league import ledger
from trafficking_sim.content import load_game
from trafficking_sim.engine import AskPermission, Engine, Request, Send
from trafficking_sim.engine import events as E
from trafficking_sim.i18n import t
from trafficking_sim.play.narrate import message_lines, message_subject, text_of
from trafficking_sim.play.session import Session

from .mini import HEADER, POLICE_KNOWS_PHONE_RULE, T, europol_gives_secret, write_scenario
from .scripts import kinds, play

AGENCIES = "agencies:\n  - profile: europol\n  - profile: eurojust\n"


def mini(tmp_path: Path, extra: str, agencies: str = AGENCIES) -> Engine:
    header = HEADER.replace(AGENCIES, agencies)
    assert agencies == AGENCIES or header != HEADER
    return Engine(load_game(write_scenario(tmp_path, extra, header)))


def requests_offered(engine: Engine, state: object, agency: str) -> set[str]:
    return {
        a.service
        for a in engine.legal_actions(state)  # type: ignore[arg-type]
        if isinstance(a, Request) and a.agency == agency
    }


# --- the explorer's candidates ----------------------------------------------------------

# Europol's analysis asked free of charge, and its cross-check dearer than a turn's points.
EUROPOL_PRICED = f"""agencies:
  - profile: europol
    services:
      - id: cross_check
        label: {T}
        text: {T}
        channel: siena
        cost: 5
        targets: [communication]
      - id: analysis
        label: {T}
        text: {T}
        channel: siena
        cost: 0
  - profile: eurojust
"""

POLICE_KNOWS_PHONE = "rules:\n" + POLICE_KNOWS_PHONE_RULE


def test_a_service_too_dear_for_the_points_left_hides_only_itself(tmp_path: Path) -> None:
    engine = mini(tmp_path, POLICE_KNOWS_PHONE, EUROPOL_PRICED)
    state, _ = engine.new_game("police_a", 1)
    assert state.ap == 3
    offered = requests_offered(engine, state, "europol")
    # The cross-check costs 5: not offered; the services listed after it still are.
    assert "cross_check" not in offered
    assert {"analysis", "operational_support"} <= offered


def test_with_no_points_left_a_free_request_is_still_offered(tmp_path: Path) -> None:
    engine = mini(tmp_path, POLICE_KNOWS_PHONE, EUROPOL_PRICED)
    state, _ = play(engine, "police_a", *[Send(to=("eurojust",), facts=("phone",))] * 3)
    assert state.ap == 0
    # Europol comes after the NGO, which has nothing free: its free analysis is offered
    # and taken.
    assert requests_offered(engine, state, "europol") == {"analysis"}
    assert engine.accepts(state, Request("europol", "analysis"))


EUROPOL_GIVES_SECRET = europol_gives_secret(
    "H1",
    f"""\
  - id: about_the_phone
    when: {{permission: phone}}
    then:
      - say: {T}
      - set: {{var: count, value: 5}}
""",
)


def test_asking_permission_is_offered_with_the_last_point(tmp_path: Path) -> None:
    engine = mini(tmp_path, EUROPOL_GIVES_SECRET)
    state, _ = play(
        engine,
        "police_a",
        Send(to=("europol",), facts=("phone",)),
        Send(to=("eurojust",), facts=("phone",)),
    )
    assert state.ap == 1
    assert state.knowledge["police_a"]["secret"].handling == "H1"
    assert AskPermission("secret") in engine.legal_actions(state)


# --- who hears of what ------------------------------------------------------------------


def test_asking_permission_for_one_fact_sets_off_no_rule_about_another(tmp_path: Path) -> None:
    engine = mini(tmp_path, EUROPOL_GIVES_SECRET)
    state, _ = play(engine, "police_a", Send(to=("europol",), facts=("phone",)))
    state, events = engine.step(state, AskPermission("secret"))
    assert E.ACTION_REFUSED not in kinds(events)
    fired = [e.data["rule"] for e in events if e.kind == E.RULE_FIRED]
    assert "about_the_phone" not in fired
    assert E.NARRATION not in kinds(events)
    assert state.variables["count"] == 0


# --- the words of a message -------------------------------------------------------------


def test_a_request_reads_with_its_service_as_subject_and_the_crime_area(tmp_path: Path) -> None:
    engine = mini(tmp_path, "")
    state, _ = play(engine, "police_a", Request("europol", "analysis", note="Who is behind it?"))
    request = state.outbox("police_a")[-1]
    lines = message_lines(engine.content, request, "en")
    label = engine.content.actors["europol"].services["analysis"].label
    service = text_of(engine.content, label.id, "en")
    assert service
    # The service asked for is the subject; what the player wrote is the body.
    assert message_subject(engine.content, request, "en") == service
    assert t("tui.msg_subject", "en", subject=service) in lines
    assert "Who is behind it?" in "\n".join(lines)
    # A SIENA request is filed under the case and its crime area, trafficking in human beings.
    assert request.channel == "siena"
    area = t("crime_area.thb", "en")
    assert any(area in line for line in lines)


# --- who is credited, who is answered ---------------------------------------------------

NGO = "  - card: ngo\n    state: C\n"


def hot_seat(tmp_path: Path, extra: str) -> Engine:
    """The mini scenario for two groups: the NGO knows the phone and needs the name."""
    header = HEADER.replace(NGO, NGO + "    knows: [phone]\n    needs: [secret]\n")
    assert header != HEADER
    return Engine(load_game(write_scenario(tmp_path, extra, header)))


EUROPOL_FOLLOWS_UP = f"""rules:
  - id: europol_follows_up
    when: turn_start
    if: {{knows: {{actor: ngo, fact: phone}}}}
    then:
      - reply: {{from: europol, text: {T}, facts: [secret], after: 0}}
"""


def test_a_follow_up_set_off_by_time_goes_to_the_group_it_is_about(tmp_path: Path) -> None:
    engine = hot_seat(tmp_path, EUROPOL_FOLLOWS_UP)
    state, _ = engine.new_game("police_a", 1, seats=("police_a", "ngo"))
    # Turn 1 opens with the police group at the keyboard, but the rule is about what the
    # NGO knows: the NGO's group receives Europol's message, not the police.
    assert state.role == "police_a"
    replies = [m for m in state.messages if m.sender == "europol"]
    assert [m.recipients for m in replies] == [("ngo",)]
    assert state.knows("ngo", "secret")
    assert not state.knows("police_a", "secret")


def test_what_a_reply_brings_is_credited_to_the_group_it_reaches(tmp_path: Path) -> None:
    engine = hot_seat(tmp_path, EUROPOL_FOLLOWS_UP)
    state, events = engine.new_game("police_a", 1, seats=("police_a", "ngo"))
    met = [c for c in state.score_log if c.origin == "need_met:secret:ngo"]
    assert [(c.pillar, c.by) for c in met] == [("information_exchange", "ngo")]
    scored = [e.data["by"] for e in events if e.kind == E.SCORE_CHANGED]
    assert scored == ["ngo"]


# Europol acknowledges at once; Eurojust adds the name the police need, in the same step.
TWO_ANSWERS_AT_ONCE = f"""rules:
  - id: police_knows
    when: turn_start
    if: {{role: police_a}}
    then:
      - reveal: {{facts: [phone], to: police_a}}
  - id: europol_acknowledges
    when: {{message: {{to: europol, has_fact: phone}}}}
    then:
      - reply: {{text: {T}, after: 0}}
  - id: eurojust_adds
    when: {{message: {{to: europol, has_fact: phone}}}}
    then:
      - reply: {{from: eurojust, text: {T}, facts: [secret], after: 0}}
"""

POLICE = "  - card: police_a\n    state: A\n"


def test_points_a_second_reply_brings_in_the_same_step_are_the_players(tmp_path: Path) -> None:
    header = HEADER.replace(POLICE, POLICE + "    needs: [secret]\n")
    assert header != HEADER
    session = Session.new(
        load_game(write_scenario(tmp_path, TWO_ANSWERS_AT_ONCE, header)), "police_a", 1, "en"
    )
    before = ledger(session, "police_a").pillars["information_exchange"]
    events = session.act(Send(to=("europol",), facts=("phone",)))
    state = session.state
    assert [m.sender for m in state.inbox("police_a")] == ["europol", "eurojust"]
    # The name arrives with the second reply, within the player's own step: the points
    # are the player's, on its ledger in the league table.
    met = [c for c in state.score_log if c.origin == "need_met:secret:police_a"]
    assert [(c.pillar, c.by) for c in met] == [("information_exchange", "police_a")]
    assert [e.data["by"] for e in events if e.kind == E.SCORE_CHANGED] == ["police_a"]
    gained = ledger(session, "police_a").pillars["information_exchange"] - before
    assert gained == met[0].delta > 0


# --- asking whether an action would be taken --------------------------------------------

# Europol takes on an analysis only when a chance comes up.
EUROPOL_BY_CHANCE = f"""agencies:
  - profile: europol
    services:
      - id: analysis
        label: {T}
        text: {T}
        channel: siena
        requires: {{if: {{chance: 50}}, reason: {T}}}
  - profile: eurojust
"""


def test_asking_whether_a_request_is_taken_leaves_the_game_as_it_was(tmp_path: Path) -> None:
    engine = mini(tmp_path, "", EUROPOL_BY_CHANCE)
    request = Request("europol", "analysis")
    taken = set()
    for seed in range(12):
        state, _ = engine.new_game("police_a", seed)
        draws = state.rng
        answers = {engine.accepts(state, request) for _ in range(3)}
        # The explorer asks as often as it likes: the state's chances are not spent (what
        # it finds can be played again) and the answer stays the same.
        assert state.rng == draws
        assert len(answers) == 1
        taken |= answers
    assert taken == {True, False}


def test_a_request_taken_on_a_chance_draws_it_once(tmp_path: Path) -> None:
    engine = mini(tmp_path, "", EUROPOL_BY_CHANCE)
    request = Request("europol", "analysis")
    for seed in range(12):
        state, _ = engine.new_game("police_a", seed)
        expected = engine.accepts(state, request)
        after, events = engine.step(state, request)
        # What the check drew decides: the request is then sent, or refused with its
        # points kept, never let through the check and refused after.
        refused = E.ACTION_REFUSED in kinds(events)
        assert refused is not expected
        assert after.ap == state.ap - (0 if refused else 1)
        assert [m.kind for m in after.outbox("police_a")] == ([] if refused else ["request"])
