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
from trafficking_sim.engine.actions import TrainerInject, TrainerNote, TrainerReveal
from trafficking_sim.engine.siena import passing_on_verdict
from trafficking_sim.engine.state import Known, Pending
from trafficking_sim.explore.report import explore_report
from trafficking_sim.play.saves import SaveError, read_save, write_save
from trafficking_sim.play.session import Session

from .mini import HEADER, T, europol_gives_secret, write_scenario
from .scripts import BORDER_OPENING, border_best, kinds, play, refusal, score_changes

# --- handling codes: H1 and H2 ------------------------------------------------------------------

EUROPOL_GIVES_SECRET = europol_gives_secret(
    "HANDLING",
    f"""\
  - id: europol_permits
    when: {{permission: secret}}
    then:
      - reply: {{text: {T}, after: 0}}
""",
)


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


# --- the words of a refusal ----------------------------------------------------------------------
# A refusal is all a player learns of why the game said no: it must name the right partner,
# fact, service or role. Each case below fails when the check's key or one of its parameters
# is changed or dropped (mutation testing found those unguarded).


def refused_words(engine: Engine, role: str, *actions: object, lang: str = "en") -> str:
    """What the player reads when the last of ``actions`` is refused."""
    from trafficking_sim.play import narrate

    state, _ = play(engine, role, *actions[:-1])
    _, events = engine.step(state, actions[-1])  # type: ignore[arg-type]
    return narrate.reason_text(engine.content, refusal(events).data["reason"], lang)


SIENA_NGO = (
    "NGO is not connected to SIENA. SIENA links Europol, the Europol National Units and other"
    " law enforcement authorities of the Member States, and partners with agreements. Pass"
    " information on directly instead."
)
PLATE = Do("check_vehicle", "minibus_plate")


@pytest.mark.parametrize(
    ("role", "actions", "said"),
    [
        pytest.param(
            "border_b",
            (TrainerInject("no_such_event"),),
            "there is no event “no_such_event” in this scenario.",
            id="unknown_inject",
        ),
        pytest.param(
            "border_b",
            (TrainerReveal("nobody", "minibus_plate"),),
            "there is no “nobody” in this scenario.",
            id="reveal_to_nobody",
        ),
        pytest.param(
            "border_b",
            (TrainerReveal("ngo", "no_such_fact"),),
            "there is no fact “no_such_fact” in this scenario.",
            id="reveal_no_fact",
        ),
        pytest.param("border_b", (TrainerNote("  "),), "the note is empty.", id="empty_note"),
        pytest.param(
            "border_b",
            (*[EndTurn()] * 12, Do("interview_passengers")),
            "the game has ended.",
            id="game_over",
        ),
        pytest.param("ngo", (Send(to=("europol",), facts=()),), SIENA_NGO, id="siena_no_access"),
        pytest.param(
            "border_b",
            (Send(to=(), facts=()),),
            "a SIENA message needs at least one recipient.",
            id="no_recipients",
        ),
        pytest.param(
            "border_b",
            (Send(to=("europol",), facts=(), handling="H9"),),
            "“H9” is not a valid handling code.",
            id="bad_handling",
        ),
        pytest.param(
            "border_b",
            (Send(to=("europol",), facts=(), priority="soon"),),
            "“soon” is not a valid priority code.",
            id="bad_priority",
        ),
        pytest.param(
            "border_b",
            (Send(to=("europol", "europol"), facts=()),),
            "a recipient is named twice.",
            id="duplicate_recipient",
        ),
        pytest.param(
            "border_b",
            (Send(to=("border_b",), facts=()),),
            "you cannot address yourself.",
            id="self_target",
        ),
        pytest.param(
            "border_b",
            (Send(to=("nobody",), facts=()),),
            "there is no “nobody” in this scenario.",
            id="unknown_recipient",
        ),
        pytest.param(
            "border_b",
            (*BORDER_OPENING, Send(to=("europol",), facts=(), reply_to=99)),
            "there is no message number 99.",
            id="unknown_message",
        ),
        pytest.param(
            "border_b",
            (Send(to=("europol",), facts=("no_such_fact",)),),
            "there is no fact “no_such_fact” in this scenario.",
            id="unknown_fact_id",
        ),
        pytest.param(
            "border_b",
            (Send(to=("europol",), facts=("club_address",)),),
            "you do not know “The club's address” yet. Facts reach you through your own work"
            " and through others.",
            id="unknown_fact",
        ),
        pytest.param(
            "border_b",
            (Share("europol", ()),),
            "Europol takes no direct contacts; it is reached through another channel.",
            id="no_direct",
        ),
        pytest.param(
            "border_b",
            (Request("interpol", "no_such"),),
            "Interpol offers no “no_such”. It offers: arrest, blue_notice, red_notice,"
            " sltd_check, yellow_notice.",
            id="unknown_service",
        ),
        pytest.param(
            "border_b",
            (Request("europol", "analysis", priority="soon"),),
            "“soon” is not a valid priority code.",
            id="request_bad_priority",
        ),
        pytest.param(
            "ngo",
            (Request("europol", "analysis"),),
            "a request for “Operational analysis of the case” travels by SIENA, which NGO does"
            " not use. Roles that can make it: Border police B, Authorities C.",
            id="wrong_channel",
        ),
        pytest.param(
            "border_b",
            (Request("europol", "analysis", fact="minibus_plate"),),
            "“Operational analysis of the case” is not done on a particular fact; leave the"
            " fact out.",
            id="request_no_target_needed",
        ),
        pytest.param(
            "border_b",
            (Request("europol", "cross_check"),),
            "this is done on a fact of this kind: person, phone or account, vehicle, money,"
            " organisation. Name one you know.",
            id="needs_target",
        ),
        pytest.param(
            "border_b",
            (PLATE, Request("interpol", "sltd_check", fact="minibus_plate")),
            "“Minibus plate” is not of the right kind (document).",
            id="wrong_target",
        ),
        pytest.param(
            "ngo",
            (PLATE,),
            "there is no action “check_vehicle” for your role.",
            id="unknown_action",
        ),
        pytest.param(
            "border_b",
            (Do("interview_passengers"), Do("interview_passengers")),
            "“Speak to the passengers one by one” has already been done.",
            id="action_done_once",
        ),
        pytest.param(
            "border_b",
            (Do("ask_mira"),),
            "“Ask Mira about her account” is not possible yet. You have not yet spoken to"
            " Mira. Speak to the passengers one by one first.",
            id="action_unavailable_because",
        ),
        pytest.param(
            "border_b",
            (Do("interview_passengers", "minibus_plate"),),
            "“Speak to the passengers one by one” is not done on a particular fact; leave the"
            " fact out.",
            id="action_no_target_needed",
        ),
        pytest.param(
            "border_b",
            (PLATE, AskPermission("minibus_plate")),
            "“Minibus plate” carries no handling restriction from another provider; no"
            " permission is needed.",
            id="no_restriction",
        ),
        pytest.param(
            "border_b",
            (Do("interview_passengers"), Do("secure_passports"), PLATE, PLATE),
            "it needs 1 action point and you have 0 action points left this turn. End the turn"
            " to get new ones.",
            id="no_ap",
        ),
        pytest.param(
            "ngo",
            (EndTurn(), Do("talk_to_caller"), Share("border_b", ("hotline_call",))),
            "“Hotline call from the club” may be passed on only as the woman who called"
            " agreed: to get her and the others out of the club safely, with support, and to"
            " stop those who exploit them. Border police B is not among those agreed to.",
            id="consent_scope",
        ),
        pytest.param(
            "border_b",
            (
                *BORDER_OPENING,
                Share("authorities_c", ("recruiter_alias",)),
                Send(to=("authorities_c",), facts=("recruiter_alias",)),
                Request("europol", "cross_check", "driver_phone"),
            ),
            "Europol takes no more requests from you: its information was passed on, or"
            " nearly, without its permission.",
            id="distrust",
        ),
    ],
)
def test_a_refusal_tells_the_player_what_was_wrong_in_words(
    engine: Engine, role: str, actions: tuple[object, ...], said: str
) -> None:
    assert refused_words(engine, role, *actions) == said


def test_an_event_already_set_off_is_refused(engine: Engine) -> None:
    state, _ = play(engine, "border_b", TrainerInject("hotline_call"))
    assert "hotline_call" in state.injected
    _, events = engine.step(state, TrainerInject("hotline_call"))
    assert kinds(events) == [E.ACTION_REFUSED]
    title = engine.content.injects["hotline_call"].title.get("en")
    assert refused_words(engine, "border_b", *[TrainerInject("hotline_call")] * 2) == (
        f"the event “{title}” has already happened."
    )


def test_a_role_without_direct_contact_is_told_so(tutorial: GameContent) -> None:
    actors = dict(tutorial.actors)
    actors["border_b"] = replace(actors["border_b"], channels=frozenset({"siena", "i24_7"}))
    engine = Engine(replace(tutorial, actors=actors))
    assert refused_words(engine, "border_b", Share("ngo", ())) == (
        "Border police B does not pass information on by direct contact in this scenario."
    )


def test_an_unmet_condition_is_explained_when_the_content_gives_no_reason(
    tmp_path: Path,
) -> None:
    extra = f"""actions:
  - id: knock
    by: [police_a]
    label: {{en: Knock on the door, sl: Potrkaj}}
    text: {T}
    if: {{var: flag, eq: true}}
"""
    assert refused_words(mini(tmp_path, extra), "police_a", Do("knock")) == (
        "“Knock on the door” is not possible yet: the case has not reached the point where it"
        " makes sense."
    )


def test_asking_twice_for_the_same_permission_is_refused_in_words(tmp_path: Path) -> None:
    engine, state = holding_secret(tmp_path, "H1")
    state, events = engine.step(state, AskPermission("secret"))  # type: ignore[arg-type]
    assert E.ACTION_REFUSED not in kinds(events)
    _, events = engine.step(state, AskPermission("secret"))
    from trafficking_sim.play import narrate

    said = narrate.reason_text(engine.content, refusal(events).data["reason"], "en")
    assert said == "you have already asked for permission to pass on “Secret”."


