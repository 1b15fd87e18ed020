"""The command notation: what a player types is the action played, and an action written
out (a script, an explorer report) reads back as the same action."""

from __future__ import annotations

import dataclasses
import io
import shlex

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trafficking_sim.content import GameContent
from trafficking_sim.engine import Action, Do, EndTurn, Engine, Request, Send, Share
from trafficking_sim.engine.siena import HANDLING_CODES, INFO_CODES, SOURCE_CODES
from trafficking_sim.play import notation
from trafficking_sim.play.notation import NotationError
from trafficking_sim.play.plain import PlainGame
from trafficking_sim.play.session import Session

ROLES = ["border_b", "ngo", "authorities_c"]
SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Whatever a player can type on a line: any character but control characters.
TYPED = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=25)


@st.composite
def legal_actions(draw: st.DrawFn, content: GameContent) -> tuple[str, Action]:
    """A role and an action the engine accepts at some point of a random game, with the
    free text, codes and priority a player may add to it."""
    engine = Engine(content)
    role = draw(st.sampled_from(ROLES))
    state, _ = engine.new_game(role, draw(st.integers(0, 1000)))
    for _ in range(draw(st.integers(0, 12))):
        legal = engine.legal_actions(state)
        if not legal:
            break
        state, _ = engine.step(state, draw(st.sampled_from(legal)))
    if state.over:
        return role, EndTurn()
    action = draw(st.sampled_from(engine.legal_actions(state)))
    role = state.role
    if isinstance(action, Send):
        graded = draw(st.booleans())
        action = dataclasses.replace(
            action,
            handling=draw(st.sampled_from(HANDLING_CODES)),
            source_code=draw(st.sampled_from(SOURCE_CODES)) if graded else None,
            info_code=draw(st.sampled_from(INFO_CODES)) if graded else None,
            priority=draw(st.sampled_from(("normal", "urgent"))),
            subject=draw(TYPED),
            body=draw(TYPED),
            handling_note=draw(TYPED),
            reply_to=draw(st.none() | st.integers(1, 500)),
        )
    elif isinstance(action, Share):
        action = dataclasses.replace(action, note=draw(TYPED))
    elif isinstance(action, Request):
        action = dataclasses.replace(
            action, priority=draw(st.sampled_from(("normal", "urgent"))), note=draw(TYPED)
        )
    return role, action


@SETTINGS
@given(data=st.data())
def test_an_action_written_out_reads_back_as_the_same_action(
    tutorial: GameContent, data: st.DataObject
) -> None:
    role, action = data.draw(legal_actions(tutorial))
    line = notation.format(action)
    assert notation.parse(line, tutorial, role) == action, line
    # And through what plain mode does to a typed line before reading it.
    assert list(notation.script_lines([line])) == [line]


@SETTINGS
@given(data=st.data())
def test_any_spelling_of_a_command_is_written_back_the_one_way(
    tutorial: GameContent, data: st.DataObject
) -> None:
    """Options in any order, in capitals, quoted another way: the same action, and
    formatting it gives the one written form."""
    role, action = data.draw(legal_actions(tutorial))
    canonical = notation.format(action)
    name, *words = shlex.split(canonical)
    positional = [w for w in words if "=" not in w and w != "urgent"]
    options = [w for w in words if w not in positional]
    options = data.draw(st.permutations(options))
    options = [w.upper() if w == "urgent" and data.draw(st.booleans()) else w for w in options]
    spelled = data.draw(st.sampled_from((name, name.upper(), name.capitalize())))
    line = " ".join(shlex.quote(w) for w in [spelled, *positional, *options])
    parsed = notation.parse(line, tutorial, role)
    assert parsed == action, line
    assert notation.format(parsed) == canonical


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        (
            "SEND europol minibus_plate eval=b2 HANDLING=h2 Urgent",
            "send europol minibus_plate handling=H2 eval=B2 urgent",
        ),
        (
            "send europol minibus_plate note='ask \"Teo\" first'",
            'send europol minibus_plate note="ask \\"Teo\\" first"',
        ),
        (
            "send europol, minibus_plate,,driver_phone",
            "send europol minibus_plate,driver_phone",
        ),
        ("Do check_vehicle minibus_plate", "do check_vehicle minibus_plate"),
    ],
)
def test_hand_typed_commands_are_written_back_as_scripts_show_them(
    tutorial: GameContent, typed: str, written: str
) -> None:
    action = notation.parse(typed, tutorial, "border_b")
    assert notation.format(action) == written
    assert notation.parse(written, tutorial, "border_b") == action


