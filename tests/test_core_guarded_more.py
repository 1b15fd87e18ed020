"""Survivors of the mutation samples of engine/core.py drawn with seeds 17 to 20: each
test here fails when its rule in the engine is changed (checked by applying the mutant),
and asserts what a player, a trainer or the explorer's user would notice (the actions
offered, the words of the log, the order of the inbox, who is credited, when an objective
is met).

Built on the mini scenario (tests/mini.py); see docs/testing.md, "Mutation testing".
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from trafficking_sim.cli import outcome_of
from trafficking_sim.content import load_game
from trafficking_sim.engine import AskPermission, Do, EndTurn, Engine, Request, Send, Share
from trafficking_sim.engine import events as E
from trafficking_sim.engine.actions import TrainerNote
from trafficking_sim.play.narrate import (
    date_text,
    describe,
    grade_hints,
    message_body,
    message_lines,
    seen_by,
)

from .mini import HEADER, T, europol_gives_secret, write_scenario
from .scripts import play


def mini(tmp_path: Path, extra: str, header: str = HEADER) -> Engine:
    return Engine(load_game(write_scenario(tmp_path, extra, header)))


POLICE_KNOWS = """rules:
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone, secret], to: police_a}
"""


# --- the explorer's candidates: a refused service hides only itself ---------------------------

EUROPOL_REFUSES_FIRST = f"""agencies:
  - profile: europol
    services:
      - id: cross_check
        label: {T}
        text: {T}
        channel: siena
        refuse:
          reason: {{en: Not in this case., sl: Ne v tem primeru.}}
          source: {T}
  - profile: eurojust
"""


def test_a_service_outside_the_mandate_hides_only_itself_from_the_explorer(
    tmp_path: Path,
) -> None:
    """The explorer never tries a request the agency always refuses, but the services
    listed after it are still tried."""
    header = HEADER.replace(
        "agencies:\n  - profile: europol\n  - profile: eurojust\n", EUROPOL_REFUSES_FIRST
    )
    assert header != HEADER
    engine = mini(tmp_path, POLICE_KNOWS, header)
    state, _ = engine.new_game("police_a", 1)
    services = list(engine.content.actors["europol"].services)
    assert services[0] == "cross_check"
    offered = {
        a.service
        for a in engine.candidate_actions(state)
        if isinstance(a, Request) and a.agency == "europol"
    }
    assert "cross_check" not in offered
    # Its analysis and operational support, listed after it, are still offered.
    assert {"analysis", "operational_support"} <= offered


# --- an objective waiting for a rule to fire -------------------------------------------------

NOTED = """rules:
  - id: europol_notes
    when: {message: {to: europol}}
    then:
      - say: {en: Europol notes the contact., sl: Europol zabeleži stik.}
objectives:
  - id: contact_made
    owner: shared
    text: {en: Contact Europol., sl: Vzpostavite stik z Europolom.}
    when: {fired: europol_notes}
"""


def test_an_objective_waiting_for_a_rule_is_met_on_the_step_that_fires_it(
    tmp_path: Path,
) -> None:
    """A rule that only narrates still counts: the objective waiting for it is met on the
    step that set it off, and the player reads so then."""
    engine = mini(tmp_path, NOTED)
    state, events = play(engine, "police_a", Send(to=("europol",), facts=()))
    assert "europol_notes" in state.fired
    assert state.objectives == {"contact_made": 1}
    lines = [line for e in events for line in describe(e, engine.content, state, "en")]
    assert "Europol notes the contact." in lines
    assert any("Contact Europol." in line for line in lines)


# --- the words of a permission granted -------------------------------------------------------

EUROPOL_GIVES_SECRET = europol_gives_secret("H1")


def test_a_permission_granted_names_the_fact_it_is_for(tmp_path: Path) -> None:
    engine = mini(tmp_path, EUROPOL_GIVES_SECRET)
    state, _ = play(
        engine, "police_a", Send(to=("europol",), facts=("phone",)), AskPermission("secret")
    )
    events: list[E.Event] = []
    while ("secret", "europol") not in state.permissions:
        state, new = engine.step(state, EndTurn())
        events += new
    [granted] = [e for e in events if e.kind == E.PERMISSION_GRANTED]
    assert describe(granted, engine.content, state, "en") == [
        "Europol gives permission to pass on “Secret”."
    ]


# --- a reply bringing personal data is the partner's doing ------------------------------------


def test_personal_data_a_partner_sends_back_costs_the_player_nothing(tmp_path: Path) -> None:
    """Europol's reply brings a name the police of A have no need for: that is no breach of
    the player's, so no Standards points are lost for it."""
    engine = mini(tmp_path, EUROPOL_GIVES_SECRET)
    assert "secret" not in engine.content.actors["police_a"].needs
    start, _ = engine.new_game("police_a", 1)
    state, events = engine.step(start, Send(to=("europol",), facts=("phone",)))
    assert state.knowledge["police_a"]["secret"].source == "europol"
    assert [e for e in events if e.kind == E.SCORE_CHANGED] == []
    assert state.scores == start.scores
    assert state.breaches == ()