# --- what a refusal records and costs ------------------------------------------------------------


def test_a_breach_names_the_recipient_outside_the_provider(tmp_path: Path) -> None:
    """Sent to its provider and to someone else, H2 information is refused, and the
    breach on record names the someone else, not the provider it was going back to."""
    engine, state = holding_secret(tmp_path, "H2")
    state, _ = engine.step(state, Send(to=("europol", "eurojust"), facts=("secret",)))  # type: ignore[arg-type]
    [breach] = state.breaches
    assert (breach.kind, breach.recipient, breach.provider) == ("handling", "eurojust", "europol")


def guarded(tmp_path: Path, guard: str) -> Engine:
    """A mini game where police_a knows 'secret' from the start and may set 'count' to 1."""
    from .mini import HEADER

    header = HEADER.replace("    personal_data: true\n", f"    personal_data: true\n{guard}")
    extra = f"""rules:
  - id: police_knows
    when: turn_start
    if: {{role: police_a}}
    then:
      - reveal: {{facts: [phone, secret], to: police_a}}
actions:
  - id: count_one
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - set: {{var: count, value: 1}}
"""
    return Engine(load_game(write_scenario(tmp_path, extra, header)))


def test_a_fact_guard_holds_a_fact_back_in_the_contents_words_until_it_is_met(
    tmp_path: Path,
) -> None:
    engine = guarded(
        tmp_path,
        "    guard:\n      if: {var: count, eq: 1}\n"
        "      reason: {en: Not before the count is one., sl: Ne pred ena.}\n"
        "      penalty: {pillar: victim_protection, delta: -2}\n",
    )
    state, events = play(engine, "police_a", Share("ngo", ("secret",)))
    assert refused_words(engine, "police_a", Share("ngo", ("secret",))) == (
        "Not before the count is one."
    )
    [change] = [c for c in state.score_log if c.delta < 0]
    assert (change.pillar, change.delta, change.origin) == (
        "victim_protection",
        -2,
        "refusal:guard",
    )
    state, events = engine.step(state, Do("count_one"))
    state, events = engine.step(state, Share("ngo", ("secret",)))
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.knows("ngo", "secret")


CONSENT = (
    "    consent:\n      person: {en: Ana, sl: Ana}\n      to: [europol]\n"
    '      purpose: {en: "to find her family.", sl: "da najdejo njeno družino."}\n'
)


def test_a_victims_account_may_go_again_to_someone_who_already_has_it(tmp_path: Path) -> None:
    engine = guarded(tmp_path, CONSENT)
    state, _ = play(engine, "police_a", TrainerReveal("ngo", "secret"))
    assert state.knows("ngo", "secret")
    state, events = engine.step(state, Share("ngo", ("secret",)))
    assert E.ACTION_REFUSED not in kinds(events)
    _, events = engine.step(state, Send(to=("eurojust",), facts=("secret",)))
    refused = refusal(events)
    assert refused.data["reason"]["key"] == "consent_scope"
    assert refused.data["source"] == {"key": "source.consent.law_enforcement"}


def test_consent_not_yet_asked_is_worded_by_the_game_when_the_content_does_not(
    tmp_path: Path,
) -> None:
    engine = guarded(tmp_path, CONSENT + "      asked: {var: count, eq: 1}\n")
    state, events = play(engine, "police_a", Send(to=("europol",), facts=("secret",)))
    from trafficking_sim.play import narrate

    refused = refusal(events)
    assert narrate.reason_text(engine.content, refused.data["reason"], "en") == (
        "nobody has yet asked Ana whether “Secret” may be passed on. Ask first; consent must"
        " be freely given, specific, informed and unambiguous."
    )
    assert refused.data["source"] == {"key": "source.consent.law_enforcement"}
    [change] = [c for c in state.score_log if c.delta < 0]
    assert change.origin == "refusal:consent_not_asked"
    state, _ = engine.step(state, Do("count_one"))
    state, events = engine.step(state, Send(to=("europol",), facts=("secret",)))
    assert E.ACTION_REFUSED not in kinds(events)


def test_a_consent_breach_costs_the_trust_of_the_partner_who_gave_the_account(
    tmp_path: Path,
) -> None:
    """Europol passed a victim's account on, with her consent to Europol only: passing it
    further is a breach, and Europol is the partner whose trust it costs."""
    from .mini import HEADER

    header = HEADER.replace("    personal_data: true\n", "    personal_data: true\n" + CONSENT)
    engine = Engine(
        load_game(write_scenario(tmp_path, EUROPOL_GIVES_SECRET.replace("HANDLING", "H0"), header))
    )
    state, _ = play(engine, "police_a", Send(to=("europol",), facts=("phone",)))
    assert state.knowledge["police_a"]["secret"].source == "europol"
    state, events = engine.step(state, Share("ngo", ("secret",)))
    assert refusal(events).data["reason"]["key"] == "consent_scope"
    assert [(b.kind, b.recipient, b.provider) for b in state.breaches] == [
        ("consent", "ngo", "europol")
    ]
    assert [e.data["actor"] for e in events if e.kind == E.TRUST_LOST] == ["europol"]


def test_replying_to_a_message_that_exists_is_accepted(engine: Engine) -> None:
    state, _ = play(engine, "border_b", *BORDER_OPENING)
    [theirs, *_] = [m for m in state.messages if m.sender != "border_b"]
    reply = Send(to=("europol",), facts=(), body="Thank you; more soon.", reply_to=theirs.id)
    state, events = engine.step(state, reply)
    assert E.ACTION_REFUSED not in kinds(events)
    sent = state.messages[-1]
    assert (sent.in_reply_to, sent.thread) == (theirs.id, theirs.thread)
    assert sent.body == "Thank you; more soon."
    state, _ = engine.step(state, Send(to=("europol",), facts=()))
    assert state.messages[-1].thread == state.messages[-1].id  # a new message starts a thread


def test_a_request_by_the_wrong_channel_cites_the_rule_and_costs_standards(
    engine: Engine,
) -> None:
    _, events = play(engine, "ngo", Request("europol", "analysis"))
    refused = refusal(events)
    assert refused.data["source"] == {"key": "source.channel"}
    assert ("standards", -3) in score_changes(events)


def test_an_urgent_request_costs_one_point_more(engine: Engine) -> None:
    state, _ = engine.new_game("border_b", 1)
    before = state.ap
    normal, _ = engine.step(state, Request("europol", "analysis"))
    urgent, _ = engine.step(state, Request("europol", "analysis", priority="urgent"))
    assert (before - normal.ap, before - urgent.ap) == (1, 2)


def test_a_service_that_needs_something_first_says_so_in_the_contents_words(
    tutorial: GameContent,
) -> None:
    from trafficking_sim.content.models import FactGuard

    europol = tutorial.actors["europol"]
    needs = FactGuard.model_validate(
        {
            "if": {"var": "mira_consent", "eq": True},
            "reason": tutorial.actors["frontex"].services["investigate"].refuse.reason,
            "penalty": {"pillar": "coordination", "delta": -1},
        }
    )
    analysis = europol.services["analysis"].model_copy(update={"requires": needs})
    actors = dict(tutorial.actors)
    actors["europol"] = replace(europol, services={**europol.services, "analysis": analysis})
    engine = Engine(replace(tutorial, actors=actors))
    state, events = play(engine, "border_b", Request("europol", "analysis"))
    assert refusal(events).data["reason"] == {
        "text": "agency:frontex/services.investigate.refuse.reason"
    }
    assert [c.origin for c in state.score_log if c.delta < 0] == ["refusal:service_requires"]
    state, _ = play(engine, "border_b", Do("interview_passengers"), Do("ask_mira"))
    state, events = engine.step(state, Request("europol", "analysis"))
    assert E.ACTION_REFUSED not in kinds(events)


def test_no_permission_is_asked_for_what_a_partner_gave_without_restriction(
    tmp_path: Path,
) -> None:
    engine, state = holding_secret(tmp_path, "H0")
    assert state.knowledge["police_a"]["secret"].source == "europol"  # type: ignore[attr-defined]
    _, events = engine.step(state, AskPermission("secret"))  # type: ignore[arg-type]
    assert refusal(events).data["reason"] == {
        "key": "no_restriction",
        "params": {"fact": "secret"},
    }


def test_a_pending_permission_for_one_fact_does_not_hold_up_another(tmp_path: Path) -> None:
    two = EUROPOL_GIVES_SECRET.replace("facts: [secret]", "facts: [secret, phone2]")
    from .mini import HEADER

    header = HEADER.replace(
        "variables:",
        "  - id: phone2\n    kind: communication\n    label: {en: Phone 2, sl: Telefon 2}\n"
        "    text: {en: Another number., sl: Druga številka.}\nvariables:",
    )
    engine = Engine(load_game(write_scenario(tmp_path, two.replace("HANDLING", "H2"), header)))
    state, _ = play(engine, "police_a", Send(to=("europol",), facts=("phone",)))
    state, events = engine.step(state, AskPermission("secret"))
    assert E.ACTION_REFUSED not in kinds(events)
    state, events = engine.step(state, AskPermission("phone2"))
    assert E.ACTION_REFUSED not in kinds(events)


def test_a_trainers_action_costs_the_group_no_action_points(engine: Engine) -> None:
    state, _ = engine.new_game("border_b", 1)
    full = state.ap
    for action in (TrainerNote("Remember the victims' safety."), TrainerInject("hotline_call")):
        state, events = engine.step(state, action)  # type: ignore[arg-type]
        assert E.ACTION_REFUSED not in kinds(events)
        assert state.ap == full


