"""What the state key must tell apart, and what a step's working copy must keep.

``state_key`` is the engine's promise to the explorer: two states with the same key lead
to the same futures, so a search may merge them. Each test here shows two states that
lead to different futures and checks that their keys differ (a merge would lose one of
the games), or checks what a played game still says about itself. They were written
against surviving mutants of ``engine/state.py`` (mutmut, seed 17) and checked by
applying each mutant and watching the test fail. Fast and headless: they are in
mutmut's test selection.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from trafficking_sim.content import load_game
from trafficking_sim.engine import EndTurn, Engine, GameState, Request, Send, state_key
from trafficking_sim.engine import events as E
from trafficking_sim.engine.state import Breach, Pending, pending_key

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


def test_the_same_fact_on_its_way_from_two_partners_is_two_futures(tmp_path: Path) -> None:
    """A fact under H2 from Europol is Europol's to permit, from Eurojust Eurojust's:
    a reply on its way names its sender in the key."""
    assert pending_key((reply(1, "europol"),)) != pending_key((reply(1, "eurojust"),))
    engine = mini(tmp_path)
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
