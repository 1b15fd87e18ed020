"""The turn engine: ``step(state, action) -> (state, events)``, pure and deterministic.

The game is a function of the content, the role, the seed and the list of actions. Each
step copies what it changes, applies the action and the rules it triggers, delivers what
has come due, and checks objectives and endings. Nothing here does input or output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from operator import attrgetter
from typing import Any

from ..content import logic as L
from ..content.bundle import GameContent
from ..content.models import Rule, Scenario, Variable
from . import decisions, rules, siena
from . import events as E
from .actions import (
    Action,
    AskPermission,
    Decide,
    Do,
    EndTurn,
    Request,
    Send,
    Share,
    TrainerInject,
    TrainerNote,
    TrainerReveal,
)
from .addressing import cause_of, set_off_by_time
from .compiled import EVERYTHING, UNWATCHED, Program
from .events import Event
from .rng import next_percent, seed_state
from .rules import DISTRUST_MAX_DELAY, Refused
from .state import THB, Breach, GameState, Known, Message, Pending, ScoreChange

LEAN_EVENTS = frozenset({E.RULE_FIRED, E.INJECT, E.FACTS_LEARNED, E.OBJECTIVE_MET, E.GAME_ENDED})
"""The kinds of event a lean engine (``Engine(content, lean=True)``) still reports."""

EXCHANGES = (Send, Share, Request, AskPermission)
"""The actions that count as the player's own exchanges with others."""

_EXCHANGE_TYPES = frozenset(EXCHANGES)  # (looked up by exact type: actions are never subclassed)


MAX_CASCADE = 32
"""How deep rules may trigger injects that trigger rules, before the engine stops a loop."""


class Engine:
    """Plays one scenario: builds the first state and steps it."""

    def __init__(self, content: GameContent, *, lean: bool = False) -> None:
        """``lean`` is for searches over many states: a step then leaves out what no
        later step depends on. The state gets no messages, its scores and score log stay
        as they were, replies without facts are not sent, and the events are only those
        of the kinds in ``LEAN_EVENTS``. What can happen next is the same (the rules,
        facts, variables, objectives and endings), but it is not a game to show.
        """
        self.content = content
        self.program = Program.build(content)
        self.lean = lean
        # The actions ``candidate_actions`` offers, each made once (they never change).
        self._made: dict[tuple[Any, ...], Action] = {}

    # --- public API ---------------------------------------------------------------------

    def new_game(
        self, role: str, seed: int = 0, seats: tuple[str, ...] = ()
    ) -> tuple[GameState, list[E.Event]]:
        """The state at the start of turn 1 and what happened at its start.

        ``seats`` makes a hot-seat game: several roles played by groups taking turns, in
        this order (``role`` must be the first); the other roles are played by rules.
        """
        content = self.content
        for played in (role, *seats):
            if played not in content.roles:
                raise ValueError(
                    f"'{played}' is not a role of this scenario ({', '.join(content.roles)})"
                )
        if seats and (seats[0] != role or len(set(seats)) != len(seats)):
            raise ValueError("seats must start with the role and name each role once")
        knowledge: dict[str, dict[str, Known]] = {actor: {} for actor in content.actors}
        for actor in content.actors.values():
            for fact in actor.knows:
                knowledge[actor.id][fact] = Known(turn=1, via="start")
        scenario = content.scenario
        state = GameState(
            scenario=scenario.id,
            role=role,
            turn=1,
            ap=content.actors[role].action_points,
            rng=seed_state(seed),
            knowledge=knowledge,
            variables={name: var.initial for name, var in scenario.variables.items()},
            scores={p: scenario.scoring.start for p in L.PILLARS},
            seats=tuple(seats) if len(seats) > 1 else (),
        )
        work = _Step(self.content, state, self.program, lean=self.lean)
        work.changed.add(EVERYTHING)
        work.emit(E.TURN_STARTED, turn=1)
        work.start_turn()
        work.settle()
        return work.state, work.events

    def step(self, state: GameState, action: Action) -> tuple[GameState, list[E.Event]]:
        """Apply one action. The input state is never modified."""
        kind = type(action)
        # Points go to the group whose action earned them (the step's scorer); what time
        # moving on brings (replies, events) belongs to no group.
        work = _begin(
            self.content, state, self.program, self.lean, "" if kind is EndTurn else state.role
        )
        new = work.state
        try:
            # (applying the action, spelt out here: every step applies one)
            cost = rules.check(work, action)  # (it refuses any action once the game is over)
            new.ap -= cost
            if kind in _EXCHANGE_TYPES:
                # The player's own cooperation: what the best rating asks for. (Copied here
                # rather than through ``own``, and not recorded in ``_owned``: nothing else
                # in a step writes to it.)
                role = new.role
                exchanges = new.exchanges = dict(new.exchanges)
                exchanges[role] = exchanges.get(role, 0) + 1
            if kind is EndTurn:
                work.end_turn()
            elif kind is Share:
                work._share(action)  # type: ignore[arg-type]
            elif kind is Send:
                work._send(action)  # type: ignore[arg-type]
            elif kind is Request:
                work._request(action)  # type: ignore[arg-type]
            elif kind is Do:
                work._do(action)  # type: ignore[arg-type]
            elif isinstance(action, AskPermission):
                work._ask_permission(action)
            elif isinstance(action, TrainerInject):
                work.run_inject(action.inject)
            elif isinstance(action, TrainerReveal):
                work.learn(action.actor, [action.fact], Known(new.turn, via="trainer"))
            elif isinstance(action, TrainerNote):
                work.emit(E.TRAINER_NOTE, text=action.text.strip())
            elif isinstance(action, Decide):
                decisions.apply(work, action)
        except Refused as refusal:
            # A refused action changes nothing that objectives or endings look at.
            work.refuse(action, refusal)
            return new, work.events
        # (``settle``, spelt out, and ``deliver_due`` called only when something is due:
        # most steps deliver nothing)
        turn = new.turn
        for item in new.pending:
            if item.due <= turn:
                work.deliver_due()
                break
        changed = work.changed
        if changed:
            # (``check_outcomes``'s test of ``_watched``, spelt out: most steps change
            # nothing that an objective or an ending reads)
            watched = self.program._watched.get(new.seats or new.role)
            if watched is None or not watched.isdisjoint(changed):
                work.check_outcomes()
        return new, work.events

    def replay(
        self, role: str, seed: int, actions: Iterable[Action], seats: tuple[str, ...] = ()
    ) -> tuple[GameState, list[E.Event]]:
        state, events = self.new_game(role, seed, seats)
        for action in actions:
            state, new = self.step(state, action)
            events += new
        return state, events

    def legal_actions(self, state: GameState) -> list[Action]:
        """Actions the engine would accept now (a representative set for searches).

        SIENA messages are offered one fact at a time, under H0 and at normal priority;
        free text never changes what can happen, so it is left empty.
        """
        if state.over:
            return []
        accepted = [a for a in self.candidate_actions(state) if self.accepts(state, a)]
        accepted.append(EndTurn())
        return accepted

    def candidate_actions(self, state: GameState) -> list[Action]:
        """The actions ``legal_actions`` chooses from, before checking each (no EndTurn).

        Cheap checks are made here already (channels the role has, points left, steps
        done once), so a search does not spend its time stepping sure refusals.
        """
        if state.over:
            return []
        content = self.content
        me = content.actors[state.role]
        known = state.knowledge.get(state.role, {})
        ap = state.ap
        candidates: list[Action] = []
        made = self._made  # (each action object made once: a frozen dataclass is slow to make)

        def make(cls: type[Action], *args: Any) -> Action:
            key = (cls, *args)
            found = made.get(key)
            if found is None:
                found = made[key] = cls(*args)
            return found

        def send(to: tuple[str, ...], facts: tuple[str, ...], priority: str) -> Action:
            key = (Send, to, facts, priority)
            found = made.get(key)
            if found is None:
                found = made[key] = Send(to=to, facts=facts, priority=priority)
            return found

        def share(to: str, facts: tuple[str, ...]) -> Action:
            key = (Share, to, facts)
            found = made.get(key)
            if found is None:
                found = made[key] = Share(to=to, facts=facts)
            return found

        for action in content.actions.values():
            if state.role not in action.by or action.cost > ap:
                continue
            if not action.repeatable and state.done.get(action.id):
                continue
            if not action.targets:
                candidates.append(make(Do, action.id))
            else:
                candidates += [
                    make(Do, action.id, f) for f in known if content.facts[f].kind in action.targets
                ]
        for actor in content.actors.values():
            if actor.id == state.role:
                continue
            # Urgency is worth trying only where it makes the answer come sooner.
            faster = actor.reply_delay.urgent < actor.reply_delay.normal
            for service in actor.services.values():
                if service.refuse is not None or not me.uses(service.channel):
                    continue
                if service.cost > ap:
                    continue
                speeds = ("normal", "urgent") if faster and service.cost < ap else ("normal",)
                if not service.targets:
                    candidates += [make(Request, actor.id, service.id, None, p) for p in speeds]
                else:
                    candidates += [
                        make(Request, actor.id, service.id, f, p)
                        for f in known
                        if content.facts[f].kind in service.targets
                        for p in speeds
                    ]
            if ap < 1:
                continue
            if me.uses("siena") and actor.uses("siena"):
                speeds = ("normal", "urgent") if faster and ap >= 2 else ("normal",)
                to = (actor.id,)
                candidates += [send(to, (), p) for p in speeds]
                candidates += [send(to, (f,), p) for f in known for p in speeds]
            if me.uses("direct") and actor.uses("direct"):
                candidates.append(share(actor.id, ()))  # a call that only asks
                candidates += [share(actor.id, (f,)) for f in known]
        for fact, how in known.items():
            if (
                ap >= 1
                and how.handling in ("H1", "H2")
                and how.source
                and (fact, how.source) not in state.permissions
            ):
                candidates.append(make(AskPermission, fact))
        return candidates

    def accepts(self, state: GameState, action: Action) -> bool:
        """Whether ``action`` would be taken rather than refused (no side effects)."""
        work = _Step(self.content, state, self.program, read_only=True)
        rng = state.rng
        try:
            rules.check(work, action)
        except Refused:
            return False
        finally:
            # A condition that draws a chance (a service's 'requires') spends the state's
            # draws: put them back, so asking changes nothing and the step draws the same.
            state.rng = rng
        return True


