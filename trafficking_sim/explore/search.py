"""The scenario explorer: a breadth-first search over every legal action of one role.

It answers what an author cannot check by playing: which endings and objectives can be
reached (and the shortest way there, as a plain-mode script), which facts, rules, injects
and actions never matter, and the cooperation check: with every exchange with other
actors removed, a role's special task must be out of reach. A search that runs out of
budget says "not proved", never "unreachable".
"""

from __future__ import annotations

import marshal
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from hashlib import blake2b
from itertools import compress
from operator import and_, is_not, itemgetter
from typing import Any

from ..content.bundle import GameContent
from ..engine import Action, Do, EndTurn, Engine, GameState, Request, Send, Share
from ..engine import events as E
from ..engine.state import Known, Pending, pending_key

DEFAULT_BUDGET = 200_000

BEAM_SHARE = 1.0
"""The beam search may make at most this many times the budget in children (each by a
step or a step reused): a bounded share of the work, so a search that runs out of
budget ends in at most about twice its exhaustive time."""

ActionFilter = Callable[[Action], bool]


def alone(action: Action) -> bool:
    """The actions a role can take without any exchange with another actor."""
    return isinstance(action, Do | EndTurn)


@dataclass
class Search:
    """What one search found."""

    role: str
    seed: int
    budget: int
    max_turns: int
    cooperation_only: bool
    states: int = 0
    expanded: int = 0
    exhausted: bool = False
    seconds: float = 0.0  # the exhaustive search only
    steps: int = 0  # the exhaustive search's engine steps (each state expanded is one)
    beam_seconds: float = 0.0
    endings: dict[str, list[Action]] = field(default_factory=dict)
    objectives: dict[str, list[Action]] = field(default_factory=dict)
    facts_learned: set[str] = field(default_factory=set)
    rules_fired: set[str] = field(default_factory=set)
    injects_seen: set[str] = field(default_factory=set)
    actions_effective: set[str] = field(default_factory=set)
    actions_tried: set[str] = field(default_factory=set)
    fewest_exchanges_to_best: int | None = None
    """The fewest own exchanges (messages, shares, requests, permissions) among the games
    found that reach a best ending: how much the player's own cooperation is needed. (One
    game per state: of games reaching a state with different counts, the first found.)"""

    @property
    def complete(self) -> bool:
        """True when every state within the turn limit was visited."""
        return not self.exhausted

    def verdict(self, found: bool) -> str:
        if found:
            return "reachable"
        return "unreachable" if self.complete else "not proved"


class _Pruned(Exception):
    pass


def explore(
    content: GameContent,
    role: str,
    *,
    seed: int = 0,
    budget: int = DEFAULT_BUDGET,
    max_turns: int | None = None,
    allow: ActionFilter | None = None,
    start: GameState | None = None,
    beam_width: int = 300,
    stop_at: set[str] | None = None,
    deadline: float | None = None,
    beam_share: float | None = BEAM_SHARE,
    reduce: bool = True,
) -> Search:
    """Breadth-first search from the start (or ``start``), merging equal states.

    ``allow`` limits the actions tried (the cooperation check allows only ``alone``).
    Actions that change nothing but spend action points are not followed. When the
    budget runs out, a beam search of ``beam_width`` (0: none) looks for witnesses of the
    endings and objectives not reached yet. ``stop_at`` ends the search as soon as one of
    these endings is found. At ``deadline`` (a ``time.perf_counter()`` value) the search
    stops as if its budget had run out. The beam makes at most ``beam_share`` times
    ``budget`` children (None: as many as its layers need); counting children rather
    than seconds keeps the report the same on any machine.

    ``reduce``: partial-order reduction. Actions of one turn that commute (see
    ``_Commuting``) are taken in one order only: after an action, an earlier one (in the
    order actions are first met) that commutes with it is not tried, since taking it
    first leads to the same state. A direct share that leads where the SIENA message
    with the same facts does is not tried either (see ``_shares_as_sends``). The states
    reached, and so the endings and objectives found, are the same; the search only
    steps fewer re-orderings and duplicates. With ``reduce`` too, a child is made
    without a step where the action's step was seen at a state that agrees on all it
    reads (see ``_Outcomes``): the same parts, only not stepped again.

    Memory stays small per state: a state seen is remembered by a 16-byte digest of its
    key (with the step that led to it, for the paths), and a state waiting in the queue
    as the state it comes from and the action, stepped again when its turn comes. The
    search runs out of budget long before it expands most of the states it has seen, so
    this costs one step per expanded state and saves keeping every state seen.
    """
    # A lean engine: the search reads no messages, scores or events but those it notes.
    engine = Engine(content, lean=True)
    keys = _Keys(content, _done_cap(content))
    sure_refusals = _conditional_actions(content)
    best = best_endings(content)

    limit = max_turns or content.scenario.max_turns
    search = Search(role, seed, budget, limit, allow is alone)
    began = time.perf_counter()
    if start is None:
        start, first_events = engine.new_game(role, seed)
        _note(search, first_events, [])
    _record_outcome(search, content, start, [])
    root = _slim(start)
    root_key = keys.digest(keys.parts(root))
    parents: dict[bytes, tuple[bytes | None, Action | None]] = {root_key: (None, None)}
    # (the state expanded before, the action from it) or (the root, None), and the key.
    # (and the ranks of the actions that changed nothing at the state it comes from)
    queue: deque[tuple[GameState, Action | None, bytes, set[int]]] = deque()
    if not _beyond(root, limit):
        queue.append((root, None, root_key, set()))
    actions: dict[Action, Action] = {}  # one object per distinct action kept
    commute = _Commuting(engine, role) if reduce and not start.seats else None
    # Shares that lead where the message beside them does: not tried (see the function).
    as_sends = (
        _shares_as_sends(engine, role)
        if reduce and allow is None and not start.seats
        else frozenset()
    )
    # What the steps of actions with a footprint do, reused where they read the same.
    outcomes = _Outcomes(commute, keys, start) if commute is not None else None
    rank: dict[Action, int] = {}  # the one order commuting actions are taken in
    ranks: dict[int, tuple[Action, int]] = {}  # the same by the action object's id
    choices = _Choices(engine, start)
    commuting: dict[tuple[int, int], bool] = {}  # ``commute``'s answers, by the two ranks
    swapped: dict[tuple[int, int], bool] = {}  # ``commute.across``'s answers, the same way
    search.states = 1
    while queue:
        source, how, here, idle = queue.popleft()
        state = source if how is None else _slim(engine.step(source, how)[0], owned=True)
        search.expanded += 1
        search.steps += how is not None
        parts = keys.parts(state)
        after_rank = -1
        last_rank = -1  # after ending the turn: the action taken just before it
        if commute is not None and how is not None:
            if type(how) is EndTurn:
                last = parents[parents[here][0]][1]  # type: ignore[index]
                if last is not None and commute.footprint(last) is not None:
                    last_rank = rank[last]
            elif commute.footprint(how) is not None:
                after_rank = rank[how]
        # The actions that change nothing here (refused, or only spending points): those
        # that did nothing before ``how`` and commute with it do nothing after it either.
        still: set[int] = set()
        # (a step here would deliver what is due: not what it does elsewhere; and every
        # actor's facts have a part from the start on, but a state with more is not
        # one a view was made for)
        reusable = (
            outcomes is not None
            and len(parts) == outcomes.size
            and not any(item.due <= state.turn for item in state.pending)
        )
        for action in choices(state, parts):
            if allow is not None and not allow(action):
                continue
            if type(action) is Share and action.to in as_sends:
                continue  # the SIENA message with the same facts leads to the same state
            if commute is not None:
                order = ranks.get(id(action), _NO_RANK)[1]
                if order < 0:
                    order = rank.setdefault(action, len(rank))
                    ranks[id(action)] = (action, order)  # (kept: its id is not reused)
                if order < after_rank:
                    # (by rank: two numbers hash faster than two actions)
                    pair = (order, after_rank)
                    both = commuting.get(pair)
                    if both is None:
                        both = commuting[pair] = commute(action, how)  # type: ignore[arg-type]
                    if both:
                        continue  # taken before ``how`` on another path: the same state
                if order in idle and after_rank >= 0:
                    pair = (order, after_rank) if order < after_rank else (after_rank, order)
                    both = commuting.get(pair)
                    if both is None:
                        both = commuting[pair] = commute(action, how)  # type: ignore[arg-type]
                    if both:
                        still.add(order)
                        continue  # it changed nothing before ``how``: nor does it after
                elif order < last_rank:
                    pair = (order, last_rank)
                    both = swapped.get(pair)
                    if both is None:
                        both = swapped[pair] = commute.across(action, last)  # type: ignore[arg-type]
                    if both:
                        continue  # taken before the turn's end, and ``last`` after it
            found: Any = None
            if reusable:
                assert outcomes is not None
                view = outcomes.view(order, action)
                if view is not None:
                    values = outcomes.values(order, view, parts)
                    found = outcomes.learned.get(values, _UNKNOWN)
            if found is not None and found is not _UNKNOWN:
                # A step of it here does what it did where it read the same (an action
                # that cannot matter, or a sure refusal, changes nothing: see below).
                if type(action) is Do:
                    search.actions_tried.add(action.action)
                after = None
                child = outcomes.apply(parts, found[0])  # type: ignore[union-attr]
                if _VERIFY:
                    _verify(engine, keys, state, parts, action, found)
                if found[1] is not None:
                    # What its events name, noted once: from then on the sets hold it.
                    _note_found(search, found[1])
                    outcomes.learned[values] = (found[0], None)  # type: ignore[union-attr]
            else:
                if not _may_matter(engine, state, action):
                    continue
                if isinstance(action, Do):
                    search.actions_tried.add(action.action)
                    if action.action in sure_refusals and not engine.accepts(state, action):
                        if commute is not None:
                            still.add(order)
                        continue  # a refusal leaves the state as it was: a state seen
                after, events = engine.step(state, action)
                search.steps += 1
                after = _slim(after, owned=True)
                child = keys.parts(after, state, parts)
                if found is _UNKNOWN:
                    outcomes.learn(order, values, parts, child, events)  # type: ignore[union-attr]
            if not isinstance(action, EndTurn) and child[:-1] == parts[:-1]:
                # Refused (a state seen), or spent action points and changed nothing.
                if commute is not None:
                    still.add(order)
                continue
            child_key = keys.digest(child)
            if child_key in parents:
                continue
            if isinstance(action, Do):
                search.actions_effective.add(action.action)
            if search.states >= budget or (deadline is not None and time.perf_counter() > deadline):
                search.exhausted = True
                queue.clear()
                break
            action = actions.setdefault(action, action)
            parents[child_key] = (here, action)
            search.states += 1
            path: list[Action] | None = None
            if after is None:
                # (reused: no objective met, no ending, and the turn of the state before;
                # what its events name is noted above)
                queue.append((state, action, child_key, still))
                continue
            if after.ending is not None and after.ending in best:
                own = after.exchanges.get(role, 0)
                if search.fewest_exchanges_to_best is None or own < search.fewest_exchanges_to_best:
                    search.fewest_exchanges_to_best = own
            if _interesting(search, content, after, events):
                path = _path(parents, child_key)
                _record_outcome(search, content, after, path)
            _note(search, events, path)
            if stop_at and stop_at & search.endings.keys():
                queue.clear()
                break
            if not _beyond(after, limit):
                queue.append((state, action, child_key, still))  # (complete when it is read)
    search.seconds = time.perf_counter() - began
    if stop_at and stop_at & search.endings.keys():
        return search
    if search.exhausted and _missing(search, content) and beam_width:
        began = time.perf_counter()
        steps = None if beam_share is None else max(1, int(beam_share * budget))
        _beam(
            engine,
            content,
            start,
            search,
            allow,
            keys,
            limit,
            beam_width,
            stop_at,
            deadline,
            steps,
            (outcomes, rank) if outcomes is not None else None,
        )
        search.beam_seconds = time.perf_counter() - began
    return search