# --- one message, one reply from each partner -----------------------------------------------

TWO_RULES_FOR_EUROJUST = """rules:
  - id: eurojust_answers
    when: {message: {to: eurojust}}
    then:
      - reply: {text: {en: First, sl: Prvi}, after: 0}
  - id: eurojust_answers_again
    when: {message: {to: eurojust}}
    then:
      - reply: {text: {en: Second, sl: Drugi}, after: 0}
"""


def test_a_partner_named_by_two_rules_answers_a_message_to_two_partners_once(
    tmp_path: Path,
) -> None:
    """Two rules answer a message to Eurojust; sent to Europol and Eurojust together, the
    message gets Eurojust's first answer only (and Europol's acknowledgement)."""
    engine = mini(tmp_path, TWO_RULES_FOR_EUROJUST)
    state, events = play(engine, "police_a", Send(to=("europol", "eurojust"), facts=()))
    fired = [e.data["rule"] for e in events if e.kind == E.RULE_FIRED]
    assert fired == ["eurojust_answers"]
    from_eurojust = [m.body_id for m in state.messages if m.sender == "eurojust"]
    assert from_eurojust == ["rules.eurojust_answers.then.0.reply.text"]


TWO_RULES_FOR_ANY = """rules:
  - id: first_answer
    when: {message: {channel: siena}}
    then:
      - reply: {text: {en: First, sl: Prvi}, after: 0}
  - id: second_answer
    when: {message: {channel: siena}}
    then:
      - reply: {text: {en: Second, sl: Drugi}, after: 0}
"""


def test_a_reply_without_a_sender_comes_from_the_first_recipient_once(tmp_path: Path) -> None:
    """Two rules answer any SIENA message without naming who answers: the first recipient
    answers once; the other recipient acknowledges."""
    engine = mini(tmp_path, TWO_RULES_FOR_ANY)
    state, events = play(engine, "police_a", Send(to=("europol", "eurojust"), facts=()))
    fired = [e.data["rule"] for e in events if e.kind == E.RULE_FIRED]
    assert fired == ["first_answer"]
    from_europol = [m.body_id for m in state.messages if m.sender == "europol"]
    assert from_europol == ["rules.first_answer.then.0.reply.text"]


# --- replies come in the order they fell due -----------------------------------------------

OVERDUE_FIRST = """rules:
  - id: eurojust_answers
    when: {message: {to: eurojust}}
    then:
      - reply: {text: {en: Eurojust answers, sl: Eurojust odgovori}, after: 1}
  - id: europol_calls_at_nightfall
    when: turn_end
    if: {turn: {max: 1}}
    then:
      - reply: {from: europol, text: {en: Europol calls, sl: Europol pokliče}, after: 0}
"""


def test_a_reply_due_earlier_comes_first_even_when_scheduled_later(tmp_path: Path) -> None:
    """Eurojust's answer is scheduled first but falls due on turn 2; Europol's call, made at
    the end of turn 1, was due on turn 1: both arrive at the start of turn 2, Europol's
    first (the lower number in the inbox)."""
    engine = mini(tmp_path, OVERDUE_FIRST)
    state, events = play(engine, "police_a", Send(to=("eurojust",), facts=()), EndTurn())
    received = [
        state.messages[e.data["message"] - 1].sender for e in events if e.kind == E.MESSAGE_RECEIVED
    ]
    assert received == ["europol", "eurojust"]
    assert state.turn == 2