def test_a_groups_decision_on_a_request_is_checked_by_the_engine() -> None:
    """In a class game a request to a role a group plays waits for that group's decision;
    a refusal without a reason is refused, since the asking group reads the reason."""
    from trafficking_sim.content import find_scenario
    from trafficking_sim.engine.actions import Decide
    from trafficking_sim.play import narrate

    engine = Engine(load_game(find_scenario("exercise")))
    state, _ = engine.new_game("ngo", 1, ("ngo", "authorities_c"))
    for action in (
        TrainerReveal("ngo", "site_address"),
        Request("authorities_c", "immediate_action", "site_address"),
        EndTurn(),
    ):
        state, _ = engine.step(state, action)  # type: ignore[arg-type]
    assert state.role == "authorities_c" and state.open_requests == (1,)
    _, events = engine.step(state, Decide(1, "refuse"))
    said = narrate.reason_text(engine.content, refusal(events).data["reason"], "en")
    assert said == "say why you refuse, or what more you need: the asking group reads it."
    more, events = engine.step(state, Decide(1, "more", note="Which floor is it on?"))
    assert more.open_requests == (1,)  # asking for more keeps the request open
    [decided] = [e for e in events if e.kind == E.REQUEST_DECIDED]
    assert decided.data == {
        "request": 1,
        "verdict": "more",
        "agency": "authorities_c",
        "asker": "ngo",
        "trainer": False,
    }
    words = more.messages[-1]  # the group's own words reach the asker on the same thread
    assert (words.kind, words.sender, words.recipients, words.body) == (
        "reply",
        "authorities_c",
        ("ngo",),
        "Which floor is it on?",
    )
    asked = state.messages[0]
    assert (words.channel, words.in_reply_to, words.thread) == (
        asked.channel,
        asked.id,
        asked.thread,
    )
    state, events = engine.step(state, Decide(1, "grant"))
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.open_requests == ()
    # the role's scripted answer goes to the group that asked, its points to the deciders
    answers = [m for m in state.messages if m.sender == "authorities_c"]
    assert answers and all(m.recipients == ("ngo",) for m in answers)
    assert any(c.by == "authorities_c" for c in state.score_log)


# --- engine/core.py: what a message carries, what the explorer tries ----------------------------


def test_a_message_and_its_reply_keep_their_channel_code_and_subject(engine: Engine) -> None:
    send = Send(to=("europol",), facts=("minibus_plate",), handling="H3")
    state, _ = play(engine, "border_b", *BORDER_OPENING, send)
    mine, reply, again = state.messages
    assert (reply.kind, reply.channel, reply.handling) == ("reply", "siena", "H2")
    assert reply.subject_id == "rules.europol_links_phone.then.0.reply.subject"
    assert reply.in_reply_to == mine.id
    assert (again.channel, again.handling) == ("siena", "H3")
    learned = state.knowledge["border_b"]["recruiter_alias"]
    assert (learned.handling, learned.turn, learned.message) == ("H2", 2, reply.id)
    assert (learned.source, learned.via) == ("europol", "siena")


def test_a_request_is_titled_by_its_service(engine: Engine) -> None:
    state, events = play(engine, "border_b", Request("europol", "analysis"))
    [request] = [m for m in state.messages if m.kind == "request"]
    assert request.subject_id == "agency:europol/services.analysis.label"
    assert (request.recipients, request.channel, request.service) == (
        ("europol",),
        "siena",
        "analysis",
    )
    assert E.MESSAGE_SENT in kinds(events)


def test_a_partner_knows_who_sent_a_fact_when_and_how(engine: Engine) -> None:
    send = Send(to=("europol",), facts=("minibus_plate",))
    state, _ = play(engine, "border_b", Do("check_vehicle", "minibus_plate"), send)
    got = state.knowledge["europol"]["minibus_plate"]
    assert (got.turn, got.source, got.via, got.handling) == (1, "border_b", "siena", "H0")


def test_a_breach_of_what_the_player_found_alone_costs_no_partners_trust(
    engine: Engine,
) -> None:
    state, events = play(engine, "ngo", EndTurn(), Share("authorities_c", ("hotline_call",)))
    [breach] = state.breaches
    assert (breach.kind, breach.provider, breach.turn) == ("consent", None, 2)
    [change] = [c for c in state.score_log if c.delta < 0]
    assert change.turn == 2
    assert E.TRUST_LOST not in kinds(events)


def test_a_permission_is_asked_by_siena_and_the_grant_answers_that_request(
    engine: Engine,
) -> None:
    state, _ = play(engine, "border_b", *BORDER_OPENING, AskPermission("recruiter_alias"))
    [asking] = [m for m in state.messages if m.kind == "permission"]
    assert (asking.channel, asking.recipients) == ("siena", ("europol",))
    while ("recruiter_alias", "europol") not in state.permissions and not state.over:
        state, _ = engine.step(state, EndTurn())
    [grant] = [m for m in state.messages if m.in_reply_to == asking.id]
    assert grant.sender == "europol" and grant.channel == "siena"


def test_the_explorer_tries_what_a_player_could_do_and_skips_sure_refusals(
    engine: Engine,
) -> None:
    """The search's candidates include a call that only asks, each service at each useful
    speed and permission for restricted facts; none is refused by a cheap check (points,
    channel, a step done once, no restriction), which would only waste the search's time."""
    cheap = {
        "no_ap",
        "unknown_action",
        "action_done_once",
        "wrong_channel",
        "service_refused",
        "no_restriction",
    }
    state, _ = play(engine, "border_b", *BORDER_OPENING, Do("interview_passengers"))
    for ap in (state.ap, 1, 0):
        state.ap = ap
        for action in engine.candidate_actions(state):
            _, events = engine.step(state, action)
            refused = [e for e in events if e.kind == E.ACTION_REFUSED]
            reason = refused[0].data["reason"] if refused else {}
            assert reason.get("key") not in cheap, action
            # an agency's refusal of a service is known before trying it
            assert not str(reason.get("text", "")).endswith(".refuse.reason"), action
        if ap == 1:  # the last point still sends a message
            assert any(isinstance(a, Send) for a in engine.candidate_actions(state))
    state, _ = play(engine, "border_b", *BORDER_OPENING)
    legal = engine.legal_actions(state)
    assert Share(to="ngo") in legal
    assert Request("europol", "analysis", None, "normal") in legal
    assert Request("europol", "cross_check", "minibus_plate", "normal") in legal
    assert AskPermission("recruiter_alias") in legal
    assert AskPermission("minibus_plate") not in engine.candidate_actions(state)


# --- play/saves.py: what a player reads about a save ---------------------------------------------


def _damaged(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "game.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "huge":
        from trafficking_sim.play.saves import MAX_SAVE_BYTES

        with path.open("wb") as f:
            f.truncate(MAX_SAVE_BYTES + 1)  # sparse: no disk space is used
    elif kind == "binary":
        path.write_bytes(b"\xff\xfe\x00\x81 not text")
    else:
        path.write_text('{"app": "some-other-program"}', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        (
            "folder",
            "{path} is not an ordinary file (a folder, a pipe or a device), so it cannot be a"
            " save. The file has not been changed.",
        ),
        (
            "huge",
            "The save {path} is damaged and cannot be used (it is far too large to be a save)."
            " The file has not been changed.",
        ),
        (
            "binary",
            "The save {path} is damaged and cannot be used (it is not text). The file has not"
            " been changed.",
        ),
        ("foreign", "{path} is not a trafficking-sim save."),
    ],
)
def test_a_save_that_cannot_be_used_is_named_and_the_reason_given(
    tmp_path: Path, kind: str, said: str
) -> None:
    path = _damaged(tmp_path, kind)
    with pytest.raises(SaveError) as raised:
        read_save(path)
    assert str(raised.value) == said.format(path=path)


