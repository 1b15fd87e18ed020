"""What the engine works out once per scenario so that a step does only what the state
decides: a reveal that names both actors, and the rules answering a message to a given
addressee with their filters. Spy tests (as in ``tests/test_compiled_guarded.py``): each
fails when the engine goes back to working the same thing out at every step. That the
answers stay the same is checked by the pinned digests of seeded games
(``tests/test_engine_pinned.py``, made with the engine from before the speed-up);
``tests/test_engine_indexes.py`` only compares the indexed engine with a full scan built
from the same tree, so it cannot see a change both share.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.content import load_game
from trafficking_sim.engine import EndTurn, Engine, Send, Share, compiled, core
from trafficking_sim.engine.actions import Decide, Request, TrainerReveal

from .mini import HEADER, write_scenario


def mini(tmp_path: Path, extra: str) -> Engine:
    return Engine(load_game(write_scenario(tmp_path, extra, HEADER)))


REVEALS = """rules:
  - id: europol_tells
    when: turn_start
    if: {turn: {min: 2}}
    then:
      - reveal: {facts: [phone], to: police_a, from: europol, handling: H1}
  - id: ngo_finds
    when: turn_start
    if: {turn: {min: 2}}
    then:
      - reveal: {facts: [secret], to: player}
"""


def test_a_reveal_naming_both_actors_is_worked_out_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule that tells the police a fact from Europol names both: who learns it, from
    whom and by what way is the same in every game, so a step does not look it up again
    (no call asks who 'player' is). The facts still arrive as the rule says: from Europol,
    by a rule, under H1; a reveal to 'player' still goes to the role being played."""
    engine = mini(tmp_path, REVEALS)
    asked: list[str] = []
    real = core._Step._actor

    def spying(self: Any, actor: str) -> str:
        asked.append(actor)
        return real(self, actor)

    monkeypatch.setattr(core._Step, "_actor", spying)
    state = engine.step(engine.new_game("ngo", 1)[0], EndTurn())[0]
    police = state.knowledge["police_a"]["phone"]
    assert (police.source, police.via, police.handling, police.turn) == ("europol", "rule", "H1", 2)
    ngo = state.knowledge["ngo"]["secret"]
    assert (ngo.source, ngo.via, ngo.handling) == (None, "action", None)
    assert asked == ["player"]  # only the reveal to 'player' asks who that is


ANSWERS = """rules:
  - id: phone_to_europol
    when: {message: {to: europol, has_fact: phone}}
    if: {chance: 50}
    once: false
    then:
      - set: {var: flag, value: true}
  - id: any_to_europol
    when: {message: {to: europol}}
    once: false
    then:
      - add: {var: count, value: 1}
"""


def test_the_rules_answering_a_message_are_gathered_with_their_filters_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules a message to Europol can set off, each with its filter folded into its
    condition, are gathered once: later messages to Europol do not look in the index."""
    engine = mini(tmp_path, ANSWERS)
    program = engine.program
    state = engine.new_game("police_a", 1)[0]
    state = engine.step(state, Send(to=("europol",)))[0]
    assert state.variables["count"] == 1
    police = ("police_a",)
    assert program.answering(("europol",), police) is program.answering(("europol",), police)

    def refuse(*_: Any) -> Any:
        raise AssertionError("looked in the index again")

    monkeypatch.setattr(program, "candidates", refuse)
    # (and the step reads the remembered answer itself, without asking again)
    monkeypatch.setattr(program, "answering", refuse)
    state = engine.step(state, Send(to=("europol",)))[0]
    assert state.variables["count"] == 2


def test_a_rule_draws_its_chance_only_for_a_message_it_is_about(tmp_path: Path) -> None:
    """The filter is tested before the condition: a message to Europol without the phone
    draws no chance for the rule about the phone (the game's next draws stay as they
    were), and a message with the phone draws one."""
    engine = mini(tmp_path, ANSWERS)
    start = engine.new_game("police_a", 1)[0]
    without = engine.step(start, Send(to=("europol",)))[0]
    assert without.rng == start.rng
    knows = engine.step(start, TrainerReveal("police_a", "phone"))[0]
    assert knows.rng == start.rng
    with_phone = engine.step(knows, Send(to=("europol",), facts=("phone",)))[0]
    assert with_phone.rng != start.rng


# --- fewer calls on every step's way ---------------------------------------------------------


def test_a_step_that_brings_nothing_due_delivers_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step looks for what has come due only when something has: a message sent on
    turn 1 (its acknowledgement due later) calls no delivery, the turn's end that brings
    the acknowledgement does, and the acknowledgement is the addressee's default reply."""
    engine = mini(tmp_path, "")
    calls: list[int] = []
    real = core._Step.deliver_due

    def counting(self: Any) -> None:
        calls.append(self.state.turn)
        real(self)

    monkeypatch.setattr(core._Step, "deliver_due", counting)
    state = engine.new_game("police_a", 1)[0]
    calls.clear()
    state = engine.step(state, Send(to=("europol",)))[0]
    assert calls == []
    assert len(state.pending) == 1
    while state.pending:
        state = engine.step(state, EndTurn())[0]
    assert calls  # (the turn that brought it delivered it)
    reply = state.messages[-1]
    europol = engine.content.actors["europol"]
    assert (reply.kind, reply.sender, reply.body_id) == (
        "reply",
        "europol",
        europol.default_reply.id,
    )