class _Step:
    """One step's working copy of the state, with the events it produces."""

    __slots__ = (
        "_copied",
        "_owned",
        "addressee",
        "changed",
        "content",
        "deciding",
        "depth",
        "events",
        "lean",
        "message",
        "program",
        "responder",
        "scenario",
        "scorer",
        "state",
    )

    def __init__(
        self,
        content: GameContent,
        state: GameState,
        program: Program,
        *,
        read_only: bool = False,
        lean: bool = False,
    ) -> None:
        self.content = content
        self.scenario = content.scenario
        self.program = program
        self.events: list[E.Event] = []
        self.message: Message | None = None
        self.depth = 0
        self.responder: str | None = None  # who answers for the rule being applied
        self.scorer = ""  # the role a score change is credited to
        self.deciding: str | None = None  # hot-seat: the role a group answers a request for
        self.addressee: str | None = None  # hot-seat: who that answer goes to
        # The actors whose facts this step has copied (None: none yet, nor the knowledge).
        self._copied: set[str] | None = None
        self._owned: set[str] = set()  # the state's dicts this step has copied
        # What changed since objectives and endings were last checked (see
        # ``compiled.reads``; ``UNWATCHED`` for a change no condition's reads name): they
        # are checked again only when it is not empty, and only those that read one of
        # these can have become true.
        self.changed: set[Any] = set()
        self.lean = lean
        # Checking an action only reads the state, so it needs no copy; a step copies each
        # dict of the state only before it first writes to it (see ``own``).
        self.state = state if read_only else state.shallow()

    def own(self, name: str) -> dict[Any, Any]:
        """The state's dict ``name``, copied first if this step has not written to it yet:
        until then it is still the input state's, which a step never changes."""
        if name in self._owned:
            return getattr(self.state, name)  # type: ignore[no-any-return]
        self._owned.add(name)
        mine = dict(getattr(self.state, name))
        setattr(self.state, name, mine)
        return mine

    def holds(self, cond: Any) -> bool:
        return self.program.conditions(cond)(self)

    # --- small helpers --------------------------------------------------------------------

    @property
    def role(self) -> str:
        return self.state.role

    def emit(self, kind: E.EventKind, **data: Any) -> None:
        if self.lean and kind not in LEAN_EVENTS:
            return
        self.events.append(E.Event(kind, self.state.turn, data))

    def draw_percent(self) -> int:
        self.state.rng, value = next_percent(self.state.rng)
        return value

    def seq(self) -> int:
        value = self.state.next_seq
        self.state.next_seq += 1
        return value

    def learn(self, actor: str, facts: Iterable[str], known: Known) -> list[str]:
        """Record that ``actor`` knows facts; returns those that are new to it."""
        state = self.state
        mine = state.knowledge.get(actor, _NO_FACTS)
        new = []
        for fact in facts:  # (a loop: most calls bring one fact or none)
            if fact not in mine:
                new.append(fact)
        if not new:
            return new  # (nothing to copy: most replies and shares bring nothing new)
        copied = self._copied
        if copied is None:
            # (``own``, spelt out: only this method copies the knowledge, so the step owns
            # it once it has copied an actor's facts; no set is made before the first)
            knowledge = state.knowledge = dict(state.knowledge)
            mine = knowledge[actor] = dict(mine)
            self._copied = {actor}
        elif actor not in copied:
            mine = state.knowledge[actor] = dict(mine)
            copied.add(actor)
        for fact in new:
            mine[fact] = known
        self.changed.add(("k", actor))
        # (``emit`` inlined here and below, the event stored slot by slot as ``_new`` says:
        # a step makes about four events)
        event = _new(Event)
        event.kind = E.FACTS_LEARNED
        event.turn = state.turn
        event.data = {"actor": actor, "facts": new, "source": known.source, "via": known.via}
        self.events.append(event)
        return new

    def score(
        self,
        pillar: str,
        delta: int,
        reason: tuple[tuple[str, Any], ...],
        source: dict[str, str] | None,
        origin: str,
    ) -> None:
        if self.lean:
            return  # no condition reads a score
        state = self.state
        before = state.scores[pillar]
        after = max(0, min(100, before + delta))
        change = _new(ScoreChange)  # (stored slot by slot: see ``_new``)
        change.turn = state.turn
        change.pillar = pillar
        change.delta = delta
        change.reason = reason
        change.source = tuple(sorted((source or {}).items()))
        change.origin = origin
        change.by = self.scorer
        owned = self._owned
        if "scores" in owned:  # (``own``, spelt out: most steps that score score once)
            scores = state.scores
        else:
            owned.add("scores")
            scores = state.scores = dict(state.scores)
        scores[pillar] = after
        state.score_log = state.score_log + (change,)  # noqa: RUF005 - one copy, no list
        event = _new(Event)  # (``emit`` inlined: a lean step has returned above)
        event.kind = E.SCORE_CHANGED
        event.turn = state.turn
        event.data = {
            "pillar": pillar,
            "delta": delta,
            "score": after,
            "reason": dict(reason),
            "source": source,
            "origin": origin,
            "by": self.scorer,
        }
        self.events.append(event)

    def new_message(self, thread: int | None = None, **fields: Any) -> Message:
        state = self.state
        ident = len(state.messages) + 1
        message = Message(
            id=ident,
            turn=state.turn,
            thread=ident if thread is None else thread,
            case=self.scenario.case.reference,
            **fields,
        )
        if not self.lean:  # (a lean step keeps no messages: no condition reads them)
            state.messages = (*state.messages, message)
        return message

    def schedule(self, due: int, kind: str, **data: Any) -> None:
        item = Pending(due, self.seq(), kind, data)
        self.state.pending = (*self.state.pending, item)

    def breach(self, kind: str, fact: str, recipient: str, provider: str | None) -> None:
        """Record a breach; a partner whose trust it breaks hears of it."""
        record = Breach(self.state.turn, kind, fact, recipient, provider, self.state.role)
        self.state.breaches = (*self.state.breaches, record)
        self.changed.add(UNWATCHED)
        if provider is not None and provider != self.state.role:
            self.emit(
                E.TRUST_LOST,
                actor=provider,
                fact=fact,
                breach=kind,
                level=self.state.distrust(provider),
                by=self.state.role,
            )

    def law_source(self, what: str) -> dict[str, str]:
        """The data-protection law that binds the acting role, for ``what`` it breaks."""
        return {"key": f"source.{what}.{self.content.actors[self.state.role].data_law}"}

    # --- refusals ---------------------------------------------------------------------------

    def refuse(self, action: Action, refusal: Refused) -> None:
        if self.lean:
            # Only an event and a score change, neither kept; but a breach changes what
            # partners do.
            if refusal.breach is not None:
                self.breach(*refusal.breach)
            return
        from .actions import action_to_dict

        reason: dict[str, Any] = (
            {"text": refusal.text}
            if refusal.text
            else {"key": refusal.key, "params": refusal.params}
        )
        self.emit(
            E.ACTION_REFUSED,
            action=action_to_dict(action),
            reason=reason,
            source=refusal.source,
            by=self.state.role,
        )
        if refusal.penalty and refusal.penalty[1]:
            pillar, delta = refusal.penalty
            self.score(
                pillar, delta, tuple(reason.items()), refusal.source, f"refusal:{refusal.key}"
            )
        if refusal.breach is not None:
            self.breach(*refusal.breach)

    # --- applying actions -------------------------------------------------------------------

    def _hand_over(self, message: Message) -> None:
        """Recipients learn the attached facts; scoring for need and need-to-know. The
        message is the acting role's own (a share, a SIENA message, a request), so a
        breach of need-to-know is the player's."""
        # (a breach is recorded as the player's below: only the acting role's own
        # message may come here)
        assert message.sender == self.state.role, "only the acting role's message"
        facts = message.facts
        if not facts:
            return  # a call or a request that only asks
        for recipient in message.recipients:
            new = self.learn(recipient, facts, _known_from(message, self.state.turn))
            if new:  # (what is not new is neither credited nor a breach)
                self._credit_needs(recipient, facts, new, check_need_to_know=True, by_player=True)

    def _credit_needs(
        self,
        actor: str,
        facts: Sequence[str],
        new: Sequence[str],
        *,
        check_need_to_know: bool,
        by_player: bool = False,
    ) -> None:
        """Score a needed fact reaching its actor, and personal data reaching one without need."""
        if self.lean:
            if by_player:  # no scores, but a breach changes what partners do
                for fact in new:
                    if (
                        self.content.facts[fact].personal_data
                        and fact not in self.content.actors[actor].needs
                    ):
                        self.breach("need_to_know", fact, actor, None)
            return
        scoring = self.scenario.scoring
        needs = self.content.actors[actor].needs
        for fact in facts:
            personal = self.content.facts[fact].personal_data
            if check_need_to_know and personal and fact in new and fact not in needs:
                self.score(
                    "standards",
                    scoring.need_to_know,
                    (("key", "need_to_know"), ("params", {"fact": fact, "actor": actor})),
                    self.law_source("need_to_know"),
                    f"need_to_know:{fact}:{actor}",
                )
                if by_player:
                    self.breach("need_to_know", fact, actor, None)
            elif fact in new and fact in needs and scoring.need_met:
                key, params = (
                    ("need_met_self", {"fact": fact})
                    if actor == self.state.role
                    else ("need_met", {"fact": fact, "actor": actor})
                )
                self.score(
                    "information_exchange",
                    scoring.need_met,
                    (("key", key), ("params", params)),
                    None,
                    f"need_met:{fact}:{actor}",
                )

    def _send(self, action: Send) -> None:
        state = self.state
        ident = len(state.messages) + 1
        thread = ident
        if action.reply_to is not None:
            thread = next(m.thread for m in state.messages if m.id == action.reply_to)
        # (stored slot by slot, not ``Message(...)``: see ``_new``)
        message = _new(Message)
        message.id = ident
        message.turn = state.turn
        message.kind = "message"
        message.channel = "siena"
        message.sender = state.role
        message.recipients = tuple(action.to)
        message.facts = tuple(action.facts)
        message.subject = action.subject
        message.body = action.body
        message.subject_id = None
        message.body_id = None
        message.handling = action.handling
        message.handling_note = action.handling_note
        message.source_code = action.source_code
        message.info_code = action.info_code
        message.priority = action.priority
        message.case = self.scenario.case.reference
        message.crime_area = THB
        message.thread = thread
        message.in_reply_to = action.reply_to
        message.service = None
        if not self.lean:
            state.messages = state.messages + (message,)  # noqa: RUF005 - one copy, no list
            event = _new(Event)
            event.kind = E.MESSAGE_SENT
            event.turn = state.turn
            event.data = {"message": ident}
            self.events.append(event)
        self._score_grading(message)
        if message.facts:  # (a call or a message that only asks hands nothing over)
            self._hand_over(message)
        self._answer(message)

    def _score_grading(self, message: Message) -> None:
        """Every scenario scores the evaluation code the same way: a graded message whose
        own facts deserve another grade loses Standards, with why; a fitting grade gains."""
        if self.lean or message.source_code is None or message.info_code is None:
            return  # ungraded: the provider grades 'as far as possible'
        mine = self.state.knowledge.get(self.state.role, {})
        graded = [
            (fact, self.content.facts[fact].grade)
            for fact in message.facts
            if self.content.facts[fact].grade is not None and mine[fact].source is None
        ]
        if not graded:
            return  # only what the sender found itself is its to grade
        given = f"{message.source_code}{message.info_code}"
        wrong = [(f, g) for f, g in graded if g is not None and f"{g.source}{g.info}" != given]
        points = self.scenario.scoring.grading
        if wrong:
            fact, grade = wrong[0]
            assert grade is not None
            self.score(
                "standards",
                -points,
                (
                    ("key", "graded_wrong"),
                    (
                        "params",
                        {
                            "fact": fact,
                            "given": given,
                            "fits": f"{grade.source}{grade.info}",
                            "why": {"text": grade.why.id},
                        },
                    ),
                ),
                {"key": siena.EVALUATION_SOURCE},
                f"grading:{message.id}",
            )
        elif points:
            self.score(
                "standards",
                points,
                (("key", "graded_right"), ("params", {"given": given})),
                {"key": siena.EVALUATION_SOURCE},
                f"grading:{message.id}",
            )

    def _share(self, action: Share) -> None:
        state = self.state
        ident = len(state.messages) + 1
        # (stored slot by slot, not ``Message(...)``: see ``_new``)
        message = _new(Message)
        message.id = ident
        message.turn = state.turn
        message.kind = "share"
        message.channel = "direct"
        message.sender = state.role
        message.recipients = (action.to,)
        message.facts = tuple(action.facts)
        message.subject = ""
        message.body = action.note
        message.subject_id = None
        message.body_id = None
        message.handling = None
        message.handling_note = ""
        message.source_code = None
        message.info_code = None
        message.priority = "normal"
        message.case = self.scenario.case.reference
        message.crime_area = THB
        message.thread = ident
        message.in_reply_to = None
        message.service = None
        if not self.lean:
            state.messages = state.messages + (message,)  # noqa: RUF005 - one copy, no list
            event = _new(Event)
            event.kind = E.MESSAGE_SENT
            event.turn = state.turn
            event.data = {"message": ident}
            self.events.append(event)
        if message.facts:  # (a call or a message that only asks hands nothing over)
            self._hand_over(message)
        self._answer(message)

    def _answer(self, message: Message) -> None:
        """Rules answer a message; recipients no rule answered acknowledge it."""
        recipients = message.recipients
        # (the rules' filters are folded into their checks: see ``Program.answering``)
        program = self.program
        state = self.state
        # (``answering``'s remembered answer, read directly: its key names the roles
        # played as ``compiled._played_key`` does, without making a tuple)
        among = program._answering.get((recipients, state.seats or state.role))
        if among is None:
            among = program.answering(recipients, state.seats or (state.role,))
        if among:
            self.message = message  # (what the rules' checks and effects read)
            replied = self.fire("message", None, recipients, among)
            self.message = None
        else:
            # (no call when no rule can answer, as for most messages: ``fire`` would find
            # none, and an action's message is answered at depth 0, far from the cascade
            # limit, with no message being answered: an effect that sends would not be)
            assert self.depth == 0 and self.message is None, "an action's message only"
            replied = _NOBODY
        seats = state.seats
        for recipient in recipients:
            # A group in a hot-seat game answers for itself; others acknowledge.
            if recipient not in replied and recipient not in seats:
                body = self.program.acknowledgements[recipient]
                self._reply_later(recipient, message, body, None, (), None, None)

    def _request(self, action: Request) -> None:
        # (``Engine.step`` has checked it: checking again would draw a 'requires' chance twice)
        agency = self.content.actors[action.agency]
        service = agency.services[action.service]
        facts = (action.fact,) if action.fact else ()
        state = self.state
        ident = len(state.messages) + 1
        # (stored slot by slot, not ``Message(...)``: see ``_new``)
        message = _new(Message)
        message.id = ident
        message.turn = state.turn
        message.kind = "request"
        message.channel = service.channel
        message.sender = state.role
        message.recipients = (agency.id,)
        message.facts = facts
        message.subject = ""
        message.body = action.note
        message.subject_id = service.label.id
        message.body_id = None
        message.handling = None
        message.handling_note = ""
        message.source_code = None
        message.info_code = None
        message.priority = action.priority
        message.case = self.scenario.case.reference
        message.crime_area = THB
        message.thread = ident
        message.in_reply_to = None
        message.service = service.id
        if not self.lean:
            state.messages = state.messages + (message,)  # noqa: RUF005 - one copy, no list
            event = _new(Event)
            event.kind = E.MESSAGE_SENT
            event.turn = state.turn
            event.data = {"message": ident}
            self.events.append(event)
        self._hand_over(message)
        self.message = message

        def matches(rule: Rule) -> bool:
            assert isinstance(rule.when, L.OnRequest)
            flt = rule.when.request
            return (
                flt.agency == agency.id
                and flt.service == service.id
                and (flt.fact is None or flt.fact == action.fact)
            )

        replied = self.fire("request", matches, ((agency.id, service.id),))
        self.message = None
        if agency.id in self.state.seats:
            # A group plays this role: it decides, not the role's script.
            self.state.open_requests = (*self.state.open_requests, message.id)
        elif agency.id not in replied:
            body = (service.reply or agency.default_reply).id
            self._reply_later(agency.id, message, body, service.after, (), None, None)

    def _do(self, action: Do) -> None:
        spec = self.content.actions[action.action]
        self.own("done")[spec.id] = self.state.done.get(spec.id, 0) + 1
        self.changed.add(("d", spec.id))
        self.emit(E.ACTION_DONE, action=spec.id, fact=action.fact, by=self.state.role)
        plans = self.program.plans
        key = ("action", spec.id)
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = (_handlers(spec.then, self.scenario), f"action:{spec.id}")
        self.run(*plan)
        self.fire("action", None, (spec.id,))

    def _ask_permission(self, action: AskPermission) -> None:
        provider, _ = rules.check_permission(self, action)
        message = self.new_message(
            kind="permission",
            channel=(
                self.content.actors[provider].uses("siena")
                and self.content.actors[self.state.role].uses("siena")
                and "siena"
            )
            or "direct",
            sender=self.state.role,
            recipients=(provider,),
            facts=(action.fact,),
        )
        self.emit(E.MESSAGE_SENT, message=message.id)
        self.message = message
        self.fire("permission", None, (action.fact,))
        self.message = None
        delay = self.content.actors[provider].reply_delay.normal + min(
            DISTRUST_MAX_DELAY, self.state.distrust(provider)
        )
        self.schedule(
            self.state.turn + delay,
            "grant",
            fact=action.fact,
            provider=provider,
            message=message.id,
            **self._addressee(),
        )

    def _reply_later(
        self,
        sender: str,
        request: Message | None,
        body_id: str,
        after: int | None,
        facts: tuple[str, ...],
        handling: str | None,
        evaluation: str | None,
        subject_id: str | None = None,
    ) -> None:
        if self.lean and not facts:
            # Its delivery would only add a message: a reply without facts fires no rule
            # and teaches no one anything.
            return
        state = self.state
        actor = self.content.actors[sender]
        if after is None:
            delay = actor.reply_delay
            after = (
                delay.urgent
                if request is not None and request.priority == "urgent"
                else delay.normal
            )
        if state.breaches and sender != state.role:
            # A partner whose trust was broken answers more slowly.
            after += min(DISTRUST_MAX_DELAY, state.distrust(sender))
        ident: int | None
        thread: int | None
        if request is not None:
            channel, ident, thread = request.channel, request.id, request.thread
        else:
            ident = thread = None
            channel = (
                "siena"
                if actor.uses("siena")
                and self.content.actors[self.scorer or state.role].uses("siena")
                else "direct"
            )
        data = {
            "sender": sender,
            "body": body_id,
            "subject": subject_id,
            "facts": facts,
            "handling": handling,
            "evaluation": evaluation,
            "channel": channel,
            "request": ident,
            "thread": thread,
        }
        if state.seats:
            data["to"] = self.addressee or self.scorer or state.role
        item = _new(Pending)  # (stored slot by slot: see ``_new``)
        item.due = state.turn + after
        item.seq = state.next_seq
        item.kind = "reply"
        item.data = data
        state.next_seq += 1
        state.pending = state.pending + (item,)  # noqa: RUF005 - one copy, no list

    def _addressee(self) -> dict[str, str]:
        """In a hot-seat game, who a reply is for: the group whose action set it off (for
        a rule time set off, the group it follows up on), not whoever's turn it is when
        the reply arrives."""
        if not self.state.seats:
            return {}
        return {"to": self.addressee or self.scorer or self.state.role}

    # --- turns ------------------------------------------------------------------------------

    def end_turn(self) -> None:
        state = self.state
        seats = state.seats
        if seats and state.role != seats[-1]:
            # A hot-seat game: the next group plays the same turn.
            following = seats[seats.index(state.role) + 1]
            state.role = following
            state.ap = self.content.actors[following].action_points
            self.emit(E.SEAT_PASSED, role=following)
            return
        if self.program.turn_end:  # (the flagship has no rule at a turn's end)
            self.fire("turn_end", None)
        if state.ending is not None:  # (``state.over``, spelt out)
            return
        if state.turn >= self.scenario.max_turns:
            # What the last turn's rules achieved counts before time runs out.
            self.changed.add(EVERYTHING)
            self.check_outcomes()
            self.finish(self.scenario.timeout_ending)
            return
        state.turn += 1
        self.changed.add("turn")
        if seats:
            state.role = seats[0]
        state.ap = self.content.actors[state.role].action_points
        if not self.lean:  # (``emit``, spelt out: every turn starts so)
            event = _new(Event)
            event.kind = E.TURN_STARTED
            event.turn = state.turn
            event.data = {"turn": state.turn}
            self.events.append(event)
        self.start_turn()

    def start_turn(self) -> None:
        self.deliver_due()
        # Scheduled at this turn, or (without one) waiting for its condition to hold.
        state = self.state
        # (the injects that have come are left out; one run here is looked at again below,
        # since an inject's rules can run another)
        program = self.program
        # (``roles`` and ``injects_waiting``'s remembered answers read directly, as in
        # ``fire``: every turn asks)
        played = state.seats or (state.role,)
        roles = program._roles.get(played) or program.roles(played)
        injects = (
            None
            if program.scan_all
            else program._injects_waiting.get((roles, state.turn, state.injected))
        )
        if injects is None:
            injects = program.injects_waiting(roles, state.turn, state.injected)
        for inject, check in injects:
            if inject in state.injected:
                continue
            if check is None or check(self):
                self.run_inject(inject)
        self.fire("turn_start", None)

    def deliver_due(self) -> None:
        """Deliver what has come due, earliest first (by due turn, then by when it was
        scheduled).

        Everything due now is taken off in one pass: what a delivery schedules comes after
        it (a later ``seq``, and a due turn no earlier than this one), so delivering the
        batch in order, then what has come due meanwhile, is the one-by-one order.
        """
        state = self.state
        while True:
            turn = state.turn
            pending = state.pending
            for item in pending:
                if item.due <= turn:
                    break
            else:
                return  # (the common case: nothing due; no list is built)
            if state.ending is not None:
                return
            due = []
            later = []
            for item in pending:  # (one pass, no comprehension frames: every turn does it)
                if item.due <= turn:
                    due.append(item)
                else:
                    later.append(item)
            state.pending = tuple(later)
            if len(due) > 1:
                due.sort(key=_due_order)
            for item in due:
                if state.ending is not None:
                    return  # (``finish`` has dropped everything still pending)
                kind = item.kind
                if kind == "reply":
                    self._deliver_reply(item)
                elif kind == "grant":
                    self._deliver_grant(item)
                elif kind == "inject":
                    self.run_inject(item.data["id"])

    def _deliver_reply(self, item: Pending) -> None:
        # (read directly, by subscript: every turn delivers replies, and ``_reply_later``,
        # which alone schedules them, gives every key but 'to')
        data = item.data
        evaluation = data["evaluation"]
        state = self.state
        recipient = data.get("to") or state.role
        ident = len(state.messages) + 1
        # (built here rather than through ``new_message``: every turn delivers replies;
        # stored slot by slot, see ``_new``)
        message = _new(Message)
        message.id = ident
        message.turn = state.turn
        message.kind = "reply"
        message.channel = data["channel"]
        message.sender = data["sender"]
        message.recipients = (recipient,)
        message.facts = tuple(data["facts"])
        message.subject = ""
        message.body = ""
        message.subject_id = data["subject"]
        message.body_id = data["body"]
        message.handling = data["handling"]
        message.handling_note = ""
        if evaluation:
            message.source_code = evaluation[0]
            message.info_code = evaluation[1]
        else:
            message.source_code = message.info_code = None
        message.priority = "normal"
        message.case = self.scenario.case.reference
        message.crime_area = THB
        message.thread = data["thread"] or ident
        message.in_reply_to = data["request"]
        message.service = None
        if not self.lean:
            state.messages = state.messages + (message,)  # noqa: RUF005 - one copy, no list
            event = _new(Event)
            event.kind = E.MESSAGE_RECEIVED
            event.turn = state.turn
            event.data = {"message": ident}
            self.events.append(event)
        if not message.facts:
            return  # an acknowledgement: nothing to learn or to credit
        if not state.seats:
            self._receive(message, recipient)
            return
        scorer = self.scorer
        self.scorer = recipient  # what the reply brings is the asking group's
        try:
            self._receive(message, recipient)
        finally:
            self.scorer = scorer

    def _receive(self, message: Message, recipient: str) -> None:
        known = _known_from(message, self.state.turn)
        new = self.learn(recipient, message.facts, known)
        if new:  # (what is not new is neither credited nor a breach)
            self._credit_needs(recipient, message.facts, new, check_need_to_know=False)

    def _deliver_grant(self, item: Pending) -> None:
        fact, provider = item.get("fact"), item.get("provider")
        asker = item.get("to") or self.state.role
        self.state.permissions = self.state.permissions | {(fact, provider)}
        message = self.new_message(
            kind="reply",
            channel="siena"
            if self.content.actors[provider].uses("siena")
            and self.content.actors[asker].uses("siena")
            else "direct",
            sender=provider,
            recipients=(asker,),
            subject_id=self.content.facts[fact].label.id,
            body_id="permission.granted",
            in_reply_to=item.get("message"),
        )
        self.emit(E.PERMISSION_GRANTED, fact=fact, provider=provider, message=message.id)

    def run_inject(self, inject_id: str) -> None:
        inject = self.content.injects[inject_id]
        state = self.state
        if inject_id in state.injected:
            return
        state.injected = state.injected | {inject_id}
        self.changed.add(("i", inject_id))
        event = _new(Event)
        event.kind = E.INJECT
        event.turn = state.turn
        event.data = {"inject": inject_id, "audience": list(inject.audience)}
        self.events.append(event)
        plans = self.program.plans
        key = ("inject", inject_id)
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = (_handlers(inject.then, self.scenario), f"inject:{inject_id}")
        self.run(*plan)
        self.fire("inject", None, (inject_id,))

    def finish(self, ending: str) -> None:
        if self.state.ending is None:
            self.state.ending = ending
            self.state.pending = ()
            self.emit(E.GAME_ENDED, ending=ending)

    # --- rules and effects ----------------------------------------------------------------

    def fire(
        self,
        kind: str,
        matches: Any,
        keys: tuple[Any, ...] | None = None,
        among: list[tuple[Rule, Any]] | None = None,
    ) -> AbstractSet[str]:
        """Fire the rules of one trigger kind that match and whose condition holds.

        ``among``: the rules to look at, if the caller has them (``Program.answering``).
        Returns the actors that replied, so that those left silent can acknowledge.
        """
        replied: AbstractSet[str] = _NOBODY  # (most calls: no one replies; no set made)
        depth = self.depth
        if depth >= MAX_CASCADE:
            self.emit(E.RULE_FIRED, rule=None, stopped="cascade limit")
            return replied
        state = self.state
        # Whether each rule's ``once``, ``plays`` and ``matches`` are still to be tested:
        # not for a turn's waiting rules, which ``Program.waiting`` has already picked by
        # them (a rule there plays no role played, fires no one's decision, and has not
        # fired if it fires once; nothing a rule does starts or ends a turn, so none of
        # them fires before the loop comes to it).
        sifted = False
        if among is not None:
            rules = among
        elif keys is not None:
            # (``candidates``'s remembered answer read directly: asked at every inject)
            cached = self.program._found.get((kind, keys))
            rules = self.program.candidates(kind, keys) if cached is None else cached
        elif self.deciding is None:
            # Turn start and end: only the rules that can fire in this game at this turn,
            # and have not fired if they fire once.
            # (``roles`` and ``waiting``'s remembered answers read directly)
            program = self.program
            played = state.seats or (state.role,)
            roles = program._roles.get(played) or program.roles(played)
            waiting = (
                None
                if program.scan_all
                else program._waiting.get((kind, roles, state.turn, state.fired))
            )
            rules = (
                program.waiting(kind, roles, state.turn, state.fired)
                if waiting is None
                else waiting
            )
            sifted = matches is None and not program.scan_all
        else:  # pragma: no cover - a group's decision fires keyed rules only
            rules = self.program.rules.get(kind, [])
        if not rules or state.ending is not None:
            return replied
        plans = self.program.plans
        # (the game's end is tested before the loop and after each rule that fires: only an
        # effect ends it, none of the tests of a rule that does not fire; and the cascade
        # is one deeper while a rule's effects run, the only place it can go deeper)
        for rule, check in rules:
            if not sifted:
                if rule.once and rule.id in state.fired:
                    continue
                plays = rule.plays
                if (
                    plays is not None
                    and plays != self.deciding
                    and (plays == state.role or plays in state.seats)
                ):
                    continue  # a role people play acts for itself (unless it lets the rule)
                if matches is not None and not matches(rule):
                    continue
            if check is not None and not check(self):
                continue
            ident = rule.id
            if replied and self._replies_again(rule, replied):
                continue  # one request, one reply: the first rule that answers wins
            plan = plans.get(ident)
            if plan is None:
                plan = plans[ident] = _RulePlan(rule, self.scenario)
            state.fired = state.fired | {ident}
            self.changed.add(plan.fired)
            event = _new(Event)
            event.kind = E.RULE_FIRED
            event.turn = state.turn
            event.data = {"rule": ident}
            self.events.append(event)
            outer = self.responder
            to = plan.to
            if to is not None:
                self.responder = (self.scorer or state.role) if to == L.PLAYER else to
            elif plan.by_request:
                self.responder = plan.agency
            else:
                message = self.message
                self.responder = (
                    message.recipients[0] if message is not None and message.recipients else None
                )
            scorer = self.scorer
            if state.seats:
                # A class game: the rule answers, and credits, the group behind it.
                if not scorer and set_off_by_time(rule.when):
                    self.scorer = cause_of(
                        rule.if_, state.seats, state.causes, self.program.done_by
                    )
                self.own("causes")[rule.id] = self.scorer
            self.depth = depth + 1
            try:
                origin = plan.origin
                # (``run``, spelt out: a rule that fires is on every turn's way)
                for handler, effect in plan.effects:
                    found = handler(self, effect, origin)
                    if found:
                        replied = replied | found
                    if state.ending is not None:
                        break
            finally:
                self.responder = outer
                self.scorer = scorer
                self.depth = depth
            if state.ending is not None:
                break
        return replied

    def _replies_again(self, rule: Rule, replied: AbstractSet[str]) -> bool:
        """Whether ``rule`` would answer for an actor that has already answered this
        message or request (a rule fired earlier may have made its condition true)."""
        for effect in rule.then:
            if isinstance(effect, L.Reply):
                sender = (
                    self._actor(effect.reply.sender)
                    if effect.reply.sender
                    else (self._responder(rule) or self.state.role)
                )
                if sender in replied:
                    return True
        return False

    def _responder(self, rule: Rule) -> str | None:
        """Who a reply without 'from:' comes from: the addressee the rule is about."""
        when = rule.when
        if isinstance(when, L.OnMessage) and when.message.to is not None:
            return self._actor(when.message.to)
        if isinstance(when, L.OnRequest):
            return when.request.agency
        if self.message is not None and self.message.recipients:
            return self.message.recipients[0]
        return None

    def run(self, effects: _Handlers, origin: str) -> AbstractSet[str]:
        """Apply effects, each with its handler, until the game ends; who replied."""
        replied: AbstractSet[str] = _NOBODY
        state = self.state
        for handler, effect in effects:
            if state.ending is not None:
                break
            found = handler(self, effect, origin)
            if found:
                replied = replied | found
        return replied

    def _actor(self, actor: str) -> str:
        # 'player' in a class game: the group the rule answers (see ``fire``).
        return (self.scorer or self.state.role) if actor == L.PLAYER else actor

    # The effects below take what ``_EFFECT_DATA`` took out of the effect once per engine.

    def _reveal(self, data: tuple[str, str | None, str | None, list[str]], origin: str) -> None:
        to, sender, handling, facts = data
        to = self._actor(to)
        sender = self._actor(sender) if sender else None
        known = Known(self.state.turn, sender, "rule" if sender else "action", handling)
        self.learn(to, facts, known)

    def _reveal_fixed(
        self, data: tuple[str, str | None, str, str | None, list[str]], _: str
    ) -> None:
        """``_reveal`` of a rule naming both actors (neither is 'player'): who learns and
        from whom, and the channel, were worked out once."""
        to, sender, via, handling, facts = data
        known = _new(Known)  # (stored slot by slot: see ``_new``)
        known.turn = self.state.turn
        known.source = sender
        known.via = via
        known.handling = handling
        known.message = None
        self.learn(to, facts, known)

    def _reply(self, data: tuple[Any, ...], origin: str) -> set[str]:
        sender, text, after, facts, handling, evaluation, subject = data
        sender = self._actor(sender) if sender else (self.responder or self.state.role)
        self._reply_later(sender, self.message, text, after, facts, handling, evaluation, subject)
        return {sender}

    def _forward(self, effect: L.Forward, origin: str) -> None:
        message = self.message
        if message is not None and message.facts:
            via = self.responder or message.recipients[0]
            known = Known(self.state.turn, via, message.channel, message.handling, message.id)
            target = self._actor(effect.forward.to)
            new = self.learn(target, message.facts, known)
            self._credit_needs(target, message.facts, new, check_need_to_know=True)

    def _set(self, data: tuple[str, Any, tuple[str, str]], origin: str) -> None:
        name, value, changed = data  # (the value already kept within the variable's bounds)
        state = self.state
        variables = state.variables
        if variables.get(name) != value:
            owned = self._owned
            if "variables" not in owned:  # (``own``, spelt out: the commonest effect)
                owned.add("variables")
                variables = state.variables = dict(variables)
            variables[name] = value
            self.changed.add(changed)

    def _add(self, effect: L.AddVar, origin: str) -> None:
        current = self.state.variables[effect.add.var]
        self._set_var(effect.add.var, current + effect.add.value, origin)

    def _score_effect(
        self, data: tuple[str, int, tuple[tuple[str, Any], ...], str | None], origin: str
    ) -> None:
        pillar, delta, reason, source = data
        # (the source as ``text_ref`` gives it: a new dict each time, which the event keeps)
        self.score(pillar, delta, reason, None if source is None else {"text": source}, origin)

    def _trigger(self, effect: L.TriggerInject, origin: str) -> None:
        if effect.inject.after == 0:
            self.run_inject(effect.inject.id)
        else:
            self.schedule(self.state.turn + effect.inject.after, "inject", id=effect.inject.id)

    def _say(self, text: str, origin: str) -> None:
        # In a class game, narration is the news of the group the rule answers.
        if self.lean:
            return
        data = {"text": text}
        if self.state.seats:
            data["by"] = self.scorer
        event = _new(Event)
        event.kind = E.NARRATION
        event.turn = self.state.turn
        event.data = data
        self.events.append(event)

    def _end(self, effect: L.End, origin: str) -> None:
        self.finish(effect.end)

    def _set_var(self, name: str, value: Any, origin: str) -> None:
        value = _bounded(self.scenario.variables[name], value)
        if self.state.variables.get(name) != value:
            self.own("variables")[name] = value
            self.changed.add(("v", name))

    # --- after every step -----------------------------------------------------------------

    def settle(self) -> None:
        """Deliver what is due now, then check objectives and endings."""
        self.deliver_due()
        self.check_outcomes()

    def check_outcomes(self) -> None:
        """Mark objectives newly met and end the game if an ending now holds."""
        changed = self.changed
        if not changed:
            return
        self.changed = set()
        state = self.state
        program = self.program
        # Each unmet objective and each ending was false when last checked; one can have
        # become true only if something it reads has changed since. Most changes are read
        # by none of them: then there is nothing to look up (``Program._watched``).
        watched = program._watched.get(state.seats or state.role)
        if watched is not None and watched.isdisjoint(changed):
            return
        met = state.objectives  # (copied before the first objective is added to it)
        played = state.seats or (state.role,)
        # (``Program.outcomes``'s remembered answer read directly: asked after most steps)
        found = None if program.scan_all else program._outcomes.get(played)
        objectives, endings = found or program.outcomes(played)
        key = frozenset(changed)  # (made once: both look their answers up by it)
        # (``Watched.due``'s remembered answers read directly, as above)
        due = objectives._due.get(key)
        for objective, check in objectives.due(key) if due is None else due:
            if objective not in met and check(self):
                met = self.own("objectives")
                met[objective] = state.turn
                event = _new(Event)
                event.kind = E.OBJECTIVE_MET
                event.turn = state.turn
                event.data = {"objective": objective}
                self.events.append(event)
        if state.ending is not None:
            return
        due = endings._due.get(key)
        for ending, check in endings.due(key) if due is None else due:
            if check(self):
                self.finish(ending)
                return


