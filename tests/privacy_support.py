"""What a group may read, for the privacy tests of a class (the hot-seat laptop and the
networked seat alike): each role's best walkthrough cut into turns, every word on the
screens, and the leaks among them (what only other groups know or did)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import Log, OptionList, Static

from trafficking_sim.content import GameContent
from trafficking_sim.engine import Action, EndTurn
from trafficking_sim.play.notation import play_script
from trafficking_sim.play.session import Session
from trafficking_sim.tui.widgets.detail import DetailView
from trafficking_sim.tui.widgets.row_list import RowList

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


def screen_text(app: App[Any], skip: tuple[type, ...] = ()) -> str:
    """Every word a group can read: the screens' panes (those under a full screen too:
    one key from being shown), any dialog, the toasts; ``skip`` the trainer's screens."""
    parts: list[str] = []
    for screen in app.screen_stack:
        if skip and isinstance(screen, skip):
            continue
        for widget in screen.query(Static):
            parts.append(str(widget.render()))
        for detail in screen.query(DetailView):  # a pane's detail draws its own lines
            parts.append(str(detail.text))
        for options in [*screen.query(OptionList), *screen.query(RowList)]:
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


def leaks(session: Session, shown: str, role: str | None = None) -> list[str]:
    """What ``role``'s group (by default the one whose turn it is) can read in ``shown``
    that only other groups know or did."""
    content, state = session.content, session.state
    role = state.role if role is None else role
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
    for inject in content.injects.values():
        if inject.audience and role not in inject.audience:
            for words in (inject.title.get("en"), inject.text.get("en")):
                if words.lower() not in allowed and words in shown:
                    found.append(f"the event '{inject.title.get('en')}' for {inject.audience}")
    for message in state.messages:
        apart = role != message.sender and role not in message.recipients
        if apart and (f"#{message.id} " in shown or f"#{message.id}:" in shown):
            found.append(f"message #{message.id}: {message.sender} to {message.recipients}")
    if NOTE in shown:
        found.append("the trainer's note")
    if "played by the computer" in shown.lower() or "played by rules" in shown.lower():
        found.append("a group's role called the computer's")
    return found
