"""Conditions compiled once into small closures, so evaluating them is a function call.

Still no ``eval``: each closure is built from the validated condition objects, and can
only do what ``conditions.holds`` does (the reference the tests compare it against).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from ..content import logic as L
from ..content.bundle import GameContent
from ..content.models import Rule
from .conditions import Context, message_matches
from .state import Message

Check = Callable[[Context], bool]
MessageCheck = Callable[[Message, Context], bool]

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
}


class CompiledConditions:
    """A cache of compiled conditions, keyed by the condition object."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[Any, Check]] = {}

    def __call__(self, cond: Any) -> Check:
        entry = self._cache.get(id(cond))
        if entry is None or entry[0] is not cond:
            entry = (cond, compile_condition(cond))
            self._cache[id(cond)] = entry
        return entry[1]


def compile_condition(cond: Any) -> Check:
    """A closure equivalent to ``holds(cond, ctx)``."""
    if isinstance(cond, L.Knows):
        fact, actor = cond.knows.fact, cond.knows.actor
        if actor == L.PLAYER:
            return lambda ctx: fact in ctx.state.knowledge.get(ctx.state.role, ())
        return lambda ctx: fact in ctx.state.knowledge.get(actor, ())
    if isinstance(cond, L.AllOf):
        pairs = _equalities(cond.all)
        if pairs is not None:
            # Several variables, each equal to a value (the common form of objectives and
            # endings): one function, in the same order, stopping at the first mismatch.
            return _all_equal(pairs)
        return _all(tuple(compile_condition(c) for c in cond.all), _named_knows(cond.all))
    if isinstance(cond, L.AnyOf):
        return _any(tuple(compile_condition(c) for c in cond.any), _named_knows(cond.any))
    if isinstance(cond, L.NotOf):
        inner = compile_condition(cond.not_)
        return lambda ctx: not inner(ctx)
    if isinstance(cond, L.VarCompare):
        return _compile_var(cond)
    if isinstance(cond, L.TurnIs):
        lo = cond.turn.min if cond.turn.min is not None else 0
        hi = cond.turn.max if cond.turn.max is not None else 10**9
        return lambda ctx: lo <= ctx.state.turn <= hi
    if isinstance(cond, L.RoleIs):
        role = cond.role
        return lambda ctx: ctx.state.role == role or role in ctx.state.seats
    if isinstance(cond, L.Fired):
        rule = cond.fired
        return lambda ctx: rule in ctx.state.fired
    if isinstance(cond, L.Injected):
        inject = cond.injected
        return lambda ctx: inject in ctx.state.injected
    if isinstance(cond, L.Done):
        action, times = cond.done.action, cond.done.times
        return lambda ctx: ctx.state.done.get(action, 0) >= times
    if isinstance(cond, L.ObjectiveMet):
        objective = cond.objective
        return lambda ctx: objective in ctx.state.objectives
    if isinstance(cond, L.Chance):
        percent = cond.chance
        return lambda ctx: ctx.draw_percent() < percent
    if isinstance(cond, L.MessageIs):
        flt = cond.message
        return lambda ctx: ctx.message is not None and message_matches(flt, ctx.message, ctx)
    raise TypeError(f"not a condition: {cond!r}")


def compile_filter(flt: L.MessageFilter) -> MessageCheck:
    """A function equivalent to ``message_matches(flt, message, ctx)``, testing only the
    fields the filter gives (a recipient, or a recipient and a fact, in most rules)."""
    to, sender, has_fact = flt.to, flt.sender, flt.has_fact
    fields = [
        (name, getattr(flt, name))
        for name in ("channel", "handling", "priority", "source_code", "info_code")
        if getattr(flt, name) is not None
    ]
    if sender is None and not fields and to != L.PLAYER:
        if to is None:
            if has_fact is None:
                return lambda message, ctx: True
            return lambda message, ctx: has_fact in message.facts
        if has_fact is None:
            return lambda message, ctx: to in message.recipients
        return lambda message, ctx: to in message.recipients and has_fact in message.facts
    return lambda message, ctx: message_matches(flt, message, ctx)


