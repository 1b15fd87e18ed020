"""The turn engine on the tutorial scenario: what a learner would notice, step by step."""

from __future__ import annotations

import copy

import pytest

from trafficking_sim.content import GameContent
from trafficking_sim.engine import (
    AskPermission,
    Do,
    EndTurn,
    Engine,
    Request,
    Send,
    Share,
    state_key,
)
from trafficking_sim.engine import events as E

from .scripts import border_best, kinds, play, refusal, score_changes


def test_new_game_starts_at_turn_one_with_the_scheduled_inject(engine: Engine) -> None:
    state, events = engine.new_game("border_b", seed=7)
    assert state.turn == 1
    assert state.ap == 3
    assert E.INJECT in kinds(events)
    assert state.knows("border_b", "minibus_plate")
    assert not state.knows("border_b", "driver_phone")
    assert all(score == 60 for score in state.scores.values())


def test_unknown_role_is_refused_with_the_roles_listed(engine: Engine) -> None:
    with pytest.raises(ValueError, match="border_b"):
        engine.new_game("police_z", 1)


def test_step_never_changes_the_state_it_was_given(engine: Engine) -> None:
    state, _ = engine.new_game("border_b", 1)
    before = copy.deepcopy(state.to_dict())
    engine.step(state, Do("check_vehicle", "minibus_plate"))
    engine.step(state, Send(to=("europol",), facts=("minibus_plate",)))
    engine.step(state, EndTurn())
    assert state.to_dict() == before


def test_an_action_costs_action_points_and_runs_out(engine: Engine) -> None:
    state, events = play(
        engine,
        "border_b",
        Do("check_vehicle", "minibus_plate"),
        Send(to=("europol",), facts=("driver_phone",), priority="urgent"),
        Do("interview_passengers"),
    )
    reason = refusal(events).data["reason"]
    assert reason == {"key": "no_ap", "params": {"cost": 1, "ap": 0}}
    assert not state.knows("border_b", "mira_account"), "a refused action must change nothing"


def test_the_ngo_cannot_use_siena_and_is_told_why(engine: Engine) -> None:
    state, events = play(engine, "ngo", Send(to=("europol",)))
    refused = refusal(events)
    assert refused.data["reason"]["key"] == "siena_no_access"
    assert refused.data["source"] == {"key": "source.siena"}
    assert ("standards", -3) in score_changes(events)
    assert state.ap == 3, "a refused action costs no action points"
    assert not state.messages


def test_h2_information_needs_the_providers_permission(engine: Engine) -> None:
    state, events = play(
        engine,
        "border_b",
        Do("check_vehicle", "minibus_plate"),
        Send(to=("europol",), facts=("driver_phone",), priority="urgent"),
        EndTurn(),
    )
    assert state.knowledge["border_b"]["recruiter_alias"].handling == "H2"
    state, events = engine.step(state, Send(to=("authorities_c",), facts=("recruiter_alias",)))
    assert refusal(events).data["reason"]["key"] == "handling_h2"
    assert ("standards", -6) in score_changes(events)
    assert not state.knows("authorities_c", "recruiter_alias")
    # The attempt is a breach: Europol hears of it and answers a turn later from now on.
    assert [(b.kind, b.provider) for b in state.breaches] == [("handling", "europol")]
    assert any(e.kind == E.TRUST_LOST and e.data["actor"] == "europol" for e in events)

    state, _ = engine.step(state, AskPermission("recruiter_alias"))
    state, _ = engine.step(state, EndTurn())
    state, events = engine.step(state, EndTurn())
    assert E.PERMISSION_GRANTED not in kinds(events), "broken trust makes the answer later"
    state, events = engine.step(state, EndTurn())
    assert E.PERMISSION_GRANTED in kinds(events)
    grant = state.messages[-1]
    assert grant.body_id == "permission.granted", "a permission is never an empty message"
    assert ("recruiter_alias", "europol") in state.permissions


def test_with_permission_h2_information_can_be_passed_on(engine: Engine) -> None:
    state, _ = play(
        engine,
        "border_b",
        Do("check_vehicle", "minibus_plate"),
        Send(to=("europol",), facts=("driver_phone",), priority="urgent"),
        EndTurn(),
        AskPermission("recruiter_alias"),
        EndTurn(),
        EndTurn(),
    )
    assert ("recruiter_alias", "europol") in state.permissions
    state, events = engine.step(state, Send(to=("authorities_c",), facts=("recruiter_alias",)))
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.knows("authorities_c", "recruiter_alias")
    assert not state.breaches