# --- a class game: what one group passes to another, and who an inject's points are for ----

WITH_BORDER_B = HEADER.replace(
    "  C: {name: {en: State C, sl: Država C}, part: destination}\n",
    "  B: {name: {en: State B, sl: Država B}, part: transit}\n"
    "  C: {name: {en: State C, sl: Država C}, part: destination}\n",
).replace("  - card: ngo\n", "  - card: border_b\n    state: B\n  - card: ngo\n")


def test_a_group_sees_the_grade_another_group_sent_a_fact_with(tmp_path: Path) -> None:
    """The border police of B get the phone from the police of A graded B2: when they
    pass it on, the hint tells them it came graded B2, from the police of A."""
    assert WITH_BORDER_B.count("border_b") == 1 and "  B: {name" in WITH_BORDER_B
    engine = mini(tmp_path, POLICE_KNOWS, WITH_BORDER_B)
    state, _ = engine.new_game("police_a", 1, seats=("police_a", "border_b"))
    graded = Send(to=("border_b",), facts=("phone",), source_code="B", info_code="2")
    state, _ = engine.step(state, graded)
    state, _ = engine.step(state, EndTurn())
    assert state.role == "border_b"
    assert grade_hints(engine.content, state, ["phone"], "en") == [
        "“Phone”: Police A sent it graded B2; pass it on with that grade."
    ]


INJECT_AFTER_A_MESSAGE = f"""rules:
  - id: europol_raises_the_alert
    when: {{message: {{to: europol}}}}
    then:
      - inject: alert
  - id: alert_answered
    when: {{inject: alert}}
    then:
      - score: {{pillar: information_exchange, delta: 5, reason: {T}}}
injects:
  - id: alert
    title: {{en: Alert, sl: Opozorilo}}
    text: {T}
"""


def test_points_from_an_inject_a_group_set_off_are_that_groups(tmp_path: Path) -> None:
    """In a class game, the police of A write to Europol, which raises an alert; the
    points a rule gives for the alert are the police's, and the NGO's group does not see
    them as its news."""
    engine = mini(tmp_path, INJECT_AFTER_A_MESSAGE)
    state, _ = engine.new_game("police_a", 1, seats=("police_a", "ngo"))
    state, events = engine.step(state, Send(to=("europol",), facts=()))
    [change] = [c for c in state.score_log if c.origin == "rule:alert_answered"]
    assert change.by == "police_a"
    [event] = [e for e in events if e.kind == E.SCORE_CHANGED]
    assert seen_by(event, state, "police_a")
    assert not seen_by(event, state, "ngo")


# --- from the fresh seed-18 sample, drawn after the tests above ---------------------------------


def test_the_handling_note_of_a_sent_message_is_kept_with_it(tmp_path: Path) -> None:
    """The note the player writes under the handling code is part of the message as
    sent: the outbox shows it under the code."""
    engine = mini(tmp_path, POLICE_KNOWS)
    note = "For analysis only; ask before any judicial use."
    sent = Send(to=("europol",), facts=("phone",), handling="H2", handling_note=note)
    state, _ = play(engine, "police_a", sent)
    [message] = [m for m in state.messages if m.sender == "police_a"]
    assert message.handling_note == note
    assert f"    {note}" in message_lines(engine.content, message, "en")


def test_grading_a_fact_the_case_gives_no_grade_earns_nothing(tmp_path: Path) -> None:
    """The phone has no grade in this case, so there is nothing to judge the code the
    player gives it by: no Standards points either way."""
    engine = mini(tmp_path, POLICE_KNOWS)
    assert engine.content.facts["phone"].grade is None
    graded = Send(to=("europol",), facts=("phone",), source_code="A", info_code="1")
    state, events = play(engine, "police_a", graded)
    assert [e.data["origin"] for e in events if e.kind == E.SCORE_CHANGED] == []
    assert state.scores["standards"] == engine.content.scenario.scoring.start


EUROJUST_PASSES_ON = """rules:
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone], to: police_a}
  - id: eurojust_passes_on
    when: {message: {to: eurojust}}
    then:
      - forward: {to: border_b}
"""