def test_each_addressee_acknowledges_with_its_own_default_reply(tmp_path: Path) -> None:
    """One message to Europol and Eurojust, which no rule answers, brings two
    acknowledgements: each from its addressee, with that addressee's own default reply
    (the two differ), not one agency's text under both names."""
    engine = mini(tmp_path, "")
    actors = engine.content.actors
    defaults = {name: actors[name].default_reply for name in ("europol", "eurojust")}
    assert defaults["europol"].en != defaults["eurojust"].en
    state = engine.new_game("police_a", 1)[0]
    state = engine.step(state, Send(to=("europol", "eurojust")))[0]
    while state.pending:
        state = engine.step(state, EndTurn())[0]
    replies = {m.sender: m for m in state.messages if m.kind == "reply"}
    assert set(replies) == set(defaults)
    for sender, reply in replies.items():
        assert engine.content.text(reply.body_id) == defaults[sender], sender  # what is read


COUNTED = """objectives:
  - id: counted_far
    owner: shared
    text: {en: x, sl: y}
    when: {var: count, ge: 5}
"""


@pytest.mark.parametrize("watched", [False, True])
def test_objectives_after_the_same_changes_are_looked_up_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watched: bool
) -> None:
    """Which objectives and endings a set of changes calls for is worked out once; a
    later step with the same changes reads the answer without asking again. Changes that
    no objective or ending reads (``count``, without the objective about it) ask nothing."""
    engine = mini(tmp_path, (COUNTED if watched else "") + ANSWERS)
    asked: list[Any] = []
    real = compiled.Watched.due

    def counting(self: Any, changed: Any) -> Any:
        asked.append(changed)
        return real(self, changed)

    monkeypatch.setattr(compiled.Watched, "due", counting)
    state = engine.new_game("police_a", 1)[0]
    asked.clear()
    state = engine.step(state, Send(to=("europol",)))[0]  # count: 1
    first = len(asked)
    assert first == (2 if watched else 0)  # the objectives' and the endings' answers
    state = engine.step(state, Send(to=("europol",)))[0]  # count: 2, the same change
    assert state.variables["count"] == 2
    assert len(asked) == first


ENDING_ONLY = """objectives:
  - id: counted_far
    owner: shared
    text: {en: x, sl: y}
    when: {var: count, ge: 5}
rules:
  - id: flag_on_a_call
    when: {message: {to: europol}}
    then:
      - set: {var: flag, value: true}
"""


def test_a_change_only_an_ending_reads_still_ends_the_game(tmp_path: Path) -> None:
    """What the objectives and endings read is gathered from both: a change that only
    an ending reads (``flag``; the objective reads ``count``) ends the game on that step,
    in the full engine and in the lean one."""
    path = write_scenario(tmp_path, ENDING_ONLY)
    for lean in (False, True):
        engine = Engine(load_game(path), lean=lean)
        state = engine.new_game("police_a", 1)[0]
        state = engine.step(state, Send(to=("europol",)))[0]
        assert (state.variables["flag"], state.ending) == (True, "good"), lean


@pytest.mark.parametrize(("to", "key"), [("police_a", "self_target"), ("nobody", "unknown_actor")])
def test_a_share_to_oneself_or_to_no_one_is_refused(tmp_path: Path, to: str, key: str) -> None:
    """A share checks its addressee as a SIENA message does: not the player, and an
    actor of the scenario; the refusal says which and the state does not change."""
    engine = mini(tmp_path, "")
    state = engine.new_game("police_a", 1)[0]
    after, events = engine.step(state, Share(to=to))
    refused = [e for e in events if e.kind == "action_refused"]
    assert [e.data["reason"]["key"] for e in refused] == [key]
    assert after.ap == state.ap
    assert after.messages == state.messages


