"""A whole class of the flagship, five groups on one laptop: each group's screens show its
own knowledge and its own events, never what another group alone knows or did."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Log, OptionList, Static

from trafficking_sim.content import GameContent, find_scenario, load_game
from trafficking_sim.engine import Action, EndTurn
from trafficking_sim.engine.actions import TrainerNote
from trafficking_sim.play.notation import play_script
from trafficking_sim.play.session import Session
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.screens.trainer import DecisionDialog, HandOverScreen, TrainerScreen

from .test_trainer_tui import settle

WALKS = Path(__file__).parent / "walkthroughs" / "exercise"
NOTE = "Trainer-only remark about the zebra crossing"


def turns_of(content: GameContent, role: str) -> list[list[Action]]:
    """A role's best walkthrough, cut into what it does each turn."""
    session = Session.new(content, role, 1, "en")
    lines = (WALKS / f"{role}-best.txt").read_text(encoding="utf-8").splitlines()
    assert play_script(session, lines) == []
    turns: list[list[Action]] = [[]]
    for action in session.actions:
        if isinstance(action, EndTurn):
            turns.append([])
        else:
            turns[-1].append(action)
    return turns


def screen_text(app: TraffickingApp) -> str:
    """Every word a group can read: the game screen's panes, any dialog, the toasts."""
    parts: list[str] = []
    for screen in app.screen_stack:
        if isinstance(screen, TrainerScreen):
            continue
        for widget in screen.query(Static):
            parts.append(str(widget.render()))
        for options in screen.query(OptionList):
            parts += [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
        for log in screen.query(Log):
            parts += [str(line) for line in log.lines]
    parts += [str(n.message) for n in app._notifications]
    return "\n".join(parts)


def always_shown(content: GameContent, session: Session, role: str) -> str:
    """Texts any group may see whatever the others do: the directory, the objectives,
    the events for everyone, and what this group itself knows or was told."""
    parts = []
    for actor in content.actors.values():
        parts.append(actor.name.get("en"))
        if actor.profile is not None:
            parts.append(actor.profile.mandate.get("en"))
            parts += [c.get("en") for c in actor.profile.cannot]
        if actor.card is not None:
            parts += [(actor.card.about or actor.card.who).get("en")]
        parts += [s.label.get("en") for s in actor.services.values()]
    parts += [o.text.get("en") for o in content.objectives.values()]
    for inject in content.injects.values():
        if not inject.audience or role in inject.audience:
            parts += [inject.title.get("en"), inject.text.get("en")]
    parts += [content.facts[f].text.get("en") for f in session.state.knowledge[role]]
    parts += [content.facts[f].label.get("en") for f in session.state.knowledge[role]]
    parts += [a.label.get("en") for a in content.actions.values() if role in a.by]
    for message in session.state.messages:
        if role == message.sender or role in message.recipients:
            parts.append(content.texts[message.body_id].get("en") if message.body_id else "")
    return "\n".join(parts).lower()


def leaks(app: TraffickingApp, shown: str) -> list[str]:
    """What the group at the laptop can read that only other groups know or did."""
    session = app.session
    assert session is not None
    content, state = session.content, session.state
    role = state.role
    allowed = always_shown(content, session, role)
    found = []
    for fact in content.facts.values():
        label = fact.label.get("en")
        others = [r for r in state.seats if r != role and state.knows(r, fact.id)]
        hidden = others and not state.knows(role, fact.id) and label.lower() not in allowed
        if hidden and label in shown:
            found.append(f"fact '{label}' known to {others}")
    for action in content.actions.values():
        label = action.label.get("en")
        theirs = role not in action.by and state.done.get(action.id)
        if theirs and label.lower() not in allowed and label in shown:
            found.append(f"another group's step '{label}'")
    for message in state.messages:
        apart = role != message.sender and role not in message.recipients
        if apart and (f"#{message.id} " in shown or f"#{message.id}:" in shown):
            found.append(f"message #{message.id}: {message.sender} to {message.recipients}")
    if NOTE in shown:
        found.append("the trainer's note")
    if "played by the computer" in shown.lower() or "played by rules" in shown.lower():
        found.append("a group's role called the computer's")
    return found


async def test_no_group_ever_sees_what_another_group_alone_knows(_private_home: Path) -> None:
    content = load_game(find_scenario("exercise"))
    plans = {role: turns_of(content, role) for role in content.roles}
    app = TraffickingApp(AppConfig(lang="en", trainer=True, scenario="exercise"))
    checked = 0
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.2)
        app.screen.query_one("#setup-code", Input).value = "owl-42"
        app.screen.query_one("#setup-start").press()  # every role ticked: five groups
        await settle(pilot)
        assert isinstance(app.screen, TrainerScreen)
        session = app.session
        assert session is not None and len(session.state.seats) == 5
        await pilot.press("g")
        await settle(pilot)
        noted = False
        while not session.state.over:
            role, turn = session.state.role, session.state.turn
            assert isinstance(app.screen, HandOverScreen)

            def check(where: str, role: str = role, turn: int = turn) -> None:
                nonlocal checked
                checked += 1
                problems.extend(
                    f"turn {turn}, {role}, {where}: {leak}" for leak in leaks(app, screen_text(app))
                )

            check("hand-over")
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, MessageDialog)
            check("summary")
            await pilot.press("enter")
            await settle(pilot)
            while isinstance(app.screen, DecisionDialog):  # a request made to its role
                check("decision")
                app.screen.query_one("#decision-grant").press()
                await settle(pilot)
            assert isinstance(app.screen, GameScreen)
            await pilot.press("5")  # the log draws only when shown; the other panes always
            await settle(pilot, 0.01)
            check("panes")
            plan = plans[role]
            for action in plan[turn - 1] if turn <= len(plan) else []:
                app.perform(action)
                await settle(pilot, 0.01)
                check(f"after {type(action).__name__}")
                if session.state.over:
                    break
            if not noted:
                app.perform(TrainerNote(NOTE))  # the trainer, in the middle of group 1's turn
                noted = True
            if session.state.over:
                break
            check("the end of the turn")
            app.perform(EndTurn())
            await settle(pilot)
            assert app.errors == []
    assert checked > 100
    assert not problems, "\n".join(problems[:20])
    # The trainer's note reached the debrief.
    assert any(e.kind == "trainer_note" for e in session.events)