def test_sending_h2_information_back_to_its_provider_is_allowed(engine: Engine) -> None:
    state, _ = play(
        engine,
        "border_b",
        Do("check_vehicle", "minibus_plate"),
        Send(to=("europol",), facts=("driver_phone",), priority="urgent"),
        EndTurn(),
    )
    _, events = engine.step(state, Send(to=("europol",), facts=("recruiter_alias",)))
    assert E.ACTION_REFUSED not in kinds(events)


def test_victims_data_waits_for_consent(engine: Engine) -> None:
    state, events = play(engine, "ngo", EndTurn(), Share("authorities_c", ("hotline_call",)))
    refused = refusal(events)
    assert refused.data["reason"] == {"text": "facts.hotline_call.consent.ask_first"}
    # An NGO is bound by the GDPR, not by the law-enforcement directive.
    assert refused.data["source"] == {"key": "source.consent.gdpr"}
    assert ("victim_protection", -5) in score_changes(events)
    assert [(b.kind, b.fact) for b in state.breaches] == [("consent", "hotline_call")]
    state, _ = engine.step(state, Do("talk_to_caller"))
    state, events = engine.step(state, Share("authorities_c", ("hotline_call", "club_address")))
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.knows("authorities_c", "club_address")
    assert state.variables["ngo_ready"] is True


def test_a_victims_account_goes_only_where_she_agreed(engine: Engine) -> None:
    state, _ = play(engine, "ngo", EndTurn(), Do("talk_to_caller"))
    state, events = engine.step(state, Share("border_b", ("hotline_call",)))
    refused = refusal(events)
    assert refused.data["reason"]["key"] == "consent_scope"
    assert refused.data["reason"]["params"]["actor"] == "border_b"
    assert not state.knows("border_b", "hotline_call")
    assert [(b.kind, b.recipient) for b in state.breaches] == [("consent", "border_b")]


def test_the_police_too_need_the_victims_consent(engine: Engine) -> None:
    """One consent model for every role: the border police ask Mira before her account goes
    anywhere, and then it goes only where she agreed; cited with the law-enforcement
    directive that binds them."""
    state, events = play(
        engine,
        "border_b",
        Do("interview_passengers"),
        Request("ngo", "victim_support", "mira_account"),
    )
    refused = refusal(events)
    assert refused.data["reason"] == {"text": "facts.mira_account.consent.ask_first"}
    assert refused.data["source"] == {"key": "source.consent.law_enforcement"}
    state, _ = engine.step(state, Do("ask_mira"))
    state, events = engine.step(state, Send(to=("europol",), facts=("mira_account",)))
    assert refusal(events).data["reason"]["key"] == "consent_scope"
    state, events = engine.step(state, Request("ngo", "victim_support", "mira_account"))
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.knows("ngo", "mira_account")


def test_an_agency_refuses_what_is_outside_its_mandate(engine: Engine) -> None:
    _, events = play(engine, "border_b", Request("europol", "arrest", "recruiter_alias"))
    refused = refusal(events)
    assert refused.data["reason"] == {"text": "agency:europol/services.arrest.refuse.reason"}
    assert refused.data["source"] == {"text": "agency:europol/services.arrest.refuse.source"}
    assert ("coordination", -2) in score_changes(events)


def test_a_request_on_a_channel_the_role_lacks_names_who_can(engine: Engine) -> None:
    state, events = engine.new_game("ngo", 1)
    state, events = engine.step(state, EndTurn())
    state, events = engine.step(state, Request("interpol", "yellow_notice", "hotline_call"))
    reason = refusal(events).data["reason"]
    assert reason["key"] == "wrong_channel"
    assert set(reason["params"]["who"]) == {"border_b", "authorities_c"}


def test_replies_arrive_after_the_delay_and_urgent_is_faster(engine: Engine) -> None:
    def turn_of_reply(priority: str) -> int:
        state, _ = play(
            engine,
            "border_b",
            Do("check_vehicle", "minibus_plate"),
            Send(to=("europol",), facts=("driver_phone",), priority=priority),
        )
        for _ in range(4):
            state, events = engine.step(state, EndTurn())
            if any(e.kind == E.MESSAGE_RECEIVED for e in events):
                return state.turn
        raise AssertionError("no reply")

    assert turn_of_reply("urgent") == 2
    assert turn_of_reply("normal") == 3


def test_a_request_no_rule_answers_gets_the_default_reply(
    engine: Engine, tutorial: GameContent
) -> None:
    state, _ = play(engine, "border_b", Request("frontex", "risk_analysis"), EndTurn(), EndTurn())
    replies = [m for m in state.messages if m.kind == "reply" and m.sender == "frontex"]
    assert len(replies) == 1
    assert replies[0].body_id == "agency:frontex/services.risk_analysis.reply"


