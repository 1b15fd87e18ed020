"""Hot-seat games (several groups, one laptop) and the trainer's actions, in the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trafficking_sim.content import GameContent, find_scenario, load_game
from trafficking_sim.engine import Do, EndTurn, Engine, Send
from trafficking_sim.engine import events as E
from trafficking_sim.engine.actions import TrainerInject, TrainerNote, TrainerReveal
from trafficking_sim.play.saves import read_save, write_save
from trafficking_sim.play.session import Session

SEATS = ("police_a", "border_b", "ngo")


@pytest.fixture(scope="module")
def exercise() -> GameContent:
    return load_game(find_scenario("exercise"))


def test_the_turn_passes_from_group_to_group_then_time_moves_on(exercise: GameContent) -> None:
    engine = Engine(exercise)
    state, _ = engine.new_game("police_a", 1, SEATS)
    assert state.role == "police_a" and state.played == SEATS and state.turn == 1
    state, events = engine.step(state, EndTurn())
    assert (state.role, state.turn) == ("border_b", 1)
    assert [e.kind for e in events] == [E.SEAT_PASSED]
    assert state.ap == exercise.actors["border_b"].action_points
    state, _ = engine.step(state, EndTurn())
    assert (state.role, state.turn) == ("ngo", 1)
    state, events = engine.step(state, EndTurn())
    assert (state.role, state.turn) == ("police_a", 2)
    assert E.TURN_STARTED in [e.kind for e in events]


def test_groups_see_only_their_own_facts_and_message_each_other(exercise: GameContent) -> None:
    engine = Engine(exercise)
    state, _ = engine.new_game("police_a", 1, SEATS)
    assert state.knows("police_a", "job_advert") and not state.knows("border_b", "job_advert")
    state, _ = engine.step(state, Send(to=("border_b",), facts=("job_advert",)))
    # The message went through SIENA to the other group, who now holds the fact ...
    assert state.knows("border_b", "job_advert")
    assert [m.sender for m in state.inbox("border_b")] == ["police_a"]
    assert state.inbox("border_b")[0].channel == "siena"
    # ... and no automatic acknowledgement is sent on the group's behalf.
    for _ in SEATS:
        state, _ = engine.step(state, EndTurn())
    assert not [m for m in state.inbox("police_a") if m.sender == "border_b"]


def test_a_reply_goes_to_the_group_that_asked(exercise: GameContent) -> None:
    engine = Engine(exercise)
    state, _ = engine.new_game("police_a", 1, SEATS)
    state, _ = engine.step(state, EndTurn())  # border_b's seat
    state, _ = engine.step(state, Do("check_minibus", "minibus"))
    state, _ = engine.step(state, Send(to=("europol",), facts=("minibus",)))
    while state.turn < 3:  # replies arrive at a turn's start, in police_a's seat
        state, _ = engine.step(state, EndTurn())
    assert state.role == "police_a"
    replies = [m for m in state.messages if m.kind == "reply" and m.sender == "europol"]
    assert replies and all(m.recipients == ("border_b",) for m in replies)


def test_points_are_credited_to_the_group_that_earned_them(exercise: GameContent) -> None:
    session = Session.new(exercise, "police_a", 1, "en", SEATS)
    session.act(EndTurn())
    session.act(Do("check_minibus", "minibus"))
    session.act(Send(to=("europol",), facts=("minibus",)))
    by = {c.by for c in session.state.score_log}
    assert by <= {"", *SEATS}
    assert "police_a" not in by  # police_a did nothing yet


def test_a_groups_ledger_counts_its_decisions_even_past_a_shared_100(
    exercise: GameContent,
) -> None:
    """The shared pillar stops at 100; a group's own ledger does not, so a group that
    shares correctly after others filled the pillar still earns for it."""
    from trafficking_sim.classroom.league import league
    from trafficking_sim.play.notation import play_script
    from trafficking_sim.review.debrief import counted_deltas

    walk = Path(__file__).parent / "walkthroughs" / "exercise" / "border_b-best.txt"
    session = Session.new(exercise, "border_b", 1, "en", ("border_b",))
    assert play_script(session, walk.read_text("utf-8").splitlines()) == []
    state = session.state
    counted = counted_deltas(exercise, state)
    assert state.scores["information_exchange"] == 100
    pillar = "information_exchange"
    capped = sum(d for c, d in zip(state.score_log, counted, strict=True) if c.pillar == pillar)
    asked = sum(c.delta for c in state.score_log if c.pillar == pillar and c.by == "border_b")
    (row,) = league(session)
    assert row.pillars[pillar] == asked > capped
    bonus = row.points - row.gained - row.lost
    assert bonus == 10 * row.special_task + 5 * (len(row.objectives) - row.special_task)


def test_a_refused_press_costs_a_group_once(exercise: GameContent) -> None:
    from trafficking_sim.classroom.league import league
    from trafficking_sim.engine import Request

    session = Session.new(exercise, "police_a", 1, "en", SEATS)
    me = exercise.actors["police_a"]
    agency, service = next(
        (a.id, s)
        for a in exercise.actors.values()
        for s in a.services.values()
        if a.id != "police_a" and not me.uses(s.channel) and not s.targets
    )
    for _ in range(3):
        session.act(Request(agency, service.id))
    penalties = [c for c in session.state.score_log if c.by == "police_a"]
    assert len(penalties) == 3 and penalties[0].delta < 0  # the shared score took all three
    row = next(r for r in league(session) if r.role == "police_a")
    assert row.lost == penalties[0].delta  # the group's ledger, once


def test_trainer_actions_are_logged_and_replayed(exercise: GameContent, tmp_path: Path) -> None:
    session = Session.new(exercise, "police_a", 1, "en", SEATS, {"police_a": "Group 1"})
    inject = next(i for i in exercise.injects if i not in session.state.injected)
    session.act(TrainerInject(inject))
    assert inject in session.state.injected
    events = session.act(TrainerInject(inject))
    assert [e.kind for e in events] == [E.ACTION_REFUSED]  # an event happens once
    session.act(TrainerReveal("ngo", "job_advert"))
    assert session.state.knowledge["ngo"]["job_advert"].via == "trainer"
    assert not [c for c in session.state.score_log if "job_advert" in str(c.reason)]
    events = session.act(TrainerNote("Group 2 forgot the handling code."))
    assert events[0].kind == E.TRAINER_NOTE
    save = tmp_path / "class.json"
    write_save(save, session.savegame())
    again = Session.resume(read_save(save))
    assert again.state.to_dict() == session.state.to_dict()
    assert again.state.seats == SEATS and again.group_names == {"police_a": "Group 1"}


def test_bad_seats_are_refused(exercise: GameContent) -> None:
    engine = Engine(exercise)
    with pytest.raises(ValueError, match="not a role"):
        engine.new_game("police_a", 1, ("police_a", "europol"))
    with pytest.raises(ValueError, match="each role once"):
        engine.new_game("police_a", 1, ("police_a", "police_a"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_hot_seat_games_never_crash_and_replay_identically(data: st.DataObject) -> None:
    content = load_game(find_scenario("exercise"))
    seats = tuple(
        data.draw(st.permutations(list(content.roles)).map(lambda r: r[: max(2, len(r) - 2)]))
    )
    seed = data.draw(st.integers(0, 1000))
    engine = Engine(content)
    state, _ = engine.new_game(seats[0], seed, seats)
    actions = []
    for _ in range(data.draw(st.integers(1, 60))):
        if state.over:
            break
        choices = engine.legal_actions(state)
        action = data.draw(st.sampled_from(choices))
        actions.append(action)
        state, _ = engine.step(state, action)
        assert state.role in seats
    replayed, _ = engine.replay(seats[0], seed, actions, seats)
    assert replayed.to_dict() == state.to_dict()


def test_the_class_debrief_credits_a_decision_whichever_group_made_it() -> None:
    """Evidence about 'the player' counts for the class when any group shows it."""
    from trafficking_sim.content import logic as L
    from trafficking_sim.review.debrief import build_debrief, class_learning

    tutorial = load_game(find_scenario("tutorial"))
    objective = tutorial.scenario.debrief.learning_objectives[0]
    session = Session.new(tutorial, "border_b", 1, "en", ("border_b", "ngo"))
    # Only the second group, the NGO, learns this fact (the trainer gives it to them).
    fact = next(f for f in tutorial.facts if not session.state.knows("border_b", f))
    session.act(TrainerReveal(actor="ngo", fact=fact))
    objective.evidence[0].if_ = L.Knows(knows=L.KnowsArgs(fact=fact))
    first = build_debrief(session, "en", search=False).learning[0]
    together = class_learning(session, "en")[0]
    shown = objective.evidence[0].text.get("en")
    assert shown not in first.shown_by  # the first group (border police) does not know it
    assert shown in together.shown_by  # but the class does, through the NGO's group
