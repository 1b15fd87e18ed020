"""One process's copy of a class game: the log replayed with the pure engine.

Each process (a group's seat, the trainer, ``class status``) builds the game from the
class row and applies the log's rows in order. A group commits an action only on its own
turn: it catches up, checks that the turn is still its own, and appends the next row; if
another process was first, it catches up and decides again.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..content import ContentError, GameContent, load_game
from ..content.loader import find_scenario
from ..engine import Action, Event
from ..engine.actions import ActionFormatError, action_from_dict, action_to_dict
from ..saves import SaveGame
from ..saves import _check_actions as check_actions
from ..session import Session
from .store import TRAINER, ClassError, ClassInfo, ClassStore, LogRow


def load_class_content(info: ClassInfo, *, check: bool = True) -> GameContent:
    """The scenario of a class, refused when this program's version or content differs
    from the class's: every process must replay the log the same way."""
    if check and info.engine_version != __version__:
        raise ClassError("classnet.version", theirs=info.engine_version, ours=__version__)
    try:
        path = find_scenario(info.scenario_path or info.scenario)
        content = load_game(path)
    except (LookupError, ContentError) as exc:
        error = str(exc)
        raise ClassError("classnet.scenario_missing", scenario=info.scenario, error=error) from None
    if check and content.content_hash != info.content_hash:
        raise ClassError("classnet.content", scenario=info.scenario)
    return content


def state_digest(session: Session) -> str:
    """A digest of the game's state that is the same in every process (sets sorted)."""
    text = json.dumps(session.state.to_dict(), sort_keys=True, default=_canonical)
    return hashlib.sha256(text.encode()).hexdigest()


def _canonical(value: Any) -> Any:
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    return repr(value)


@dataclass(frozen=True)
class Applied:
    row: LogRow
    action: Action
    events: list[Event]


@dataclass(frozen=True)
class Outcome:
    """What became of a group's action: ``done`` (committed; its events), or ``not_yours``
    (the turn moved on or the game ended before it could be written: nothing was done)."""

    status: str
    events: list[Event]


class ClassGame:
    """The game of one class as this process has applied it (rows 1..``applied``)."""

    def __init__(self, store: ClassStore, info: ClassInfo, *, check: bool = True) -> None:
        self.store = store
        self.info = info
        content = load_class_content(info, check=check)
        seats = info.seats
        try:
            self.session = Session.new(content, seats[0], info.seed, "en", seats)
        except ValueError as exc:
            raise ClassError("classnet.unusable", error=str(exc)) from None
        self.applied = 0
        self.action_ids: list[str] = []

    @property
    def whose_turn(self) -> str:
        return self.session.state.role

    @property
    def over(self) -> bool:
        return self.session.state.over

    def catch_up(self) -> list[Applied]:
        """Apply the rows written since the last call, in order."""
        done = []
        for row in self.store.rows_after(self.info.id, self.applied):
            if row.seq != self.applied + 1:  # a gap can only be a damaged file
                raise ClassError("classnet.gap", seq=self.applied + 1)
            try:
                action = action_from_dict(row.body)
                # The codes a save may hold, a row may hold: nothing else reaches the engine.
                check_actions(SaveGame("", "", "", 0, "en", [action], seats=list(self.info.seats)))
            except (ActionFormatError, ValueError) as exc:
                raise ClassError("classnet.bad_row", seq=row.seq, error=str(exc)) from None
            events = self.session.act(action)
            self.applied = row.seq
            self.action_ids.append(row.action_id)
            done.append(Applied(row, action, events))
        return done

    def wait(self, timeout: float) -> list[Applied]:
        """Wait up to ``timeout`` seconds for new rows and apply them."""
        self.store.wait_for_rows(self.info.id, self.applied, timeout)
        return self.catch_up()

    def may_act(self, author: str) -> bool:
        """A group acts on its own turn; the trainer at any time while the game runs."""
        if self.over:
            return False
        return author == TRAINER or self.whose_turn == author

    def commit(self, author: str, action: Action, seen: list[Applied] | None = None) -> Outcome:
        """Write ``action`` as ``author``'s next row. Rows other processes wrote meanwhile
        are applied first and added to ``seen``, so the caller can show them."""
        action_id = uuid.uuid4().hex  # one id for every try: a retry is not a new action
        body = action_to_dict(action)
        while True:
            caught = self.catch_up()
            if seen is not None:
                seen.extend(caught)
            if not self.may_act(author):
                return Outcome("not_yours", [])
            result = self.store.append(self.info.id, self.applied, action_id, author, body)
            if result.status == "conflict":
                continue  # someone was first: catch up and decide again
            mine: list[Event] = []
            for applied in self.catch_up():
                if applied.row.action_id == action_id:
                    mine = applied.events
                elif seen is not None:
                    seen.append(applied)
            # (Committed before, by a retry: its events were applied in an earlier catch-up.)
            return Outcome("done", mine)

    def savegame(self, lang: str = "en") -> SaveGame:
        """The class game as a save that ``replay`` and ``debrief`` read."""
        game = self.session.savegame()
        game.lang = lang
        game.seats = list(self.info.seats)
        return game

    def digest(self) -> str:
        return state_digest(self.session)
