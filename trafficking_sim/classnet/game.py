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
from ..engine.actions import (
    TRAINER_ACTIONS,
    ActionFormatError,
    Decide,
    action_from_dict,
    action_to_dict,
)
from ..play.saves import SaveGame
from ..play.saves import _check_actions as check_actions
from ..play.session import Session
from . import codes
from .controls import ClassControls, ControlFormatError, check_control
from .store import TRAINER, BaseClassStore, ClassError, ClassInfo, LogRow
from .talk import TalkFormatError, TalkLine, check_talk, is_talk, talk_body


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
    """One row as this process applied it: an engine action and its events, or a
    trainer's control (``action`` None, ``control`` its body)."""

    row: LogRow
    action: Action | None
    events: list[Event]
    control: dict[str, Any] | None = None
    talk: TalkLine | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of a group's action: ``done`` (committed; its events), or ``not_yours``
    (the turn moved on, the trainer paused input or the game ended before it could be
    written: nothing was done)."""

    status: str
    events: list[Event]
    code: str | None = None  # a reissued join code, shown once to the trainer


class ClassGame:
    """The game of one class as this process has applied it (rows 1..``applied``)."""

    def __init__(self, store: BaseClassStore, info: ClassInfo, *, check: bool = True) -> None:
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
        self.controls = ClassControls(content.scenario.duration_minutes)
        self.talk: list[TalkLine] = []  # every chat line and shared note line, in order

    @property
    def whose_turn(self) -> str:
        return self.session.state.role

    @property
    def over(self) -> bool:
        """The game has ended, by its own course or because the trainer ended it."""
        return self.session.state.over or self.controls.ended

    def catch_up(self) -> list[Applied]:
        """Apply the rows written since the last call, in order."""
        done = []
        for row in self.store.rows_after(self.info.id, self.applied):
            if row.seq != self.applied + 1:  # a gap can only be a damaged file
                raise ClassError("classnet.gap", seq=self.applied + 1)
            if "control" in row.body:
                done.append(self._apply_control(row))
                continue
            if is_talk(row.body):
                try:
                    line = check_talk(row.body, row.author, self.info.seats, row.seq, row.at)
                except TalkFormatError as exc:
                    raise ClassError("classnet.bad_row", seq=row.seq, error=str(exc)) from None
                self.talk.append(line)
                self.applied = row.seq
                self.action_ids.append(row.action_id)
                done.append(Applied(row, None, [], talk=line))
                continue
            try:
                action = action_from_dict(row.body)
                # The codes a save may hold, a row may hold: nothing else reaches the engine.
                check_actions(SaveGame("", "", "", 0, "en", [action], seats=list(self.info.seats)))
                _check_author(row.author, action)
            except (ActionFormatError, ValueError) as exc:
                raise ClassError("classnet.bad_row", seq=row.seq, error=str(exc)) from None
            if self.controls.ended:
                # The trainer ended the game: a row written after that changes nothing.
                events: list[Event] = []
            else:
                events = self.session.act(action)
            self.applied = row.seq
            self.action_ids.append(row.action_id)
            done.append(Applied(row, action, events))
        return done

    def _apply_control(self, row: LogRow) -> Applied:
        try:
            if row.author != TRAINER:
                raise ControlFormatError(f"a control written by {row.author!r}, not the trainer")
            body = check_control(row.body, self.info.seats)
        except ControlFormatError as exc:
            raise ClassError("classnet.bad_row", seq=row.seq, error=str(exc)) from None
        self.controls.apply(body, row.seq, row.at)
        self.applied = row.seq
        self.action_ids.append(row.action_id)
        return Applied(row, None, [], body)

    def wait(self, timeout: float) -> list[Applied]:
        """Wait up to ``timeout`` seconds for new rows and apply them."""
        self.store.wait_for_rows(self.info.id, self.applied, timeout)
        return self.catch_up()

    def may_act(self, author: str) -> bool:
        """A group acts on its own turn while the trainer lets groups play; the trainer at
        any time while the game runs."""
        if self.over:
            return False
        if author == TRAINER:
            return True
        return self.whose_turn == author and not self.controls.input_paused

    def control(self, name: str, **fields: Any) -> Outcome:
        """The trainer writes a control as the log's next row (``done``), unless the game
        has ended (``not_yours``; the class debrief is released once, by ``end_game``).

        Revoking or reissuing a code changes the seat in the same transaction; a reissued
        code is returned as the outcome's ``code`` and kept nowhere but as a hash."""
        body = check_control({"control": name, **fields}, self.info.seats)
        seat_code: tuple[str, bytes | None] | None = None
        code = None
        if name == "revoke":
            seat_code = (str(fields["role"]), None)
        elif name == "reissue":
            code = codes.new_code()
            seat_code = (str(fields["role"]), codes.code_hash(code, self.info.salt))
        action_id = uuid.uuid4().hex
        while True:
            self.catch_up()
            if self.controls.ended:
                return Outcome("not_yours", [])
            result = self.store.append(
                self.info.id, self.applied, action_id, TRAINER, body, seat_code=seat_code
            )
            if result.status != "conflict":
                self.catch_up()
                return Outcome("done", [], code)

    def commit(
        self,
        author: str,
        action: Action,
        seen: list[Applied] | None = None,
        *,
        turn_of: str | None = None,
    ) -> Outcome:
        """Write ``action`` as ``author``'s next row. Rows other processes wrote meanwhile
        are applied first and added to ``seen``, so the caller can show them. With
        ``turn_of`` (the trainer acting in a group's place), only while it is that group's
        turn."""
        action_id = uuid.uuid4().hex  # one id for every try: a retry is not a new action
        body = action_to_dict(action)
        while True:
            caught = self.catch_up()
            if seen is not None:
                seen.extend(caught)
            if not self.may_act(author) or turn_of not in (None, self.whose_turn):
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

    def say(self, author: str, kind: str, to: str, text: str) -> Outcome:
        """Write a chat line (``kind`` 'chat', ``to`` a group or 'all') or a line of the
        note two groups share ('shared'), at any turn while the game runs."""
        body = talk_body(kind, to, text)
        check_talk(body, author, self.info.seats, 0, 0.0)  # TalkFormatError: not written
        action_id = uuid.uuid4().hex
        while True:
            self.catch_up()
            if self.over:
                return Outcome("not_yours", [])
            result = self.store.append(self.info.id, self.applied, action_id, author, body)
            if result.status != "conflict":
                return Outcome("done", [])

    def savegame(self, lang: str = "en") -> SaveGame:
        """The class game as a save that ``replay`` and ``debrief`` read."""
        game = self.session.savegame()
        game.lang = lang
        game.seats = list(self.info.seats)
        return game

    def digest(self) -> str:
        return state_digest(self.session)


def _check_author(author: str, action: Action) -> None:
    """A group's row holds a group's action: the trainer's tools, deciding in a group's
    place and the script's answer are the trainer's alone."""
    if author == TRAINER:
        return
    if isinstance(action, TRAINER_ACTIONS) or (
        isinstance(action, Decide) and (action.trainer or action.verdict == "script")
    ):
        raise ValueError(f"a trainer's action written by {author!r}")