def _answers(flt: L.MessageFilter, compiled: MessageCheck, check: Check | None) -> Check | None:
    """A rule answering a message: its filter on the message being answered, then its
    condition (if it has one); None when nothing is left to test.

    The rule was found under the addressee its filter names (or under any, when it names
    none), so the addressee is one of the message's recipients already: a filter that
    names only that, and perhaps a fact, tests the fact alone.
    """
    simple = (
        flt.to != L.PLAYER
        and flt.sender is None
        and flt.channel is None
        and flt.handling is None
        and flt.priority is None
        and flt.source_code is None
        and flt.info_code is None
    )
    fact = flt.has_fact
    if simple and fact is None:
        return check
    if simple:
        if check is None:
            return lambda ctx: fact in ctx.message.facts  # type: ignore[union-attr]
        return lambda ctx: fact in ctx.message.facts and check(ctx)  # type: ignore[union-attr]
    if check is None:
        return lambda ctx: compiled(ctx.message, ctx)  # type: ignore[arg-type]
    return lambda ctx: compiled(ctx.message, ctx) and check(ctx)  # type: ignore[arg-type]


def _named_knows(conds: Any) -> tuple[str, str] | None:
    """(fact, actor) when the first of ``conds`` asks whether an actor it names (not
    'player') knows a fact: ``_all`` and ``_any`` of two then test it themselves."""
    first = conds[0] if conds else None
    if isinstance(first, L.Knows) and first.knows.actor != L.PLAYER:
        return first.knows.fact, first.knows.actor
    return None


def _all(parts: tuple[Check, ...], knows: tuple[str, str] | None = None) -> Check:
    """All of ``parts``, in order; ``knows``: the first part is that fact known by that
    actor (``_named_knows``), tested here without calling it."""
    # Short lists are the common case; spelling them out avoids a generator per call.
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        if knows is not None:
            # (the commonest pair in rules: a fact, and something else; one call less)
            fact, actor = knows
            return lambda ctx: fact in ctx.state.knowledge.get(actor, ()) and b(ctx)
        return lambda ctx: a(ctx) and b(ctx)
    if len(parts) == 3:
        a, b, c = parts
        return lambda ctx: a(ctx) and b(ctx) and c(ctx)

    def every(ctx: Context) -> bool:
        for part in parts:  # noqa: SIM110 - a loop costs less than all() and a generator
            if not part(ctx):
                return False
        return True

    return every


def _equalities(conds: Any) -> tuple[tuple[str, Any], ...] | None:
    """(variable, value) for each condition when there are several and all are 'eq'."""
    pairs = []
    for cond in conds:
        if not isinstance(cond, L.VarCompare) or cond.op != "eq":
            return None
        pairs.append((cond.var, cond.value))
    return tuple(pairs) if len(pairs) > 1 else None


def _all_equal(pairs: tuple[tuple[str, Any], ...]) -> Check:
    def check(ctx: Context) -> bool:
        get = ctx.state.variables.get
        for name, value in pairs:  # noqa: SIM110 - a loop costs less than all() here
            if get(name) != value:
                return False
        return True

    return check