def test_the_game_times_out_after_the_last_turn(engine: Engine) -> None:
    state, events = play(engine, "ngo", *[EndTurn()] * 6)
    assert state.ending == "time_ran_out"
    assert events[-1].kind == E.GAME_ENDED
    state, events = engine.step(state, EndTurn())
    assert refusal(events).data["reason"]["key"] == "game_over"


def test_punishing_the_victims_ends_the_game_badly(engine: Engine) -> None:
    state, events = play(engine, "border_b", Do("fine_passengers"))
    assert state.ending == "victims_punished"
    assert ("victim_protection", -20) in score_changes(events)


def test_a_lone_arrest_warns_the_network_one_turn_later(engine: Engine) -> None:
    state, _ = play(engine, "border_b", Do("arrest_driver"))
    assert state.ending is None
    state, events = engine.step(state, EndTurn())
    assert state.ending == "network_warned"
    assert E.INJECT in kinds(events)


def test_rules_that_play_a_role_are_skipped_when_the_learner_has_it(engine: Engine) -> None:
    as_ngo, _ = play(engine, "ngo", *[EndTurn()] * 3)
    as_border, _ = play(engine, "border_b", *[EndTurn()] * 3)
    assert not as_ngo.knows("ngo", "club_address"), "the learner's NGO must act itself"
    assert as_border.knows("ngo", "club_address"), "the computer plays the NGO"


def test_personal_data_to_someone_who_does_not_need_it_costs_standards() -> None:
    from trafficking_sim.content import find_scenario, load_game

    exercise = Engine(load_game(find_scenario("exercise")))
    state, events = play(
        exercise,
        "police_a",
        Do("interview_mother"),
        # Erik's mother agreed to Europol, but Europol does not need his messages.
        Send(to=("europol",), facts=("erik_messages",)),
    )
    assert ("standards", -4) in score_changes(events)
    change = next(e for e in events if e.kind == E.SCORE_CHANGED and e.data["delta"] == -4)
    assert change.data["source"] == {"key": "source.need_to_know.law_enforcement"}
    assert [(b.kind, b.recipient) for b in state.breaches] == [("need_to_know", "europol")]


def test_a_needed_fact_reaching_its_actor_scores_information_exchange(engine: Engine) -> None:
    _, events = play(
        engine,
        "border_b",
        Do("check_vehicle", "minibus_plate"),
        Send(to=("authorities_c",), facts=("driver_phone", "minibus_plate")),
    )
    assert score_changes(events).count(("information_exchange", 4)) == 2


def test_scores_never_leave_zero_to_a_hundred(engine: Engine) -> None:
    actions = [Send(to=("europol",))] * 40
    state, _ = play(engine, "ngo", *actions)
    assert state.scores["standards"] == 0
    assert state.score_log[-1].delta == -3


def test_the_same_seed_and_actions_give_the_same_game(engine: Engine) -> None:
    actions = [Do("check_vehicle", "minibus_plate"), EndTurn(), EndTurn(), EndTurn()]
    first, events_a = play(engine, "border_b", *actions, seed=11)
    second, events_b = play(engine, "border_b", *actions, seed=11)
    assert state_key(first) == state_key(second)
    assert first.to_dict() == second.to_dict()
    assert events_a == events_b


def test_the_seed_decides_the_random_colour(engine: Engine) -> None:
    actions = [Do("check_vehicle", "minibus_plate"), EndTurn(), EndTurn(), EndTurn(), EndTurn()]
    turns_it_fired = set()
    for seed in range(20):
        _, events = play(engine, "border_b", *actions, seed=seed)
        fired = [
            e.turn
            for e in events
            if e.kind == E.RULE_FIRED and e.data.get("rule") == "driver_phone_rings"
        ]
        turns_it_fired.add(fired[0] if fired else None)
    assert len(turns_it_fired) > 1, "different seeds should draw differently"


def test_the_best_ending_for_the_border_police(engine: Engine) -> None:
    state, _ = play(engine, "border_b", *border_best())
    assert state.ending == "network_disrupted"
    assert "border_task" in state.objectives


def test_legal_actions_are_all_accepted(engine: Engine) -> None:
    state, _ = engine.new_game("border_b", 1)
    legal = engine.legal_actions(state)
    assert EndTurn() in legal
    assert Do("check_vehicle", "minibus_plate") in legal
    for action in legal:
        _, events = engine.step(state, action)
        assert E.ACTION_REFUSED not in kinds(events), action


def test_legal_actions_are_empty_once_the_game_is_over(engine: Engine) -> None:
    state, _ = play(engine, "border_b", Do("fine_passengers"))
    assert engine.legal_actions(state) == []