def best_endings(content: GameContent) -> set[str]:
    return {e.id for e in content.endings.values() if e.rating == "best"}


def last_turn_best_reachable(
    content: GameContent,
    role: str,
    seed: int,
    actions: list[Action],
    *,
    budget: int = 500,
    beam_width: int = 300,
    seconds: float = 20.0,
    courses: Iterable[list[Action]] = (),
) -> tuple[int | None, bool]:
    """The last turn at whose start a best ending could still be reached, and whether
    the answer is sure (False when some search ran out of budget before finding one).

    The game is replayed to the start of each turn and searched from there, latest
    turn first; the first turn that finds a way is the answer. ``courses`` are known
    games that reach a best ending (the tested walkthroughs): from a turn's start, the
    rest of a course from that turn on is tried first, a quick witness where the search
    would need long. After ``seconds`` the search gives up (unsure) rather than keep a
    player waiting.
    """
    deadline = time.perf_counter() + seconds
    engine = Engine(content)
    state, _ = engine.new_game(role, seed)
    starts = [state]
    for action in actions:
        before = state.turn
        state, _ = engine.step(state, action)
        if state.turn != before and not state.over:
            starts.append(state)
    targets = best_endings(content)
    by_turn = [_course_by_turn(engine, role, seed, course) for course in courses]
    sure = True
    for begin in reversed(starts):
        if time.perf_counter() > deadline:
            return None, False
        if any(_follows_to(engine, begin, steps, targets) for steps in by_turn):
            return begin.turn, sure
        search = explore(
            content,
            role,
            seed=seed,
            budget=budget,
            start=begin,
            stop_at=targets,
            beam_width=beam_width,
            deadline=deadline,
            beam_share=None,  # bounded by the deadline: the player is waiting
        )
        if targets & search.endings.keys():
            return begin.turn, sure
        sure = sure and search.complete
    return None, sure


def _course_by_turn(
    engine: Engine, role: str, seed: int, course: list[Action]
) -> list[tuple[int, Action]]:
    """A course's actions, each with the turn it is taken in."""
    state, _ = engine.new_game(role, seed)
    steps = []
    for action in course:
        steps.append((state.turn, action))
        state, _ = engine.step(state, action)
    return steps


def _follows_to(
    engine: Engine, begin: GameState, steps: list[tuple[int, Action]], targets: set[str]
) -> bool:
    """Whether playing the rest of a course, from the turn ``begin`` starts, reaches one
    of ``targets``: a witness (actions refused on the way only cost their points)."""
    state = begin
    for turn, action in steps:
        if turn < begin.turn:
            continue
        if state.over:
            break
        state, _ = engine.step(state, action)
    return state.ending in targets


def _missing(search: Search, content: GameContent) -> bool:
    return len(search.endings) < len(content.endings) or len(search.objectives) < len(
        content.objectives
    )


