"""Demo playback: a saved game or a walkthrough, one action at a time, to show a class
how a game unfolds. Pure: the TUI steps through the frames this builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import GameContent, find_scenario, load_game
from ..engine import (
    Action,
    AskPermission,
    Do,
    EndTurn,
    Event,
    GameState,
    Request,
    Send,
    Share,
)
from ..engine.actions import Decide, TrainerInject, TrainerNote, TrainerReveal
from ..i18n import TranslatedError, t
from . import narrate
from .session import Session


class DemoError(TranslatedError):
    """A file that cannot be played back, with a message for the trainer."""


@dataclass
class Frame:
    """The game after one more action: what was done, what it made happen."""

    action: Action | None  # None for the start of the game
    events: list[Event]
    state: GameState


@dataclass
class Playback:
    content: GameContent
    role: str
    seed: int
    frames: list[Frame]

    @classmethod
    def of_session(cls, session: Session) -> Playback:
        engine = session.engine
        seats = session.state.seats
        state, events = engine.new_game(session.first_role, session.seed, seats)
        frames = [Frame(None, events, state)]
        for action in session.actions:
            state, events = engine.step(state, action)
            frames.append(Frame(action, events, state))
        return cls(session.content, session.first_role, session.seed, frames)


def load_playback(
    path: Path, scenario: str | None = None, role: str | None = None, seed: int = 1
) -> Playback:
    """A save (JSON), or a walkthrough script: for a script the scenario and role come
    from the arguments or else from its place (``walkthroughs/<scenario>/<role>-*.txt``)."""
    from ..content import ContentError
    from .notation import play_script
    from .saves import SaveError, is_save, read_regular_file, read_save

    try:
        # Never from a pipe or a device: that would wait forever.
        raw = read_regular_file(path)
    except SaveError as exc:
        raise DemoError(exc.key, **exc.params) from None
    script = raw.decode("utf-8", errors="replace")
    if path.suffix.lower() == ".json" or script.lstrip().startswith("{") or is_save(path):
        # A save, or a file meant as one: a damaged save is said to be one.
        try:
            return Playback.of_session(Session.resume(read_save(path), allow_changed=True))
        except SaveError as exc:
            raise DemoError(exc.key, **exc.params) from None
    scenario = scenario or path.parent.name
    role = role or path.stem.split("-")[0]
    try:
        content = load_game(find_scenario(scenario))
    except (LookupError, ContentError) as exc:
        raise DemoError("demo.no_scenario", path=str(path), error=str(exc)) from None
    if role not in content.roles:
        raise DemoError(
            "demo.no_role", role=role, scenario=content.id, roles=", ".join(content.roles)
        )
    session = Session.new(content, role, seed, "en")
    not_understood = play_script(session, script.splitlines())
    if not_understood:  # not a walkthrough, or one for another scenario or role
        raise DemoError(
            "demo.not_understood",
            path=str(path),
            scenario=content.id,
            role=role,
            line=not_understood[0][:80],
        )
    return Playback.of_session(session)


def action_text(action: Action | None, content: GameContent, lang: str) -> str:
    """One line saying what the player did, in words."""

    def name(actor: str) -> str:
        return narrate.actor_name(content, actor, lang)

    def facts(ids: tuple[str, ...]) -> str:
        return ", ".join(narrate.fact_label(content, f, lang) for f in ids) or "-"

    if action is None:
        return t("demo.start", lang)
    if isinstance(action, EndTurn):
        return t("demo.end_turn", lang)
    if isinstance(action, Send):
        return t("demo.send", lang, to=", ".join(map(name, action.to)), facts=facts(action.facts))
    if isinstance(action, Share):
        return t("demo.share", lang, to=name(action.to), facts=facts(action.facts))
    if isinstance(action, Request):
        service = content.actors[action.agency].services.get(action.service)
        label = service.label.get(lang) if service else action.service
        return t("demo.request", lang, to=name(action.agency), service=label)
    if isinstance(action, Do):
        spec = content.actions.get(action.action)
        return t("demo.do", lang, action=spec.label.get(lang) if spec else action.action)
    if isinstance(action, AskPermission):
        return t("demo.permission", lang, fact=narrate.fact_label(content, action.fact, lang))
    if isinstance(action, TrainerInject):
        inject = content.injects.get(action.inject)
        return t("demo.inject", lang, title=inject.title.get(lang) if inject else action.inject)
    if isinstance(action, TrainerReveal):
        return t(
            "demo.reveal",
            lang,
            actor=name(action.actor),
            fact=narrate.fact_label(content, action.fact, lang),
        )
    if isinstance(action, TrainerNote):
        return t("demo.note", lang, text=action.text)
    if isinstance(action, Decide) and action.verdict in ("grant", "refuse", "more", "script"):
        return t(f"demo.decide.{action.verdict}", lang, id=action.request)
    return str(action)  # pragma: no cover - the Action union is closed


def frame_lines(playback: Playback, index: int, lang: str) -> list[str]:
    """What the step made happen, as the player saw it."""
    frame = playback.frames[index]
    return [
        line
        for event in frame.events
        for line in narrate.describe(event, playback.content, frame.state, lang)
    ]