# --- written from the survivors of engine/core.py's seed-28 sample -------------------------


MORE_REVEALS = """rules:
  - id: europol_tells_the_player
    when: turn_start
    if: {turn: {min: 2}}
    then:
      - reveal: {facts: [phone], to: player, from: europol}
  - id: ngo_finds_itself
    when: turn_start
    if: {turn: {min: 2}}
    then:
      - reveal: {facts: [secret], to: ngo}
"""


def test_a_fact_revealed_to_the_player_from_a_partner_is_known_as_from_that_partner(
    tmp_path: Path,
) -> None:
    """A rule telling 'player' a fact from Europol records Europol as its source, by a
    rule (the debrief counts what rules brought, and a handling code binds a provider);
    a reveal naming only who learns records the actor's own work, with no source."""
    engine = mini(tmp_path, MORE_REVEALS)
    state = engine.step(engine.new_game("police_a", 1)[0], EndTurn())[0]
    police = state.knowledge["police_a"]["phone"]
    assert (police.source, police.via) == ("europol", "rule")
    ngo = state.knowledge["ngo"]["secret"]
    assert (ngo.source, ngo.via) == (None, "action")


SUBJECT = """rules:
  - id: europol_answers
    when: {message: {to: europol}}
    then:
      - reply:
          subject: {en: About your message, sl: O sporočilu}
          text: {en: Noted, sl: Zabeleženo}
          after: 0
"""


def test_a_reply_shows_the_subject_its_rule_gives(tmp_path: Path) -> None:
    """A rule's reply arrives with the subject the scenario gives it, as the inbox shows
    it (no words of its own in the subject line)."""
    from trafficking_sim.play.narrate import message_subject

    engine = mini(tmp_path, SUBJECT)
    state = engine.step(engine.new_game("police_a", 1)[0], Send(to=("europol",)))[0]
    reply = state.messages[-1]
    assert (reply.kind, reply.sender) == ("reply", "europol")
    assert message_subject(engine.content, reply, "en") == "About your message"
    assert message_subject(engine.content, reply, "sl") == "O sporočilu"


def test_seats_that_do_not_start_with_the_role_are_refused_with_why(tmp_path: Path) -> None:
    """A class game's seats must start with the role and name each role once; the
    error says which rule the seats broke, in words a caller can pass on."""
    engine = mini(tmp_path, "")
    why = "seats must start with the role and name each role once"
    with pytest.raises(ValueError, match=f"^{why}$"):
        engine.new_game("police_a", 1, ("ngo", "police_a"))
    with pytest.raises(ValueError, match=f"^{why}$"):
        engine.new_game("police_a", 1, ("police_a", "police_a"))


def test_a_lean_engine_says_it_cannot_decide_on_a_request_instead_of_crashing() -> None:
    """A lean engine keeps no messages, so in a hot-seat game a request to a group's role
    waits with no message to decide on: a decision (by the group, or the trainer's) is
    met with a clear error, in the step and in ``accepts``, not an IndexError. A full
    engine takes the same decision."""
    content = load_game(Path(__file__).parent.parent / "scenarios" / "exercise.yaml")
    seats = ("police_a", "unodc")
    ask = Request(agency="unodc", service="expert_advice")
    for lean in (False, True):
        engine = Engine(content, lean=lean)
        state = engine.step(engine.new_game("police_a", 1, seats)[0], ask)[0]
        assert state.open_requests, lean
        decide = Decide(request=state.open_requests[0], verdict="grant", trainer=True)
        if not lean:
            events = engine.step(state, decide)[1]
            assert [e.kind for e in events if e.kind == "request_decided"] == ["request_decided"]
            continue
        with pytest.raises(ValueError, match="needs a full engine"):
            engine.step(state, decide)
        with pytest.raises(ValueError, match="needs a full engine"):
            engine.accepts(state, decide)
        # a decision on a request that is not open is refused as before, not an error
        assert not engine.accepts(state, Decide(request=99, verdict="grant", trainer=True))


