"""The rules an audit found unguarded: each test here fails when its rule is taken out.

Every test was checked by removing the rule by hand and watching the test fail (see
docs/testing.md for the list and for the mutation-testing command that keeps it so).
"""

from __future__ import annotations

import copy
import io
import os
from dataclasses import replace
from pathlib import Path

import pytest

from trafficking_sim.content import GameContent, load_game
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
from trafficking_sim.engine.siena import passing_on_verdict
from trafficking_sim.engine.state import Known
from trafficking_sim.explore.report import explore_report
from trafficking_sim.play.saves import SaveError, read_save, write_save
from trafficking_sim.play.session import Session

from .mini import T, write_scenario
from .scripts import BORDER_OPENING, border_best, kinds, play, refusal, score_changes

# --- handling codes: H1 and H2 ------------------------------------------------------------------

EUROPOL_GIVES_SECRET = f"""rules:
  - id: police_knows
    when: turn_start
    if: {{role: police_a}}
    then:
      - reveal: {{facts: [phone], to: police_a}}
  - id: europol_answers
    when: {{message: {{to: europol, has_fact: phone}}}}
    then:
      - reply: {{text: {T}, facts: [secret], handling: HANDLING, after: 0}}
  - id: europol_permits
    when: {{permission: secret}}
    then:
      - reply: {{text: {T}, after: 0}}
"""


def mini(tmp_path: Path, extra: str) -> Engine:
    return Engine(load_game(write_scenario(tmp_path, extra)))


def holding_secret(tmp_path: Path, handling: str) -> tuple[Engine, object]:
    """police_a holds Europol's 'secret', received under ``handling``."""
    engine = mini(tmp_path, EUROPOL_GIVES_SECRET.replace("HANDLING", handling))
    state, _ = play(engine, "police_a", Send(to=("europol",), facts=("phone",)))
    assert state.knowledge["police_a"]["secret"].handling == handling
    return engine, state


def test_h1_information_goes_to_a_judicial_recipient_only_with_permission(
    tmp_path: Path,
) -> None:
    engine, state = holding_secret(tmp_path, "H1")
    refused_state, events = engine.step(state, Send(to=("eurojust",), facts=("secret",)))  # type: ignore[arg-type]
    reason = refusal(events).data["reason"]
    assert reason["key"] == "handling_h1"
    assert reason["params"] == {"fact": "secret", "provider": "europol"}
    assert refusal(events).data["source"] == {"key": "source.handling"}
    assert not refused_state.knows("eurojust", "secret")
    assert [(b.kind, b.provider) for b in refused_state.breaches] == [("handling", "europol")]

    # Asked and granted (Europol answers a turn or two later), the same message goes through.
    state, _ = engine.step(state, AskPermission("secret"))  # type: ignore[arg-type]
    while ("secret", "europol") not in state.permissions and not state.over:
        state, _ = engine.step(state, EndTurn())
    assert ("secret", "europol") in state.permissions
    state, events = engine.step(state, Send(to=("eurojust",), facts=("secret",)))
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.knows("eurojust", "secret")


def test_h1_information_may_go_to_a_partner_outside_the_courts(tmp_path: Path) -> None:
    engine, state = holding_secret(tmp_path, "H1")
    state, events = engine.step(state, Share("ngo", ("secret",)))  # type: ignore[arg-type]
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.knows("ngo", "secret")


def test_h2_information_is_refused_to_everyone_but_its_provider(tmp_path: Path) -> None:
    engine, state = holding_secret(tmp_path, "H2")
    _, events = engine.step(state, Share("ngo", ("secret",)))  # type: ignore[arg-type]
    assert refusal(events).data["reason"]["key"] == "handling_h2"
    _, events = engine.step(state, Send(to=("eurojust", "europol"), facts=("secret",)))  # type: ignore[arg-type]
    assert refusal(events).data["reason"]["key"] == "handling_h2"
    _, events = engine.step(state, Send(to=("europol",), facts=("secret",)))  # type: ignore[arg-type]
    assert E.ACTION_REFUSED not in kinds(events)


def _content(tmp_path: Path) -> GameContent:
    return load_game(write_scenario(tmp_path, ""))


