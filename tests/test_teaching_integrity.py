"""A breach never pays, the player's own cooperation decides, and every refusal says why.

Each test here fails when the rule it names is taken out of the engine or the content.
"""

from __future__ import annotations

from functools import cache

import pytest

from trafficking_sim.content import GameContent, find_scenario, load_game
from trafficking_sim.engine import (
    AskPermission,
    Do,
    EndTurn,
    Engine,
    GameState,
    Request,
    Send,
    Share,
)
from trafficking_sim.engine import events as E
from trafficking_sim.engine.rating import PILLAR_FLOOR, rate
from trafficking_sim.engine.steps import step_options
from trafficking_sim.play import narrate

from .scripts import BORDER_OPENING, NGO_BEST, border_best, play

SCENARIOS = ("tutorial", "exercise", "labour", "advanced")


@cache
def content(scenario: str) -> GameContent:
    return load_game(find_scenario(scenario))


def test_the_lawful_best_game_is_rated_best() -> None:
    state, _ = play(Engine(content("tutorial")), "ngo", *NGO_BEST)
    rated = rate(content("tutorial"), state)
    assert rated is not None and (rated.plot, rated.rating) == ("best", "best")
    assert rated.costs == ()


def test_the_same_plot_with_a_consent_breach_is_not_best() -> None:
    breach = Share("border_b", ("hotline_call",))
    actions = (*NGO_BEST[:4], breach, *NGO_BEST[4:])
    state, _ = play(Engine(content("tutorial")), "ngo", *actions)
    rated = rate(content("tutorial"), state)
    assert rated is not None and rated.plot == "best"
    assert rated.rating != "best"
    assert "rating.cost.consent" in [key for key, _ in rated.costs]


def test_a_pillar_below_the_floor_costs_the_best_rating() -> None:
    state, _ = play(Engine(content("tutorial")), "ngo", *NGO_BEST)
    state.scores["standards"] = PILLAR_FLOOR - 1
    rated = rate(content("tutorial"), state)
    assert rated is not None and rated.rating == "good"
    assert [key for key, _ in rated.costs] == ["rating.cost.pillars"]


def test_the_best_rating_needs_the_players_own_exchanges() -> None:
    """The tutorial NGO can let the scripted partners reach the best plot with one share of
    its own; that is rated good, not best."""
    actions = (
        EndTurn(),
        Do("talk_to_caller"),
        Share("authorities_c", ("club_address", "hotline_call")),
        EndTurn(),
        EndTurn(),
        EndTurn(),
    )
    state, _ = play(Engine(content("tutorial")), "ngo", *actions)
    rated = rate(content("tutorial"), state)
    assert rated is not None and rated.plot == "best"
    assert state.exchanges == {"ngo": 1}
    assert rated.rating == "good"
    assert [key for key, _ in rated.costs] == ["rating.cost.few_exchanges"]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_playing_only_end_never_reaches_good_or_best(scenario: str) -> None:
    engine = Engine(content(scenario))
    for role in content(scenario).roles:
        state, _ = engine.new_game(role, 1)
        while not state.over:
            state, _ = engine.step(state, EndTurn())
        rated = rate(content(scenario), state)
        assert rated is not None and rated.rating in ("mixed", "bad"), (role, rated)


def test_a_broken_trust_slows_the_partner_and_then_stops_it() -> None:
    engine = Engine(content("tutorial"))
    state, _ = play(
        engine,
        "border_b",
        *BORDER_OPENING,
    )
    assert state.distrust("europol") == 0
    state, events = engine.step(state, Share("authorities_c", ("recruiter_alias",)))
    assert state.distrust("europol") == 1
    lost = [e for e in events if e.kind == E.TRUST_LOST]
    assert lost and lost[0].data["actor"] == "europol"
    state, _ = engine.step(state, Send(to=("authorities_c",), facts=("recruiter_alias",)))
    assert state.distrust("europol") == 2
    _, events = engine.step(state, Request("europol", "cross_check", "driver_phone"))
    refused = [e for e in events if e.kind == E.ACTION_REFUSED]
    assert refused and refused[0].data["reason"]["key"] == "distrust"