def _promise(content: GameContent, state: GameState) -> int:
    """How far along a state looks: objectives met, needed facts where they are needed."""
    needed = sum(
        len(actor.needs & state.knowledge.get(actor.id, {}).keys())
        for actor in content.actors.values()
    )
    return 100 * len(state.objectives) + 5 * needed + len(state.fired) + len(state.injected)


def _beam(
    engine: Engine,
    content: GameContent,
    start: GameState,
    search: Search,
    allow: ActionFilter | None,
    keys: _Keys,
    limit: int,
    width: int,
    stop_at: set[str] | None = None,
    deadline: float | None = None,
    max_steps: int | None = None,
    reuse: tuple[_Outcomes, dict[Action, int]] | None = None,
) -> None:
    """Look for witnesses of what the exhaustive search did not reach: at every depth,
    keep only the most promising states. It can prove that something is reachable (it
    returns a path), never that it is not. It stops after ``max_steps`` children made
    (if given), each a step or a step reused (``reuse``: the exhaustive search's
    ``_Outcomes`` and ranks); a child made by a reused step is stepped for real only if
    it is kept for the next depth."""
    frontier: list[tuple[GameState, list[Action]]] = [(_slim(start), [])]
    points = max(a.action_points for a in content.actors.values() if a.kind == "role")
    sure_refusals = _conditional_actions(content)
    promise = _Promise(content, keys, start)
    left = max_steps if max_steps is not None else -1
    for _ in range(limit * (points + 1)):
        if not frontier or not _missing(search, content):
            break
        if stop_at and stop_at & search.endings.keys():
            break
        if deadline is not None and time.perf_counter() > deadline:
            break
        # Memory stays bounded: only this layer's states are remembered.
        seen: set[bytes] = set()
        children: list[tuple[int, int, GameState | None, list[Action], GameState]] = []
        for state, path in frontier:
            if _beyond(state, limit):
                continue
            parts = keys.parts(state)
            reusable = (
                reuse is not None
                and len(parts) == reuse[0].size
                and not any(item.due <= state.turn for item in state.pending)
            )
            for action in [*engine.candidate_actions(state), _END_TURN]:
                if (allow is not None and not allow(action)) or not _may_matter(
                    engine, state, action
                ):
                    continue
                if (
                    isinstance(action, Do)
                    and action.action in sure_refusals
                    and not engine.accepts(state, action)
                ):
                    continue  # refused: nothing but the points would change
                if left == 0:
                    return  # its share of the work is spent
                left -= 1
                found: Any = None
                if reusable:
                    outcomes, ranks = reuse  # type: ignore[misc]
                    order = ranks.setdefault(action, len(ranks))
                    view = outcomes.view(order, action)
                    if view is not None:
                        values = outcomes.values(order, view, parts)
                        found = outcomes.learned.get(values, _UNKNOWN)
                if found is not None and found is not _UNKNOWN:
                    after: GameState | None = None
                    child = outcomes.apply(parts, found[0])
                    if _VERIFY:
                        _verify(engine, keys, state, parts, action, found)
                else:
                    after, events = engine.step(state, action)
                    after = _slim(after, owned=True)
                    child = keys.parts(after, state, parts)
                    if found is _UNKNOWN:
                        outcomes.learn(order, values, parts, child, events)
                digest = keys.digest(child)
                if digest in seen or (not isinstance(action, EndTurn) and child[:-1] == parts[:-1]):
                    continue
                seen.add(digest)
                trail = [*path, action]
                if after is None:
                    # (no objective met, no ending: nothing to record; its findings are
                    # noted once)
                    if found[1] is not None:
                        _note_found(search, found[1])
                        outcomes.learned[values] = (found[0], None)
                else:
                    _record_outcome(search, content, after, trail)
                    _note(search, events, trail)
                    if _VERIFY and promise(child) != _promise(content, after):
                        raise AssertionError(f"the promise of {trail} is wrong")
                hope = promise(child) if after is None else _promise(content, after)
                children.append((-hope, len(children), after, trail, state))
        children.sort(key=lambda c: (c[0], c[1]))
        frontier = [
            (
                after
                if after is not None
                else _slim(engine.step(before, trail[-1])[0], owned=True),
                trail,
            )
            for _, _, after, trail, before in children[:width]
        ]


class _Promise:
    """``_promise`` from a state's parts: objectives met, needed facts where they are
    needed, rules fired and injects run, each counted by its bits."""

    def __init__(self, content: GameContent, keys: _Keys, start: GameState) -> None:
        self.needs = [
            (_KNOWLEDGE + i, _mask(keys.facts, content.actors[actor].needs))
            for i, actor in enumerate(start.knowledge)
            if actor in content.actors
        ]

    def __call__(self, parts: tuple[int, ...]) -> int:
        needed = sum((parts[i] & bits).bit_count() for i, bits in self.needs)
        objectives, fired, injected = parts[3], parts[1], parts[2]
        return 100 * objectives.bit_count() + 5 * needed + fired.bit_count() + injected.bit_count()


def _done_cap(content: GameContent) -> int:
    """The largest number of times any condition asks a step to have been done."""
    from ..content import logic as L
    from ..content.validation import walk

    times = [obj.done.times for _, obj in walk(content.scenario) if isinstance(obj, L.Done)]
    return max(times, default=1)


def _may_matter(engine: Engine, state: GameState, action: Action) -> bool:
    """False for an exchange that cannot change anything: no new facts for anyone and no
    rule listening for it that can still fire (it would only spend action points and
    bring an acknowledgement).
    Checked before stepping, because stepping is what the search spends its time on."""
    program = engine.program
    fired = state.fired
    if isinstance(action, Send | Share):
        recipients = action.to if isinstance(action, Send) else (action.to,)
        # (a rule that fires once and has fired cannot answer it)
        for rule, _ in program.candidates("message", recipients):
            if not rule.once or rule.id not in fired:
                return True
        for recipient in recipients:
            theirs = state.knowledge.get(recipient, {})
            if any(fact not in theirs for fact in action.facts):
                return True
        return False
    if isinstance(action, Request):
        for rule, _ in program.candidates("request", ((action.agency, action.service),)):
            if not rule.once or rule.id not in fired:
                return True
        return action.fact is not None and action.fact not in state.knowledge.get(action.agency, {})
    return True


def _slim(state: GameState, *, owned: bool = False) -> GameState:
    """The state without what the search does not need: the messages and the score log
    (history), and the replies on their way that carry no facts (acknowledgements: their
    delivery only adds a message). Neither is part of a state's key, nor changes what can
    happen. ``owned``: the state is one no one else holds (a step's result), so it is
    changed in place rather than copied."""
    pending = state.pending
    for item in pending:
        if item.kind == "reply" and not item.data.get("facts"):
            pending = tuple(p for p in pending if p.kind != "reply" or p.data.get("facts"))
            break
    if state.messages or state.score_log or pending is not state.pending:
        if not owned:
            state = state.copy()
        state.messages = ()
        state.score_log = ()
        state.pending = pending
    return state


def _beyond(state: GameState, limit: int) -> bool:
    """True for a state the search does not expand: the game is over or past the limit."""
    return state.over or state.turn > limit


def _conditional_actions(content: GameContent) -> set[str]:
    """The scenario actions whose condition ``Engine.accepts`` can check before a step:
    those with one, and no chance in it (checking draws from the generator)."""
    from ..content import logic as L
    from ..content.validation import walk

    return {
        spec.id
        for spec in content.actions.values()
        if spec.if_ is not None and not any(isinstance(o, L.Chance) for _, o in walk(spec.if_))
    }


