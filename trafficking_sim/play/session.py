"""One game in progress: the engine's state, the action log and the events, with saving.

The plain mode and the TUI both drive a Session, so a game is played, saved and resumed
the same way whatever the interface.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..content import ContentError, GameContent, load_game
from ..content.loader import find_scenario
from ..engine import Action, Engine, Event, GameState
from .saves import SaveError, SaveGame, ScenarioChanged

_engines: dict[str, Engine] = {}
"""The engine of each game content in this process, by content hash."""


def engine_for(content: GameContent) -> Engine:
    """The one engine for this game content: building one compiles the scenario's rules,
    which costs more than a whole turn. Sessions, replays, debriefs, demos and class games
    of the same content (``load_game`` gives the same object while the files are
    unchanged) share it; an engine keeps no game state, so sharing is safe."""
    engine = _engines.get(content.content_hash)
    if engine is None or engine.content is not content:
        engine = Engine(content)
        _engines[content.content_hash] = engine
    return engine


@dataclass
class Session:
    content: GameContent
    state: GameState
    seed: int
    lang: str
    actions: list[Action] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    group_names: dict[str, str] = field(default_factory=dict)  # hot-seat: role -> group
    _engine: Engine | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def engine(self) -> Engine:
        """One engine per game content (``engine_for``), kept at hand: a long save would
        otherwise replay for minutes."""
        if self._engine is None or self._engine.content is not self.content:
            self._engine = engine_for(self.content)
        return self._engine

    @property
    def first_role(self) -> str:
        """The role the game was started with (in a hot-seat game, the first group's)."""
        return self.state.seats[0] if self.state.seats else self.state.role

    @classmethod
    def new(
        cls,
        content: GameContent,
        role: str,
        seed: int,
        lang: str,
        seats: tuple[str, ...] = (),
        group_names: dict[str, str] | None = None,
    ) -> Session:
        """A new game; with ``seats``, a hot-seat game of several groups (``role`` first)."""
        engine = engine_for(content)
        state, events = engine.new_game(role, seed, seats)
        session = cls(content, state, seed, lang, [], list(events), dict(group_names or {}))
        session._engine = engine
        return session

    def group_name(self, role: str) -> str:
        """A group's own name, or else its role's short name."""
        return self.group_names.get(role) or self.content.actors[role].short_name.get(self.lang)

    def group_label(self, role: str) -> str:
        """How a class game names a role a group plays: 'Group 2 (Border police of B)'."""
        short = self.content.actors[role].short_name.get(self.lang)
        name = self.group_names.get(role)
        return f"{name} ({short})" if name else short

    def group_labels(self) -> dict[str, str]:
        """The roles groups play, by their group's label; {} for a game of one's own."""
        return {r: self.group_label(r) for r in self.state.seats}

    def act(self, action: Action) -> list[Event]:
        """Take one action (refused ones too: they are part of the game) and log it."""
        self.state, events = self.engine.step(self.state, action)
        self.actions.append(action)
        self.events += events
        return events

    def savegame(self) -> SaveGame:
        return SaveGame(
            scenario=self.content.id,
            content_hash=self.content.content_hash,
            role=self.first_role,
            seed=self.seed,
            lang=self.lang,
            actions=list(self.actions),
            scenario_path=scenario_reference(self.content.source),
            seats=list(self.state.seats),
            group_names=dict(self.group_names),
        )

    @classmethod
    def resume(cls, game: SaveGame, *, allow_changed: bool = False) -> Session:
        """Rebuild a game from its save by replaying the action log."""
        content = load_saved_scenario(game)
        if content.content_hash != game.content_hash and not allow_changed:
            raise ScenarioChanged("save.scenario_changed", scenario=game.scenario)
        for role in (game.role, *game.seats):
            if role not in content.roles:
                raise SaveError("save.role_gone", role=role, scenario=game.scenario)
        try:
            session = cls.new(
                content, game.role, game.seed, game.lang, tuple(game.seats), game.group_names
            )
        except ValueError as exc:
            raise SaveError("save.unusable", error=str(exc)) from None
        for action in game.actions:
            session.act(action)
        return session


def scenario_reference(source: Path) -> str | None:
    """None for a bundled scenario (found again by id), else its absolute path."""
    bundled = paths.bundled_dir("scenarios").resolve()
    return None if source.resolve().parent == bundled else str(source.resolve())


def load_saved_scenario(game: SaveGame) -> GameContent:
    try:
        if game.scenario_path:
            path = Path(game.scenario_path)
            if not path.is_file():
                raise SaveError("save.scenario_file_gone", path=str(path))
        else:
            path = find_scenario(game.scenario)
        content = load_game(path)
    except LookupError as exc:
        raise SaveError("save.scenario_not_found", error=str(exc)) from None
    except ContentError as exc:
        raise SaveError("save.scenario_errors", error=str(exc)) from None
    if content.id != game.scenario:
        raise SaveError(
            "save.other_scenario", path=str(path), found=content.id, scenario=game.scenario
        )
    return content