@pytest.mark.parametrize("lean", [False, True])
def test_a_steps_working_copy_is_made_as_the_class_makes_it(tmp_path: Path, lean: bool) -> None:
    """``Engine.step`` makes its working copy without calling ``_Step`` (``core._begin``,
    cheaper): every part of it must be what ``_Step(...)`` gives, or a step would start
    from a stale message, cascade depth, scorer or set of changes. Its state is a new
    object that shares the input's containers, which a step never writes to."""
    engine = Engine(load_game(write_scenario(tmp_path, REVEALS, HEADER)), lean=lean)
    state = engine.step(engine.new_game("ngo", 1)[0], EndTurn())[0]
    fast = core._begin(engine.content, state, engine.program, lean)
    slow = core._Step(engine.content, state, engine.program, lean=lean)
    for name in core._Step.__slots__:
        if name == "state":
            continue
        assert getattr(fast, name) == getattr(slow, name), name
        if isinstance(getattr(slow, name), (set, list)):
            assert getattr(fast, name) is not getattr(slow, name), name
    assert fast.state is not state
    for name in type(state).__dataclass_fields__:
        assert getattr(fast.state, name) is getattr(state, name), name


ROLE_ANSWERS = """rules:
  - id: ngo_only
    when: {message: {to: europol}}
    if: {role: ngo}
    once: false
    then:
      - add: {var: count, value: 1}
  - id: police_and_count
    when: {message: {to: europol}}
    if: {all: [{role: police_a}, {var: count, ge: 0}]}
    once: false
    then:
      - add: {var: count, value: 10}
  - id: ngo_by_chance
    when: {message: {to: europol}}
    if: {all: [{role: ngo}, {chance: 50}]}
    once: false
    then:
      - add: {var: count, value: 100}
  - id: ngo_only_to_police
    when: {message: {to: police_a}}
    if: {role: ngo}
    once: false
    then:
      - add: {var: count, value: 1}
  - id: ngo_by_chance_to_police
    when: {message: {to: police_a}}
    if: {all: [{role: ngo}, {chance: 50}]}
    once: false
    then:
      - add: {var: count, value: 100}
"""


@pytest.mark.parametrize("role", ["police_a", "ngo"])
def test_the_rules_answering_a_message_leave_out_what_the_roles_played_decide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, role: str
) -> None:
    """Nobody changes role during a game, so the rules answering a message are gathered
    for the roles played: a rule for the NGO is not even looked at in a police game, and
    its role is not tested again in an NGO game (no role check runs at a message). A
    rule whose condition draws a chance is kept whole, so it draws as before. The answers
    are those of the rules as written."""
    checked: list[str] = []
    real = compiled.compile_condition

    def spying(cond: Any) -> Any:
        check = real(cond)
        if type(cond).__name__ == "RoleIs":
            return lambda ctx: checked.append(cond.role) or check(ctx)
        return check

    monkeypatch.setattr(compiled, "compile_condition", spying)
    engine = mini(tmp_path, ROLE_ANSWERS)
    program = engine.program
    state = engine.new_game(role, 1)[0]
    # (the police write to Europol on SIENA; the NGO calls the police, its only partner)
    if role == "police_a":
        to, action = "europol", Send(to=("europol",))
    else:
        to, action = "police_a", Share(to="police_a")
    gathered = program.answering((to,), (role,))
    if role == "police_a":
        assert [rule.id for rule, _ in gathered] == ["police_and_count", "ngo_by_chance"]
    else:
        assert [rule.id for rule, _ in gathered] == [
            "ngo_only_to_police",
            "ngo_by_chance_to_police",
        ]
        assert gathered[0][1] is None  # (its role was its only test)
    state = engine.step(state, action)[0]
    # Only the rule that draws tests its role, kept whole (its role comes first, so a
    # police game draws nothing for it).
    assert checked == ["ngo"]
    assert state.variables["count"] in ((10,) if role == "police_a" else (1, 101))