Footprint = tuple[frozenset[Any], frozenset[Any], frozenset[Any]]
"""What a step of one action may read, write, and add to (counts whose order does not
matter: broken trust, own exchanges), in the atoms of ``compiled.reads``."""


class _Commuting:
    """Which actions of one turn commute: taken one after the other in either order, from
    any state of a game of ``role``, they lead to states with the same key.

    Decided before any step from the content alone, conservatively: an action's
    footprint is what it may read and write, including every rule and inject it may set
    off (all those listening for it, whether or not their conditions would hold), and two
    actions commute when neither writes what the other reads or writes. Only ``do``
    steps, direct shares and SIENA messages to one recipient get a footprint; everything
    else (ending the turn, requests, permissions, a chance, an ending, a reply scheduled
    by both) commutes with nothing. Objectives and endings are checked after every step,
    so no objective may read what both actions write, and no ending what either writes.

    Broken trust is read (a partner's replies slow down, its services refuse) but never
    written by the actions of a search path: the engine records a breach only when it
    refuses the action, and a refusal changes nothing else (a lean engine keeps no score
    and no message), so the search never follows it (see "changed nothing" in
    ``explore``). Of two actions taken one after the other on a path, neither breaks
    trust, in either order.
    """

    def __init__(self, engine: Engine, role: str) -> None:
        self.engine = engine
        self.content = engine.content
        self.role = role
        self._footprints: dict[Action, Footprint | None] = {}
        self._pairs: dict[tuple[Action, Action], bool] = {}
        self._across: dict[tuple[Action, Action], bool] = {}
        self._end: tuple[frozenset[Any], frozenset[Any]] | None = None
        self._end_made = False
        self._turn_ending = False  # whether an ending is part of a footprint (the turn's)
        self._restricted = _restricted_facts(self.content)
        # The fewest turns any actor takes to reply (urgent or not).
        self._slowest_first_reply = min(
            (
                turns
                for actor in self.content.actors.values()
                for turns in (actor.reply_delay.normal, actor.reply_delay.urgent)
            ),
            default=0,
        )
        self._outcomes = [
            self._outcome_reads(o.when, set()) for o in self.content.objectives.values()
        ]
        self._endings = [
            self._outcome_reads(e.when, set()) for e in self.content.endings.values() if e.when
        ]

    def __call__(self, a: Action, b: Action) -> bool:
        found = self._pairs.get((a, b))
        if found is None:
            found = self._pairs[(a, b)] = self._pairs[(b, a)] = self._commute(a, b)
        return found

    def _commute(self, a: Action, b: Action) -> bool:
        fa, fb = self.footprint(a), self.footprint(b)
        if fa is None or fb is None:
            return False
        read_a, write_a, add_a = fa
        read_b, write_b, add_b = fb
        if not write_a.isdisjoint(read_b | write_b | add_b) or not write_b.isdisjoint(
            read_a | add_a
        ):
            return False
        if not add_a.isdisjoint(read_b) or not add_b.isdisjoint(read_a):
            return False
        for watched in self._outcomes:
            if watched is None:
                if write_a and write_b:
                    return False
            elif not watched.isdisjoint(write_a) and not watched.isdisjoint(write_b):
                return False
        for watched in self._endings:
            # Either may end the game: the other, taken first or not at all, would leave a
            # different last state (with the same ending; but the states must be the same).
            if watched is None:
                if write_a or write_b:
                    return False
            elif not watched.isdisjoint(write_a) or not watched.isdisjoint(write_b):
                return False
        return True

    def across(self, a: Action, b: Action) -> bool:
        """Whether ``b`` taken just before ending the turn and ``a`` just after it (b, end,
        a) lead to a state with the same key as ``a`` before and ``b`` after (a, end, b).

        Both orders spend as many points in each turn when the two cost the same; the
        rest holds when the two commute with each other and with ending the turn (see
        ``end_footprint``): neither writes what the turn's end and start read or write,
        neither reads what they write (the turn number among it), and neither schedules
        anything (a reply or an inject due some turns later would be due at another
        turn). Objectives are checked after every step: none may read the writes of
        two of the three; no ending may read what ``a`` or ``b`` writes.
        """
        found = self._across.get((a, b))
        if found is None:
            found = self._across[(a, b)] = self._across[(b, a)] = self._swaps(a, b)
        return found

    def _swaps(self, a: Action, b: Action) -> bool:
        end = self.end_footprint()
        fa, fb = self.footprint(a), self.footprint(b)
        if end is None or fa is None or fb is None or not self(a, b):
            return False
        cost = self._cost(a)
        if cost is None or cost != self._cost(b):
            return False
        end_read, end_write = end
        for read, write, add in (fa, fb):
            if not write.isdisjoint(end_read) or not write.isdisjoint(end_write):
                return False
            # (a reply or inject scheduled writes "pending" or a reply's facts, which
            # the turn's start writes: due at a turn counted from the one it is taken in)
            if not read.isdisjoint(end_write) or not add.isdisjoint(end_read):
                return False
        writes = (fa[1], fb[1], end_write)
        for watched in self._outcomes:
            if watched is None or sum(not watched.isdisjoint(w) for w in writes) > 1:
                return False
        # (``self(a, b)`` has checked that no ending reads what either writes)
        return True

    def _cost(self, action: Action) -> int | None:
        """The points an action costs (the engine's checks charge these), None if unsure."""
        if isinstance(action, Do):
            spec = self.content.actions.get(action.action)
            return None if spec is None else spec.cost
        if isinstance(action, Share):
            return 1
        if isinstance(action, Send):
            return 1 + (action.priority == "urgent")
        if isinstance(action, Request):
            agency = self.content.actors.get(action.agency)
            service = agency.services.get(action.service) if agency is not None else None
            return None if service is None else service.cost + (action.priority == "urgent")
        return None

    def end_footprint(self) -> tuple[frozenset[Any], frozenset[Any]] | None:
        """What ending the turn may read and write, whatever the state: the rules of the
        turn's end and start, every inject (scheduled, waiting for its condition, or set
        off) with the rules listening to it, and the delivery of whatever may be on its
        way (a reply's facts to the player, a permission granted). Besides: the turn
        number, the action points (which ``across`` compares by cost) and the items on
        their way. None: something it cannot follow (a chance, an ending, a message)."""
        if self._end_made:
            return self._end
        from ..content import logic as L
        from ..content.validation import walk

        read: set[Any] = {"turn", "pending"}
        write: set[Any] = {"turn", "pending"}
        # The turn's start may end the game: then neither order goes on after it (what
        # sets the ending off reads nothing either action writes, so both orders end).
        self._turn_ending = True
        found: tuple[frozenset[Any], frozenset[Any]] | None = None
        program = self.engine.program
        every: list[Any] = [*self.content.rules, *self.content.injects.values()]
        every += list(self.content.actions.values())
        ok = all(
            self._rules(program.rules.get(kind, ()), read, write, set(), ())
            for kind in ("turn_end", "turn_start")
        )
        for inject in self.content.injects.values() if ok else ():
            read.add(("i", inject.id))
            write.add(("i", inject.id))
            listening = program.candidates("inject", (inject.id,))
            if (
                (inject.if_ is not None and not self._condition(inject.if_, read))
                or not self._effects(inject.then, read, write, set(), ())
                or not self._rules(listening, read, write, set(), ())
            ):
                ok = False
                break
        if ok:
            for _, obj in (found for part in every for found in walk(part)):
                if isinstance(obj, L.Reply):  # what a reply on its way brings
                    write |= {("k", self.role, fact) for fact in obj.reply.facts}
                    write |= {("reply", fact) for fact in obj.reply.facts}
            # A permission granted: to pass on a fact the player holds under H1 or H2.
            restricted = self._restricted
            if restricted is None:
                ok = False
            else:
                write |= {("p", fact) for fact in restricted}
        self._turn_ending = False
        if ok:
            found = frozenset(read), frozenset(write)
        self._end, self._end_made = found, True
        return found

    def _outcome_reads(self, cond: Any, seen: set[str]) -> frozenset[Any] | None:
        """What an objective's or ending's condition reads, an objective it names read
        through its own condition."""
        from ..content import logic as L

        if isinstance(cond, L.ObjectiveMet):
            if cond.objective in seen or cond.objective not in self.content.objectives:
                return None
            seen.add(cond.objective)
            inner = self._outcome_reads(self.content.objectives[cond.objective].when, seen)
            return None if inner is None else inner | {("o", cond.objective)}
        parts = getattr(cond, "all", None) or getattr(cond, "any", None)
        if isinstance(cond, L.NotOf):
            parts = [cond.not_]
        if parts is None:
            return _fact_reads(cond, self.role)
        found: set[Any] = set()
        for part in parts:
            inner = self._outcome_reads(part, seen)
            if inner is None:
                return None
            found |= inner
        return frozenset(found)

    def footprint(self, action: Action) -> Footprint | None:
        if action not in self._footprints:
            self._footprints[action] = self._footprint(action)
        return self._footprints[action]

    def _footprint(self, action: Action) -> Footprint | None:
        content, role = self.content, self.role
        read: set[Any] = set()
        write: set[Any] = set()
        add: set[Any] = set()
        if isinstance(action, Do):
            spec = content.actions.get(action.action)
            if spec is None:
                return None
            read.add(("d", spec.id))
            if action.fact is not None:
                read.add(("k", role, action.fact))  # (a target must be known)
            write.add(("d", spec.id))
            if spec.if_ is not None and not self._condition(spec.if_, read):
                return None
            if not self._effects(spec.then, read, write, set(), ()):
                return None
            listening = self.engine.program.candidates("action", (spec.id,))
        elif isinstance(action, Share | Send):
            recipients = action.to if isinstance(action, Send) else (action.to,)
            if len(recipients) != 1:
                return None
            recipient = recipients[0]
            read |= {("p", fact) for fact in action.facts}  # (a permission to pass it on)
            add.add("exchanges")  # a count: taking two in either order adds two
            # (no "trust": see the class's docstring)
            for fact in action.facts:
                if not self._passing_on(fact, recipient, read, write):
                    return None
            listening = [
                entry
                for entry in self.engine.program.candidates("message", (recipient,))
                if _may_match(getattr(entry[0].when, "message", None), action, recipient, role)
            ]
        elif isinstance(action, Request):
            found = self._request(action, read, write, add)
            if found is None:
                return None
            listening = found
        else:
            return None
        # The facts of the message its rules answer ('forward' passes them on): a share
        # or a SIENA message carries its facts, a request its one fact.
        carried: tuple[str, ...] = ()
        if isinstance(action, Share | Send):
            carried = tuple(action.facts)
        elif isinstance(action, Request) and action.fact is not None:
            carried = (action.fact,)
        if not self._rules(listening, read, write, set(), carried):
            return None
        return frozenset(read), frozenset(write), frozenset(add)

    def _passing_on(self, fact: str, recipient: str, read: set[Any], write: set[Any]) -> bool:
        """What passing ``fact`` on to ``recipient`` reads and writes (False: too much to
        follow): who knows it, and under which handling code (the first record of a fact
        stays); new to the recipient or not; its guard and the victim's consent."""
        read |= {("k", self.role, fact), ("k", recipient, fact)}
        write.add(("k", recipient, fact))
        known = self.content.facts.get(fact)
        if known is None:
            return False
        for cond in (
            known.guard.if_ if known.guard is not None else None,
            known.consent.asked if known.consent is not None else None,
        ):
            if cond is not None and not self._condition(cond, read):
                return False
        return True

    def _request(
        self, action: Request, read: set[Any], write: set[Any], add: set[Any]
    ) -> list[Any] | None:
        """A request's reads and writes before its rules (None: too much to follow), and
        the rules that answer it. Its own checks read the service's condition, the
        agency's trust and, for a request about a fact, what a share of it reads; an
        answer without facts is not sent by a lean engine, and one with facts is the
        rules' (see ``_effects``)."""
        content = self.content
        agency = content.actors.get(action.agency)
        service = agency.services.get(action.service) if agency is not None else None
        if service is None or service.refuse is not None:
            return None
        read.add("trust")  # a partner whose trust is broken refuses requests
        add.add("exchanges")
        if service.requires is not None and not self._condition(service.requires.if_, read):
            return None
        facts = (action.fact,) if action.fact is not None else ()
        read |= {("p", fact) for fact in facts}
        for fact in facts:
            if not self._passing_on(fact, action.agency, read, write):
                return None
        from ..content import logic as L

        listening = []
        for entry in self.engine.program.candidates("request", ((action.agency, action.service),)):
            when = entry[0].when
            if not isinstance(when, L.OnRequest):
                return None
            flt = when.request
            if (
                flt.agency == action.agency
                and flt.service == action.service
                and (flt.fact is None or flt.fact == action.fact)
            ):
                listening.append(entry)
        return listening

    def _deferred(self, after: int | None) -> bool:
        """Whether a reply with this 'after' surely comes at a later turn than the step
        that sends it (broken trust only makes a reply later)."""
        if after is not None:
            return after > 0
        return self._slowest_first_reply > 0

    def _condition(self, cond: Any, read: set[Any]) -> bool:
        found = _fact_reads(cond, self.role)
        if found is None:
            return False  # a chance, a message, an objective: too much to follow
        read |= found
        return True

    def _rules(
        self,
        rules: Iterable[Any],
        read: set[Any],
        write: set[Any],
        seen: set[str],
        carried: tuple[str, ...],
    ) -> bool:
        for rule, _ in rules:
            read.add(("f", rule.id))
            write.add(("f", rule.id))
            if rule.if_ is not None and not self._condition(rule.if_, read):
                return False
            if not self._effects(rule.then, read, write, seen, carried):
                return False
        return True

    def _effects(
        self,
        effects: Iterable[Any],
        read: set[Any],
        write: set[Any],
        seen: set[str],
        carried: tuple[str, ...],
    ) -> bool:
        """``carried``: the facts of the message being answered (what 'forward' passes on)."""
        from ..content import logic as L

        role = self.role
        for effect in effects:
            if isinstance(effect, L.Reveal):
                to = effect.reveal.to
                to = role if to == L.PLAYER else to
                write |= {("k", to, fact) for fact in effect.reveal.facts}
            elif isinstance(effect, L.Reply):
                if effect.reply.facts:  # (a lean engine sends no reply without facts)
                    # Replies due the same turn arrive in the order they were sent: only
                    # the first to bring a fact decides how it is known.
                    write |= {("reply", fact) for fact in effect.reply.facts}
                    if not self._deferred(effect.reply.after):
                        # It may arrive within the step; one due at a later turn is only
                        # a reply on its way (a set in the key: the order it joined in
                        # does not matter).
                        write |= {("k", role, fact) for fact in effect.reply.facts}
                    read.add("trust")  # broken trust slows a reply
            elif isinstance(effect, L.Forward):
                to = effect.forward.to
                to = role if to == L.PLAYER else to
                write |= {("k", to, fact) for fact in carried}
            elif isinstance(effect, L.SetVar):
                write.add(("v", effect.set.var))
            elif isinstance(effect, L.AddVar):
                read.add(("v", effect.add.var))
                write.add(("v", effect.add.var))
            elif isinstance(effect, L.TriggerInject):
                inject = effect.inject.id
                if effect.inject.after != 0:
                    write.add("pending")
                    continue
                read.add(("i", inject))
                write.add(("i", inject))
                if inject in seen:
                    continue
                seen.add(inject)
                spec = self.content.injects.get(inject)
                if spec is None or not self._effects(spec.then, read, write, seen, carried):
                    return False
                listening = self.engine.program.candidates("inject", (inject,))
                if not self._rules(listening, read, write, seen, carried):
                    return False
            elif isinstance(effect, L.Score | L.Say):
                continue  # a lean engine keeps neither
            elif isinstance(effect, L.End) and self._turn_ending:
                write.add("ending")  # (see ``end_footprint``)
            else:
                return False  # an ending, or an effect this does not know
        return True