@pytest.mark.parametrize(
    ("handling", "recipients", "expected"),
    [
        ("H0", ("eurojust", "ngo"), None),
        ("H3", ("eurojust", "ngo"), None),
        ("H1", ("ngo",), None),
        ("H1", ("ngo", "eurojust"), ("handling_h1", "europol")),
        ("H2", ("europol",), None),
        ("H2", ("europol", "ngo"), ("handling_h2", "europol")),
        ("H2", ("ngo",), ("handling_h2", "europol")),
    ],
)
def test_the_handling_verdict_for_each_code(
    tmp_path: Path,
    handling: str,
    recipients: tuple[str, ...],
    expected: tuple[str, str] | None,
) -> None:
    content = _content(tmp_path)
    how = Known(1, "europol", "siena", handling, 1)
    assert passing_on_verdict(how, "secret", recipients, content, frozenset()) == expected


def test_a_permission_or_ones_own_finding_lifts_the_handling_code(tmp_path: Path) -> None:
    content = _content(tmp_path)
    for handling in ("H1", "H2"):
        how = Known(1, "europol", "siena", handling, 1)
        granted = {("secret", "europol")}
        assert passing_on_verdict(how, "secret", ("eurojust",), content, granted) is None
        other = {("secret", "eurojust"), ("phone", "europol")}
        assert passing_on_verdict(how, "secret", ("eurojust",), content, other) is not None
        own = Known(1, None, "action", handling)
        assert passing_on_verdict(own, "secret", ("eurojust", "ngo"), content, ()) is None


def test_h1_sent_back_to_a_judicial_provider_is_no_disclosure(tmp_path: Path) -> None:
    content = _content(tmp_path)
    how = Known(1, "eurojust", "siena", "H1", 1)
    assert passing_on_verdict(how, "secret", ("eurojust",), content, ()) is None


# --- SIENA ------------------------------------------------------------------------------------


def test_a_recipient_without_siena_is_refused_and_told_so(engine: Engine) -> None:
    state, events = play(
        engine, "border_b", Do("check_vehicle", "minibus_plate"), Send(to=("ngo",), facts=())
    )
    refused = refusal(events)
    assert refused.data["reason"] == {"key": "not_on_siena", "params": {"actor": "ngo"}}
    assert ("standards", -3) in score_changes(events)
    assert not [m for m in state.messages if m.sender == "border_b"]


@pytest.mark.parametrize(
    ("source", "info", "value"),
    [("Z", "1", "Z"), ("A", "9", "9"), ("A", None, "A"), (None, "2", "2")],
)
def test_an_evaluation_code_that_is_not_one_is_refused_clearly(
    engine: Engine, source: str | None, info: str | None, value: str
) -> None:
    send = Send(to=("europol",), facts=("minibus_plate",), source_code=source, info_code=info)
    state, events = play(engine, "border_b", send)
    reason = refusal(events).data["reason"]
    assert reason["key"] == "bad_code" and reason["params"]["value"] == value
    assert not state.messages, "a refused message is never sent"
    assert state.ap == 3


def named_en(what: str) -> str:
    return {"info": "information"}.get(what, what)


@pytest.mark.parametrize(
    ("source", "info", "named"),
    [("Z", "1", "ocena vira"), ("A", "9", "ocena informacije"), ("A", None, "ocena")],
)
def test_a_refused_code_is_named_in_the_players_language_not_by_its_field(
    engine: Engine, tutorial: GameContent, source: str | None, info: str | None, named: str
) -> None:
    """The refusal says which code is wrong in words: in Slovene never "evaluation"."""
    from trafficking_sim.play import narrate

    send = Send(to=("europol",), facts=("minibus_plate",), source_code=source, info_code=info)
    _, events = play(engine, "border_b", send)
    reason = refusal(events).data["reason"]
    said = narrate.reason_text(tutorial, reason, "sl")
    assert said.startswith(named + " »"), said
    import re

    assert not re.search(r"\b(evaluation|source|info)\b", said), said
    english = narrate.reason_text(tutorial, reason, "en")
    assert english.endswith(f"is not a valid {named_en(reason['params']['what'])} code."), english


def test_a_bad_evaluation_in_plain_mode_is_refused_and_reading_never_crashes(
    tutorial: GameContent,
) -> None:
    from trafficking_sim.play.plain import PlainGame

    session = Session.new(tutorial, "border_b", 1, "en")
    out = io.StringIO()
    PlainGame(session, out, autosave=False).run(
        ["send europol minibus_plate eval=Z1", "send europol minibus_plate eval=B2", "read 1"]
    )
    text = out.getvalue()
    assert "“Z1” is not an evaluation" in text and "Traceback" not in text
    [sent] = [m for m in session.state.messages if m.sender == "border_b"]
    assert (sent.source_code, sent.info_code) == ("B", "2")
    assert "B: source reliable in most instances" in text


# --- what agencies cannot do --------------------------------------------------------------------