def test_a_fact_passed_on_comes_from_the_partner_the_rule_is_about(tmp_path: Path) -> None:
    """The police of A write to Europol and Eurojust; Eurojust's rule passes the phone on
    to the border police of B, whose hint names Eurojust (not Europol, the first
    addressee) as where it came from, with the grade it came with."""
    engine = mini(tmp_path, EUROJUST_PASSES_ON, WITH_BORDER_B)
    state, _ = engine.new_game("police_a", 1, seats=("police_a", "border_b"))
    graded = Send(to=("europol", "eurojust"), facts=("phone",), source_code="B", info_code="2")
    state, _ = engine.step(state, graded)
    state, _ = engine.step(state, EndTurn())
    assert state.role == "border_b"
    assert state.knowledge["border_b"]["phone"].source == "eurojust"
    assert grade_hints(engine.content, state, ["phone"], "en") == [
        "“Phone”: Eurojust sent it graded B2; pass it on with that grade."
    ]


# What the police of A know from the start (the mini scenario gives them nothing).
KNOWS_FROM_THE_START = HEADER.replace(
    "  - card: police_a\n    state: A\n", "  - card: police_a\n    state: A\n    knows: [phone]\n"
)


def test_what_a_role_knows_from_the_start_is_dated_the_first_day(tmp_path: Path) -> None:
    """The case board dates each fact by the turn it was learned: what the role knew when
    the case began is from turn 1, the scenario's first day."""
    assert KNOWS_FROM_THE_START != HEADER
    engine = mini(tmp_path, "", KNOWS_FROM_THE_START)
    state, _ = engine.new_game("police_a", 1)
    how = state.knowledge["police_a"]["phone"]
    assert (how.turn, how.via, how.source) == (1, "start", None)
    assert date_text(engine.content, how.turn, "en") == "2026-01-05"  # the start_date


def test_the_replay_summary_names_the_scenario_played(tmp_path: Path) -> None:
    """`trafficking-sim replay --json` says which scenario a game is of."""
    engine = mini(tmp_path, POLICE_KNOWS)
    state, _ = engine.new_game("police_a", 1)
    outcome = outcome_of(SimpleNamespace(content=engine.content, state=state))
    assert (outcome["scenario"], outcome["role"], outcome["turn"]) == ("mini", "police_a", 1)


def test_a_reply_reads_in_the_words_its_rule_gives_it(tmp_path: Path) -> None:
    engine = mini(tmp_path, OVERDUE_FIRST)
    state, _ = play(engine, "police_a", Send(to=("eurojust",), facts=()), EndTurn())
    [reply] = [m for m in state.messages if m.sender == "eurojust"]
    assert message_body(engine.content, reply, "en") == "Eurojust answers"
    assert "Eurojust answers" in message_lines(engine.content, reply, "en")


def test_a_chain_of_events_shorter_than_the_cascade_limit_runs_to_its_end(
    tmp_path: Path,
) -> None:
    """Twenty events, each set off by a rule waiting for the one before, all come in the
    same step: the limit on chains (32) is not reached, so nothing is cut short."""
    engine = mini(tmp_path, chain(20))
    state, events = play(engine, "police_a")
    assert len(state.injected) == 21
    assert not any(e.kind == E.RULE_FIRED and e.data.get("rule") is None for e in events)


def chain(length: int) -> str:
    """Injects each of which sets off the next through a rule, ``length`` long."""
    rules = ["rules:", "  - id: start", "    when: turn_start", "    if: {turn: {max: 1}}"]
    rules += ["    then:", "      - inject: link0"]
    injects = ["injects:"]
    for n in range(length):
        rules += [f"  - id: after{n}", f"    when: {{inject: link{n}}}", "    then:"]
        rules += [f"      - inject: link{n + 1}"]
    for n in range(length + 1):
        injects += [f"  - id: link{n}", f"    title: {{en: Link {n}, sl: Člen {n}}}"]
        injects += [f"    text: {T}"]
    return "\n".join(rules + injects) + "\n"


FOLLOW_UP = f"""rules:
  - id: europol_opens_a_file
    when: {{message: {{to: europol}}}}
    then:
      - add: {{var: count, value: 1}}
  - id: file_reviewed
    when: turn_end
    if: {{fired: europol_opens_a_file}}
    once: true
    then:
      - score: {{pillar: coordination, delta: 3, reason: {T}}}
"""