def _shares_as_sends(engine: Engine, role: str) -> frozenset[str]:
    """The partners to whom a direct share of some facts leads to the very state a SIENA
    message with the same facts does (H0, normal priority, no evaluation), so a search
    need not try both.

    Both cost a point and pass the same checks (the passing-on rules look at the facts
    and the recipients, not the channel), when the role and the partner both have both
    channels (then every share the search could try has its message beside it). What
    differs is the message's channel and handling code (H0, or none for a share): no
    filter of a rule, whether its trigger or a test in its condition, that could apply
    to a message to the partner may look at either. The recipient's and a forward's
    record of how it learned a fact differ too, but a state's key keeps the handling
    code only for H1 and H2.
    """
    from ..content import logic as L
    from ..content.validation import walk

    content = engine.content
    me = content.actors[role]
    if not (me.uses("siena") and me.uses("direct")):
        return frozenset()
    filters = [
        obj for rule in content.rules for _, obj in walk(rule) if isinstance(obj, L.MessageFilter)
    ]
    found = set()
    for actor in content.actors.values():
        if actor.id == role or not (actor.uses("siena") and actor.uses("direct")):
            continue
        if any(
            (flt.channel is not None or flt.handling == "H0")
            and (flt.to is None or flt.to == actor.id or flt.to == L.PLAYER)
            for flt in filters
        ):
            continue
        found.add(actor.id)
    return frozenset(found)