def test_a_saves_summary_names_its_role_and_language(tutorial: GameContent, tmp_path: Path) -> None:
    import json

    from trafficking_sim.play.saves import peek

    path, session = _saved(tutorial, tmp_path)
    summary = peek(path)
    assert summary is not None
    assert (summary["scenario"], summary["role"], summary["lang"], summary["actions"]) == (
        "tutorial",
        "border_b",
        "en",
        1,
    )
    game = read_save(path)
    assert game.saved_at == summary["saved_at"] != ""
    assert game.app_version == session.savegame().app_version
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["lang"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert peek(path)["lang"] == "en"  # type: ignore[index]


def test_the_explorers_lean_engine_records_the_same_need_to_know_breach(tmp_path: Path) -> None:
    """Personal data sent to a partner who does not need it is a breach; the lean engine of
    the explorer records it as the full engine does (it changes what partners do)."""
    content = load_game(write_scenario(tmp_path, EUROPOL_GIVES_SECRET.replace("HANDLING", "H0")))
    assert content.facts["secret"].personal_data and "secret" not in content.actors["ngo"].needs
    found = []
    for engine in (Engine(content), Engine(content, lean=True)):
        state, _ = play(engine, "police_a", Send(to=("europol",), facts=("phone",)))
        state, _ = engine.step(state, Share("ngo", ("secret",)))
        found.append([(b.kind, b.fact, b.recipient, b.provider) for b in state.breaches])
    assert found[0] == found[1] == [("need_to_know", "secret", "ngo", None)]


# --- engine/rng.py: a saved game replays the same ------------------------------------------------


def test_the_seeded_draws_never_change_so_old_saves_replay_the_same() -> None:
    """A save keeps the seed and the actions, not the draws: if the generator changed, a
    resumed game would take other chances than the one saved. splitmix64 of seed 0 is the
    published 0xE220A8397B1DCDAF; the draws after it are pinned here."""
    from trafficking_sim.engine.rng import next_percent, seed_state

    pinned = {
        0: (0xE220A8397B1DCDAF, [14, 5, 90, 8, 59, 74, 3, 4], 0x83971069C1A69737),
        1: (0x910A2DEC89025CC1, [26, 0, 79, 37, 63, 45, 6, 28], 0xE216D18A4EAA5A6E),
        42: (0xBDD732262FEB6E95, [83, 48, 81, 58, 35, 81, 5, 2], 0xE20B2A2C67C87693),
    }
    for seed, (first, draws, last) in pinned.items():
        state = seed_state(seed)
        assert state == first
        got = []
        for _ in draws:
            state, value = next_percent(state)
            got.append(value)
        assert (got, state) == (draws, last)


# --- engine/steps.py: why a step is not possible yet ----------------------------------------------


@pytest.mark.parametrize(
    ("condition", "why"),
    [
        ("{done: other}", "first do “The other step”"),
        ("{knows: {actor: police_a, fact: secret}}", "you first need “Secret” on your case board"),
        ("{knows: {actor: ngo, fact: phone}}", "NGO first needs “Phone”"),
        ("{turn: {min: 2}}", "it becomes possible at turn 2"),
        ("{role: ngo}", "it is not a step for your role in this case"),
    ],
)
def test_a_step_not_yet_possible_says_what_it_waits_for(
    tmp_path: Path, condition: str, why: str
) -> None:
    extra = f"""actions:
  - id: other
    by: [police_a]
    label: {{en: The other step, sl: Drugo}}
    text: {T}
  - id: knock
    by: [police_a]
    label: {{en: Knock on the door, sl: Potrkaj}}
    text: {T}
    if: {condition}
"""
    said = refused_words(mini(tmp_path, extra), "police_a", Do("knock"))
    assert said == f"“Knock on the door” is not possible yet: {why}."


# --- engine/state.py: the debrief's copy of a game and the explorer's merging of states ----------


def test_the_debriefs_copy_of_a_game_is_the_game_as_played(engine: Engine) -> None:
    """The debrief and the explorer work on ``GameState.copy()``: it must hold every part
    of the game (messages, replies on their way, breaches, the score's story), and a change
    to the copy must not reach the game the player is still playing."""
    state, _ = play(
        engine,
        "border_b",
        *BORDER_OPENING,
        Send(to=("europol",), facts=("minibus_plate",), priority="urgent"),
        Share("ngo", ("recruiter_alias",)),
    )
    assert state.messages and state.pending and state.breaches and state.score_log
    copied = state.copy()
    assert copied.to_dict() == state.to_dict()
    before = state.to_dict()
    copied.knowledge["ngo"] = {}
    copied.variables["changed"] = True
    copied.done["check_vehicle"] = 9
    copied.exchanges["border_b"] = 9
    copied.causes["rule"] = "ngo"
    assert state.to_dict() == before


def test_the_explorer_never_merges_games_whose_coming_replies_differ(engine: Engine) -> None:
    """Two games the explorer counts as one must have the same futures: a reply on its way
    that carries facts, a permission on its way, or an inject due tells them apart; a reply
    that only acknowledges does not."""
    state, _ = play(engine, "border_b", Do("check_vehicle", "minibus_plate"))

    def due(*items: Pending) -> tuple[object, ...]:
        return state_key(replace(state, pending=items))

    def reply(facts: tuple[str, ...], handling: str = "H0") -> Pending:
        data = {"sender": "europol", "facts": facts, "handling": handling}
        return Pending(3, 1, "reply", data)

    def grant(fact: str) -> Pending:
        return Pending(3, 1, "grant", {"fact": fact, "provider": "europol"})

    nothing = due()
    assert due(reply(())) == nothing
    assert due(reply(("recruiter_alias",))) != nothing
    assert due(reply(("recruiter_alias",))) != due(reply(("driver_phone",)))
    assert due(reply(("recruiter_alias",))) != due(reply(("recruiter_alias",), "H2"))
    assert due(grant("recruiter_alias")) != nothing
    assert due(grant("recruiter_alias")) != due(grant("driver_phone"))
    assert due(Pending(3, 1, "inject", {"id": "a"})) != due(Pending(3, 1, "inject", {"id": "b"}))


def test_the_explorer_merges_games_that_differ_only_in_who_told_an_open_fact(
    engine: Engine,
) -> None:
    """Who told the player an unrestricted fact changes nothing that can happen, so the
    explorer counts such games once; for an H2 fact the provider matters (permission)."""
    state, _ = play(engine, "border_b", Do("check_vehicle", "minibus_plate"))

    def told(source: str, handling: str) -> tuple[object, ...]:
        mine = dict(state.knowledge["border_b"])
        mine["recruiter_alias"] = Known(2, source, "siena", handling)
        return state_key(replace(state, knowledge={**state.knowledge, "border_b": mine}))

    assert told("europol", "H0") == told("ngo", "H0")
    assert told("europol", "H2") != told("ngo", "H2")


STEPS_WITH_CONDITIONS = f"""actions:
  - id: other
    by: [police_a]
    label: {{en: The other step, sl: Drugo}}
    text: {T}
  - id: both
    by: [police_a]
    label: {{en: Both, sl: Oboje}}
    text: {T}
    if: {{all: [{{turn: {{min: 1}}}}, {{done: other}}]}}
  - id: either
    by: [police_a]
    label: {{en: Either, sl: Eno}}
    text: {T}
    if: {{any: [{{done: other}}, {{turn: {{min: 3}}}}]}}
  - id: early
    by: [police_a]
    label: {{en: Early, sl: Zgodaj}}
    text: {T}
    if: {{turn: {{max: 1}}}}
  - id: instead
    by: [police_a]
    label: {{en: Instead, sl: Namesto}}
    text: {T}
    if: {{not: {{done: other}}}}
  - id: before_raid
    by: [police_a]
    label: {{en: Before the raid, sl: Pred racijo}}
    text: {T}
    if: {{not: {{injected: raid}}}}
  - id: after_raid
    by: [police_a]
    label: {{en: After the raid, sl: Po raciji}}
    text: {T}
    visible: {{turn: {{min: 1}}}}
    if: {{injected: raid}}
  - id: hidden_till_raid
    by: [police_a]
    label: {{en: Hidden, sl: Skrito}}
    text: {T}
    if: {{all: [{{done: other}}, {{injected: raid}}]}}
  - id: after_goal
    by: [police_a]
    label: {{en: After the goal, sl: Po cilju}}
    text: {T}
    if: {{objective: goal}}
objectives:
  - id: goal
    owner: shared
    text: {{en: The van is found, sl: Kombi je najden}}
    when: {{var: flag, eq: true}}
injects:
  - id: raid
    at_turn: 2
    title: {{en: The raid, sl: Racija}}
    text: {T}
"""


def test_a_greyed_step_says_why_for_each_form_of_condition(tmp_path: Path) -> None:
    """The list of steps greys out what is not possible yet and says why, from the first
    part of the step's condition that does not hold; a step that waits for an event is not
    listed before it happens."""
    from trafficking_sim.engine.steps import step_options
    from trafficking_sim.play import narrate

    engine = mini(tmp_path, STEPS_WITH_CONDITIONS)

    def why(state: object) -> dict[str, str | None]:
        return {
            o.action: narrate.reason_text(engine.content, o.reason, "en") if o.reason else None
            for o in step_options(engine, state)  # type: ignore[arg-type]
        }

    state, _ = engine.new_game("police_a", 1)
    first = why(state)
    assert first["both"] == "first do “The other step”"
    assert first["either"] == "first do “The other step”"
    assert first["early"] is None and first["instead"] is None
    assert first["before_raid"] is None
    assert first["after_raid"] == "it becomes possible after this event: The raid"
    assert "hidden_till_raid" not in first
    assert first["after_goal"] == "first this must be reached: The van is found"
    state, _ = play(engine, "police_a", Do("other"), EndTurn())
    later = why(state)
    assert later["other"] == "“The other step” has already been done."
    assert later["early"] == "it was possible only until turn 1"
    assert later["instead"] == "it is no longer possible once “The other step” is done"
    assert later["before_raid"] == "it was possible only before this event: The raid"
    assert later["after_raid"] is None and later["hidden_till_raid"] is None


def test_a_greyed_step_gives_the_contents_own_reason_where_it_has_one(tmp_path: Path) -> None:
    """A step whose condition carries its reason in the content is greyed out with those
    words, not with the engine's own explanation."""
    from trafficking_sim.engine.steps import step_options
    from trafficking_sim.play import narrate

    worded = STEPS_WITH_CONDITIONS.replace(
        "actions:\n",
        "actions:\n  - id: worded\n    by: [police_a]\n"
        "    label: {en: Worded, sl: Z besedami}\n    text: {en: x, sl: y}\n"
        "    if: {done: other}\n"
        "    reason: {en: Only after the other step., sl: Šele po drugem koraku.}\n",
        1,
    )
    engine = mini(tmp_path, worded)
    state, _ = engine.new_game("police_a", 1)
    [option] = [o for o in step_options(engine, state) if o.action == "worded"]
    assert not option.available and option.reason is not None
    assert narrate.reason_text(engine.content, option.reason, "en") == "Only after the other step."


def test_a_step_the_points_left_do_not_cover_is_greyed_with_the_count(engine: Engine) -> None:
    """The list of steps greys out a step that costs more than the points left this turn,
    saying what it needs and what is left; a step that costs exactly what is left is open."""
    from trafficking_sim.engine.steps import step_options
    from trafficking_sim.play import narrate

    state, _ = engine.new_game("border_b", 1)
    assert engine.content.actions["check_vehicle"].cost == 1

    def check_vehicle() -> tuple[bool, str | None]:
        [option] = [o for o in step_options(engine, state) if o.action == "check_vehicle"]
        why = narrate.reason_text(engine.content, option.reason, "en") if option.reason else None
        return option.available, why

    state.ap = 1
    assert check_vehicle() == (True, None)
    state.ap = 0
    assert check_vehicle() == (
        False,
        "it needs 1 action point and you have 0 action points left this turn. End the turn"
        " to get new ones.",
    )


@pytest.mark.parametrize(
    ("lang", "cost", "ap", "words"),
    [
        ("en", 1, 0, "it needs 1 action point and you have 0 action points left"),
        ("en", 2, 1, "it needs 2 action points and you have 1 action point left"),
        ("sl", 1, 0, "potrebujete 1 akcijsko točko, v tej potezi pa imate še 0 akcijskih točk"),
        ("sl", 2, 1, "potrebujete 2 akcijski točki, v tej potezi pa imate še 1 akcijsko točko"),
        ("sl", 3, 2, "potrebujete 3 akcijske točke, v tej potezi pa imate še 2 akcijski točki"),
    ],
)
def test_too_few_points_are_counted_in_words(
    engine: Engine, lang: str, cost: int, ap: int, words: str
) -> None:
    """The refusal for too few action points says each count with its noun in the right
    form: one point, two points; in Slovene, the dual and the plural."""
    from trafficking_sim.play import narrate

    reason = {"key": "no_ap", "params": {"cost": cost, "ap": ap}}
    assert narrate.reason_text(engine.content, reason, lang).startswith(words)


# --- engine/decisions.py: a group's decision on a request made to the role it plays ----------


def _asked_border_b(
    tmp_path: Path, more_rules: str = "", first: tuple[object, ...] = ()
) -> tuple[Engine, object]:
    """A class game of police_a and border_b; police_a has asked border_b for an alert on a
    van, a service no rule of the scenario answers (unless ``more_rules`` do), after the
    actions ``first``, and the turn has not yet passed to border_b."""
    header = HEADER.replace(
        "  - card: ngo\n    state: C",
        "  - card: ngo\n    state: C\n  - card: border_b\n    state: C",
    ).replace(
        "facts:\n",
        "facts:\n  - id: van\n    kind: vehicle\n    label: {en: Van, sl: Kombi}\n"
        "    text: {en: A white van., sl: Bel kombi.}\n",
    )
    extra = """rules:
  - id: police_sees_van
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [van], to: police_a}
"""
    engine = Engine(load_game(write_scenario(tmp_path, extra + more_rules, header)))
    state, _ = engine.new_game("police_a", 1, ("police_a", "border_b"))
    for action in first:
        state, _ = engine.step(state, action)  # type: ignore[arg-type]
    state, _ = engine.step(state, Request("border_b", "border_alert", "van"))
    assert state.open_requests == (len(state.messages),)
    return engine, state


def test_a_request_waits_in_the_inbox_of_the_group_it_was_made_to(tmp_path: Path) -> None:
    from trafficking_sim.engine.actions import Decide
    from trafficking_sim.engine.decisions import waiting_for
    from trafficking_sim.play import narrate

    engine, state = _asked_border_b(tmp_path)
    assert [m.id for m in waiting_for(state, "border_b")] == [1]  # type: ignore[arg-type]
    assert waiting_for(state, "police_a") == []  # type: ignore[arg-type]
    # the asking group cannot decide its own request, and is told why in words
    _, events = engine.step(state, Decide(1, "grant"))  # type: ignore[arg-type]
    said = narrate.reason_text(engine.content, refusal(events).data["reason"], "en")
    assert said == "request number 1 was made to another role: its group decides."
    state, _ = engine.step(state, EndTurn())  # type: ignore[arg-type]
    assert state.role == "border_b"
    for verdict in ("maybe", "script"):  # letting the script answer is the trainer's only
        _, events = engine.step(state, Decide(1, verdict))
        said = narrate.reason_text(engine.content, refusal(events).data["reason"], "en")
        assert said == f"“{verdict}” is not a valid decision code."


@pytest.mark.parametrize("trainer", [False, True])
def test_a_granted_request_no_rule_answers_gets_the_services_own_reply(
    tmp_path: Path, trainer: bool
) -> None:
    """When the group grants (or the trainer lets the script answer) and no rule of the
    scenario answers the request, the service's own reply reaches the asker, on the
    request's channel and thread."""
    from trafficking_sim.engine.actions import Decide

    engine, state = _asked_border_b(tmp_path)
    state, _ = engine.step(state, EndTurn())  # type: ignore[arg-type]
    decision = Decide(1, "script", trainer=True) if trainer else Decide(1, "grant")
    state, events = engine.step(state, decision)
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.open_requests == ()
    state, _ = engine.step(state, EndTurn())
    [reply] = [m for m in state.messages if m.kind == "reply"]
    assert (reply.sender, reply.recipients, reply.in_reply_to) == ("border_b", ("police_a",), 1)
    assert reply.body_id == "role:border_b/services.border_alert.reply"
    assert (reply.channel, reply.thread) == ("siena", 1)


def test_a_decision_on_no_open_request_or_asking_for_more_without_words_is_refused(
    tmp_path: Path,
) -> None:
    """A group is told in words when the request it decides is not waiting for a decision,
    and that asking for more needs its words, as a refusal does; with them the request
    stays open."""
    from trafficking_sim.engine.actions import Decide
    from trafficking_sim.play import narrate

    engine, state = _asked_border_b(tmp_path)
    state, _ = engine.step(state, EndTurn())  # type: ignore[arg-type]

    def refused(decision: Decide) -> str:
        _, events = engine.step(state, decision)  # type: ignore[arg-type]
        return narrate.reason_text(engine.content, refusal(events).data["reason"], "en")

    assert refused(Decide(2, "grant")) == "request number 2 is not waiting for a decision."
    needs_words = "say why you refuse, or what more you need: the asking group reads it."
    assert refused(Decide(1, "more")) == needs_words
    assert refused(Decide(1, "refuse", note="  ")) == needs_words
    state, events = engine.step(state, Decide(1, "more", note="Which crossing?"))  # type: ignore[arg-type]
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.open_requests == (1,)  # type: ignore[attr-defined]


def test_a_group_decides_the_request_it_names_not_the_message_before_it(tmp_path: Path) -> None:
    """A request that is not the game's first message: the group it was made to decides it
    (the message before it went to Europol)."""
    from trafficking_sim.engine.actions import Decide

    engine, state = _asked_border_b(tmp_path, first=(Send(to=("europol",)),))
    [request] = state.open_requests  # type: ignore[attr-defined]
    assert request > 1 and state.messages[request - 2].recipients != ("border_b",)  # type: ignore[attr-defined]
    state, _ = engine.step(state, EndTurn())  # type: ignore[arg-type]
    state, events = engine.step(state, Decide(request, "grant"))  # type: ignore[arg-type]
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.open_requests == ()


ANSWERS_BY_FACT = """\
  - id: alert_on_phone
    when: {request: {agency: border_b, service: border_alert, fact: phone}}
    plays: border_b
    then:
      - set: {var: count, value: 2}
      - reply: {text: {en: x, sl: y}, after: 0}
  - id: alert_on_van
    when: {request: {agency: border_b, service: border_alert, fact: van}}
    plays: border_b
    then:
      - set: {var: count, value: 1}
      - reply: {text: {en: x, sl: y}, after: 0}
"""
"""The role's answers to a request, by the fact it is about (the first that answers wins)."""


def test_a_granted_request_sets_off_the_rules_for_its_own_fact_only(tmp_path: Path) -> None:
    """When the group grants a request about the van, the scenario's answer for a request
    about the van applies, and not its answer for one about the phone."""
    from trafficking_sim.engine.actions import Decide

    engine, state = _asked_border_b(tmp_path, ANSWERS_BY_FACT)
    state, _ = engine.step(state, EndTurn())  # type: ignore[arg-type]
    assert state.variables["count"] == 0
    state, events = engine.step(state, Decide(1, "grant"))  # type: ignore[arg-type]
    assert E.ACTION_REFUSED not in kinds(events)
    assert state.variables["count"] == 1
    assert state.fired >= {"alert_on_van"} and "alert_on_phone" not in state.fired


def test_a_grant_in_the_groups_own_words_is_the_only_answer_the_asker_gets(tmp_path: Path) -> None:
    """A group that grants in its own words answers the asker with them: the service's
    standard reply does not follow as a second answer."""
    from trafficking_sim.engine.actions import Decide
    from trafficking_sim.play import narrate

    engine, state = _asked_border_b(tmp_path)
    state, _ = engine.step(state, EndTurn())  # type: ignore[arg-type]
    words = "Alert issued at the crossing"
    state, events = engine.step(state, Decide(1, "grant", note=words))  # type: ignore[arg-type]
    # (the asker's log shows the words as the message they are)
    [sent] = [e for e in events if e.kind == E.MESSAGE_SENT]
    assert narrate.seen_by(sent, state, "police_a")
    assert state.messages[sent.data["message"] - 1].body == words
    for _ in range(2):
        state, _ = engine.step(state, EndTurn())
    replies = [m for m in state.messages if m.kind == "reply"]
    assert [(m.sender, m.recipients, m.body) for m in replies] == [
        ("border_b", ("police_a",), words)
    ]


def test_a_granted_request_gets_the_standard_reply_its_service_times_and_needs_no_fact(
    tmp_path: Path,
) -> None:
    """An author's role card may give a service its own reply delay, and a service that
    needs no fact: granted by the group that plays the role, the standard reply reaches
    the asker after that delay (not the role's usual one), and a request without a fact is
    granted like any other."""
    from trafficking_sim import paths
    from trafficking_sim.engine.actions import Decide

    card = (paths.bundled_dir("roles") / "border_b.yaml").read_text(encoding="utf-8")
    targets = "    targets: [vehicle, person, document]\n"
    assert card.count(targets) == 1 and card.rstrip().endswith("mejne prehode.")
    card = card.replace(targets, targets + "    after: 2\n") + (
        "  - id: briefing\n"
        "    label: {en: Briefing, sl: Brifing}\n"
        "    text: {en: A briefing on the route., sl: Brifing o poti.}\n"
        "    channel: siena\n"
    )
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "border_b.yaml").write_text(card, encoding="utf-8")
    engine, state = _asked_border_b(tmp_path)
    assert engine.content.actors["border_b"].reply_delay.normal == 1

    def replies(state: object) -> list[int | None]:
        return [m.in_reply_to for m in state.messages if m.kind == "reply"]  # type: ignore[attr-defined]

    state, _ = engine.step(state, Request("border_b", "briefing"))  # type: ignore[arg-type]
    state, _ = engine.step(state, EndTurn())  # type: ignore[arg-type]
    assert state.open_requests == (1, 2)
    for request in (1, 2):
        state, events = engine.step(state, Decide(request, "grant"))
        assert E.ACTION_REFUSED not in kinds(events)
    decided = state.turn
    while state.turn < decided + 2 and not state.over:
        assert 1 not in replies(state), state.turn
        state, _ = engine.step(state, EndTurn())
    assert state.turn == decided + 2
    assert 1 in replies(state) and 2 in replies(state)