def test_a_turn_end_follow_up_credits_the_group_that_set_it_going(tmp_path: Path) -> None:
    """In a class game, the police of A's message opens a file at Europol; the review at
    the end of the turn follows up on it, so its points are the police's."""
    engine = mini(tmp_path, FOLLOW_UP)
    state, _ = engine.new_game("police_a", 1, seats=("police_a", "ngo"))
    state, _ = engine.step(state, Send(to=("europol",), facts=()))
    state, _ = engine.step(state, EndTurn())
    state, _ = engine.step(state, EndTurn())
    [change] = [c for c in state.score_log if c.origin == "rule:file_reviewed"]
    assert change.by == "police_a"


def test_a_trainers_note_reads_as_written(tmp_path: Path) -> None:
    engine = mini(tmp_path, POLICE_KNOWS)
    state, _ = engine.new_game("police_a", 1)
    state, events = engine.step(state, TrainerNote("  Good: you asked before passing it on. "))
    [note] = [e for e in events if e.kind == E.TRAINER_NOTE]
    assert describe(note, engine.content, state, "en") == [
        "Trainer's note: Good: you asked before passing it on."
    ]


# --- from a further fresh sample (seed 19), drawn after every test above -----------------------

LAST_POINT = f"""actions:
  - id: call_the_shelter
    by: [police_a]
    label: {{en: Call the shelter, sl: Pokličite zavetišče}}
    text: {T}
    cost: 1
    repeatable: true
    then:
      - say: {T}
"""


def test_an_action_costing_the_last_point_is_offered_to_the_explorer(tmp_path: Path) -> None:
    engine = mini(tmp_path, LAST_POINT)
    state, _ = play(engine, "police_a", Do("call_the_shelter"), Do("call_the_shelter"))
    assert state.ap == 1
    assert Do("call_the_shelter") in engine.candidate_actions(state)
    assert Do("call_the_shelter") in engine.legal_actions(state)


SECRET_REACHES_EUROJUST = """rules:
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [secret], to: police_a}
objectives:
  - id: eurojust_told
    owner: shared
    text: {en: Eurojust has the name., sl: Eurojust ima ime.}
    when: {knows: {actor: eurojust, fact: secret}}
"""


def test_an_objective_met_by_a_send_that_breaches_need_to_know_is_met_on_that_step(
    tmp_path: Path,
) -> None:
    """Sending a name Eurojust has no need for is a breach, and it also gets the name to
    Eurojust: the objective waiting for that is met on the same step, not later."""
    engine = mini(tmp_path, SECRET_REACHES_EUROJUST)
    assert "secret" not in engine.content.actors["eurojust"].needs
    state, events = play(engine, "police_a", Send(to=("eurojust",), facts=("secret",)))
    assert [b.kind for b in state.breaches] == ["need_to_know"]
    assert state.objectives == {"eurojust_told": 1}
    assert [e.data["objective"] for e in events if e.kind == E.OBJECTIVE_MET] == ["eurojust_told"]


def test_a_siena_message_sent_carries_the_case_reference(tmp_path: Path) -> None:
    engine = mini(tmp_path, POLICE_KNOWS)
    state, _ = play(engine, "police_a", Send(to=("europol",), facts=("phone",)))
    [sent] = [m for m in state.messages if m.sender == "police_a"]
    assert sent.case == "T-1"
    assert any("T-1" in line for line in message_lines(engine.content, sent, "en"))


def test_an_acknowledgement_reads_in_the_partners_own_words(tmp_path: Path) -> None:
    engine = mini(tmp_path, POLICE_KNOWS)
    state, _ = play(engine, "police_a", Send(to=("europol",), facts=("phone",)))
    while not any(m.sender == "europol" for m in state.messages):
        state, _ = engine.step(state, EndTurn())
    [ack] = [m for m in state.messages if m.sender == "europol"]
    words = engine.content.actors["europol"].default_reply.get("en")
    assert words.startswith("Received by Europol.")
    assert message_body(engine.content, ack, "en") == words