def _restricted_facts(content: GameContent) -> frozenset[str] | None:
    """The facts whose passing on can break a partner's trust: those that ever arrive
    under H1 or H2, and those about a victim who must consent. None: any fact can (a
    message is forwarded to the player, keeping its handling code)."""
    from ..content import logic as L
    from ..content.validation import walk

    found = {f.id for f in content.facts.values() if f.consent is not None}
    every: list[Any] = [content.scenario, *content.rules, *content.injects.values()]
    every += [*content.actions.values(), *content.actors.values()]
    for _, obj in (found for part in every for found in walk(part)):
        if isinstance(obj, L.Reveal) and obj.reveal.handling in ("H1", "H2"):
            found |= set(obj.reveal.facts)
        elif isinstance(obj, L.Reply) and obj.reply.handling in ("H1", "H2"):
            found |= set(obj.reply.facts)
        elif isinstance(obj, L.Forward) and obj.forward.to == L.PLAYER:
            return None
    return frozenset(found)


def _may_match(flt: Any, action: Share | Send, recipient: str, role: str) -> bool:
    """False when a rule listening for messages cannot match this one, whatever the state."""
    from ..content import logic as L

    if flt is None:
        return True

    def actor(name: str) -> str:
        return role if name == L.PLAYER else name

    siena = isinstance(action, Send)
    checks = (
        flt.to is None or actor(flt.to) == recipient,
        flt.sender is None or actor(flt.sender) == role,
        flt.channel is None or flt.channel == ("siena" if siena else "direct"),
        flt.handling is None or (siena and flt.handling == action.handling),  # type: ignore[union-attr]
        flt.priority is None or flt.priority == (action.priority if siena else "normal"),  # type: ignore[union-attr]
        flt.has_fact is None or flt.has_fact in action.facts,
        flt.source_code is None or (siena and flt.source_code == action.source_code),  # type: ignore[union-attr]
        flt.info_code is None or (siena and flt.info_code == action.info_code),  # type: ignore[union-attr]
    )
    return all(checks)


def _fact_reads(cond: Any, role: str) -> frozenset[Any] | None:
    """``compiled.reads`` with an actor's facts one by one: ('k', actor, fact)."""
    from ..content import logic as L
    from ..engine.compiled import reads

    if isinstance(cond, L.Knows):
        actor = role if cond.knows.actor == L.PLAYER else cond.knows.actor
        return frozenset({("k", actor, cond.knows.fact)})
    if isinstance(cond, L.MessageIs):
        # The message a rule answers is the action's own (the same in either order), and
        # none outside a rule: it reads nothing of the state.
        return frozenset()
    parts: list[Any]
    if isinstance(cond, L.AllOf):
        parts = cond.all
    elif isinstance(cond, L.AnyOf):
        parts = cond.any
    elif isinstance(cond, L.NotOf):
        parts = [cond.not_]
    else:
        return reads(cond, role)
    found: set[Any] = set()
    for part in parts:
        inner = _fact_reads(part, role)
        if inner is None:
            return None
        found |= inner
    return frozenset(found)


