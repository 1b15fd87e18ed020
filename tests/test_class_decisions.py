"""A request made to a role a group plays is that group's decision, not the role's script."""

from __future__ import annotations

from pathlib import Path

from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import EndTurn, Request, action_from_dict, action_to_dict
from trafficking_sim.engine import events as E
from trafficking_sim.engine.actions import Decide, TrainerReveal
from trafficking_sim.play.saves import read_save, write_save
from trafficking_sim.play.session import Session
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.trainer import DecisionDialog, HandOverScreen

from .test_trainer_tui import CODE, settle

SEATS = ("ngo", "authorities_c")
NAMES = {"ngo": "Group 1", "authorities_c": "Group 2"}


def asked() -> Session:
    """The NGO's group asks the authorities of C (played by group 2) to act at the site."""
    content = load_game(find_scenario("exercise"))
    session = Session.new(content, "ngo", 1, "en", SEATS, NAMES)
    session.act(TrainerReveal("ngo", "site_address"))
    session.act(Request("authorities_c", "immediate_action", "site_address"))
    return session


def test_the_request_waits_for_the_group_and_no_script_answers_it() -> None:
    session = asked()
    state = session.state
    assert state.open_requests == (1,)
    for _ in range(4):  # two whole turns pass
        session.act(EndTurn())
    state = session.state
    assert state.open_requests == (1,)
    assert not [m for m in state.messages if m.sender == "authorities_c"]
    assert not session.state.injected & {"lone_raid"}


def test_a_group_grants_and_its_roles_answer_reaches_the_asker() -> None:
    session = asked()
    session.act(EndTurn())  # the laptop passes to group 2 (the authorities of C)
    events = session.act(Decide(1, "grant"))
    assert E.REQUEST_DECIDED in [e.kind for e in events]
    state = session.state
    assert state.open_requests == ()
    answers = [m for m in state.messages if m.sender == "authorities_c"]
    assert answers and all(m.recipients == ("ngo",) for m in answers)
    # What the authorities of C then do is the scenario's (acting alone, here), and the
    # points for that choice are group 2's.
    assert any(c.by == "authorities_c" and c.delta < 0 for c in state.score_log)


def test_a_refusal_gives_its_reason_and_changes_nothing_else() -> None:
    session = asked()
    session.act(EndTurn())
    refused = session.act(Decide(1, "refuse"))
    assert refused[0].kind == E.ACTION_REFUSED  # a refusal must say why
    variables = dict(session.state.variables)
    session.act(Decide(1, "refuse", "We act on the common day, with A."))
    state = session.state
    (answer,) = [m for m in state.messages if m.sender == "authorities_c"]
    assert answer.recipients == ("ngo",) and answer.body == "We act on the common day, with A."
    assert answer.in_reply_to == 1 and state.open_requests == ()
    assert state.variables == variables


def test_asking_for_more_keeps_the_request_open_and_only_its_group_decides() -> None:
    session = asked()
    events = session.act(Decide(1, "grant"))  # the NGO's group cannot answer for C
    assert events[0].kind == E.ACTION_REFUSED
    session.act(EndTurn())
    session.act(Decide(1, "more", "Which entrance, and when are the workers there?"))
    assert session.state.open_requests == (1,)
    assert [m.body for m in session.state.messages if m.sender == "authorities_c"] == [
        "Which entrance, and when are the workers there?"
    ]


def test_the_trainer_may_let_the_script_answer_visibly(tmp_path: Path) -> None:
    from trafficking_sim.play import narrate

    session = asked()
    events = session.act(Decide(1, "script", trainer=True))
    decided = next(e for e in events if e.kind == E.REQUEST_DECIDED)
    told = narrate.describe(
        decided, session.content, session.state, "en", role="ngo", names=session.group_labels()
    )
    assert told and "let the game answer" in told[0]
    assert not any(c.by for c in session.state.score_log if c.origin.startswith("rule:"))
    # A decision is part of the game's record: saved, replayed, identical.
    action = Decide(1, "script", trainer=True)
    assert action_from_dict(action_to_dict(action)) == action
    save = tmp_path / "class.json"
    write_save(save, session.savegame())
    again = Session.resume(read_save(save))
    assert again.state.to_dict() == session.state.to_dict()


async def test_the_deciding_group_meets_the_request_when_it_sits_down(_private_home: Path) -> None:
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, 0.2)
        app.start_class(app.catalogue[0], SEATS, NAMES, 1, CODE)  # type: ignore[index]
        await settle(pilot)
        session = app.session
        assert session is not None and session.content.id == "exercise"
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("enter")  # group 1 sits down
        await settle(pilot)
        await pilot.press("enter")  # and reads its news
        await settle(pilot)
        app.perform(TrainerReveal("ngo", "site_address"))
        app.perform(Request("authorities_c", "immediate_action", "site_address"))
        app.perform(EndTurn())
        await settle(pilot)
        assert isinstance(app.screen, HandOverScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageDialog)
        news = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Request #1 from Group 1 (NGO) waits for your decision" in news
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DecisionDialog)
        app.screen.query_one("#decision-refuse").press()  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(app.screen, DecisionDialog)  # a refusal needs its reason
        await pilot.press(*"Not before the common day", "tab")
        app.screen.query_one("#decision-refuse").press()  # type: ignore[attr-defined]
        await settle(pilot)
        logs = list(_private_home.rglob("error.log"))
        assert isinstance(app.screen, GameScreen), logs and logs[0].read_text()[-1500:]
        answer = session.state.messages[-1]
        assert answer.body == "Not before the common day" and answer.recipients == ("ngo",)
        assert app.errors == []


async def test_the_trainer_decides_for_a_group_in_the_tools() -> None:
    from textual.widgets import Select

    from trafficking_sim.tui.screens.trainer import TrainerScreen, TrainerToolsDialog

    from .test_trainer_tui import open_tools

    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, 0.2)
        app.start_class(app.catalogue[0], SEATS, NAMES, 1, CODE)  # type: ignore[index]
        await settle(pilot)
        session = app.session
        assert session is not None
        app.perform(TrainerReveal("ngo", "site_address"))
        app.perform(Request("authorities_c", "immediate_action", "site_address"))
        for _ in range(4):  # group 2 lets two turns pass without deciding
            app.perform(EndTurn())
        await settle(pilot)
        dashboard = next(s for s in app.screen_stack if isinstance(s, TrainerScreen))
        dashboard.refresh_timer()
        said = str(dashboard.query_one("#trainer-say").render())  # type: ignore[attr-defined]
        assert "waiting for a group's decision: 1, of them past the group's next turn: 1" in said
        await open_tools(pilot)
        tools = app.screen
        assert isinstance(tools, TrainerToolsDialog)
        tools.query_one("#tool-request", Select).value = 1
        tools.query_one("#tool-verdict", Select).value = "refuse"
        tools.query_one("#tool-decide-go").press()
        await settle(pilot)
        assert session.state.open_requests == ()
        answer = session.state.messages[-1]
        assert answer.recipients == ("ngo",) and "trainer refused" in answer.body
        assert app.errors == []