def test_a_class_game_reads_its_remembered_answering_rules_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a class game the roles played are the seats: its second message to Europol
    finds the rules gathered at its first, under its seats, without asking again."""
    engine = mini(tmp_path, ANSWERS)
    program = engine.program
    state = engine.new_game("police_a", 1, seats=("police_a", "ngo"))[0]
    state = engine.step(state, Send(to=("europol",)))[0]
    assert state.variables["count"] == 1

    def refuse(*_: Any) -> Any:
        raise AssertionError("gathered the answering rules again")

    monkeypatch.setattr(program, "answering", refuse)
    state = engine.step(state, Send(to=("europol",)))[0]
    assert state.variables["count"] == 2


def test_a_state_whose_seats_are_one_role_finds_its_answering_rules_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``new_game`` never makes seats of one role, but a state that has them (a copy
    with its seats replaced) still finds the rules gathered at its first message, rather
    than gathering them again at every message."""
    import dataclasses

    engine = mini(tmp_path, ANSWERS)
    program = engine.program
    state = engine.new_game("police_a", 1)[0]
    state = dataclasses.replace(state, seats=("police_a",))
    state = engine.step(state, Send(to=("europol",)))[0]
    assert state.variables["count"] == 1

    def refuse(*_: Any) -> Any:
        raise AssertionError("gathered the answering rules again")

    monkeypatch.setattr(program, "answering", refuse)
    state = engine.step(state, Send(to=("europol",)))[0]
    assert state.variables["count"] == 2


TURN_RULES = """rules:
  - id: every_turn
    when: turn_start
    once: false
    then:
      - add: {var: count, value: 1}
  - id: first_turn_only
    when: turn_start
    then:
      - add: {var: count, value: 10}
  - id: played_by_the_ngo
    when: turn_start
    plays: ngo
    then:
      - add: {var: count, value: 100}
"""


class _ReadSpy:
    """A rule that records which of its fields are read."""

    def __init__(self, rule: Any, reads: list[str]) -> None:
        self._rule = rule
        self._reads = reads

    def __getattr__(self, name: str) -> Any:
        self._reads.append(name)
        return getattr(self._rule, name)


@pytest.mark.parametrize(("role", "counts"), [("police_a", (111, 112)), ("ngo", (11, 12))])
def test_a_turns_waiting_rules_are_not_sifted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, role: str, counts: tuple[int, int]
) -> None:
    """``Program.waiting`` has already left out a rule that fires once and has fired, and
    a rule a played role plays itself, so ``fire`` does not test ``once`` or ``plays``
    again at a turn's start. The rules still fire as written: the one that fires once
    fires at the first turn only, the NGO's rule fires for the NGO in a police game and
    never in the NGO's own."""
    engine = mini(tmp_path, TURN_RULES)
    program = engine.program
    reads: list[str] = []
    real = program.waiting

    def spying(*args: Any) -> Any:
        return [(_ReadSpy(rule, reads), check) for rule, check in real(*args)]

    monkeypatch.setattr(program, "waiting", spying)
    state = engine.new_game(role, 1)[0]
    assert state.variables["count"] == counts[0]
    state = engine.step(state, EndTurn())[0]
    assert state.variables["count"] == counts[1]
    assert reads  # (the spy sees the rules that fire)
    assert "once" not in reads
    assert "plays" not in reads


MORE = (
    TURN_RULES
    + """  - id: once_after_a_message
    when: turn_start
    if: {var: count, ge: 500}
    then:
      - add: {var: count, value: 1000}
  - id: europol_heard
    when: {message: {to: europol}}
    then:
      - add: {var: count, value: 500}
"""
)


def test_hot_seat_a_seated_roles_rule_never_fires_whoever_starts(tmp_path: Path) -> None:
    """A turn's waiting rules are sifted by the roles played, the seats: a rule for
    a seated role fires for that game whichever seat's turn it is, and no more."""
    engine = mini(tmp_path, TURN_RULES)
    state = engine.new_game("police_a", 1, ("police_a", "ngo"))[0]
    assert state.variables["count"] == 11
    state = engine.step(engine.step(state, EndTurn())[0], EndTurn())[0]  # both seats end
    assert state.turn == 2 and state.variables["count"] == 12


def test_one_engine_two_games_the_same_turn_different_rules_fired(tmp_path: Path) -> None:
    """The waiting list's key must hold what has fired: with the loop no longer testing
    ``once``, a list remembered for another game's fired rules would fire a rule twice."""
    engine = mini(tmp_path, MORE)
    quiet = engine.new_game("police_a", 1)[0]
    for _ in range(2):
        quiet = engine.step(quiet, EndTurn())[0]  # turn 3 met with the rule not fired
    busy = engine.new_game("police_a", 1)[0]
    busy = engine.step(busy, Send(to=("europol",)))[0]
    busy = engine.step(busy, EndTurn())[0]  # fires at turn 2
    assert busy.variables["count"] >= 1000
    before = busy.variables["count"]
    busy = engine.step(busy, EndTurn())[0]  # turn 3: must not fire again
    assert busy.variables["count"] - before == 1  # only 'every_turn'