class _Keys:
    """Compact keys for the states of one search, equal exactly when ``state_key`` is
    but for two of its parts, left out:

    - broken trust: a partner's trust breaks only when the engine refuses an action, and
      a refusal leaves these keys as they were (no points spent), so the search never
      follows it; along the search's paths broken trust stays what it was at the start;
    - the player's own exchanges: a count that only rates a game (the best rating asks
      for a few), never changes what can happen; states that differ in nothing else are
      merged, so ``fewest_exchanges_to_best`` is the fewest among the paths kept.

    ``tests/test_explore_reduction.py`` checks both in random games of every scenario.
    ``parts(state)`` is a tuple of integers: the sets of facts (per actor), rules fired,
    injects and objectives become bit masks, the other parts of ``state_key`` numbers in
    tables of the values this search has seen; the action points come last, so
    ``parts[:-1]`` is the key without them. ``digest(parts)`` is what the search remembers:
    16 bytes of BLAKE2b (two of a million states would share one with odds near 1e-27).
    A step copies only what it changes, so given the state stepped from and its parts,
    the parts it did not touch are reused rather than made again.
    """

    def __init__(self, content: GameContent, done_cap: int) -> None:
        self.done_cap = done_cap
        self.facts = _bits(content.facts)
        self.rules = _bits(rule.id for rule in content.rules)
        self.injects = _bits(content.injects)
        self.objectives = _bits(content.objectives)
        self.variables: dict[tuple[tuple[str, Any], ...], int] = {}
        self.variable_sets: dict[frozenset[tuple[str, Any]], int] = {}
        self.done: dict[frozenset[tuple[str, int]], int] = {}
        self.permissions: dict[frozenset[tuple[str, str]], int] = {}
        self.pending: dict[frozenset[Any], int] = {}
        self.restricted: dict[frozenset[tuple[str, str | None, str | None]], int] = {}
        self.endings: dict[str | None, int] = {}
        self._before: GameState | None = None  # the last state stepped from, and its facts
        self._their_facts: tuple[dict[str, Known], ...] = ()

    def parts(
        self,
        state: GameState,
        before: GameState | None = None,
        theirs: tuple[int, ...] | None = None,
    ) -> tuple[int, ...]:
        knowledge = state.knowledge
        mine = knowledge.get(state.role, {})
        if before is None or theirs is None or len(before.knowledge) != len(knowledge):
            masks = [_mask(self.facts, facts) for facts in knowledge.values()]
            fired = _mask(self.rules, state.fired)
            injected = _mask(self.injects, state.injected)
            variables = self._variables(state.variables)
            done = self._done(state.done)
            permissions = _number(self.permissions, state.permissions)
            pending = self._pending(state.pending)
            restricted = self._restricted(mine)
            objectives = _mask(self.objectives, state.objectives)
        else:
            masks = list(theirs[_KNOWLEDGE:-1])
            if knowledge is not before.knowledge:  # (the same dict: no one learned anything)
                if before is not self._before:
                    self._before, self._their_facts = before, tuple(before.knowledge.values())
                facts = tuple(knowledge.values())
                changed = list(map(is_not, facts, self._their_facts))
                if True in changed:
                    for i in compress(range(len(facts)), changed):
                        masks[i] = _mask(self.facts, facts[i])
            fired = theirs[1] if state.fired is before.fired else _mask(self.rules, state.fired)
            injected = (
                theirs[2]
                if state.injected is before.injected
                else _mask(self.injects, state.injected)
            )
            # (a step shares the dicts it did not write to: most are the very same)
            variables = (
                theirs[4]
                if state.variables is before.variables or state.variables == before.variables
                else self._variables(state.variables)
            )
            done = (
                theirs[5]
                if state.done is before.done or state.done == before.done
                else self._done(state.done)
            )
            objectives = (
                theirs[3]
                if state.objectives is before.objectives
                else _mask(self.objectives, state.objectives)
            )
            permissions = (
                theirs[6]
                if state.permissions is before.permissions
                else _number(self.permissions, state.permissions)
            )
            # (equal, not only the same: stripping acknowledgements makes a new tuple)
            pending = (
                theirs[7]
                if state.pending is before.pending or state.pending == before.pending
                else self._pending(state.pending)
            )
            restricted = (
                theirs[9] if mine is before.knowledge.get(before.role) else self._restricted(mine)
            )
        return (
            state.turn,
            fired,
            injected,
            objectives,
            variables,
            done,
            permissions,
            pending,
            _number(self.endings, state.ending),
            restricted,
            state.rng,
            *masks,
            state.ap,
        )

    @staticmethod
    def digest(parts: tuple[int, ...]) -> bytes:
        # marshal (format 2, no references) writes equal tuples of ints the same way.
        return blake2b(marshal.dumps(parts, 2), digest_size=16).digest()

    def _variables(self, variables: dict[str, Any]) -> int:
        # Variables keep the scenario's order, so their items are a quick first key;
        # equal sets in another order still get one number.
        items = tuple(variables.items())
        number = self.variables.get(items)
        if number is None:
            number = self.variables[items] = _number(self.variable_sets, frozenset(items))
        return number

    def _done(self, done: dict[str, int]) -> int:
        cap = self.done_cap
        return _number(self.done, frozenset((a, min(n, cap)) for a, n in done.items()))

    def _pending(self, pending: tuple[Pending, ...]) -> int:
        return _number(self.pending, pending_key(pending))

    def _restricted(self, mine: dict[str, Known]) -> int:
        # The player's facts under H1/H2 with where they came from (see ``state_key``);
        # their bits are in the masks like any other fact.
        restricted = frozenset(
            (f, k.source, k.handling) for f, k in mine.items() if k.handling in ("H1", "H2")
        )
        return _number(self.restricted, restricted)


_KNOWLEDGE = 11  # where the masks of the actors' facts begin in ``_Keys.parts``


_View = tuple[
    tuple[tuple[int, int], ...], tuple[int, ...], Callable[[tuple[int, ...]], Any], tuple[int, ...]
]
"""What of a state's parts (``_Keys.parts``) a step may read or write: (index, bits) of
the bit masks and the indexes of the parts taken whole; then, for looking it up, a
getter of all these parts (the turn and the action points are among them, so it returns
a tuple) and the bits of each (-1 for a part taken whole)."""

_Changes = tuple[tuple[int, int, bool], ...]
"""A step's changes to a state's parts: (index, bits added or the new value, bits?)."""

_UNKNOWN = object()