def test_a_permission_granted_says_so_in_words() -> None:
    engine = Engine(content("tutorial"))
    state, _ = play(
        engine,
        "border_b",
        *BORDER_OPENING,
        AskPermission("recruiter_alias"),
        EndTurn(),
        EndTurn(),
    )
    grant = [m for m in state.messages if m.sender == "europol" and m.kind == "reply"][-1]
    body = narrate.message_body(content("tutorial"), grant, "en")
    assert body.startswith("Permission granted")
    assert narrate.message_subject(content("tutorial"), grant, "en") == "Recruiter 'Teo' in state A"


def test_a_step_that_waits_for_an_event_stays_hidden_until_it_happens() -> None:
    engine = Engine(content("tutorial"))
    state, _ = engine.new_game("ngo", 1)
    assert "talk_to_caller" not in [o.action for o in step_options(engine, state)]
    state, _ = engine.step(state, EndTurn())  # the hotline call comes on turn 2
    offered = {o.action: o for o in step_options(engine, state)}
    assert offered["talk_to_caller"].available


def test_a_step_that_cannot_be_taken_yet_is_offered_greyed_with_its_reason() -> None:
    engine = Engine(content("exercise"))
    state, _ = engine.new_game("police_a", 1)
    offered = {o.action: o for o in step_options(engine, state)}
    identify = offered["identify_recruiters"]
    assert not identify.available
    why = narrate.reason_text(content("exercise"), identify.reason or {}, "en")
    assert "Europol: who is behind the ad" in why
    _, events = engine.step(state, Do("identify_recruiters"))
    refused = next(e for e in events if e.kind == E.ACTION_REFUSED)
    said = narrate.reason_text(content("exercise"), refused.data["reason"], "en")
    assert "not possible yet" in said and "Europol: who is behind the ad" in said
    assert "at this moment" not in said


def test_a_red_notice_without_an_arrest_warrant_is_refused_for_that_reason() -> None:
    engine = Engine(content("exercise"))
    state, _ = play(engine, "police_a", Do("interview_mother"))
    state.knowledge["police_a"] = {**state.knowledge["police_a"]}
    state, _ = play(
        engine,
        "police_a",
        Send(to=("europol",), facts=("job_advert",)),
        EndTurn(),
        EndTurn(),
        Do("identify_recruiters"),
    )
    assert state.knows("police_a", "recruiters")
    _, events = engine.step(state, Request("interpol", "red_notice", "recruiters"))
    refused = next(e for e in events if e.kind == E.ACTION_REFUSED)
    said = narrate.reason_text(content("exercise"), refused.data["reason"], "en")
    assert "arrest warrant" in said


def test_in_the_advanced_case_a_red_notice_waits_for_the_judges_warrant() -> None:
    service = content("advanced").actors["interpol"].services["red_notice"]
    assert service.refuse is None and service.requires is not None
    assert "warrant_c" in repr(service.requires.if_)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_victims_account_says_whom_the_victim_agreed_to(scenario: str) -> None:
    for fact in content(scenario).facts.values():
        if fact.kind == "victim" and fact.personal_data:
            assert fact.consent is not None and fact.consent.to, fact.id


def test_the_debrief_never_counts_unagreed_victim_data_as_missed() -> None:
    from trafficking_sim.review.debrief import _never_passed

    # The NGO of the tutorial never passed the caller's account to the border police, who
    # are outside what she agreed to: that is not a missed chance.
    state, _ = play(Engine(content("tutorial")), "ngo", *NGO_BEST[:2])
    missed = _never_passed(content("tutorial"), state)
    for actor, fact, _ in missed:
        consent = content("tutorial").facts[fact].consent
        assert consent is None or actor in consent.to, (actor, fact)


def test_the_debrief_says_when_a_fact_stayed_waiting_for_permission() -> None:
    from trafficking_sim.review.debrief import _never_passed

    # The border police ask Europol's permission on turn 3; the grant comes at the start of
    # turn 5, as the game ends: the recruiter's name stayed with them for that reason.
    engine = Engine(content("tutorial"))
    state, _ = play(
        engine,
        "border_b",
        *BORDER_OPENING,
        Send(to=("authorities_c",), facts=("minibus_plate", "driver_phone")),
        EndTurn(),
        AskPermission("recruiter_alias"),
        EndTurn(),
        EndTurn(),
    )
    assert state.over and state.turn == 5
    missed = _never_passed(content("tutorial"), state)
    assert ("authorities_c", "recruiter_alias", "debrief.never_passed_waiting") in missed


