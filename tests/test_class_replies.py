"""In a class game, a reply reaches the group whose action set it off, whatever the turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import Do, EndTurn, Engine, GameState, Send
from trafficking_sim.play.notation import play_script
from trafficking_sim.play.session import Session

from .test_explore_and_lint import BASE, T, add, findings, write

WALKTHROUGHS = sorted((Path(__file__).parent / "walkthroughs").glob("*/*-best.txt"))


def to_seat(engine: Engine, state: GameState, role: str) -> GameState:
    while state.role != role and not state.over:
        state, _ = engine.step(state, EndTurn())
    return state


def test_europols_follow_up_reaches_the_authorities_of_c_who_sent_the_tip() -> None:
    """The issue's case: the follow-up fires at the start of a turn, in police A's seat."""
    content = load_game(find_scenario("exercise"))
    engine = Engine(content)
    seats = tuple(content.roles)
    state, _ = engine.new_game(seats[0], 1, seats)
    state = to_seat(engine, state, "authorities_c")
    state, _ = engine.step(state, Send(to=("europol",), facts=("local_tip",)))
    state, _ = engine.step(state, EndTurn())
    state = to_seat(engine, state, "border_b")
    state, _ = engine.step(state, Do("check_minibus", "minibus"))
    state, _ = engine.step(state, Send(to=("europol",), facts=("minibus", "driver_phone")))
    for _ in range(2 * len(seats)):
        state, _ = engine.step(state, EndTurn())
    subject = "rules.europol_follows_up_c.then.0.reply.subject"
    follow_up = [m for m in state.messages if m.subject_id == subject]
    assert follow_up and follow_up[0].recipients == ("authorities_c",)
    assert state.knows("authorities_c", "network_link")
    assert not any(m.recipients == ("police_a",) for m in state.messages if m.sender == "europol")


def _actions_of(path: Path) -> tuple[str, list[object]]:
    scenario, role = path.parent.name, path.stem.split("-")[0]
    content = load_game(find_scenario(scenario))
    session = Session.new(content, role, 1, "en")
    assert play_script(session, path.read_text(encoding="utf-8").splitlines()) == []
    return role, list(session.actions)


@pytest.mark.parametrize("walkthrough", WALKTHROUGHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_in_a_class_every_reply_reaches_the_only_group_that_acts(walkthrough: Path) -> None:
    """Every rule a best walkthrough sets off, replayed in a class of all the roles where
    only that walkthrough's group acts (the others pass): every reply, grant and revealed
    fact meant for 'the player' reaches that group, never one that did nothing."""
    role, actions = _actions_of(walkthrough)
    content = load_game(find_scenario(walkthrough.parent.name))
    engine = Engine(content)
    seats = tuple(content.roles)
    state, _ = engine.new_game(seats[0], 1, seats)
    state = to_seat(engine, state, role)
    start = {r: set(state.knowledge[r]) for r in seats if r != role}
    for action in actions:
        if state.over:
            break
        state, _ = engine.step(state, action)  # type: ignore[arg-type]
        if isinstance(action, EndTurn):
            state = to_seat(engine, state, role)
    answers = [m for m in state.messages if m.kind == "reply"]
    assert all(m.recipients == (role,) for m in answers)
    for other, known in start.items():
        # What an idle group knows came from its own start (or, through rules playing
        # partners, from an agency), never from a reply meant for the group that acted.
        learned = set(state.knowledge[other]) - known
        assert not any(
            k.message is not None and state.messages[k.message - 1].kind == "reply"
            for f, k in state.knowledge[other].items()
            if f in learned
        )


def test_lint_warns_of_a_time_rule_that_could_answer_any_group(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        add(
            "rules",
            f"""  - id: news_for_someone
    when: turn_start
    if: {{turn: {{min: 2}}}}
    then:
      - reply: {{from: europol, text: {T}}}
  - id: news_for_the_asker
    when: turn_start
    if: {{fired: europol_answers}}
    then:
      - reply: {{from: europol, text: {T}}}
  - id: news_for_two
    when: turn_end
    if:
      all:
        - knows: {{actor: police_a, fact: phone}}
        - knows: {{actor: ngo, fact: story}}
    then:
      - reply: {{from: europol, text: {T}}}
""",
            BASE,
        ),
    )
    found = [f for f in findings(path) if "class game" in f]
    assert len(found) == 2 and all(f.startswith("warning:") for f in found)
    assert "'news_for_someone'" in found[0] and "could reach any group" in found[0]
    assert "'news_for_two'" in found[1] and "names the roles ngo, police_a" in found[1]