class _Outcomes:
    """What a step of one action does to a state's parts, learned from the steps taken
    and reused at states where the step would read the same.

    A step of an action that has a footprint (see ``_Commuting``) reads only what its
    footprint names and writes only that, so at two states that agree on it, it makes the
    same change; the search then makes a child's parts from its parent's without a step.
    An action's *view* is what of the parts holds its footprint: the bits of the facts,
    rules, injects and objectives it names, the whole number of the parts kept as one
    (variables, steps done, permissions, replies on their way, the player's restricted
    facts), the turn and the action points. Objectives and endings are checked after
    every step, so the view also holds what each one reads whose reads a step of the
    action may write, and whether it is met. Broken trust is the start's on every search
    path (see ``_Keys``); own exchanges are not in the keys.

    Learned from a real step: the parts it changed (a change outside the view and the
    action is never reused: its footprint missed something) and the rules, injects and
    facts its events name, for the findings. A step that meets an objective or ends the
    game is not reused: the search records those from the state. Nothing is learned or
    reused at a state with something on its way due now (a step would deliver it).
    ``tests/test_explore_reduction.py`` steps every reuse for real in searches of every
    scenario and compares the parts.
    """

    def __init__(self, commute: _Commuting, keys: _Keys, start: GameState) -> None:
        self.commute = commute
        self.keys = keys
        self.role = start.role
        self.size = _KNOWLEDGE + len(start.knowledge) + 1
        self.actors = {actor: _KNOWLEDGE + i for i, actor in enumerate(start.knowledge)}
        self._views: dict[int, _View | None] = {}
        # (rank, the view's values) -> (the changed parts, the findings), or None: step it
        self.learned: dict[tuple[int, ...], Any] = {}

    def view(self, rank: int, action: Action) -> _View | None:
        found = self._views.get(rank, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._views[rank] = self._view(action)
        return found  # type: ignore[return-value]

    def _view(self, action: Action) -> _View | None:
        commute = self.commute
        footprint = commute.footprint(action)
        if footprint is None or type(action) is EndTurn:
            return None
        read, write, _ = footprint
        atoms = set(read | write)
        for objective, watched in zip(commute.content.objectives, commute._outcomes, strict=True):
            if watched is None:
                if write:
                    return None
            elif not watched.isdisjoint(write):
                atoms |= watched | {("o", objective)}
        for watched in commute._endings:
            if watched is None:
                if write:
                    return None
            elif not watched.isdisjoint(write):
                atoms |= watched | {"ending"}
        masks: dict[int, int] = {}
        whole = {0, self.size - 1}  # the turn and the action points
        keys = self.keys
        tables = {"f": (keys.rules, 1), "i": (keys.injects, 2), "o": (keys.objectives, 3)}
        parts = {"pending": 7, "ending": 8, "v": 4, "d": 5, "p": 6, "reply": 7}
        for atom in atoms:
            if atom in ("trust", "exchanges", "turn"):
                continue
            if atom in parts:
                whole.add(parts[atom])
                continue
            if not isinstance(atom, tuple):
                return None
            kind = atom[0]
            if kind == "k":
                index = self.actors.get(atom[1])
                bits = -1 if len(atom) == 2 else keys.facts.get(atom[2], 0)
                if index is None or not bits:
                    return None
                masks[index] = masks.get(index, 0) | bits
                if atom[1] == self.role:
                    whole.add(9)  # (how the player knows it: H1/H2 with where it came from)
            elif kind in tables:
                table, index = tables[kind]
                bits = table.get(atom[1], 0)
                if not bits:
                    return None
                masks[index] = masks.get(index, 0) | bits
            elif kind in parts:
                whole.add(parts[kind])
            else:
                return None
        indexes = tuple(sorted(whole))
        # (one getter of all its parts, each and-ed with its bits: -1 keeps a whole part)
        every = sorted({**masks, **dict.fromkeys(indexes, -1)}.items())
        return (
            tuple(sorted(masks.items())),
            indexes,
            itemgetter(*[i for i, _ in every]),
            tuple(bits for _, bits in every),
        )

    @staticmethod
    def values(rank: int, view: _View, parts: tuple[int, ...]) -> tuple[int, ...]:
        """The view's values in a state's parts, with the action's rank: what to look up."""
        return (rank, *map(and_, view[2](parts), view[3]))

    def learn(
        self,
        rank: int,
        values: tuple[int, ...],
        parts: tuple[int, ...],
        child: tuple[int, ...],
        events: list[E.Event],
    ) -> None:
        """Remember what a real step did: the parts it changed and what its events name."""
        view = self._views[rank]
        assert view is not None
        if len(child) != len(parts) or len(parts) != self.size:
            return
        masks = dict(view[0])
        whole = view[1]
        changes = []
        for i, (old, new) in enumerate(zip(parts, child, strict=True)):
            if old == new:
                continue
            if i == 3 or i == 8:
                self.learned[values] = None  # an objective met or an ending: step it
                return
            if i in whole:
                changes.append((i, new, False))
            elif i in masks and (old & ~new) == 0 and ((old ^ new) & ~masks[i]) == 0:
                changes.append((i, new & ~old, True))
            else:
                self._views[rank] = None  # a change outside its view: never reused
                return
        self.learned[values] = (tuple(changes), _findings(events))

    @staticmethod
    def apply(parts: tuple[int, ...], changes: _Changes) -> tuple[int, ...]:
        """A state's parts with a step's changes: bits added, or a part's new number."""
        child = list(parts)
        for i, value, bits in changes:
            child[i] = child[i] | value if bits else value
        return tuple(child)


def _bits(ids: Iterable[str]) -> dict[str, int]:
    return {ident: 1 << i for i, ident in enumerate(ids)}


def _mask(bits: dict[str, int], ids: Collection[str]) -> int:
    """The bits of ``ids`` (each id in ``bits`` once, so their sum is their union)."""
    try:
        return sum(map(bits.__getitem__, ids))
    except KeyError:  # an id the content does not list: it gets the next bit
        for ident in ids:
            if ident not in bits:
                bits[ident] = 1 << len(bits)
        return sum(map(bits.__getitem__, ids))


def _number(table: dict[Any, int], value: Any) -> int:
    number = table.get(value)
    if number is None:
        number = table[value] = len(table)
    return number


def _interesting(
    search: Search, content: GameContent, state: GameState, events: list[E.Event]
) -> bool:
    if state.ending is not None and state.ending not in search.endings:
        return True
    return any(o not in search.objectives for o in state.objectives)


def _record_outcome(
    search: Search, content: GameContent, state: GameState, path: list[Action]
) -> None:
    if state.ending is not None:
        search.endings.setdefault(state.ending, path)
    for objective in state.objectives:
        search.objectives.setdefault(objective, path)


def _note(search: Search, events: Iterable[E.Event], path: list[Action] | None) -> None:
    for event in events:
        if event.kind == E.RULE_FIRED and event.data.get("rule"):
            search.rules_fired.add(event.data["rule"])
        elif event.kind == E.INJECT:
            search.injects_seen.add(event.data["inject"])
        elif event.kind == E.FACTS_LEARNED:
            search.facts_learned.update(event.data["facts"])


def _findings(events: list[E.Event]) -> tuple[tuple[str, ...], ...]:
    """What ``_note`` takes from a step's events: the rules fired, injects and facts."""
    return (
        tuple(e.data["rule"] for e in events if e.kind == E.RULE_FIRED and e.data.get("rule")),
        tuple(e.data["inject"] for e in events if e.kind == E.INJECT),
        tuple(f for e in events if e.kind == E.FACTS_LEARNED for f in e.data["facts"]),
    )


def _note_found(search: Search, found: tuple[tuple[str, ...], ...]) -> None:
    """``_note`` for a step reused (see ``_Outcomes``): the rules, injects and facts its
    events named."""
    rules, injects, facts = found
    search.rules_fired.update(rules)
    search.injects_seen.update(injects)
    search.facts_learned.update(facts)


_VERIFY = False
"""Step every reused outcome for real, and make every list of choices afresh, and
compare (the tests set it)."""

_NO_RANK = (None, -1)

_END_TURN = EndTurn()


class _Choices:
    """``Engine.candidate_actions`` and ending the turn, made once for the states that
    agree on all it reads: the player's facts in the order learned (the list's order is
    the order the search tries them in), how it knows the restricted ones, the action
    points, the steps done (whether at all: the key's counts are capped, never below one)
    and the permissions; and the role playing (a hot-seat game passes it on). The states
    of a search are never over."""

    def __init__(self, engine: Engine, start: GameState) -> None:
        self.engine = engine
        self.made: dict[tuple[Any, ...], list[Action]] = {}

    def __call__(self, state: GameState, parts: tuple[int, ...]) -> list[Action]:
        role = state.role  # (in a hot-seat game, the group whose turn it is)
        key = (role, *state.knowledge.get(role, _NOTHING), parts[-1], parts[5], parts[6], parts[9])
        found = self.made.get(key)
        if found is None or _VERIFY:
            made = [*self.engine.candidate_actions(state), _END_TURN]
            if found is not None and found != made:
                raise AssertionError(f"choices at turn {state.turn} are not {found}")
            found = self.made[key] = made
        return found


_NOTHING: dict[str, Any] = {}


def _verify(
    engine: Engine,
    keys: _Keys,
    state: GameState,
    parts: tuple[int, ...],
    action: Action,
    found: tuple[_Changes, tuple[tuple[str, ...], ...]],
) -> None:
    after, events = engine.step(state, action)
    real = keys.parts(_slim(after, owned=True), state, parts)
    # (what its events name is kept until noted once, then only the parts)
    named = found[1]
    if real != _Outcomes.apply(parts, found[0]) or named not in (None, _findings(events)):
        raise AssertionError(f"reused outcome of {action!r} at turn {state.turn} is wrong")


def _path(parents: dict[bytes, tuple[bytes | None, Action | None]], key: bytes) -> list[Action]:
    actions: list[Action] = []
    current: bytes | None = key
    while current is not None:
        parent, action = parents[current]
        if action is not None:
            actions.append(action)
        current = parent
    actions.reverse()
    return actions


# --- reports -----------------------------------------------------------------------------


def special_tasks(content: GameContent, role: str) -> list[str]:
    return [o.id for o in content.objectives.values() if o.special_task and o.owner == role]


def known_at_start(content: GameContent) -> set[str]:
    return {f for actor in content.actors.values() for f in actor.knows}