def test_frontex_refuses_a_criminal_investigation_with_its_reason_and_law(
    engine: Engine,
) -> None:
    state, events = play(engine, "border_b", Request("frontex", "investigate"))
    refused = refusal(events)
    assert refused.data["reason"] == {"text": "agency:frontex/services.investigate.refuse.reason"}
    assert refused.data["source"] == {"text": "agency:frontex/services.investigate.refuse.source"}
    assert ("coordination", -2) in score_changes(events)
    assert not [m for m in state.messages if m.kind == "request"]


def test_a_refusal_in_the_contents_words_names_its_check_and_costs_only_what_it_says(
    engine: Engine, tutorial: GameContent
) -> None:
    # With a penalty: the score log says which check cost the points.
    state, _ = play(engine, "border_b", Request("frontex", "investigate"))
    [change] = [c for c in state.score_log if c.delta < 0]
    assert change.origin == "refusal:service_refused"
    # Without one (content may refuse without a cost): refused, and no score moves.
    frontex = tutorial.actors["frontex"]
    service = frontex.services["investigate"]
    assert service.refuse is not None
    free = service.model_copy(
        update={"refuse": service.refuse.model_copy(update={"penalty": None})}
    )
    actors = dict(tutorial.actors)
    actors["frontex"] = replace(frontex, services={**frontex.services, "investigate": free})
    lenient = Engine(replace(tutorial, actors=actors))
    state, events = play(lenient, "border_b", Request("frontex", "investigate"))
    assert refusal(events).data["reason"] == {
        "text": "agency:frontex/services.investigate.refuse.reason"
    }
    assert score_changes(events) == [] and state.score_log == ()


def test_agencies_without_powers_of_arrest_refuse_an_arrest(
    engine: Engine, tutorial: GameContent
) -> None:
    refusing = {
        actor.id
        for actor in tutorial.actors.values()
        if "arrest" in actor.services and actor.services["arrest"].refuse is not None
    }
    assert {"europol", "interpol"} <= refusing
    _, events = play(engine, "border_b", Request("europol", "arrest"))
    assert refusal(events).data["reason"] == {
        "text": "agency:europol/services.arrest.refuse.reason"
    }
    assert ("coordination", -2) in score_changes(events)


# --- pillar scoring -----------------------------------------------------------------------------


def test_a_needed_fact_scores_once_however_often_it_is_sent(engine: Engine) -> None:
    send = Send(to=("authorities_c",), facts=("minibus_plate",))
    state, events = play(engine, "border_b", Do("check_vehicle", "minibus_plate"), send)
    assert score_changes(events).count(("information_exchange", 4)) == 1
    state, again = engine.step(state, send)
    assert E.ACTION_REFUSED not in kinds(again)
    assert ("information_exchange", 4) not in score_changes(again)


END_OF_TURN_POINTS = f"""rules:
  - id: police_knows
    when: turn_start
    if: {{role: police_a}}
    then:
      - reveal: {{facts: [phone], to: police_a}}
  - id: follow_up
    when: turn_end
    if: {{knows: {{actor: police_a, fact: phone}}}}
    then:
      - score: {{pillar: coordination, delta: 5, reason: {T}}}
"""


def test_end_of_turn_points_go_to_the_group_that_set_them_off(tmp_path: Path) -> None:
    engine = mini(tmp_path, END_OF_TURN_POINTS)
    state, _ = engine.new_game("police_a", 1, ("police_a", "ngo"))
    state, _ = engine.step(state, EndTurn())  # police_a passes to the NGO
    assert state.role == "ngo"
    state, _ = engine.step(state, EndTurn())  # the NGO's end moves time on
    [points] = [c for c in state.score_log if c.origin == "rule:follow_up"]
    assert (points.pillar, points.delta, points.by) == ("coordination", 5, "police_a")


# --- the explorer ------------------------------------------------------------------------------


def test_the_explorers_state_key_tells_games_with_different_variables_apart(
    tmp_path: Path,
) -> None:
    engine = mini(tmp_path, "")
    state, _ = engine.new_game("police_a", 1)
    other = copy.deepcopy(state)
    other.variables = {**other.variables, "flag": True}
    assert state_key(state) != state_key(other)
    same = copy.deepcopy(state)
    assert state_key(state) == state_key(same)


def test_an_explore_report_cut_short_says_it_is_not_complete(tutorial: GameContent) -> None:
    report = explore_report(tutorial, list(tutorial.roles), budget=5)
    for entry in report["roles"]:
        assert entry["complete"] is False, entry["role"]
        assert entry["cooperation"]["complete"] is False
    assert report["scenario_summary"]["complete"] is False


# --- the save -----------------------------------------------------------------------------------


