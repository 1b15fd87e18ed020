"""Partial-order reduction in the explorer: actions of one turn that commute are taken in
one order only, and the search still reaches exactly the same states, so the endings,
ratings and objectives it reports (and the cooperation check) stay the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import trafficking_sim.explore.search as X
from trafficking_sim.content import load_game
from trafficking_sim.engine import Action, Do, EndTurn, Engine, GameState, Send, Share, state_key
from trafficking_sim.engine import events as E

from .mini import T, write_scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
# (role, turns) searched to the end within the budget, in well under a second each
COMPLETE = [("border_b", 1), ("ngo", None), ("authorities_c", 2)]


def _search(
    monkeypatch: pytest.MonkeyPatch, scenario: str, role: str, **options: Any
) -> tuple[X.Search, set[Any], int]:
    """The search, the key of every state it reached, and how many steps it took.

    A state reached is one a step led to that the search kept (``_beyond`` is asked about
    each) or one it expanded (made afresh from the state before and its action, then its
    parts made from it alone): a state whose parts were made from its parent's by a step
    reused (``_Outcomes``) is never beyond the search, so it is expanded."""
    reached: set[Any] = set()
    steps = 0
    beyond = X._beyond
    step = Engine.step
    parts = X._Keys.parts

    def noted(state: GameState, limit: int) -> bool:
        reached.add(state_key(state))
        return beyond(state, limit)

    def expanded(
        self: X._Keys, state: GameState, before: GameState | None = None, theirs: Any = None
    ) -> tuple[int, ...]:
        if before is None:
            reached.add(state_key(state))
        return parts(self, state, before, theirs)

    def counted(self: Engine, state: GameState, action: Action) -> tuple[GameState, list[E.Event]]:
        nonlocal steps
        steps += 1
        return step(self, state, action)

    with monkeypatch.context() as patch:
        patch.setattr(X, "_beyond", noted)
        patch.setattr(X._Keys, "parts", expanded)
        patch.setattr(Engine, "step", counted)
        content = load_game(SCENARIOS / f"{scenario}.yaml")
        search = X.explore(content, role, seed=1, budget=60_000, beam_width=0, **options)
    return search, reached, steps


def _findings(search: X.Search) -> tuple[Any, ...]:
    return (
        search.states,
        search.endings.keys(),
        search.objectives.keys(),
        search.rules_fired,
        search.facts_learned,
        search.injects_seen,
        search.fewest_exchanges_to_best,
    )


@pytest.mark.parametrize(("role", "turns"), COMPLETE)
def test_the_tutorial_reaches_the_same_states_endings_and_ratings(
    monkeypatch: pytest.MonkeyPatch, role: str, turns: int | None
) -> None:
    full, every, full_steps = _search(monkeypatch, "tutorial", role, max_turns=turns, reduce=False)
    reduced, some, steps = _search(monkeypatch, "tutorial", role, max_turns=turns)
    assert full.complete and reduced.complete
    assert some == every  # not one state fewer, terminal ones included
    assert _findings(reduced) == _findings(full)
    tutorial = load_game(SCENARIOS / "tutorial.yaml")
    ratings = {tutorial.endings[e].rating for e in full.endings}
    assert {tutorial.endings[e].rating for e in reduced.endings} == ratings
    assert steps < full_steps  # and it stepped fewer re-orderings to get there


def test_the_cooperation_check_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    for role in load_game(SCENARIOS / "exercise.yaml").roles:
        full, every, _ = _search(monkeypatch, "exercise", role, allow=X.alone, reduce=False)
        reduced, some, _ = _search(monkeypatch, "exercise", role, allow=X.alone)
        assert some == every
        assert _findings(reduced) == _findings(full)


def test_which_actions_commute() -> None:
    content = load_game(SCENARIOS / "exercise.yaml")
    commute = X._Commuting(Engine(content, lean=True), "police_a")
    # Two of the police's own steps that read and write different facts.
    assert commute(Do("interview_mother"), Do("identify_recruiters"))
    # The same partner's rules answer both messages.
    to_b = (Share(to="border_b", facts=("recruiters",)), Share(to="border_b", facts=()))
    assert not commute(*to_b)
    # Ending the turn commutes with nothing; neither does a step with itself.
    assert not commute(Do("interview_mother"), EndTurn())
    assert not commute(Do("interview_mother"), Do("interview_mother"))


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_states_key_made_from_the_state_before_is_the_key_made_afresh(path: Path) -> None:
    """The search makes a child's key from its parent's, reusing the parts a step did not
    touch (found by identity: a step shares what it did not write). In random games of
    every role, that key is always the one made from the state alone."""
    import random

    content = load_game(path)
    engine = Engine(content, lean=True)
    keys = X._Keys(content, X._done_cap(content))
    rng = random.Random(f"keys-{path.stem}")
    compared = 0
    for role in content.roles:
        state = X._slim(engine.new_game(role, rng.randrange(10_000))[0])
        parts = keys.parts(state)
        for _ in range(80):
            if state.over:
                break
            action = rng.choice([*engine.candidate_actions(state), EndTurn(), EndTurn()])
            after = X._slim(engine.step(state, action)[0], owned=True)
            made = keys.parts(after, state, parts)
            assert made == keys.parts(after), (action, state.turn)
            state, parts = after, made
            compared += 1
    assert compared > 20  # the games did play


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_actions_said_to_commute_reach_the_same_state_in_either_order(path: Path) -> None:
    """What the reduction rests on, checked pair by pair in random games of every role:
    two actions that ``_Commuting`` says commute, both taken without a refusal in one
    order, are taken without one in the other order too and lead to a state with the
    same key. Requests and replies on their way included."""
    import random

    content = load_game(path)
    engine = Engine(content)
    rng = random.Random(f"commute-{path.stem}")
    compared: dict[str, int] = {}

    def taken(state: GameState, action: Action) -> GameState | None:
        after, events = engine.step(state, action)
        return None if any(e.kind == E.ACTION_REFUSED for e in events) else after

    for role in content.roles:
        commute = X._Commuting(Engine(content, lean=True), role)
        for _ in range(6):
            state = engine.new_game(role, rng.randrange(10_000))[0]
            while not state.over:
                actions = [a for a in engine.candidate_actions(state) if commute.footprint(a)]
                for a, b in (rng.sample(actions, 2) for _ in range(6) if len(actions) > 1):
                    if not commute(a, b):
                        continue
                    first = taken(state, a)
                    one = taken(first, b) if first is not None else None
                    if one is None:
                        continue
                    second = taken(state, b)
                    other = taken(second, a) if second is not None else None
                    assert other is not None, (a, b, state.turn)
                    assert state_key(one) == state_key(other), (a, b, state.turn)
                    kinds = f"{type(a).__name__}+{type(b).__name__}"
                    compared[kinds] = compared.get(kinds, 0) + 1
                state = engine.step(state, rng.choice(engine.legal_actions(state)))[0]
    assert sum(compared.values()) > 30, compared  # the games did meet commuting pairs


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_share_the_search_leaves_out_leads_where_its_message_does(path: Path) -> None:
    """The search does not try a direct share to a partner for whom the SIENA message
    with the same facts reaches the same state; in random games of every role, the two
    are taken or refused alike and give states with the same key."""
    import random

    from trafficking_sim.engine import Send

    content = load_game(path)
    lean = Engine(content, lean=True)
    rng = random.Random(f"shares-{path.stem}")
    compared = 0
    for role in content.roles:
        partners = X._shares_as_sends(lean, role)
        for _ in range(4):
            state = lean.new_game(role, rng.randrange(10_000))[0]
            while not state.over:
                for action in lean.candidate_actions(state):
                    if not isinstance(action, Share) or action.to not in partners:
                        continue
                    message = Send(to=(action.to,), facts=action.facts)
                    assert lean.accepts(state, action) == lean.accepts(state, message)
                    shared = X._slim(lean.step(state, action)[0])
                    sent = X._slim(lean.step(state, message)[0])
                    assert state_key(shared) == state_key(sent), (action, state.turn)
                    compared += 1
                state = lean.step(state, rng.choice([*lean.candidate_actions(state), EndTurn()]))[0]
    if path.stem in ("exercise", "tutorial", "advanced"):
        assert compared > 50  # their roles with both channels do share


def _random_games(path: Path, salt: str, games: int = 4) -> Any:
    """States met in seeded random games of every role of a scenario, with the lean
    engine, the role and its ``_Commuting``: (engine, commute, state, rng)."""
    import random

    content = load_game(path)
    engine = Engine(content, lean=True)
    rng = random.Random(f"{salt}-{path.stem}")
    for role in content.roles:
        commute = X._Commuting(engine, role)
        for _ in range(games):
            state = X._slim(engine.new_game(role, rng.randrange(10_000))[0])
            while not state.over:
                yield engine, commute, state, rng
                choices = [*engine.candidate_actions(state), EndTurn(), EndTurn()]
                state = X._slim(engine.step(state, rng.choice(choices))[0])


def _taken(engine: Engine, state: GameState | None, action: Action) -> GameState | None:
    """The state after ``action``, None if it was refused (a lean step keeps the points)."""
    if state is None or state.over:
        return None
    after = X._slim(engine.step(state, action)[0])
    if not isinstance(action, EndTurn) and after.ap == state.ap:
        return None
    return after


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_actions_said_to_swap_across_the_turns_end_reach_the_same_state(path: Path) -> None:
    """After ending a turn, the search does not take an action ``a`` when the action
    taken just before the turn's end, ``b``, could swap places with it: (b, end, a)
    leads where (a, end, b) does. Checked in random games of every role: whenever
    ``across`` says so and (b, end, a) is taken without a refusal, so is (a, end, b), and
    the two states have the same key."""
    compared = 0
    for engine, commute, state, rng in _random_games(path, "across"):
        actions = [a for a in engine.candidate_actions(state) if commute.footprint(a)]
        for a, b in (rng.sample(actions, 2) for _ in range(8) if len(actions) > 1):
            if not commute.across(a, b):
                continue
            pruned = _taken(engine, _taken(engine, _taken(engine, state, b), EndTurn()), a)
            if pruned is None:
                continue
            kept = _taken(engine, _taken(engine, _taken(engine, state, a), EndTurn()), b)
            assert kept is not None, (a, b, state.turn)
            assert state_key(kept) == state_key(pruned), (a, b, state.turn)
            compared += 1
    if path.stem in ("exercise", "advanced"):
        assert compared > 30  # the games did meet pairs that swap


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_an_action_that_changed_nothing_changes_nothing_after_one_it_commutes_with(
    path: Path,
) -> None:
    """The search does not step again, after ``b``, an action that was refused or
    changed nothing but the points just before ``b`` when the two commute. Checked in
    random games of every role: such an action, taken after ``b``, again changes
    nothing but the points (or is refused)."""
    compared = 0
    for engine, commute, state, rng in _random_games(path, "idle"):
        keys = X._Keys(engine.content, X._done_cap(engine.content))
        before = keys.parts(state)[:-1]
        actions = [a for a in engine.candidate_actions(state) if commute.footprint(a)]
        idle = [a for a in actions if keys.parts(X._slim(engine.step(state, a)[0]))[:-1] == before]
        for a in idle:
            for b in rng.sample(actions, min(4, len(actions))):
                after = _taken(engine, state, b)
                if after is None or not commute(a, b):
                    continue
                then = keys.parts(X._slim(engine.step(after, a)[0]))[:-1]
                assert then == keys.parts(after)[:-1], (a, b, state.turn)
                compared += 1
    if path.stem in ("exercise", "advanced"):
        assert compared > 30  # the games did meet actions that change nothing


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_searchs_keys_are_state_key_but_for_broken_trust_and_own_exchanges(
    path: Path,
) -> None:
    """``_Keys.parts`` leaves out two parts of ``state_key``. Broken trust, because a
    partner's trust breaks only when the engine refuses an action, and a refusal leaves
    the parts as they were (points included), so the search never follows it: along its
    paths broken trust stays what it was at the start. Own exchanges, because they only
    rate a game: states that differ in nothing else are merged. In random games of every
    role, equal parts go with equal keys but for those two, and the other way round."""
    content = load_game(path)
    engine = Engine(content, lean=True)
    keys = X._Keys(content, X._done_cap(content))
    by_parts: dict[tuple[int, ...], Any] = {}
    by_key: dict[Any, tuple[int, ...]] = {}
    breaches = 0
    for _, _, state, rng in _random_games(path, "keys", games=6):
        parts = keys.parts(state)
        key = state_key(state, done_cap=keys.done_cap)[:-2]  # (not trust, not exchanges)
        assert by_parts.setdefault(parts, key) == key
        assert by_key.setdefault(key, parts) == parts
        actions = engine.candidate_actions(state)
        for action in rng.sample(actions, min(3, len(actions))):
            after = X._slim(engine.step(state, action)[0])
            if any(b.provider for b in after.breaches[len(state.breaches) :]):
                assert keys.parts(after) == parts, action  # refused: a state seen
                breaches += 1
    assert len(by_parts) > 100
    if path.stem in ("exercise", "advanced"):
        assert breaches > 0  # the games did break a partner's trust


def _no_messages_or_requests(action: Action) -> bool:
    from trafficking_sim.engine import Request, Send

    return not isinstance(action, Send | Request)


@pytest.mark.parametrize("role", ["police_a", "ngo"])
def test_two_turns_of_advanced_reach_the_same_states_with_the_turns_end_pruned(
    monkeypatch: pytest.MonkeyPatch, role: str
) -> None:
    """The tutorial's turn rules draw a chance, so its searches never swap actions across
    the turn's end; two turns of the advanced scenario (shares and steps only, to keep
    the search complete and short) do, and reach every state the full search does."""
    swaps = 0
    across = X._Commuting.across

    def counted(self: X._Commuting, a: Action, b: Action) -> bool:
        nonlocal swaps
        found = across(self, a, b)
        swaps += found
        return found

    options: dict[str, Any] = {"max_turns": 2, "allow": _no_messages_or_requests}
    full, every, full_steps = _search(monkeypatch, "advanced", role, reduce=False, **options)
    monkeypatch.setattr(X._Commuting, "across", counted)
    reduced, some, steps = _search(monkeypatch, "advanced", role, **options)
    assert full.complete and reduced.complete
    assert some == every
    assert _findings(reduced) == _findings(full)
    assert swaps > 0 and steps < full_steps


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_step_reused_where_it_reads_the_same_does_what_a_real_step_does(
    monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    """The search makes a child's parts without a step when the action did something
    at another state that agrees on all its step can read (``_Outcomes``). In searches of
    every role, each such child is stepped for real as well: the parts and the rules,
    injects and facts its events name (until the search has noted them) must be the
    same; and each list of actions the search reuses is made afresh and compared."""
    reused = 0
    apply = X._Outcomes.apply

    def applied(parts: tuple[int, ...], changes: Any) -> tuple[int, ...]:
        nonlocal reused
        reused += 1
        child = apply(parts, changes)
        # A step that meets an objective or ends the game is stepped for real, so the
        # search records it (and its path) from the state.
        assert child[3] == parts[3] and child[8] == parts[8]
        return child

    monkeypatch.setattr(X, "_VERIFY", True)
    monkeypatch.setattr(X._Outcomes, "apply", staticmethod(applied))
    content = load_game(path)
    for role in content.roles:
        X.explore(content, role, seed=1, budget=4_000, beam_share=0.5)  # (the beam too)
    assert reused > 1_000  # the searches did reuse steps


@pytest.mark.parametrize(("scenario", "role"), [("exercise", "police_a"), ("advanced", "ngo")])
def test_reusing_steps_changes_nothing_the_search_finds(
    monkeypatch: pytest.MonkeyPatch, scenario: str, role: str
) -> None:
    """With steps reused or every child stepped, a search expands the same states and
    finds the same endings, objectives, witnesses and findings, the beam search's
    included."""
    content = load_game(SCENARIOS / f"{scenario}.yaml")

    def found(search: X.Search) -> tuple[Any, ...]:
        return (
            *_findings(search),
            search.expanded,
            search.endings,
            search.objectives,
            search.actions_effective,
            search.actions_tried,
        )

    reused = X.explore(content, role, seed=1, budget=6_000)
    monkeypatch.setattr(X._Outcomes, "view", lambda self, rank, action: None)
    stepped = X.explore(content, role, seed=1, budget=6_000)
    assert stepped.beam_seconds > 0
    assert found(reused) == found(stepped)


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_step_does_the_same_wherever_its_view_reads_the_same(path: Path) -> None:
    """What ``_Outcomes`` rests on, checked in random games of every role (which go
    further than a search's first states: late turns, objectives met, endings): at every
    state, each action with a view is stepped for real, and whenever it was stepped
    before at a state that agreed on its view, it changed the parts in the same way and
    its events named the same rules, injects and facts. (A search's paths keep the
    start's broken trust, see ``_Keys``; random games break trust, so states are only
    compared with states whose partners' trust is broken the same way.)"""
    from collections import Counter

    compared = 0
    outcomes: dict[Any, X._Outcomes] = {}
    ranks: dict[Action, int] = {}
    for engine, commute, state, _ in _random_games(path, "outcomes", games=8):
        broken = frozenset(Counter(b.provider for b in state.breaches if b.provider).items())
        learned = outcomes.get((state.role, broken))
        if learned is None:
            keys = X._Keys(engine.content, X._done_cap(engine.content))
            learned = outcomes[state.role, broken] = X._Outcomes(commute, keys, state)
        keys = learned.keys
        parts = keys.parts(state)
        if any(item.due <= state.turn for item in state.pending):
            continue
        for action in engine.candidate_actions(state):
            rank = ranks.setdefault(action, len(ranks))
            view = learned.view(rank, action)
            if view is None:
                continue
            after, events = engine.step(state, action)
            child = keys.parts(X._slim(after))
            values = learned.values(rank, view, parts)
            found = learned.learned.get(values, X._UNKNOWN)
            if found is X._UNKNOWN:
                learned.learn(rank, values, parts, child, events)
            elif found is not None:
                assert X._Outcomes.apply(parts, found[0]) == child, (action, state.turn)
                assert X._findings(events) == found[1], (action, state.turn)
                compared += 1
    assert compared > 200  # the games did meet states that agree on a view


def test_a_view_holds_what_the_endings_and_objectives_a_step_may_set_off_read() -> None:
    """An objective or ending is checked after every step: whether a step sets one off
    depends on all it reads, not only on what the step itself reads. In the tutorial,
    telling the authorities the recruiter's alias can end the game (with the victims
    safe and both objectives met), so the view of that share holds the variables and
    the objectives' bits."""
    content = load_game(SCENARIOS / "tutorial.yaml")
    engine = Engine(content, lean=True)
    start = X._slim(engine.new_game("border_b", 1)[0])
    keys = X._Keys(content, X._done_cap(content))
    outcomes = X._Outcomes(X._Commuting(engine, "border_b"), keys, start)
    view = outcomes.view(0, Share(to="authorities_c", facts=("recruiter_alias",)))
    assert view is not None
    masks, whole = dict(view[0]), view[1]
    assert 4 in whole  # the variables
    for objective in ("victims_protected", "network_identified"):
        assert masks[3] & keys.objectives[objective]


def test_an_action_whose_step_changes_what_its_view_does_not_hold_is_never_reused() -> None:
    """A footprint that misses a write would make a reused step wrong: ``_Outcomes``
    checks every step it learns from, and an action whose step changed a part outside
    its view is stepped for real from then on."""
    content = load_game(SCENARIOS / "exercise.yaml")
    engine = Engine(content, lean=True)
    state = X._slim(engine.new_game("police_a", 1)[0])
    keys = X._Keys(content, X._done_cap(content))
    commute = X._Commuting(engine, "police_a")
    outcomes = X._Outcomes(commute, keys, state)
    parts = keys.parts(state)
    for rank, action in enumerate(engine.candidate_actions(state)):
        footprint = commute.footprint(action)
        view = outcomes.view(rank, action)
        child = keys.parts(X._slim(engine.step(state, action)[0]))
        if view is None or footprint is None or child[:-1] == parts[:-1]:
            continue
        # The same action, its writes left out of its footprint (as a wrong one would).
        commute._footprints[action] = (footprint[0] - footprint[1], frozenset(), footprint[2])
        outcomes._views.pop(rank)
        if outcomes.view(rank, action) == view:
            continue  # (what it writes, it also reads: the view is the same)
        values = outcomes.values(rank, outcomes.view(rank, action), parts)  # type: ignore[arg-type]
        outcomes.learn(rank, values, parts, child, [])
        assert outcomes.view(rank, action) is None
        assert values not in outcomes.learned
        return
    raise AssertionError("no action of the start writes what it does not read")


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_list_of_choices_made_once_is_the_list_the_engine_makes(path: Path) -> None:
    """The search makes the list of actions to try once for the states that agree on
    what ``candidate_actions`` reads (``_Choices``). In random games of every role
    (permissions asked and granted among them), the list it gives is always the one the
    engine makes for the state, in the same order."""
    compared, lists = 0, set()
    made: dict[str, tuple[X._Keys, X._Choices]] = {}
    for engine, _, state, _ in _random_games(path, "choices", games=6):
        if state.role not in made:
            keys = X._Keys(engine.content, X._done_cap(engine.content))
            made[state.role] = (keys, X._Choices(engine, state))
        keys, choices = made[state.role]
        got = choices(state, keys.parts(state))
        assert got == [*engine.candidate_actions(state), EndTurn()], state.turn
        compared += 1
        lists.add(id(got))
    assert compared > 2 * len(lists)  # the lists were made once and given again


def test_a_list_of_choices_depends_on_how_the_player_knows_a_restricted_fact() -> None:
    """Asking a provider's permission is a choice only for a fact the player holds under
    H1 or H2 from that provider: two states that differ only in that get their own
    lists (the same fact, its handling code left out, has nothing to ask)."""
    from dataclasses import replace

    from trafficking_sim.engine import AskPermission

    path = SCENARIOS / "exercise.yaml"
    for engine, _, state, _ in _random_games(path, "restricted", games=6):
        asks = [a for a in engine.candidate_actions(state) if isinstance(a, AskPermission)]
        if not asks:
            continue
        twin = state.copy()
        mine = dict(twin.knowledge[state.role])
        mine[asks[0].fact] = replace(mine[asks[0].fact], handling=None)
        twin.knowledge = {**twin.knowledge, state.role: mine}
        keys = X._Keys(engine.content, X._done_cap(engine.content))
        choices = X._Choices(engine, state)
        assert asks[0] in choices(state, keys.parts(state))
        assert choices(twin, keys.parts(twin)) == [*engine.candidate_actions(twin), EndTurn()]
        assert asks[0] not in choices(twin, keys.parts(twin))
        return
    raise AssertionError("no random game held a restricted fact")


def test_a_search_of_a_hot_seat_game_makes_each_groups_own_list_of_choices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In a hot-seat game the role playing changes as the turn passes from group to
    group; a search from such a game (its test mode remaking every list of choices it
    reuses) gets each group's own list."""
    content = load_game(SCENARIOS / "exercise.yaml")
    engine = Engine(content, lean=True)
    start, _ = engine.new_game("police_a", 1, seats=("police_a", "border_b"))
    monkeypatch.setattr(X, "_VERIFY", True)
    search = X.explore(content, "police_a", seed=1, budget=3_000, beam_width=0, start=start)
    assert search.states == 3_000


def test_a_request_rule_that_forwards_its_fact_is_not_reused_where_the_target_differs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A rule answering a request may pass the request's fact on (``forward``): the
    target learns it, so what the target knows is part of what the request's step reads
    and writes. Left out, a step learned where Eurojust already knew the fact was reused
    where it did not, and the search recorded a child without Eurojust's new fact. With
    every reused child stepped for real (``_VERIFY``), the search must agree."""

    extra = f"""actions:
  - id: joint_check
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - reveal: {{facts: [phone], to: police_a}}
      - reveal: {{facts: [phone], to: eurojust}}
  - id: wiretap
    by: [police_a]
    label: {T}
    text: {T}
    then:
      - reveal: {{facts: [phone], to: police_a}}
rules:
  - id: fwd
    when: {{request: {{agency: europol, service: cross_check}}}}
    once: false
    then:
      - forward: {{to: eurojust}}
"""
    content = load_game(write_scenario(tmp_path, extra))
    monkeypatch.setattr(X, "_VERIFY", True)
    search = X.explore(content, "police_a", seed=1, budget=2_000, beam_width=0)
    assert search.states > 10  # the search did run, and every reused child was right


def test_replies_due_the_same_turn_with_the_same_fact_are_told_apart_by_which_comes_first(
    tmp_path: Path,
) -> None:
    """Replies due the same turn arrive in the order they were sent, and the first to
    bring a fact decides how the player knows it (here: under H2 from Europol, or
    unrestricted from Eurojust). Sending the two messages in either order must give two
    different state keys, or a search would merge them and lose one of the futures."""
    extra = f"""rules:
  - id: from_europol
    when: {{message: {{to: europol}}}}
    then:
      - reply: {{text: {T}, facts: [secret], handling: H2, after: 1}}
  - id: from_eurojust
    when: {{message: {{to: eurojust}}}}
    then:
      - reply: {{text: {T}, facts: [secret], after: 1}}
"""
    engine = Engine(load_game(write_scenario(tmp_path, extra)), lean=True)
    start = engine.new_game("police_a", 1)[0]
    to_europol, to_eurojust = Send(to=("europol",)), Send(to=("eurojust",))

    def play(*actions: Action) -> GameState:
        state = start
        for action in actions:
            state = engine.step(state, action)[0]
        return state

    one, other = play(to_europol, to_eurojust), play(to_eurojust, to_europol)
    assert state_key(one) != state_key(other)
    later_one, later_other = (engine.step(s, EndTurn())[0] for s in (one, other))
    assert later_one.knowledge["police_a"]["secret"].handling == "H2"
    assert later_other.knowledge["police_a"]["secret"].handling is None