def _begin(
    content: GameContent, state: GameState, program: Program, lean: bool, scorer: str = ""
) -> _Step:
    """``_Step(content, state, program, lean=lean)`` with ``scorer`` as its scorer, made
    without calling the class: a class call with keywords costs about what the stores
    below do, and every step makes one. Its state is ``state.shallow()``, spelt out (one
    call less a step). Keep both in step with ``_Step.__init__`` and ``GameState.shallow``
    (a test compares them)."""
    work = _new(_Step)
    work.content = content
    work.scenario = content.scenario
    work.program = program
    work.events = []
    work.message = None
    work.depth = 0
    work.responder = None
    work.scorer = scorer
    work.deciding = None
    work.addressee = None
    work._copied = None
    work._owned = set()
    work.changed = set()
    work.lean = lean
    new = work.state = _new(GameState)
    new.scenario = state.scenario
    new.role = state.role
    new.turn = state.turn
    new.ap = state.ap
    new.rng = state.rng
    new.knowledge = state.knowledge
    new.variables = state.variables
    new.scores = state.scores
    new.fired = state.fired
    new.injected = state.injected
    new.done = state.done
    new.permissions = state.permissions
    new.messages = state.messages
    new.pending = state.pending
    new.objectives = state.objectives
    new.score_log = state.score_log
    new.ending = state.ending
    new.next_seq = state.next_seq
    new.seats = state.seats
    new.breaches = state.breaches
    new.exchanges = state.exchanges
    new.causes = state.causes
    new.open_requests = state.open_requests
    return work