# --- play/saves.py: finished games kept for review, a save that cannot be read -------------------


def test_a_finished_game_is_kept_once_for_review_and_listed(tutorial: GameContent) -> None:
    """A finished game is kept in its own folder under a name that says what and when; the
    same game kept twice (an autosave and its end) is one file; the list of saves shows it."""
    import re

    from trafficking_sim.play.saves import archive_finished, finished_dir, known_saves

    session = Session.new(tutorial, "border_b", 1, "en")
    session.act(Do("check_vehicle", "minibus_plate"))
    kept = archive_finished(session.savegame())
    assert kept.parent == finished_dir()
    assert re.fullmatch(r"tutorial-border_b-\d{8}-\d{6}\.json", kept.name), kept.name
    assert archive_finished(session.savegame()) == kept
    session.act(EndTurn())
    later = archive_finished(session.savegame())
    assert later != kept and later.parent == finished_dir()
    assert sorted(path for path, _ in known_saves()) == sorted([kept, later])


def test_a_save_that_cannot_be_opened_is_named_with_the_systems_reason(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 300 + ".json")  # longer than any file name may be
    with pytest.raises(SaveError) as raised:
        read_save(path)
    said = str(raised.value)  # the system's own words for why (they differ by system)
    assert said.startswith(f"The save {path} cannot be read: ") and said.endswith(".")
    assert len(said) > len(f"The save {path} cannot be read: .")