def _session(scenario: str, role: str, actions: tuple[object, ...]):  # type: ignore[no-untyped-def]
    from trafficking_sim.play.session import Session

    session = Session.new(content(scenario), role, 1, "en")
    for action in actions:
        session.act(action)  # type: ignore[arg-type]
    return session


def test_a_mixed_or_bad_game_never_shows_every_learning_objective_met() -> None:
    from trafficking_sim.review.debrief import build_debrief

    breach = Share("border_b", ("hotline_call",))
    session = _session("tutorial", "ngo", (*NGO_BEST[:4], breach, *NGO_BEST[4:]))
    d = build_debrief(session, "en", search=False)
    assert d.ending_rating in ("mixed", "bad")
    assert not all(lo.verdict == "met" for lo in d.learning)
    standards = next(lo for lo in d.learning if lo.seed == "7.2.3")
    assert standards.verdict != "met", "a consent breach counts against 7.2.3"


def test_the_lawful_best_game_can_meet_every_learning_objective() -> None:
    from trafficking_sim.review.debrief import build_debrief

    d = build_debrief(
        _session("tutorial", "border_b", border_best(graded=True)), "en", search=False
    )
    assert d.ending_rating == "best"
    assert [lo.verdict for lo in d.learning] == ["met"] * 5


def test_one_piece_of_evidence_is_not_enough_to_meet_an_objective() -> None:
    from trafficking_sim.review.debrief import MET_NEEDS, _learning

    assert MET_NEEDS == 2
    tutorial = content("tutorial")
    for lo in tutorial.scenario.debrief.learning_objectives:
        assert len(lo.evidence) >= MET_NEEDS, lo.id
    state, _ = play(Engine(tutorial), "ngo", EndTurn())
    verdicts = {lo.seed: lo.verdict for lo in _learning(tutorial, state, "en", rating="best")}
    assert "met" not in verdicts.values()


def test_turns_are_counted_as_the_player_played_them() -> None:
    from trafficking_sim.review.debrief import turns_played

    # The NGO acts in turns 1 to 4; the game ends as turn 5 begins.
    session = _session("tutorial", "ngo", NGO_BEST)
    assert session.state.over and session.state.turn == 5
    assert turns_played(session) == 4


def test_one_request_gets_one_reply() -> None:
    """Eurojust's rule that arranges the meeting makes its 'already arranged' rule true in
    the same step; only the first answers."""
    engine = Engine(content("exercise"))
    state, _ = engine.new_game("authorities_c", 1)
    state.knowledge["authorities_c"] = {
        **state.knowledge["authorities_c"],
        "site_address": state.knowledge["authorities_c"]["local_tip"],
    }
    state, _ = engine.step(state, Request("eurojust", "coordination_meeting"))
    state, _ = engine.step(state, EndTurn())
    replies = [m for m in state.messages if m.sender == "eurojust" and m.kind == "reply"]
    assert len(replies) == 1, [m.body_id for m in replies]


def test_the_directory_gives_no_hints_about_traps() -> None:
    for scenario in SCENARIOS:
        for actor in content(scenario).actors.values():
            for service in actor.services.values():
                for lang in ("en", "sl"):
                    text = service.text.get(lang)
                    assert "learners" not in text and "udeleženci" not in text, service.id


def test_a_partner_whose_trust_was_broken_answers_a_turn_later() -> None:
    engine = Engine(content("tutorial"))
    ask = Request("europol", "cross_check", "driver_phone")
    honest, _ = play(engine, "border_b", *BORDER_OPENING, ask)
    breached, _ = play(
        engine, "border_b", *BORDER_OPENING, Share("authorities_c", ("recruiter_alias",)), ask
    )

    def due(state: GameState) -> int:
        return max(p.due for p in state.pending if p.get("sender") == "europol")

    assert due(breached) == due(honest) + 1