def _any(parts: tuple[Check, ...], knows: tuple[str, str] | None = None) -> Check:
    """Any of ``parts``, in order; ``knows`` as for ``_all``."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        if knows is not None:
            fact, actor = knows
            return lambda ctx: fact in ctx.state.knowledge.get(actor, ()) or b(ctx)
        return lambda ctx: a(ctx) or b(ctx)

    def some(ctx: Context) -> bool:
        for part in parts:  # noqa: SIM110 - a loop costs less than any() and a generator
            if part(ctx):
                return True
        return False

    return some


def _compile_var(cond: L.VarCompare) -> Check:
    name, op, value = cond.var, cond.op, cond.value
    compare = _COMPARE[op]
    if op == "eq":
        return lambda ctx: ctx.state.variables.get(name) == value
    if op == "ne":
        return lambda ctx: ctx.state.variables.get(name) != value

    def ordered(ctx: Context) -> bool:
        current = ctx.state.variables.get(name)
        if not isinstance(current, int) or isinstance(current, bool):
            return False
        return compare(current, value)

    return ordered


@dataclass
class Program:
    """The conditions a step checks every time, compiled once per scenario."""

    conditions: CompiledConditions
    rules: dict[str, list[tuple[Rule, Check | None]]]
    # Rules of keyed triggers, by key (an action, a recipient, (agency, service) ...), with
    # their place in the scenario so that rules from several buckets keep their order.
    keyed: dict[str, dict[Any, list[tuple[int, Rule, Check | None]]]]
    # ``candidates`` answers, by (kind, keys): the rules never change during a game.
    _found: dict[tuple[str, tuple[Any, ...]], list[tuple[Rule, Check | None]]] = field(
        default_factory=dict
    )
    # ``timed`` and ``injects_due`` answers, by (kind, roles played, turn).
    _timed: dict[tuple[str, frozenset[str], int], list[tuple[Rule, Check | None]]] = field(
        default_factory=dict
    )
    _injects: dict[tuple[frozenset[str], int], list[tuple[str, Check | None]]] = field(
        default_factory=dict
    )
    # ``waiting`` and ``injects_waiting`` answers, by the same and what has fired or come.
    _waiting: dict[tuple[Any, ...], list[tuple[Rule, Check | None]]] = field(default_factory=dict)
    _injects_waiting: dict[tuple[Any, ...], list[tuple[str, Check | None]]] = field(
        default_factory=dict
    )
    _roles: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    # ``answering`` answers, by the recipients of a message and the roles played (the
    # seats of a class game, else the one role: ``_played_key``). Read directly by
    # ``core._Step._answer`` (falling back to ``answering`` when missing): store here only
    # what ``answering`` returns, and only entries that stay right for the whole game.
    _answering: dict[tuple[Any, ...], list[tuple[Rule, Check | None]]] = field(default_factory=dict)
    # True: no indexes, every rule, inject, objective and ending is checked each time (the
    # slow reference that the tests compare the indexed engine with). Set it before the
    # engine plays: what was remembered before (``_watched`` among it, which ``core``
    # reads without asking ``scan_all``) is not dropped when it changes.
    scan_all: bool = False
    # ``outcomes`` answers, by the roles played. Read directly by
    # ``core._Step.check_outcomes``, which also copies the rule that ``scan_all`` never
    # reads it: store only what ``outcomes`` returns, and change that rule in both places.
    _outcomes: dict[tuple[str, ...], tuple[Watched, Watched]] = field(default_factory=dict)
    # Everything the objectives and endings read (and ``EVERYTHING``), by the roles played
    # named as ``_played_key`` names them: a set of changes with none of these makes no
    # check due. Only for a game kind whose every check records its reads (no ``always``),
    # and never with ``scan_all``. Read directly by ``core.Engine.step`` and
    # ``core._Step.check_outcomes``.
    _watched: dict[Any, frozenset[Any]] = field(default_factory=dict)
    _outcome_conds: tuple[list[tuple[str, Any]], list[tuple[str, Any]]] = ([], [])
    # The scenario's injects in order, with their turn (None: when the condition holds).
    _inject_specs: list[tuple[str, int | None, Any]] = field(default_factory=list)
    # The compiled message filter of each rule answering a message, by rule id.
    filters: dict[str, MessageCheck] = field(default_factory=dict)
    # The roles that may take each scenario action: who a rule set off by time follows up
    # on in a class game (see ``addressing.cause_of``).
    done_by: dict[str, list[str]] = field(default_factory=dict)
    # Each actor's default reply (its text id): what a message no rule answers brings back.
    acknowledgements: dict[str, str] = field(default_factory=dict)
    # Whether the scenario has rules at a turn's end (the flagship has none: no call to look).
    turn_end: bool = True
    # What the engine makes of each rule, inject and action once (``core._plan``: the
    # handlers of its effects, the name it gives as their origin ...), by rule id.
    plans: dict[Any, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, content: GameContent) -> Program:
        conditions = CompiledConditions()
        keyed: dict[str, dict[Any, list[tuple[int, Rule, Check | None]]]] = {}
        for index, rule in enumerate(content.rules):
            check = conditions(rule.if_) if rule.if_ is not None else None
            kind = L.trigger_kind(rule.when)
            keyed.setdefault(kind, {}).setdefault(_trigger_key(rule.when), []).append(
                (index, rule, check)
            )
        return cls(
            conditions=conditions,
            rules={
                kind: [(r, conditions(r.if_) if r.if_ is not None else None) for r in rules]
                for kind, rules in content.rules_by_trigger.items()
            },
            keyed=keyed,
            turn_end=bool(content.rules_by_trigger.get("turn_end")),
            _outcome_conds=(
                [(o.id, o.when) for o in content.objectives.values()],
                [(e.id, e.when) for e in content.endings.values() if e.when],
            ),
            _inject_specs=[(i.id, i.at_turn, i.if_) for i in content.injects.values()],
            done_by={a.id: a.by for a in content.actions.values()},
            acknowledgements={a.id: a.default_reply.id for a in content.actors.values()},
            filters={
                rule.id: compile_filter(rule.when.message)
                for rule in content.rules
                if isinstance(rule.when, L.OnMessage)
            },
        )

    def candidates(self, kind: str, keys: tuple[Any, ...]) -> list[tuple[Rule, Check | None]]:
        """The rules of ``kind`` whose trigger key is one of ``keys`` (or None: any)."""
        cached = self._found.get((kind, keys))
        if cached is not None:
            return cached
        buckets = self.keyed.get(kind)
        if not buckets:
            result: list[tuple[Rule, Check | None]] = []
        else:
            found = [entry for key in (*keys, None) for entry in buckets.get(key, ())]
            if len(keys) > 1 or (None in buckets and keys):
                found.sort(key=lambda entry: entry[0])
            result = [(rule, check) for _, rule, check in found]
        self._found[(kind, keys)] = result
        return result

    def answering(
        self, recipients: tuple[str, ...], played: tuple[str, ...]
    ) -> list[tuple[Rule, Check | None]]:
        """``candidates("message", recipients)`` with each rule's message filter folded
        into its check: one call per rule, the filter first (as ``fire`` tested it), so a
        condition that draws a chance draws only for a message the rule is about. The
        check reads the message being answered (``ctx.message``).

        ``played`` are the roles people play in the game, which no step changes: a rule
        whose condition is false for them whatever else holds (it asks for a role nobody
        plays) is left out, and the parts about the roles are not tested, unless the
        condition draws a chance (then it is kept whole, so it draws as before)."""
        key = (recipients, _played_key(played))
        found = self._answering.get(key)
        if found is None:
            filters = self.filters
            roles = self.roles(played)
            found = []
            for rule, check in self.candidates("message", recipients):
                cond = rule.if_
                if (
                    not self.scan_all
                    and cond is not None
                    and _has_fixed(cond, False)
                    and not _draws(cond)
                ):
                    fixed = folded(cond, roles, None)
                    if fixed is False:
                        continue  # (it can never answer in this game)
                    check = (
                        None
                        if fixed is True
                        else _compile_folded(cond, roles, None, self.conditions)
                    )
                flt = rule.when.message  # type: ignore[union-attr]
                found.append((rule, _answers(flt, filters[rule.id], check)))
            self._answering[key] = found
            if len(played) == 1:
                # (a state whose seats are one role, which ``new_game`` never makes, looks
                # its answer up under that one-role tuple: found again, not gathered again)
                self._answering[(recipients, played)] = found
        return found

    def roles(self, played: tuple[str, ...]) -> frozenset[str]:
        """``played`` as a set, one object per game kind (a key of the tables below)."""
        found = self._roles.get(played)
        if found is None:
            found = self._roles[played] = frozenset(played)
        return found

    def outcomes(self, played: tuple[str, ...]) -> tuple[Watched, Watched]:
        """The objectives and the endings, each with its check, indexed by what the checks
        read (see ``reads``), for a game where ``played`` are the roles played."""
        found = self._outcomes.get(played)
        if found is None or self.scan_all:
            player = played[0] if len(played) == 1 else None
            objectives, endings = (
                Watched.build(
                    [
                        (
                            ident,
                            self.conditions(cond),
                            None if self.scan_all else reads(cond, player),
                        )
                        for ident, cond in conds
                    ]
                )
                for conds in self._outcome_conds
            )
            found = self._outcomes[played] = (objectives, endings)
            if not (self.scan_all or objectives.always or endings.always):
                self._watched[_played_key(played)] = frozenset(
                    (*objectives.watch, *endings.watch, EVERYTHING)
                )
        return found

    def timed(self, kind: str, roles: frozenset[str], turn: int) -> list[tuple[Rule, Check | None]]:
        """The rules of an unkeyed ``kind`` (turn start, turn end) that can fire at
        ``turn`` in a game whose played roles are ``roles``, in the scenario's order.

        Left out: rules a played role plays itself, and rules whose condition cannot hold
        in this game (a role not played, a turn outside its range). The condition of those
        left in is still checked, without its parts that the roles and the turn decide
        (a rule for turn 2 on is checked for nothing from then on); one that draws a
        chance is never left out nor cut short, because that would skip its draw.
        """
        if self.scan_all:
            return self.rules.get(kind, [])
        cached = self._timed.get((kind, roles, turn))
        if cached is not None:
            return cached
        result = []
        for rule, check in self.rules.get(kind, ()):
            if rule.plays is not None and rule.plays in roles:
                continue
            if rule.if_ is not None:
                if not may_hold(rule.if_, roles, turn):
                    continue
                # (may_hold has left out a condition that folds to False, unless it draws)
                fixed = None if _draws(rule.if_) else folded(rule.if_, roles, turn)
                check = None if fixed is True else self._specialised(rule.if_, check, roles, turn)
            result.append((rule, check))
        self._timed[(kind, roles, turn)] = result
        return result

    def waiting(
        self, kind: str, roles: frozenset[str], turn: int, fired: frozenset[str]
    ) -> list[tuple[Rule, Check | None]]:
        """``timed`` without the rules that fire once and have fired (``fired``): those
        that can still fire at the start or end of ``turn``. The answer is remembered for
        the explorer and replays through one engine, which meet the same turn and set of
        fired rules again (a game played once starts each turn once).

        ``core._Step.fire`` relies on this list and no longer tests ``once`` or ``plays``
        for a turn's rules: the key must hold ``fired``, and ``roles`` must be the roles
        played (the seats of a class game, not the seat whose turn it is)."""
        if self.scan_all:
            return self.rules.get(kind, [])
        key = (kind, roles, turn, fired)
        found = self._waiting.get(key)
        if found is None:
            found = [
                entry
                for entry in self.timed(kind, roles, turn)
                if not (entry[0].once and entry[0].id in fired)
            ]
            if len(self._waiting) >= _WAITING_CACHE:
                self._waiting.clear()  # (a search meets many sets: keep the recent ones)
            self._waiting[key] = found
        return found

    def injects_waiting(
        self, roles: frozenset[str], turn: int, injected: frozenset[str]
    ) -> list[tuple[str, Check | None]]:
        """``injects_due`` without the injects that have come (``injected``)."""
        if self.scan_all:
            return self.injects_due(roles, turn)
        key = (roles, turn, injected)
        found = self._injects_waiting.get(key)
        if found is None:
            found = [entry for entry in self.injects_due(roles, turn) if entry[0] not in injected]
            if len(self._injects_waiting) >= _WAITING_CACHE:
                self._injects_waiting.clear()
            self._injects_waiting[key] = found
        return found

    def injects_due(self, roles: frozenset[str], turn: int) -> list[tuple[str, Check | None]]:
        """The injects that start ``turn`` if not run yet and their condition (if any)
        holds: those scheduled at this turn and those waiting for a condition, in order."""
        cached = self._injects.get((roles, turn))
        if cached is not None and not self.scan_all:
            return cached
        result: list[tuple[str, Check | None]] = []
        for ident, at_turn, cond in self._inject_specs:
            if not (at_turn == turn if at_turn is not None else cond is not None):
                continue
            if cond is None:
                result.append((ident, None))
            elif self.scan_all:
                result.append((ident, self.conditions(cond)))
            elif may_hold(cond, roles, turn):
                fixed = None if _draws(cond) else folded(cond, roles, turn)
                if fixed is True:
                    result.append((ident, None))
                elif fixed is None:
                    check = self._specialised(cond, self.conditions(cond), roles, turn)
                    result.append((ident, check))
        self._injects[(roles, turn)] = result
        return result

    def _specialised(
        self, cond: Any, check: Check | None, roles: frozenset[str], turn: int
    ) -> Check | None:
        """``cond``'s check for a game whose played roles are ``roles`` at ``turn``: the
        parts that cannot change within it (the roles, the turn) left out. A condition
        that draws a chance keeps its full check, so that it draws exactly as before."""
        if _draws(cond) or not _has_fixed(cond):
            return check
        return _compile_folded(cond, roles, turn, self.conditions)


@dataclass
class Watched:
    """Conditions in their order, and which of them read each thing a step can change."""

    entries: list[tuple[str, Check]]
    watch: dict[Any, tuple[int, ...]]
    always: tuple[int, ...]  # those whose reads are not recorded: checked after any change
    # ``due``'s answers by what changed: a game has few distinct sets of changes, and a
    # step asks after every change. Read directly by ``core._Step.check_outcomes``
    # (falling back to ``due`` when missing): store only what ``due`` returns for the key.
    _due: dict[frozenset[Any], list[tuple[str, Check]]] = field(default_factory=dict)

    @classmethod
    def build(cls, found: list[tuple[str, Check, frozenset[Any] | None]]) -> Watched:
        watch: dict[Any, list[int]] = {}
        always = []
        for index, (_, _, what) in enumerate(found):
            if what is None:
                always.append(index)
            for atom in what or ():
                watch.setdefault(atom, []).append(index)
        return cls(
            [(ident, check) for ident, check, _ in found],
            {atom: tuple(indexes) for atom, indexes in watch.items()},
            tuple(always),
        )

    def due(self, changed: AbstractSet[Any]) -> list[tuple[str, Check]]:
        """The conditions to check after ``changed``, in order."""
        key = changed if type(changed) is frozenset else frozenset(changed)
        found = self._due.get(key)
        if found is None:
            found = self._find_due(changed)
            if len(self._due) < _DUE_CACHE:
                self._due[key] = found
        return found

    def _find_due(self, changed: AbstractSet[Any]) -> list[tuple[str, Check]]:
        entries = self.entries
        if EVERYTHING in changed:
            return entries
        hit = set(self.always)
        for atom in changed:
            found = self.watch.get(atom)
            if found is not None:
                hit.update(found)
        if not hit:
            return []
        return [entries[i] for i in sorted(hit)]


_DUE_CACHE = 4096
"""At most this many sets of changes are remembered per game kind (a search meets many)."""

_WAITING_CACHE = 8192
"""At most this many answers of ``waiting`` (and of ``injects_waiting``) are remembered
per engine before they are forgotten and worked out again (a search meets many)."""

EVERYTHING = ("*",)
"""A change that counts as a change of everything a condition can read."""

UNWATCHED = ("?",)
"""A change that no condition's reads name (a breach, a request decided): after it, only
the conditions whose reads are not recorded (``Watched.always``) are checked."""


def reads(cond: Any, player: str | None) -> frozenset[Any] | None:
    """What in a state ``cond`` reads: ('k', actor) for an actor's facts, ('v', name),
    ('f', rule), ('i', inject), ('d', action), 'turn'. None when it reads something whose
    change a step does not record (an objective met, a chance, the message), so it must
    be checked whenever anything changed. ``player`` is the role 'player' means (None in
    a hot-seat game, where it changes from group to group)."""
    if isinstance(cond, L.Knows):
        actor = cond.knows.actor
        if actor == L.PLAYER:
            if player is None:
                return None
            actor = player
        return frozenset({("k", actor)})
    if isinstance(cond, L.VarCompare):
        return frozenset({("v", cond.var)})
    if isinstance(cond, L.TurnIs):
        return frozenset({"turn"})
    if isinstance(cond, L.RoleIs):
        return frozenset()  # the roles played do not change during a game
    if isinstance(cond, L.Fired):
        return frozenset({("f", cond.fired)})
    if isinstance(cond, L.Injected):
        return frozenset({("i", cond.injected)})
    if isinstance(cond, L.Done):
        return frozenset({("d", cond.done.action)})
    parts: list[Any]
    if isinstance(cond, L.AllOf):
        parts = cond.all
    elif isinstance(cond, L.AnyOf):
        parts = cond.any
    elif isinstance(cond, L.NotOf):
        parts = [cond.not_]
    else:
        return None
    found: set[Any] = set()
    for part in parts:
        inner = reads(part, player)
        if inner is None:
            return None
        found |= inner
    return frozenset(found)


def may_hold(cond: Any, roles: frozenset[str], turn: int) -> bool:
    """False only when ``cond`` is sure to be false in any state of a game whose played
    roles are ``roles`` at ``turn``, and checking it draws no chance (so leaving it
    unchecked changes nothing)."""
    return _draws(cond) or folded(cond, roles, turn) is not False


def folded(cond: Any, roles: frozenset[str], turn: int | None) -> bool | None:
    """``cond``'s value in any state of a game whose played roles are ``roles`` at
    ``turn`` (None: at any turn), or None when it depends on more than those. (Checking
    it may still draw a chance: see ``_draws``.)"""
    if isinstance(cond, L.RoleIs):
        return cond.role in roles
    if isinstance(cond, L.TurnIs):
        if turn is None:
            return None
        lo = cond.turn.min if cond.turn.min is not None else 0
        hi = cond.turn.max if cond.turn.max is not None else 10**9
        return lo <= turn <= hi
    if isinstance(cond, L.NotOf):
        inner = folded(cond.not_, roles, turn)
        return None if inner is None else not inner
    if isinstance(cond, L.AllOf | L.AnyOf):
        parts = [
            folded(c, roles, turn) for c in (cond.all if isinstance(cond, L.AllOf) else cond.any)
        ]
        decisive = isinstance(cond, L.AnyOf)  # (the value that settles it: True for 'any')
        if decisive in parts:
            return decisive
        if all(part is not None for part in parts):
            return not decisive
    return None


def _has_fixed(cond: Any, turn: bool = True) -> bool:
    """Whether ``cond`` has a part about the roles played or (if ``turn``) the turn."""
    if isinstance(cond, L.RoleIs):
        return True
    if isinstance(cond, L.TurnIs):
        return turn
    if isinstance(cond, L.NotOf):
        return _has_fixed(cond.not_, turn)
    if isinstance(cond, L.AllOf):
        return any(_has_fixed(c, turn) for c in cond.all)
    if isinstance(cond, L.AnyOf):
        return any(_has_fixed(c, turn) for c in cond.any)
    return False


def _compile_folded(
    cond: Any, roles: frozenset[str], turn: int | None, conditions: CompiledConditions
) -> Check:
    """A check of ``cond`` (which draws no chance, so the order of its parts does not
    matter) without the parts whose value ``folded`` knows; ``cond`` itself is not
    known. ``turn`` None: the check holds at any turn (turn parts are kept)."""
    if not _has_fixed(cond, turn is not None):
        return conditions(cond)
    if isinstance(cond, L.NotOf):
        inner = _compile_folded(cond.not_, roles, turn, conditions)
        return lambda ctx: not inner(ctx)
    every = isinstance(cond, L.AllOf)
    members = cond.all if isinstance(cond, L.AllOf) else cond.any
    # The parts left out are True (of 'all') or False (of 'any'): the whole is not known.
    kept = [c for c in members if folded(c, roles, turn) is None]
    parts = tuple(_compile_folded(c, roles, turn, conditions) for c in kept)
    return _all(parts, _named_knows(kept)) if every else _any(parts, _named_knows(kept))


def _played_key(played: tuple[str, ...]) -> Any:
    """How ``Program._answering`` and ``Program._watched`` name the roles played: the one
    role of a game of one (``state.role``), the seats of a class game (``state.seats``),
    so that a step makes no tuple to look its answer up (``core`` spells this out as
    ``state.seats or state.role`` where it reads them: change those with this)."""
    return played[0] if len(played) == 1 else played


def _draws(cond: Any) -> bool:
    """Whether checking ``cond`` may draw from the random generator."""
    if isinstance(cond, L.Chance):
        return True
    if isinstance(cond, L.AllOf):
        return any(_draws(c) for c in cond.all)
    if isinstance(cond, L.AnyOf):
        return any(_draws(c) for c in cond.any)
    if isinstance(cond, L.NotOf):
        return _draws(cond.not_)
    return False


def _trigger_key(trigger: Any) -> Any:
    """What a keyed trigger is about; None when it matches any key."""
    if isinstance(trigger, L.OnAction):
        return trigger.action
    if isinstance(trigger, L.OnRequest):
        return (trigger.request.agency, trigger.request.service)
    if isinstance(trigger, L.OnMessage):
        return trigger.message.to
    if isinstance(trigger, L.OnInject):
        return trigger.inject
    if isinstance(trigger, L.OnPermission):
        return trigger.permission
    return None