# --- engine/compiled.py: conditions the engine compiles, checked when what they read changes ----

COMPILED_OUTCOMES = f"""rules:
  - id: count_up
    when: turn_end
    once: false
    then:
      - add: {{var: count, value: 1}}
  - id: police_knows
    when: turn_start
    if: {{all: [{{role: police_a}}, {{turn: {{min: 2}}}}]}}
    then:
      - reveal: {{facts: [phone], to: police_a}}
objectives:
  - id: second_turn
    owner: shared
    text: {T}
    when: {{turn: {{min: 2}}}}
  - id: counted
    owner: shared
    text: {T}
    when: {{var: count, ne: 0}}
  - id: third_way
    owner: shared
    text: {T}
    when: {{any: [{{turn: {{min: 9}}}}, {{var: flag, eq: true}}, {{var: count, ge: 2}}]}}
  - id: player_knows
    owner: shared
    text: {T}
    when: {{knows: {{actor: player, fact: phone}}}}
injects:
  - id: later
    if: {{turn: {{min: 2}}}}
    title: {T}
    text: {T}
"""


@pytest.mark.parametrize("seats", [(), ("police_a", "ngo")])
def test_objectives_and_injects_are_met_when_what_they_wait_for_happens(
    tmp_path: Path, seats: tuple[str, ...]
) -> None:
    """An objective is met at the turn its condition first holds, whatever it reads (the
    turn, a variable compared with ne, one of three parts, what the player knows, also in
    a class game where the player changes); an inject waiting for a turn comes then."""
    engine = mini(tmp_path, COMPILED_OUTCOMES)
    state, _ = engine.new_game("police_a", 1, seats) if seats else engine.new_game("police_a", 1)
    assert state.objectives == {} and "later" not in state.injected
    while state.turn < 2 or state.role != "police_a":
        state, _ = engine.step(state, EndTurn())
    assert state.objectives == {"second_turn": 2, "counted": 2, "player_knows": 2}
    assert "later" in state.injected
    while state.turn < 3 or state.role != "police_a":
        state, _ = engine.step(state, EndTurn())
    assert state.objectives["third_way"] == 3


# --- engine/actions.py: a damaged action in a save is named, never a crash ------------------------