def test_in_a_class_game_the_group_granted_permission_reads_it(tmp_path: Path) -> None:
    engine = mini(tmp_path, EUROPOL_GIVES_SECRET)
    state, _ = engine.new_game("police_a", 1, seats=("police_a", "ngo"))
    state, _ = engine.step(state, Send(to=("europol",), facts=("phone",)))
    state, _ = engine.step(state, AskPermission("secret"))
    events: list[E.Event] = []
    while ("secret", "europol") not in state.permissions:
        state, new = engine.step(state, EndTurn())
        events += new
    [granted] = [e for e in events if e.kind == E.PERMISSION_GRANTED]
    assert describe(granted, engine.content, state, "en", role="police_a") == [
        "Europol gives permission to pass on “Secret”."
    ]
    assert describe(granted, engine.content, state, "en", role="ngo") == []


ANSWERED_AND_NOTED = """rules:
  - id: europol_answers
    when: {message: {to: europol}}
    then:
      - reply: {text: {en: First, sl: Prvi}, after: 0}
  - id: europol_answers_again
    when: {message: {to: europol}}
    then:
      - reply: {text: {en: Second, sl: Drugi}, after: 0}
  - id: europol_counts
    when: {message: {to: europol}}
    then:
      - add: {var: count, value: 1}
"""


def test_a_second_answer_held_back_does_not_stop_the_rules_after_it(tmp_path: Path) -> None:
    """Europol answers once; its second answer is held back, but the rule after it, which
    only counts the contact, still fires."""
    engine = mini(tmp_path, ANSWERED_AND_NOTED)
    state, events = play(engine, "police_a", Send(to=("europol",), facts=()))
    fired = [e.data["rule"] for e in events if e.kind == E.RULE_FIRED]
    assert fired == ["europol_answers", "europol_counts"]
    assert state.variables["count"] == 1


def test_a_long_chain_at_the_end_of_a_turn_leaves_the_next_turns_rules_free(
    tmp_path: Path,
) -> None:
    """Twenty events set off one another at the end of turn 1; the rule of turn 2's
    start still fires in that same step (the limit counts a chain's depth, not how many
    rules fired before)."""
    extra = chain(20).replace("when: turn_start", "when: turn_end", 1)
    extra = extra.replace(
        "injects:",
        "  - id: next_morning\n"
        "    when: turn_start\n"
        "    if: {turn: {min: 2}}\n"
        "    then:\n"
        "      - set: {var: count, value: 7}\n"
        "injects:",
        1,
    )
    engine = mini(tmp_path, extra)
    state, events = play(engine, "police_a", EndTurn())
    assert len(state.injected) == 21
    assert not any(e.kind == E.RULE_FIRED and e.data.get("rule") is None for e in events)
    assert state.variables["count"] == 7


SCORED_WITH_A_SOURCE = f"""rules:
  - id: europol_thanks
    when: {{message: {{to: europol}}}}
    then:
      - score:
          pillar: coordination
          delta: 2
          reason: {T}
          source: {{en: "Europol Regulation, Art 7", sl: "Uredba o Europolu, 7. člen"}}
"""


def test_points_a_rule_gives_cite_their_source(tmp_path: Path) -> None:
    engine = mini(tmp_path, SCORED_WITH_A_SOURCE)
    state, events = play(engine, "police_a", Send(to=("europol",), facts=()))
    [change] = [e for e in events if e.kind == E.SCORE_CHANGED]
    lines = describe(change, engine.content, state, "en")
    assert any("Europol Regulation, Art 7" in line for line in lines)


# --- from a fourth fresh sample (seed 20), drawn after every test above --------------------------


def test_a_class_of_one_group_plays_an_ordinary_game(tmp_path: Path) -> None:
    """One group is no hot-seat game: no hand-over screen between turns (the TUI shows
    one whenever the state has seats) and the group's log is not filtered by seat."""
    engine = mini(tmp_path, POLICE_KNOWS)
    state, _ = engine.new_game("police_a", 1, seats=("police_a",))
    assert state.seats == ()
    state, _ = engine.step(state, EndTurn())
    assert (state.turn, state.role, state.seats) == (2, "police_a", ())


FOR_THE_NGO_ONLY = f"""injects:
  - id: shelter_full
    at_turn: 2
    audience: [ngo]
    title: {{en: The shelter is full, sl: Zavetišče je polno}}
    text: {T}
"""