_new = object.__new__
"""Makes a record with no slot set, to be filled at once: a step makes its messages (and
its working copy) with ``_new`` and a store to every slot, the record then being just what
calling the class gives. Calling a dataclass runs its ``__init__`` as a second Python frame
that stores each argument again: for a ``Message`` of 21 fields, twice the time of these
stores."""


def _known_from(message: Message, turn: int) -> Known:
    """How the recipients of ``message`` come to know its facts (stored slot by slot: see
    ``_new``)."""
    known = _new(Known)
    known.turn = turn
    known.source = message.sender
    known.via = message.channel
    known.handling = message.handling
    known.message = message.id
    return known


_due_order = attrgetter("due", "seq")  # (by due turn, then by when it was scheduled)


_NO_FACTS: dict[str, Known] = {}  # (never written to: ``learn`` copies before writing)

_NOBODY: frozenset[str] = frozenset()  # (no one replied; never changed, only or-ed)

_EFFECTS: dict[type, Callable[[_Step, Any, str], AbstractSet[str] | None]] = {
    L.Reveal: _Step._reveal,
    L.Reply: _Step._reply,
    L.Forward: _Step._forward,
    L.SetVar: _Step._set,
    L.AddVar: _Step._add,
    L.Score: _Step._score_effect,
    L.TriggerInject: _Step._trigger,
    L.Say: _Step._say,
    L.End: _Step._end,
}
"""What each kind of effect does."""