@pytest.mark.parametrize(
    ("action", "why"),
    [
        ("x", "an action must be a mapping, not str"),
        ({"type": ["send"]}, "unknown action type ['send']"),
        ({"type": "send", "bogus": 1}, "unknown field 'bogus' in a send action"),
        ({"type": "send", "to": 5}, "field 'to' of a send action has the wrong type"),
        ({"type": "send"}, "a send action needs to"),
        ({"type": "request", "agency": "europol"}, "a request action needs service"),
        ({"type": "request"}, "a request action needs agency, service"),
    ],
)
def test_a_damaged_action_in_a_save_is_named_with_what_is_wrong(
    tutorial: GameContent, tmp_path: Path, action: object, why: str
) -> None:
    import json

    path, _ = _saved(tutorial, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["actions"].append(action)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        read_save(path)
    assert str(raised.value) == (
        f"The save {path} is damaged and cannot be used ({why}). The file has not been changed."
    )


# --- engine/conditions.py: which message sets off a scenario's rule ---------------------------

MESSAGE_FILTERS = {
    "by_siena": "{to: europol, channel: siena}",
    "by_direct": "{to: europol, channel: direct}",
    "urgent": "{to: europol, priority: urgent}",
    "graded_a": "{source_code: A}",
    "graded_1": "{info_code: '1'}",
    "with_phone": "{has_fact: phone}",
    # (a fact with another field: checked by the general filter, not the fast one)
    "urgent_with_phone": "{to: europol, priority: urgent, has_fact: phone}",
    "to_eurojust": "{to: eurojust}",
    "from_player": "{from: player, to: europol}",
    "from_ngo": "{from: ngo}",
}


def _filtered(tmp_path: Path) -> Engine:
    names = "".join(f"  {name}: {{initial: false}}\n" for name in MESSAGE_FILTERS)
    header = HEADER.replace("variables:\n", f"variables:\n{names}")
    rules = "".join(
        f"""  - id: on_{name}
    when: {{message: {flt}}}
    then:
      - set: {{var: {name}, value: true}}
"""
        for name, flt in MESSAGE_FILTERS.items()
    )
    reveal = """  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone], to: police_a}
"""
    return Engine(load_game(write_scenario(tmp_path, "rules:\n" + reveal + rules, header)))


def test_a_rule_answers_only_the_messages_its_filter_describes(tmp_path: Path) -> None:
    """A scenario's rule can wait for a message by channel, priority, evaluation codes, a
    fact it carries, its recipient or its sender ('player' is whoever plays): a message
    sets off exactly the rules whose every given field matches."""
    engine = _filtered(tmp_path)

    def fired(*actions: object) -> set[str]:
        state, _ = play(engine, "police_a", *actions)
        return {name for name in MESSAGE_FILTERS if state.variables[name] is True}

    plain = Send(to=("europol",))
    assert fired(plain) == {"by_siena", "from_player"}
    graded = Send(
        to=("europol",), facts=("phone",), source_code="A", info_code="1", priority="urgent"
    )
    assert fired(graded) == {
        "by_siena",
        "urgent",
        "graded_a",
        "graded_1",
        "with_phone",
        "urgent_with_phone",
        "from_player",
    }
    other = Send(to=("europol",), source_code="B", info_code="2")
    assert fired(other) == {"by_siena", "from_player"}
    urgent = Send(to=("europol",), priority="urgent")
    assert fired(urgent) == {"by_siena", "urgent", "from_player"}


def test_the_reference_evaluator_agrees_with_the_engine_at_the_edges(engine: Engine) -> None:
    """``conditions.holds`` is the reference the compiled conditions are checked against
    (tests/test_properties.py), which leaves out chances and messages and never lands on a
    range's last turn or on a step done exactly as often as asked: here the two agree there
    too."""
    from pydantic import TypeAdapter

    from trafficking_sim.content import logic as L
    from trafficking_sim.engine.compiled import compile_condition
    from trafficking_sim.engine.conditions import holds

    state, _ = play(engine, "border_b", Send(to=("europol",), priority="urgent"), EndTurn())
    assert state.turn == 2
    parse = TypeAdapter(L.Condition).validate_python
    conditions = [
        {"turn": {"max": 2}},
        {"turn": {"max": 1}},
        {"turn": {"min": 2, "max": 2}},
        {"chance": 30},
        {"message": {"to": "europol", "priority": "urgent"}},
        {"message": {"to": "europol", "priority": "normal"}},
        {"message": {"from": "player"}},
    ]

    class Ctx:
        def __init__(self, draw: int, message: object) -> None:
            self.state, self.message, self.draw = state, message, draw

        def draw_percent(self) -> int:
            return self.draw

    for draw in (0, 29, 30, 99):
        for message in (None, *state.messages[:1]):
            ctx = Ctx(draw, message)
            for cond in map(parse, conditions):
                assert holds(cond, ctx) == compile_condition(cond)(ctx), (cond, draw, message)  # type: ignore[arg-type]
    assert holds(parse({"turn": {"max": 2}}), Ctx(0, None))  # type: ignore[arg-type]
    chance = parse({"chance": 30})  # a draw of 0 to 29 of 0 to 99: 30 in 100
    assert holds(chance, Ctx(29, None))  # type: ignore[arg-type]
    assert not holds(chance, Ctx(30, None))  # type: ignore[arg-type]
    urgent = parse({"message": {"to": "europol", "priority": "urgent"}})
    sent, answer = state.messages[0], state.messages[1]
    assert answer.recipients == ("border_b",)
    assert holds(urgent, Ctx(0, sent))  # type: ignore[arg-type]
    # (a rule's 'if' may ask about the message it answers: to whom it went)
    assert not holds(parse({"message": {"to": "eurojust"}}), Ctx(0, sent))  # type: ignore[arg-type]
    assert holds(parse({"message": {"to": "player"}}), Ctx(0, answer))  # type: ignore[arg-type]
    assert not holds(parse({"message": {"to": "player"}}), Ctx(0, sent))  # type: ignore[arg-type]
    # A step done exactly as often as a condition asks counts ("at least that often").
    state.done = {"check_vehicle": 2}
    for times in (1, 2, 3):
        done = parse({"done": {"action": "check_vehicle", "times": times}})
        expected = times <= 2
        assert holds(done, Ctx(0, None)) == expected, times  # type: ignore[arg-type]
        assert compile_condition(done)(Ctx(0, None)) == expected, times  # type: ignore[arg-type]


# --- engine/core.py: the survivors of the third mutation pass ----------------------------------


def test_the_explorers_candidates_send_each_fact_at_each_speed_that_helps(engine: Engine) -> None:
    """The search offers each fact the group holds to each SIENA partner, at normal speed,
    and marked urgent only where that partner then answers sooner (Europol, not the
    liaison officer or the authorities of C, who answer as fast either way); an urgent
    request is offered where it helps and the points allow it."""
    state, _ = play(engine, "border_b", *BORDER_OPENING)
    assert state.ap == 3
    candidates = engine.candidate_actions(state)
    sends = {(a.to, a.facts, a.priority) for a in candidates if isinstance(a, Send)}
    for priority in ("normal", "urgent"):
        assert (("europol",), (), priority) in sends
        assert (("europol",), ("minibus_plate",), priority) in sends
    for slow in ("lo_c", "authorities_c"):
        assert ((slow,), ("minibus_plate",), "normal") in sends
        assert not any(to == (slow,) and p == "urgent" for to, _, p in sends)
    assert {p for _, _, p in sends} == {"normal", "urgent"}
    assert Request("europol", "analysis", None, "urgent") in candidates
    assert Request("europol", "cross_check", "minibus_plate", "urgent") in candidates
    state.ap = 2  # enough for an urgent message, which costs one more
    assert Send(to=("europol",), facts=("minibus_plate",), priority="urgent") in (
        engine.candidate_actions(state)
    )
    state.ap = 1  # the last point: no urgency
    sends = {
        (a.to, a.facts, a.priority) for a in engine.candidate_actions(state) if isinstance(a, Send)
    }
    assert (("europol",), ("minibus_plate",), "normal") in sends
    assert {p for _, _, p in sends} == {"normal"}


REQUEST_RULES = """rules:
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone, secret], to: police_a}
  - id: europol_checks_the_phone
    when: {request: {agency: europol, service: cross_check, fact: phone}}
    then:
      - reply: {text: {en: The phone is known, sl: Telefon je znan}, after: 0}
"""


def test_a_rule_answers_a_request_only_for_its_fact_and_on_the_requests_thread(
    tmp_path: Path,
) -> None:
    """A rule that waits for a cross-check of one fact answers that request, in its
    thread; a cross-check of another fact gets the service's own reply instead."""
    engine = mini(tmp_path, REQUEST_RULES)
    state, _ = engine.new_game("police_a", 1)
    state, events = engine.step(state, Request("europol", "cross_check", "secret"))
    assert not [e for e in events if e.kind == E.RULE_FIRED]
    state, events = engine.step(state, Request("europol", "cross_check", "phone"))
    fired = [e.data["rule"] for e in events if e.kind == E.RULE_FIRED]
    assert fired == ["europol_checks_the_phone"]
    [_, asked, reply] = state.messages
    assert reply.body_id == "rules.europol_checks_the_phone.then.0.reply.text"
    assert (reply.in_reply_to, reply.thread, reply.channel) == (asked.id, asked.thread, "siena")
    while not any(m.in_reply_to == 1 for m in state.messages):
        state, _ = engine.step(state, EndTurn())
    [other] = [m for m in state.messages if m.in_reply_to == 1]
    assert other.body_id == "agency:europol/services.cross_check.reply"


def test_the_partner_a_rule_forwards_to_knows_who_passed_the_fact_on(engine: Engine) -> None:
    """The tutorial's liaison officer passes on what it receives: the authorities of C
    then know the plate from the liaison officer, by SIENA, with the sender's handling
    code and the message it came in."""
    send = Send(to=("lo_c",), facts=("minibus_plate",), handling="H1")
    state, _ = play(engine, "border_b", PLATE, send)
    [sent] = [m for m in state.messages if m.sender == "border_b"]
    got = state.knowledge["authorities_c"]["minibus_plate"]
    assert (got.source, got.via, got.handling, got.message) == ("lo_c", "siena", "H1", sent.id)


def test_a_step_that_meets_an_objective_meets_it_at_once(tmp_path: Path) -> None:
    """An objective waiting for a step to be done is met by the step itself, even a step
    with no other effect, and an event a step calls in for later comes when it says."""
    engine = mini(
        tmp_path,
        f"""actions:
  - id: file_report
    by: [police_a]
    label: {T}
    text: {T}
    repeatable: true
  - id: call_in_raid
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - inject: {{id: raid, after: 1}}
objectives:
  - id: reported
    owner: shared
    text: {T}
    when: {{done: file_report}}
  - id: reported_twice
    owner: shared
    text: {T}
    when: {{done: {{action: file_report, times: 2}}}}
  - id: raid_came
    owner: shared
    text: {T}
    when: {{injected: raid}}
injects:
  - id: raid
    title: {{en: The raid, sl: Racija}}
    text: {T}
""",
    )
    state, _ = engine.new_game("police_a", 1)
    state, events = engine.step(state, Do("file_report"))
    assert state.objectives == {"reported": 1}
    assert E.OBJECTIVE_MET in kinds(events)
    state, _ = engine.step(state, Do("file_report"))
    assert state.objectives == {"reported": 1, "reported_twice": 1}
    state, _ = engine.step(state, Do("call_in_raid"))
    assert "raid" not in state.injected
    state, events = engine.step(state, EndTurn())
    assert [e.data["inject"] for e in events if e.kind == E.INJECT] == ["raid"]
    assert state.turn == 2 and state.objectives["raid_came"] == 2


def test_a_partner_whose_trust_is_broken_twice_refuses_further_requests_in_words(
    engine: Engine,
) -> None:
    """The first breach of Europol's trust says it will answer later; the second, that it
    takes no more requests: the words follow how often its trust was broken."""
    from trafficking_sim.play import narrate

    leak = Send(to=("authorities_c",), facts=("recruiter_alias",))
    actions = list(border_best())
    actions[3:3] = [leak, leak]
    state, events = play(engine, "border_b", *actions[:5])
    lost = [e for e in events if e.kind == E.TRUST_LOST]
    assert [e.data["level"] for e in lost] == [1, 2]
    said = [narrate.describe(e, engine.content, state, "en")[0] for e in lost]
    assert said[0].endswith("From now on it answers you later.")
    assert said[1].endswith("It takes no more requests from you.")


def test_a_needed_fact_that_arrives_is_scored_in_words_that_name_it(
    engine: Engine, tmp_path: Path
) -> None:
    """The points for a needed fact say who now has which fact ("you" for the player's
    own need), and those lost for personal data sent without need say where it went."""
    from trafficking_sim.play import narrate

    def said(engine: Engine, state: object) -> list[str]:
        return [
            narrate.reason_text(engine.content, dict(c.reason), "en")
            for c in state.score_log  # type: ignore[attr-defined]
            if dict(c.reason).get("key", "").startswith("need")
        ]

    state, _ = play(engine, "border_b", *border_best())
    scored = [narrate.reason_text(engine.content, dict(c.reason), "en") for c in state.score_log]
    assert (
        "You spoke to the passengers separately, away from the driver, with an interpreter."
        in scored
    )
    assert said(engine, state) == [
        "Europol now has “Driver's phone contacts”, which it needed.",
        "you now have “Recruiter 'Teo' in state A”, which you needed.",
        "Authorities C now has “Minibus plate”, which it needed.",
        "Authorities C now has “Driver's phone contacts”, which it needed.",
        "NGO now has “Mira's account”, which it needed.",
        "Authorities C now has “Recruiter 'Teo' in state A”, which it needed.",
    ]
    mini_engine = mini(tmp_path, REQUEST_RULES)
    state, _ = play(mini_engine, "police_a", Send(to=("europol",), facts=("secret",)))
    assert said(mini_engine, state) == [
        "personal data (“Secret”) went to Europol, which did not need it."
    ]


NGO_AND_POLICE = f"""rules:
  - id: police_tell_the_ngo
    when: turn_start
    if: {{role: ngo}}
    then:
      - reveal: {{facts: [secret], to: ngo, sender: police_a, handling: H2}}
actions:
  - id: call_the_police
    by: [ngo]
    label: {T}
    text: {T}
    then:
      - reply:
          text: {{en: The police call back, sl: Policija pokliče nazaj}}
          sender: police_a
          after: 0
"""


def test_without_siena_on_both_sides_permission_and_replies_go_by_direct_contact(
    tmp_path: Path,
) -> None:
    """The NGO is not on SIENA: its request for permission to pass on what the police told
    it, the police's grant, and the police's call back after one of its steps all go by
    direct contact, as the inbox shows."""
    engine = mini(tmp_path, NGO_AND_POLICE)
    state, _ = engine.new_game("ngo", 1)
    told = state.knowledge["ngo"]["secret"]
    assert (told.turn, told.source, told.via, told.handling) == (1, "police_a", "rule", "H2")
    state, _ = engine.step(state, AskPermission("secret"))
    [asking] = [m for m in state.messages if m.kind == "permission"]
    assert (asking.channel, asking.recipients) == ("direct", ("police_a",))
    state, _ = engine.step(state, Do("call_the_police"))
    [call] = [m for m in state.messages if m.body_id and "call_the_police" in m.body_id]
    assert (call.sender, call.channel) == ("police_a", "direct")
    while ("secret", "police_a") not in state.permissions:
        state, _ = engine.step(state, EndTurn())
    [grant] = [m for m in state.messages if m.in_reply_to == asking.id]
    assert (grant.sender, grant.channel, grant.body_id) == (
        "police_a",
        "direct",
        "permission.granted",
    )


def test_the_debriefs_map_shows_who_told_the_player_something_through_the_story(
    tmp_path: Path,
) -> None:
    """What a partner tells the player through the scenario's story (a rule revealing a
    fact from a sender) is a link on the debrief's map, with the fact."""
    from trafficking_sim.review.debrief import _links

    engine = mini(tmp_path, NGO_AND_POLICE)
    state, events = engine.new_game("ngo", 1)
    links = _links(engine.content, state, events)
    assert [(k.a, k.b, k.channel, k.facts) for k in links if k.channel == "rule"] == [
        ("ngo", "police_a", "rule", ["secret"])
    ]


def test_every_rule_and_event_due_at_a_turn_comes_whatever_is_skipped_before_it(
    tmp_path: Path,
) -> None:
    """A rule that plays the learner's own role is left to the learner, and an event that
    has come already does not come again, but neither holds up what comes after it: the
    next rule of the turn still fires and the next event still comes."""
    engine = mini(
        tmp_path,
        f"""actions:
  - id: file_report
    by: [police_a]
    label: {T}
    text: {T}
rules:
  - id: police_would_speak
    plays: police_a
    when: {{action: file_report}}
    then:
      - say: {T}
  - id: counted
    when: {{action: file_report}}
    then:
      - set: {{var: count, value: 1}}
injects:
  - id: early
    if: {{turn: {{min: 1}}}}
    title: {T}
    text: {T}
  - id: later
    if: {{turn: {{min: 2}}}}
    title: {T}
    text: {T}
""",
    )
    state, _ = engine.new_game("police_a", 1)
    assert state.injected == {"early"}
    state, events = engine.step(state, Do("file_report"))
    assert state.fired == {"counted"} and state.variables["count"] == 1
    assert E.NARRATION not in kinds(events)
    state, events = engine.step(state, EndTurn())
    assert [e.data["inject"] for e in events if e.kind == E.INJECT] == ["later"]


POLICE_STEPS = f"""actions:
  - id: file_report
    by: [police_a]
    label: {T}
    text: {T}
  - id: ask_europol_informally
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - reply:
          text: {{en: Europol answers, sl: Europol odgovori}}
          sender: europol
          after: 0
  - id: count_up
    by: [police_a]
    label: {T}
    text: {T}
    repeatable: true
    then:
      - add: {{var: count, value: 1}}
rules:
  - id: report_noted
    when: {{action: file_report}}
    then:
      - say: {{en: The report is on file, sl: Poročilo je vloženo}}
  - id: police_knows
    when: turn_start
    if: {{role: police_a}}
    then:
      - reveal: {{facts: [phone, secret], to: police_a}}
"""


def test_in_a_class_game_a_groups_steps_points_and_refusals_are_its_own_news(
    tmp_path: Path,
) -> None:
    from trafficking_sim.play import narrate

    engine = mini(tmp_path, POLICE_STEPS)
    state, _ = engine.new_game("police_a", 1, ("police_a", "ngo"))
    state, events = engine.step(state, Do("file_report"))
    [done] = [e for e in events if e.kind == E.ACTION_DONE]
    [noted] = [e for e in events if e.kind == E.NARRATION]
    for event in (done, noted):
        assert narrate.seen_by(event, state, "police_a")
        assert not narrate.seen_by(event, state, "ngo")
    # personal data sent without need: the points lost are the police group's news
    state, events = engine.step(state, Send(to=("europol",), facts=("secret",)))
    [lost] = [e for e in events if e.kind == E.SCORE_CHANGED]
    assert narrate.seen_by(lost, state, "police_a")
    assert not narrate.seen_by(lost, state, "ngo")
    state, events = engine.step(state, Share("europol", ("phone",)))  # Europol: SIENA only
    event = refusal(events)
    assert event.data["by"] == "police_a"
    assert narrate.seen_by(event, state, "police_a")
    assert not narrate.seen_by(event, state, "ngo")


def test_a_reply_set_off_by_a_step_comes_by_siena_between_siena_users(tmp_path: Path) -> None:
    engine = mini(tmp_path, POLICE_STEPS)
    state, _ = play(engine, "police_a", Do("ask_europol_informally"))
    [reply] = [m for m in state.messages if m.kind == "reply"]
    assert (reply.sender, reply.recipients, reply.channel) == ("europol", ("police_a",), "siena")


def test_a_variable_stays_within_its_bounds(tmp_path: Path) -> None:
    """A scenario variable with a maximum is held there however often it is raised, so an
    ending or objective comparing it sees what the author meant."""
    header = HEADER.replace("count: {initial: 0}", "count: {initial: 0, max: 2}")
    engine = Engine(load_game(write_scenario(tmp_path, POLICE_STEPS, header)))
    state, _ = play(engine, "police_a", *[Do("count_up")] * 3)
    assert state.variables["count"] == 2


def test_a_refusals_points_cite_the_rule_broken(engine: Engine) -> None:
    """The points a refusal costs carry the rule it broke, which the debrief shows beside
    the change."""
    from trafficking_sim.play import narrate
    from trafficking_sim.review.debrief import _pillars

    state, events = play(engine, "ngo", Request("europol", "analysis"))
    [change] = [e for e in events if e.kind == E.SCORE_CHANGED]
    assert change.data["source"] == {"key": "source.channel"}
    [standards] = [p for p in _pillars(engine.content, state, "en") if p.id == "standards"]
    [shown] = standards.changes
    assert shown.source == narrate.source_text(engine.content, {"key": "source.channel"}, "en")
    assert shown.source


def test_a_direct_contact_carries_the_players_note(engine: Engine) -> None:
    share = Share("ngo", ("minibus_plate",), note="Seven women, passports held by the driver")
    state, _ = play(engine, "border_b", PLATE, share)
    [call] = [m for m in state.messages if m.kind == "share"]
    assert (call.channel, call.recipients) == ("direct", ("ngo",))
    assert call.body == "Seven women, passports held by the driver"


def test_a_replay_gives_every_event_of_the_game(engine: Engine) -> None:
    """A replay (what the benchmarks use to count refusals) reports the events of every
    step, as playing the actions one by one does, not only the last step's."""
    actions = border_best()
    state, events = play(engine, "border_b", *actions)
    again, replayed = engine.replay("border_b", 1, actions)  # type: ignore[arg-type]
    assert replayed == events and state_key(again) == state_key(state)


def test_in_a_class_game_a_grant_goes_to_the_group_that_asked(tmp_path: Path) -> None:
    """The NGO's group asks the police for permission; the grant arrives at the start of a
    later turn, when it is the police group's turn, and still goes to the NGO's group."""
    engine = mini(tmp_path, NGO_AND_POLICE)
    state, _ = engine.new_game("police_a", 1, ("police_a", "ngo"))
    state, _ = engine.step(state, EndTurn())
    assert state.role == "ngo"
    state, _ = engine.step(state, AskPermission("secret"))
    [asking] = [m for m in state.messages if m.kind == "permission"]
    while ("secret", "police_a") not in state.permissions:
        state, _ = engine.step(state, EndTurn())
    assert state.role == "police_a"
    [grant] = [m for m in state.messages if m.in_reply_to == asking.id]
    assert (grant.sender, grant.recipients, grant.channel) == ("police_a", ("ngo",), "direct")


def test_an_objective_that_holds_from_the_start_is_met_at_once(tmp_path: Path) -> None:
    """An objective whose condition already holds when the game starts (nothing to learn,
    nothing to do) shows as met from the first turn, not only after something changes."""
    engine = mini(
        tmp_path,
        f"""objectives:
  - id: nothing_sent_yet
    owner: shared
    text: {T}
    when: {{var: count, eq: 0}}
""",
    )
    state, events = engine.new_game("police_a", 1)
    assert state.objectives == {"nothing_sent_yet": 1}
    assert E.OBJECTIVE_MET in kinds(events)


def test_an_answer_to_a_reply_stays_in_its_thread_and_replies_carry_the_case(
    engine: Engine,
) -> None:
    """The player answers Europol's reply: the answer goes into that reply's thread (not
    the thread of an earlier message), and every reply carries the case reference."""
    to_lo = Send(to=("lo_c",), facts=("minibus_plate",))
    to_europol = Send(to=("europol",), facts=("driver_phone",))
    state, _ = play(engine, "border_b", PLATE, to_lo, to_europol)
    while not any(m.sender == "europol" and m.kind == "reply" for m in state.messages):
        assert not state.over
        state, _ = engine.step(state, EndTurn())
    [reply] = [m for m in state.messages if m.sender == "europol" and m.kind == "reply"]
    assert reply.thread != state.messages[0].thread
    assert reply.case == engine.content.scenario.case.reference
    state, _ = engine.step(state, Send(to=("europol",), reply_to=reply.id, body="Thank you"))
    answer = state.messages[-1]
    assert (answer.in_reply_to, answer.thread) == (reply.id, reply.thread)


def test_a_request_carries_the_players_note(engine: Engine) -> None:
    note = "Seven women on board; the driver held their passports"
    state, _ = play(engine, "border_b", Request("europol", "analysis", note=note))
    [request] = [m for m in state.messages if m.kind == "request"]
    assert request.body == note


def test_a_fitting_evaluation_code_is_praised_in_words_with_its_source(engine: Engine) -> None:
    from trafficking_sim.engine import siena
    from trafficking_sim.play import narrate
    from trafficking_sim.review.debrief import _pillars

    state, _ = play(engine, "border_b", *border_best(graded=True))
    [standards] = [p for p in _pillars(engine.content, state, "en") if p.id == "standards"]
    [praised] = [c for c in standards.changes if "A1" in c.reason]
    assert praised.reason == "you graded the message A1, as its information deserves."
    source = narrate.source_text(engine.content, {"key": siena.EVALUATION_SOURCE}, "en")
    assert source and praised.source == source


def test_an_unfitting_evaluation_code_costs_points_that_cite_its_source(engine: Engine) -> None:
    from trafficking_sim.engine import siena
    from trafficking_sim.play import narrate
    from trafficking_sim.review.debrief import _pillars

    wrong = Send(to=("europol",), facts=("driver_phone",), source_code="B", info_code="2")
    state, _ = play(engine, "border_b", PLATE, wrong)
    [standards] = [p for p in _pillars(engine.content, state, "en") if p.id == "standards"]
    [lost] = [c for c in standards.changes if "B2" in c.reason]
    source = narrate.source_text(engine.content, {"key": siena.EVALUATION_SOURCE}, "en")
    assert lost.asked < 0 and source and lost.source == source