def test_a_message_needs_a_recipient_even_when_only_commas_are_typed(
    tutorial: GameContent,
) -> None:
    with pytest.raises(NotationError) as caught:
        notation.parse("send , minibus_plate", tutorial, "border_b")
    assert caught.value.text("en") == "Say whom it is for."
    assert caught.value.usage_of == "send"


def test_a_misspelt_fact_is_matched_only_among_facts_the_role_holds(
    tutorial: GameContent,
) -> None:
    """A hint must not give away a fact the player has still to find."""
    known = Session.new(tutorial, "border_b", 1, "en").state.knowledge["border_b"]
    with pytest.raises(NotationError) as caught:
        notation.parse("do check_vehicle minibus_plat", tutorial, "border_b", known)
    assert "Did you mean 'minibus_plate'?" in caught.value.text("en")
    with pytest.raises(NotationError) as caught:
        notation.parse("do check_vehicle recruiter_alia", tutorial, "border_b", known)
    assert "recruiter_alias" not in caught.value.text("en")
    assert "“recruiter_alia”" in caught.value.text("en")


def test_the_trainers_steps_are_no_command_of_the_notation() -> None:
    from trafficking_sim.engine.actions import TrainerNote

    with pytest.raises(TypeError):
        notation.format(TrainerNote("coffee break"))


def test_a_script_is_played_through_the_engine_passing_over_what_only_shows_the_game(
    tutorial: GameContent,
) -> None:
    session = Session.new(tutorial, "border_b", 1, "en")
    lines = [
        "# a comment",
        "status",
        "board",
        "do check_vehicle minibus_plate",
        "read 1",
        "Bring the projector cable.",
        "end",
        "quit",
        "end",
    ]
    not_understood = notation.play_script(session, lines)
    assert not_understood == ["Bring the projector cable."]
    assert session.actions == [Do("check_vehicle", "minibus_plate"), EndTurn()]


def test_a_script_stops_where_the_game_ends(tutorial: GameContent) -> None:
    session = Session.new(tutorial, "border_b", 1, "en")
    notation.play_script(session, ["end"] * (tutorial.scenario.max_turns + 5))
    assert session.state.over
    assert len(session.actions) <= tutorial.scenario.max_turns


def test_plain_mode_plays_a_script_as_the_replay_does(tutorial: GameContent) -> None:
    """The REPL and the debrief's or demo's replay read one notation: same actions."""
    script = [
        "do check_vehicle minibus_plate",
        "send europol minibus_plate eval=B2",
        "share authorities_c minibus_plate note='by phone'",
        "end",
    ]
    played = Session.new(tutorial, "border_b", 1, "en")
    PlainGame(played, io.StringIO(), autosave=False).run(script)
    replayed = Session.new(tutorial, "border_b", 1, "en")
    assert notation.play_script(replayed, script) == []
    assert played.actions == replayed.actions
    assert len(replayed.actions) == 4


def test_plain_mode_refuses_an_odd_digit_as_a_message_number(tutorial: GameContent) -> None:
    out = io.StringIO()
    game = PlainGame(Session.new(tutorial, "border_b", 1, "en"), out, autosave=False)
    game.run(["read ²", "send europol minibus_plate reply=²"])
    text = out.getvalue()
    assert "Traceback" not in text
    assert "Usage: read N" in text
    assert "Usage: send" in text