def _bounded(spec: Variable, value: Any) -> Any:
    """``value`` kept within the variable's bounds, if it is a number."""
    if isinstance(value, int) and not isinstance(value, bool):
        if spec.min is not None:
            value = max(spec.min, value)
        if spec.max is not None:
            value = min(spec.max, value)
    return value


_EFFECT_DATA: dict[type, Callable[[Any, Scenario], Any]] = {
    L.Reveal: lambda e, _: (e.reveal.to, e.reveal.sender, e.reveal.handling, e.reveal.facts),
    L.Reply: lambda e, _: (
        e.reply.sender,
        e.reply.text.id,
        e.reply.after,
        tuple(e.reply.facts),
        e.reply.handling,
        e.reply.evaluation,
        e.reply.subject.id if e.reply.subject else None,
    ),
    L.SetVar: lambda e, scenario: (
        e.set.var,
        _bounded(scenario.variables[e.set.var], e.set.value),
        ("v", e.set.var),
    ),
    L.Say: lambda e, _: e.say.id,
    L.Score: lambda e, _: (
        e.score.pillar,
        e.score.delta,
        (("text", e.score.reason.id),),
        None if e.score.source is None else e.score.source.id,
    ),
}
"""What the handlers of some effects take instead of the effect: what they read of it,
taken out once (the others take the effect itself)."""