def _saved(tutorial: GameContent, tmp_path: Path) -> tuple[Path, Session]:
    session = Session.new(tutorial, "border_b", 1, "en")
    session.act(Do("check_vehicle", "minibus_plate"))
    path = tmp_path / "game.json"
    write_save(path, session.savegame())
    return path, session


def test_a_save_is_replaced_by_a_new_file_never_written_over(
    tutorial: GameContent, tmp_path: Path
) -> None:
    path, session = _saved(tutorial, tmp_path)
    keep = tmp_path / "reader-holds-this.json"
    os.link(path, keep)  # what a reader has open keeps the old, whole save
    before = keep.read_bytes()
    session.act(EndTurn())
    write_save(path, session.savegame())
    assert keep.read_bytes() == before
    assert path.read_bytes() != before
    assert len(read_save(path).actions) == 2


def test_a_write_that_fails_half_way_leaves_the_old_save_whole(
    tutorial: GameContent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, session = _saved(tutorial, tmp_path)
    before = path.read_bytes()
    session.act(EndTurn())

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_save(path, session.savegame())
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json"], "no temporary left"
    assert len(read_save(path).actions) == 1


def test_a_save_is_private_to_its_owner(tutorial: GameContent, tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    path, _ = _saved(tutorial, tmp_path)
    assert path.stat().st_mode & 0o077 == 0


def test_a_damaged_save_is_named_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(SaveError):
        read_save(path)


# --- a scenario's 'var' conditions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "op", "right", "holds"),
    [
        (2, "eq", 2, True),
        (2, "eq", 3, False),
        ("open", "eq", "open", True),
        (2, "ne", 3, True),
        (2, "ne", 2, False),
        (1, "lt", 2, True),
        (2, "lt", 2, False),
        (2, "le", 2, True),
        (3, "le", 2, False),
        (3, "gt", 2, True),
        (2, "gt", 2, False),
        (2, "ge", 2, True),
        (1, "ge", 2, False),
        # An order on anything but a number is false, a flag included.
        ("b", "gt", 1, False),
        (True, "ge", 0, False),
        (None, "lt", 1, False),
    ],
)
def test_a_var_condition_compares_as_an_author_expects(
    left: object, op: str, right: object, holds: bool
) -> None:
    from trafficking_sim.content.logic import compare

    assert compare(left, op, right) is holds


# --- whom a time rule answers in a class game --------------------------------------------------

GROUPS = ("police_a", "border_b", "ngo")
DONE_BY = {"interview": ("ngo",), "check": ("border_b", "police_a"), "raid": ("police_x",)}


def _when(condition: dict[str, object] | None) -> object:
    from pydantic import TypeAdapter

    from trafficking_sim.content import logic as L

    return None if condition is None else TypeAdapter(L.Condition).validate_python(condition)


@pytest.mark.parametrize(
    ("condition", "causes", "group"),
    [
        (None, {}, ""),
        ({"fired": "tip"}, {"tip": "ngo"}, "ngo"),
        ({"fired": "tip"}, {"tip": ""}, ""),  # fired with no group behind it
        (
            {"all": [{"fired": "tip"}, {"knows": {"actor": "border_b", "fact": "x"}}]},
            {},
            "border_b",
        ),
        ({"any": [{"knows": {"actor": "europol", "fact": "x"}}, {"role": "ngo"}]}, {}, "ngo"),
        ({"not": {"knows": {"actor": "ngo", "fact": "x"}}}, {}, ""),  # a negation names no one
        ({"knows": "x"}, {}, ""),  # the player: no anchor of its own
        ({"done": "interview"}, {}, "ngo"),
        ({"done": "check"}, {}, ""),  # two groups could have done it
        ({"done": "raid"}, {}, ""),  # no group plays the one who can
        ({"all": [{"done": "check"}, {"fired": "tip"}]}, {"tip": "police_a"}, "police_a"),
        ({"var": "flag", "eq": True}, {}, ""),
    ],
)
def test_a_time_rule_answers_the_group_its_condition_points_at(
    condition: dict[str, object] | None, causes: dict[str, str], group: str
) -> None:
    from trafficking_sim.engine.addressing import cause_of

    assert cause_of(_when(condition), GROUPS, causes, DONE_BY) == group


def test_a_time_rule_that_replies_or_reveals_to_the_player_needs_an_anchor() -> None:
    from types import SimpleNamespace

    from trafficking_sim.content import logic as L
    from trafficking_sim.engine.addressing import needs_anchor

    def rule(when: object, *then: object) -> object:
        return SimpleNamespace(when=when, then=then)

    reply = L.Reply.model_validate({"reply": {"text": {"en": "x", "sl": "y"}}})
    to_player = L.Reveal.model_validate({"reveal": {"facts": ["f"]}})
    to_ngo = L.Reveal.model_validate({"reveal": {"facts": ["f"], "to": "ngo"}})
    at_start, at_end = L.OnTurnStart(), L.OnTurnEnd()
    assert needs_anchor(rule(at_start, reply))
    assert needs_anchor(rule(at_end, to_ngo, to_player))
    assert not needs_anchor(rule(at_end, to_ngo))
    assert not needs_anchor(rule(L.OnAction(action="check"), reply))


# --- the rating: what a breach costs ------------------------------------------------------------


def test_a_breach_and_a_low_pillar_lower_the_rating_and_say_whose_trust_it_cost(
    engine: Engine, tutorial: GameContent
) -> None:
    from trafficking_sim.engine.rating import rate

    actions = list(border_best())
    # Europol's H2 name passed on before Europol allowed it: a breach, and trust lost.
    actions.insert(3, Send(to=("authorities_c",), facts=("recruiter_alias",)))
    state, _ = play(engine, "border_b", *actions)
    rated = rate(tutorial, state)
    assert rated is not None and (rated.plot, rated.rating) == ("mixed", "bad")
    assert rated.to_dict()["costs"] == [
        {"key": "rating.cost.handling", "count": 2, "who": ["europol"]},
        {"key": "rating.cost.pillars", "pillars": ["standards"], "floor": 60},
    ]


def test_a_bad_plot_stays_bad_and_tells_no_cost_it_did_not_take(
    engine: Engine, tutorial: GameContent
) -> None:
    from trafficking_sim.engine.rating import rate

    breach = Send(to=("authorities_c",), facts=("recruiter_alias",))
    state, _ = play(engine, "border_b", *BORDER_OPENING, breach, Do("fine_passengers"))
    assert [b.kind for b in state.breaches] == ["handling"]
    rated = rate(tutorial, state)
    assert rated is not None and (rated.plot, rated.rating, rated.costs) == ("bad", "bad", ())


def test_too_few_own_exchanges_say_how_many_and_how_many_are_needed(
    tutorial: GameContent,
) -> None:
    from trafficking_sim.engine.rating import rate

    actions = (
        EndTurn(),
        Do("talk_to_caller"),
        Share("authorities_c", ("club_address", "hotline_call")),
        EndTurn(),
        EndTurn(),
        EndTurn(),
    )
    state, _ = play(Engine(tutorial), "ngo", *actions)
    rated = rate(tutorial, state)
    floor = tutorial.scenario.scoring.min_exchanges
    assert rated is not None and rated.costs == (
        ("rating.cost.few_exchanges", {"count": 1, "floor": floor}),
    )


def test_each_kind_of_breach_names_only_its_own_partners(
    engine: Engine, tutorial: GameContent
) -> None:
    from trafficking_sim.engine.rating import rate
    from trafficking_sim.engine.state import Breach

    state, _ = play(engine, "border_b", *border_best())
    state.breaches = (
        Breach(2, "handling", "recruiter_alias", "authorities_c", "europol", "border_b"),
        Breach(3, "consent", "mira_account", "authorities_c", "ngo", "border_b"),
    )
    rated = rate(tutorial, state)
    assert rated is not None
    who = {key: params.get("who") for key, params in rated.costs}
    assert who["rating.cost.handling"] == ["europol"]
    assert who["rating.cost.consent"] == ["ngo"]


def test_a_condition_with_two_forms_at_once_is_named_for_the_author(tmp_path: Path) -> None:
    from trafficking_sim.content import ContentError

    extra = """rules:
  - id: both
    when: turn_start
    if: {fired: both, role: ngo}
    then:
      - set: {var: flag, value: true}
"""
    with pytest.raises(ContentError) as caught:
        load_game(write_scenario(tmp_path, extra))
    [problem] = caught.value.problems
    assert "found several keys: fired, role; split them into separate items" in problem.message


def test_conditions_built_in_code_keep_their_form() -> None:
    from trafficking_sim.content import logic as L

    parts = [L.Fired(fired="tip"), L.NotOf.model_validate({"not": {"role": "ngo"}})]
    both = L.AllOf.model_validate({"all": parts})
    assert [type(p) for p in both.all] == [L.Fired, L.NotOf]
    rule_if = L.AnyOf.model_validate({"any": [both, L.Knows.model_validate({"knows": "x"})]})
    assert [type(p) for p in rule_if.any] == [L.AllOf, L.Knows]