def _grading(events: list[E.Event]) -> list[tuple[int, str]]:
    return [
        (e.data["delta"], e.data["reason"].get("key", ""))
        for e in events
        if e.kind == E.SCORE_CHANGED and str(e.data.get("origin", "")).startswith("grading:")
    ]


def test_a_fitting_evaluation_code_gains_and_a_wrong_one_loses_with_why() -> None:
    engine = Engine(content("tutorial"))
    _, right = play(
        engine,
        "border_b",
        Do("check_vehicle", "minibus_plate"),
        Send(to=("europol",), facts=("driver_phone",), source_code="A", info_code="1"),
    )
    assert _grading(right) == [(2, "graded_right")]
    _, wrong = play(
        engine,
        "border_b",
        # The plate is what the officers saw themselves: A1, not X2.
        Send(to=("authorities_c",), facts=("minibus_plate",), source_code="X", info_code="2"),
    )
    assert _grading(wrong) == [(-2, "graded_wrong")]
    change = next(e for e in wrong if e.kind == E.SCORE_CHANGED and e.data["delta"] == -2)
    said = narrate.reason_text(content("tutorial"), change.data["reason"], "en")
    assert "A1 fits it" in said and "Your own officers saw" in said


def test_only_what_the_sender_found_itself_is_graded() -> None:
    engine = Engine(content("exercise"))
    state, _ = play(engine, "border_b", Do("interview_passengers"))
    _, events = engine.step(
        state, Send(to=("police_a",), facts=("ana_account",), source_code="A", info_code="2")
    )
    assert _grading(events) == [(-2, "graded_wrong")], "a victim met once is X, not A"
    # A fact received from a partner keeps the provider's grading: passing it on is not judged.
    tutorial = Engine(content("tutorial"))
    state, _ = play(
        tutorial,
        "border_b",
        *BORDER_OPENING,
    )
    _, events = tutorial.step(
        state, Send(to=("europol",), facts=("recruiter_alias",), source_code="C", info_code="4")
    )
    assert _grading(events) == []


def test_the_compose_form_is_told_which_grade_fits() -> None:
    engine = Engine(content("tutorial"))
    state, _ = play(engine, "border_b", *BORDER_OPENING, Do("interview_passengers"))
    hints = narrate.grade_hints(
        content("tutorial"), state, ["driver_phone", "mira_account", "recruiter_alias"], "en"
    )
    assert hints[0].startswith("“Driver's phone contacts”: A1 fits.")
    assert hints[1].startswith("“Mira's account”: X2 fits.")
    assert hints[2] == (
        "“Recruiter 'Teo' in state A”: Europol sent it graded B3; pass it on with that grade."
    )


def test_a_breach_alone_costs_the_best_rating_even_with_every_pillar_high() -> None:
    breach = Share("border_b", ("hotline_call",))
    state, _ = play(Engine(content("tutorial")), "ngo", *NGO_BEST[:4], breach, *NGO_BEST[4:])
    state.scores = dict.fromkeys(state.scores, 90)  # the breach, and nothing else, counts
    rated = rate(content("tutorial"), state)
    assert rated is not None and rated.plot == "best" and rated.rating == "good"
    assert [key for key, _ in rated.costs] == ["rating.cost.consent"]


def test_no_exchange_of_ones_own_is_at_most_mixed() -> None:
    state, _ = play(Engine(content("tutorial")), "ngo", *NGO_BEST)
    state.exchanges = {}
    rated = rate(content("tutorial"), state)
    assert rated is not None and rated.rating == "mixed"
    assert [key for key, _ in rated.costs] == ["rating.cost.no_exchange"]


def test_explore_reports_the_fewest_own_exchanges_to_a_best_ending() -> None:
    """The tutorial NGO's whole game tree is small: the search is complete, and finds the
    best plot with a single share of the NGO's own (the scripted partners do the rest). That
    is exactly what the rating's floor is for: such a game is never rated best."""
    from trafficking_sim.explore.report import explore_report

    report = explore_report(content("tutorial"), ["ngo"], seed=1, budget=20_000)
    entry = report["roles"][0]
    assert entry["search"]["exhausted"] is False
    assert entry["fewest_exchanges_to_best"] == 1
    assert entry["exchanges_for_best_rating"] == 3