def test_an_event_for_one_role_is_not_news_to_another(tmp_path: Path) -> None:
    engine = mini(tmp_path, FOR_THE_NGO_ONLY)
    state, events = play(engine, "police_a", EndTurn())
    [inject] = [e for e in events if e.kind == E.INJECT]
    assert describe(inject, engine.content, state, "en") == []
    [news] = describe(inject, engine.content, state, "en", role="ngo")
    assert "The shelter is full" in news


NGO_TAKES_CALLS = """rules:
  - id: ngo_takes_the_call
    when: {message: {to: ngo, priority: normal}}
    then:
      - add: {var: count, value: 1}
"""


def test_a_call_is_a_message_of_normal_priority(tmp_path: Path) -> None:
    """A rule waiting for a normal-priority message to the NGO answers a call too."""
    engine = mini(tmp_path, NGO_TAKES_CALLS)
    state, events = play(engine, "police_a", Share("ngo", (), "Can we talk?"))
    assert "ngo_takes_the_call" in [e.data["rule"] for e in events if e.kind == E.RULE_FIRED]
    assert state.variables["count"] == 1


# --- seed 21 (session 14, the integrator's fresh sample) ----------------------------------

EUROPOL_SLOW_ANALYSIS = f"""agencies:
  - profile: europol
    services:
      - id: analysis
        label: {T}
        text: {T}
        channel: siena
        cost: 1
        after: 3
  - profile: eurojust
"""


def test_a_service_answers_after_its_own_delay_not_the_agencys(tmp_path: Path) -> None:
    # Europol answers in 2 turns as a rule (agencies/europol.yaml); this analysis, with no
    # rule of the scenario answering it, takes the 3 turns its service gives.
    header = HEADER.replace(
        "agencies:\n  - profile: europol\n  - profile: eurojust\n", EUROPOL_SLOW_ANALYSIS
    )
    engine = mini(tmp_path, "rules: []\n", header.replace("max_turns: 3", "max_turns: 6"))
    state, _ = play(engine, "police_a", Request("europol", "analysis"))
    arrivals = []
    for _ in range(4):
        state, events = engine.step(state, EndTurn())
        arrivals += [state.turn for e in events if e.kind == E.MESSAGE_RECEIVED]
    assert arrivals == [4]


def test_the_debrief_dates_an_objective_by_the_turn_it_was_met(tmp_path: Path) -> None:
    # Met on turn 2 (the message goes after the first turn ends): the debrief's timeline,
    # and the Log pane's detail, say turn 2.
    engine = mini(tmp_path, NOTED)
    state, _ = play(engine, "police_a", EndTurn())
    state, events = engine.step(state, Send(to=("europol",), facts=()))
    assert state.turn == 2 and state.objectives == {"contact_made": 2}
    from trafficking_sim.review.debrief import _timeline

    moments = _timeline(engine.content, state, events, "en")
    [met] = [m for m in moments if m.kind == E.OBJECTIVE_MET]
    assert met.turn == 2 and "Contact Europol." in met.text


EUROPOL_ALERTS_THEN_ANSWERS = f"""rules:
  - id: europol_answers
    when: {{message: {{to: europol}}}}
    then:
      - inject: {{id: alert, after: 0}}
      - reply: {{text: {{en: Europol answers., sl: Europol odgovarja.}}, after: 0}}
  - id: on_alert
    when: {{inject: alert}}
    then:
      - say: {T}
injects:
  - id: alert
    title: {{en: Alert, sl: Opozorilo}}
    text: {T}
"""


def test_a_rule_that_sets_off_another_still_answers_as_its_own_partner(tmp_path: Path) -> None:
    # Europol's rule first sets off an event (whose own rule runs inside it), then replies:
    # the reply still comes from Europol, not from the player.
    engine = mini(tmp_path, EUROPOL_ALERTS_THEN_ANSWERS)
    state, _ = play(engine, "police_a", Send(to=("europol",), facts=()))
    replies = [m for m in state.messages if m.in_reply_to is not None]
    assert [(m.sender, m.recipients) for m in replies] == [("europol", ("police_a",))]


# --- from a fresh sample of engine/core.py (seed 24), drawn after session 15's speed-up -----


