"""What the state key must tell apart, and what a step's working copy must keep.

``state_key`` is the engine's promise to the explorer: two states with the same key lead
to the same futures, so a search may merge them. Each test here shows two states that
lead to different futures and checks that their keys differ (a merge would lose one of
the games), or checks what a played game still says about itself. They were written
against surviving mutants of ``engine/state.py`` (mutmut, seeds 17 and 18) and checked
by applying each mutant and watching the test fail. Fast and headless: they are in
mutmut's test selection.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.content import load_game
from trafficking_sim.engine import EndTurn, Engine, GameState, Request, Send, state_key
from trafficking_sim.engine import events as E
from trafficking_sim.engine.state import Breach, Known, Message, Pending, ScoreChange, pending_key

from .mini import T, write_scenario

ANSWERS = f"""rules:
  - id: police_knows
    when: turn_start
    if: {{role: police_a}}
    then:
      - reveal: {{facts: [phone], to: police_a}}
  - id: answers
    when: {{message: {{channel: siena}}}}
    once: false
    then:
      - reply: {{text: {T}, facts: [secret], handling: H2, after: 1}}
"""


def mini(tmp_path: Path, extra: str = ANSWERS) -> Engine:
    return Engine(load_game(write_scenario(tmp_path, extra)))


def reply(seq: int, sender: str, handling: str | None = "H2", due: int = 2) -> Pending:
    data = {"sender": sender, "facts": ["secret"], "handling": handling}
    return Pending(due=due, seq=seq, kind="reply", data=data)


# --- replies on their way --------------------------------------------------------------------


def test_two_replies_bringing_one_fact_the_same_turn_make_a_key_that_names_the_first() -> None:
    """Of two replies due the same turn with the same fact, the first decides how the
    player knows it (its provider and handling code). The key is made (no crash) and
    differs with which comes first, however the pending list happens to be ordered."""
    europol_first = (reply(1, "europol"), reply(2, "eurojust", handling=None))
    eurojust_first = (reply(2, "europol"), reply(1, "eurojust", handling=None))
    assert pending_key(europol_first) != pending_key(eurojust_first)
    assert pending_key(europol_first) == pending_key(tuple(reversed(europol_first)))
    firsts = [k for k in pending_key(europol_first) if k[0] == "first"]
    assert [k[3][2] for k in firsts] == ["europol"]


@pytest.mark.parametrize("lean", [False, True], ids=["full", "explorer's lean engine"])
def test_the_same_fact_on_its_way_from_two_partners_is_two_futures(
    tmp_path: Path, lean: bool
) -> None:
    """A fact under H2 from Europol is Europol's to permit, from Eurojust Eurojust's:
    a reply on its way names its sender in the key."""
    assert pending_key((reply(1, "europol"),)) != pending_key((reply(1, "eurojust"),))
    engine = Engine(load_game(write_scenario(tmp_path, ANSWERS)), lean=lean)
    start = engine.new_game("police_a", 1)[0]
    europol = engine.step(start, Send(to=("europol",)))[0]
    eurojust = engine.step(start, Send(to=("eurojust",)))[0]
    assert state_key(europol) != state_key(eurojust)
    later = [engine.step(s, EndTurn())[0] for s in (europol, eurojust)]
    assert [s.knowledge["police_a"]["secret"].source for s in later] == ["europol", "eurojust"]


# --- what else a state carries into its future ----------------------------------------------


def test_a_state_with_fewer_action_points_left_is_another_state(tmp_path: Path) -> None:
    """With a point less the player can do less this turn: by default the key counts
    the points; only when asked (``with_ap=False``) does it leave them out."""
    start = mini(tmp_path).new_game("police_a", 1)[0]
    poorer = dataclasses.replace(start, ap=start.ap - 1)
    assert state_key(start) != state_key(poorer)
    assert state_key(start, with_ap=False) == state_key(poorer, with_ap=False)


def _broken_trust(state: GameState, times: int) -> GameState:
    breach = Breach(
        turn=1, kind="handling", fact="secret", recipient="ngo", provider="europol", by="police_a"
    )
    return dataclasses.replace(state, breaches=(breach,) * times)


def test_a_partner_whose_trust_was_broken_is_another_future(tmp_path: Path) -> None:
    """A partner whose trust the player broke twice takes no more requests: a state
    where Europol's trust is broken is not the state where it is whole, though nothing
    else differs (own breaches of no partner's trust do not count)."""
    engine = mini(tmp_path)
    start = engine.new_game("police_a", 1)[0]
    broken = _broken_trust(start, 2)
    assert state_key(start) != state_key(broken)
    assert state_key(broken) != state_key(_broken_trust(start, 1))
    ask = Request(agency="europol", service="cross_check", fact="phone")
    refused = [
        e.data["reason"]["key"] for e in engine.step(broken, ask)[1] if e.kind == E.ACTION_REFUSED
    ]
    assert refused == ["distrust"]
    assert not [e for e in engine.step(start, ask)[1] if e.kind == E.ACTION_REFUSED]


def test_a_played_game_still_names_its_scenario(tmp_path: Path) -> None:
    """A step works on a copy of the state that becomes the next state: it keeps the
    scenario's id, which ``trafficking-sim replay --json`` reports as the game's."""
    engine = mini(tmp_path)
    state = engine.new_game("police_a", 1)[0]
    for action in (Send(to=("europol",)), EndTurn()):
        state = engine.step(state, action)[0]
        assert state.scenario == "mini"


# --- seed-18 survivors -----------------------------------------------------------------------


def _grant(provider: str) -> Pending:
    return Pending(due=2, seq=1, kind="grant", data={"fact": "secret", "provider": provider})


def test_a_permission_on_its_way_names_who_gives_it() -> None:
    """A permission to pass on a fact, granted by Europol or by Eurojust, is a different
    future: the permission is recorded with its provider."""
    assert pending_key((_grant("europol"),)) != pending_key((_grant("eurojust"),))


def test_an_acknowledgement_on_its_way_does_not_hide_what_comes_after_it() -> None:
    """A reply that brings no fact is left out of the key, and only it: the replies
    scheduled after it still count."""
    ack = Pending(due=2, seq=1, kind="reply", data={"sender": "europol", "facts": []})
    assert pending_key((ack, reply(2, "europol"))) != pending_key((ack, reply(2, "eurojust")))


def _different(state: GameState) -> dict[str, Any]:
    """A value for every field of ``state`` that differs from the one it has."""
    message = Message(1, 1, "message", "siena", "police_a", ("europol",))
    change = ScoreChange(1, "cooperation", 1, (("key", "x"),), (), "test")
    breach = Breach(1, "handling", "secret", "ngo", "europol", "police_a")
    return {
        "scenario": "other",
        "role": "ngo",
        "turn": state.turn + 1,
        "ap": state.ap + 1,
        "rng": state.rng + 1,
        "knowledge": {**state.knowledge, "europol": {"secret": Known(turn=1)}},
        "variables": {**state.variables, "count": 7},
        "scores": {**state.scores, "cooperation": 99},
        "fired": state.fired | {"r"},
        "injected": state.injected | {"i"},
        "done": {**state.done, "a": 1},
        "permissions": state.permissions | {("secret", "europol")},
        "messages": (*state.messages, message),
        "pending": (*state.pending, _grant("europol")),
        "objectives": {**state.objectives, "o": 1},
        "score_log": (*state.score_log, change),
        "ending": "good",
        "next_seq": state.next_seq + 1,
        "seats": ("police_a", "ngo"),
        "breaches": (*state.breaches, breach),
        "exchanges": {**state.exchanges, "police_a": 3},
        "causes": {**state.causes, "r": "ngo"},
        "open_requests": (*state.open_requests, 1),
    }


def test_a_copy_of_a_game_keeps_every_part_of_it(tmp_path: Path) -> None:
    """The debrief and the explorer work on copies of a game: a copy (and a step's
    working copy) has every part of the game, a class game's open requests included."""
    start = mini(tmp_path).new_game("police_a", 1)[0]
    changed = _different(start)
    assert set(changed) == {f.name for f in dataclasses.fields(GameState)}
    state = dataclasses.replace(start, **changed)
    for copy in (state.copy(), state.shallow()):
        for name in changed:
            assert getattr(copy, name) == getattr(state, name), name


def test_every_part_of_a_game_is_in_its_plain_data(tmp_path: Path) -> None:
    """The networked class compares a digest of each process's game, made from its plain
    data: a game that differs in any one part (an event that came, a rule that fired ...)
    must give other data, or two processes that disagree would not notice."""
    start = mini(tmp_path).new_game("police_a", 1)[0]
    for name, value in _different(start).items():
        other = dataclasses.replace(start, **{name: value})
        assert other.to_dict() != start.to_dict(), name


def test_a_reply_on_its_way_is_shown_as_coming_in_a_game_of_one(tmp_path: Path) -> None:
    """The status bar lists what is on its way to the player: in a game of one the
    reply is not addressed to anyone (it is the player's), and it is listed."""
    from trafficking_sim.tui.panes.status import on_the_way

    engine = mini(tmp_path)
    start = engine.new_game("police_a", 1)[0]
    state = engine.step(start, Send(to=("europol",)))[0]
    assert on_the_way(state) == [(2, "europol")]
