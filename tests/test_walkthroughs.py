"""Every walkthrough reaches the ending its first line promises, through play and replay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trafficking_sim.cli import main

WALKTHROUGHS = sorted((Path(__file__).parent / "walkthroughs").glob("*/*.txt"))


def _expected(path: Path) -> dict[str, str]:
    """The first line's promise: ``# expect: ending=ID [rating=best|good|mixed|bad]``."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: ending="), f"{path.name}: first line must say the ending"
    return dict(part.split("=", 1) for part in first.removeprefix("# expect: ").split())


def _expected_ending(path: Path) -> str:
    return _expected(path)["ending"]


@pytest.mark.parametrize("walkthrough", WALKTHROUGHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_walkthrough_reaches_its_ending(
    walkthrough: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = walkthrough.parent.name
    role = walkthrough.stem.split("-")[0]
    save = tmp_path / "save.json"
    code = main(
        [
            "play",
            "--plain",
            "--scenario",
            scenario,
            "--role",
            role,
            "--seed",
            "1",
            "--script",
            str(walkthrough),
            "--save",
            str(save),
        ]
    )
    played = capsys.readouterr()
    assert code == 0, played.err
    assert main(["replay", str(save), "--json"]) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert outcome["ending"] == _expected_ending(walkthrough), played.out[-2000:]
    if "rating" in _expected(walkthrough):
        assert outcome["rating"] == _expected(walkthrough)["rating"], (
            outcome["rating_costs"],
            played.out[-2000:],
        )
    assert "Not done: there is no" not in played.out, "a walkthrough names something unknown"


def test_there_is_a_best_and_a_bad_walkthrough_for_every_role() -> None:
    from trafficking_sim.content import find_scenario, load_game

    for folder in {p.parent for p in WALKTHROUGHS}:
        content = load_game(find_scenario(folder.name))
        for role in content.roles:
            ratings = {
                _expected(p).get("rating", content.endings[_expected_ending(p)].rating)
                for p in folder.glob(f"{role}-*.txt")
            }
            assert "best" in ratings, f"{folder.name}: no best walkthrough for {role}"
            assert ratings & {"bad", "mixed"}, f"{folder.name}: no bad walkthrough for {role}"


def test_a_best_walkthrough_promises_the_best_rating() -> None:
    """A best ending reached by breaking the law or a victim's consent is not the best game:
    every '-best' walkthrough must say it earns the best rating, and its test checks it."""
    for path in WALKTHROUGHS:
        if path.stem.endswith("-best"):
            assert _expected(path).get("rating") == "best", path


def test_every_walkthrough_line_is_an_action_written_the_one_way() -> None:
    """Walkthroughs are scripts in the command notation: each line reads as an action of
    its role, and writing that action back gives the line (so the explorer's scripts,
    the debrief and the demo read them as players typed them)."""
    from trafficking_sim.content import find_scenario, load_game
    from trafficking_sim.play import notation

    for folder in sorted({p.parent for p in WALKTHROUGHS}):
        content = load_game(find_scenario(folder.name))
        for path in sorted(folder.glob("*.txt")):
            role = path.stem.split("-")[0]
            for line in notation.script_lines(path.read_text(encoding="utf-8").splitlines()):
                action = notation.parse(line, content, role)
                assert notation.format(action) == line, f"{folder.name}/{path.name}: {line}"