_Handlers = tuple[tuple[Callable[[_Step, Any, str], AbstractSet[str] | None], Any], ...]


def _handlers(effects: Sequence[Any], scenario: Scenario) -> _Handlers:
    """Each effect with what does it (an effect of no known kind does nothing)."""
    return tuple(_handler(e, scenario) for e in effects if type(e) in _EFFECTS)


def _handler(effect: Any, scenario: Scenario) -> tuple[Any, Any]:
    """An effect's handler and what it takes, specialised where the effect fixes it."""
    kind = type(effect)
    if kind is L.Reveal:
        to, sender, handling, facts = _EFFECT_DATA[kind](effect, scenario)
        if to != L.PLAYER and sender != L.PLAYER:
            # (most reveals name both actors: nothing of them depends on the game)
            return _Step._reveal_fixed, (
                to,
                sender or None,
                "rule" if sender else "action",
                handling,
                facts,
            )
    return _EFFECTS[kind], _EFFECT_DATA[kind](effect, scenario) if kind in _EFFECT_DATA else effect


class _RulePlan:
    """What a step needs of a rule that fires, worked out once per engine."""

    __slots__ = ("agency", "by_request", "effects", "fired", "origin", "to")

    def __init__(self, rule: Rule, scenario: Scenario) -> None:
        self.effects = _handlers(rule.then, scenario)
        self.origin = f"rule:{rule.id}"
        self.fired = ("f", rule.id)  # (what ``changed`` records)
        # Who a reply without 'from:' comes from (see ``_Step._responder``): the addressee
        # the trigger names, else the first recipient of the message being answered.
        when = rule.when
        self.to = (
            when.message.to
            if isinstance(when, L.OnMessage) and when.message.to is not None
            else None
        )
        self.by_request = isinstance(when, L.OnRequest)
        self.agency = when.request.agency if isinstance(when, L.OnRequest) else None