def test_a_request_made_on_turn_two_is_logged_as_turn_two(tmp_path: Path) -> None:
    # The Log pane and the debrief date each entry by its event's turn.
    engine = mini(tmp_path, POLICE_KNOWS)
    state, _ = play(engine, "police_a", EndTurn())
    state, events = engine.step(state, Request("europol", "cross_check", "phone"))
    [sent] = [e for e in events if e.kind == E.MESSAGE_SENT]
    assert sent.turn == state.turn == 2
    assert date_text(engine.content, sent.turn, "en") == date_text(engine.content, 2, "en")


TOLD_AT_TURN_START = """rules:
  - id: tip_arrives
    when: turn_start
    if: {turn: {min: 2}}
    then:
      - reveal: {facts: [phone], to: player}
"""


def test_a_fact_a_turn_start_rule_reveals_to_the_player_reaches_the_player(
    tmp_path: Path,
) -> None:
    # Ending the turn is time moving on (no group earned it), yet 'player' is still the
    # role played: the player learns the fact, not an actor with no name.
    engine = mini(tmp_path, TOLD_AT_TURN_START)
    state, _ = play(engine, "police_a", EndTurn())
    assert "phone" in state.knowledge["police_a"]
    assert set(state.knowledge) == set(engine.content.actors)


# --- from a fresh sample of engine/core.py (seed 31), drawn after session 18's speed-up -----

STEPS_WITH_AND_WITHOUT_A_FACT = f"""actions:
  - id: call_the_shelter
    by: [police_a]
    label: {{en: Call the shelter, sl: Pokličite zavetišče}}
    text: {T}
    cost: 1
    then:
      - say: {T}
  - id: trace_the_phone
    by: [police_a]
    label: {{en: Trace the phone, sl: Izsledite telefon}}
    text: {T}
    cost: 1
    targets: [communication]
    then:
      - say: {T}
{POLICE_KNOWS}"""


def test_the_explorer_is_offered_a_step_without_a_fact_and_one_on_a_fact_together(
    tmp_path: Path,
) -> None:
    # A step about a fact is offered once for each fact it fits, beside (not instead of)
    # the steps listed before it: the explorer and `legal_actions` must see them all.
    engine = mini(tmp_path, STEPS_WITH_AND_WITHOUT_A_FACT)
    state, _ = engine.new_game("police_a", 1)
    candidates = engine.candidate_actions(state)
    assert Do("call_the_shelter") in candidates
    assert Do("trace_the_phone", "phone") in candidates
    assert Do("trace_the_phone", "secret") not in candidates  # a person, not a communication
    legal = engine.legal_actions(state)
    assert {Do("call_the_shelter"), Do("trace_the_phone", "phone")} <= set(legal)


def test_the_explorer_is_offered_no_siena_message_to_or_from_a_side_without_siena(
    tmp_path: Path,
) -> None:
    # The NGO works by direct contact only: a SIENA message to it, or from it, is a sure
    # refusal (a wrong channel), which the candidates leave out so a search does not
    # spend its steps on them. Calls are offered both ways.
    engine = mini(tmp_path, POLICE_KNOWS)
    state, _ = engine.new_game("police_a", 1)
    sends = [a for a in engine.candidate_actions(state) if isinstance(a, Send)]
    assert sends and all("ngo" not in a.to for a in sends)
    assert Share(to="ngo", facts=("phone",)) in engine.candidate_actions(state)
    state, _ = engine.new_game("ngo", 1)
    candidates = engine.candidate_actions(state)
    assert not [a for a in candidates if isinstance(a, Send)]
    assert Share(to="police_a") in candidates


def test_a_step_that_tells_two_partners_leaves_the_state_it_was_given_as_it_was(
    tmp_path: Path,
) -> None:
    # The input state is never modified: the explorer branches from it, and the game
    # keeps it for the debrief. A message to Europol and Eurojust at once teaches both the
    # phone in the new state only (the second to learn it once shared its facts with the
    # state before).
    engine = mini(tmp_path, POLICE_KNOWS)
    before, _ = engine.new_game("police_a", 1)
    after, _ = engine.step(before, Send(to=("europol", "eurojust"), facts=("phone",)))
    assert {"europol", "eurojust"} == {
        actor for actor, facts in after.knowledge.items() if "phone" in facts
    } - {"police_a"}
    assert "phone" in before.knowledge["police_a"]
    for partner in ("europol", "eurojust"):
        assert "phone" not in before.knowledge[partner], partner
