"""The explorer and the linter on hand-made scenarios whose answers are known.

A clean base scenario gets no findings; each test adds one flaw and checks that exactly
that flaw is reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trafficking_sim.cli import main
from trafficking_sim.content import load_game
from trafficking_sim.explore.lint import lint_files
from trafficking_sim.explore.report import explore_report
from trafficking_sim.explore.search import alone, explore
from trafficking_sim.play.notation import as_script

T = "{en: x, sl: y}"

BASE = """\
kind: scenario
id: mini
title: {en: Mini, sl: Mini}
summary: {en: A test case., sl: Testni primer.}
fiction_note: {en: Fictional., sl: Izmišljeno.}
difficulty: tutorial
duration_minutes: 5
languages: [en, sl]
start_date: "2026-01-05"
max_turns: 3
case: {reference: "T-1", title: {en: Test, sl: Test}}
states:
  A: {name: {en: State A, sl: Država A}, part: origin}
  C: {name: {en: State C, sl: Država C}, part: destination}
roles:
  - card: police_a
    state: A
    knows: [phone]
    needs: [secret]
  - card: ngo
    state: C
    knows: [story]
agencies:
  - profile: europol
    knows: [secret]
    needs: [phone]
facts:
  - id: phone
    kind: communication
    label: {en: Phone, sl: Telefon}
    text: {en: A phone number., sl: Telefonska številka.}
  - id: secret
    kind: person
    personal_data: true
    label: {en: A name, sl: Ime}
    text: {en: The name of a suspect., sl: Ime osumljenca.}
  - id: story
    kind: victim
    personal_data: true
    label: {en: A story, sl: Zgodba}
    text: {en: What a woman told the NGO., sl: Kar je ženska povedala NVO.}
    consent:
      person: {en: the woman, sl: ženska}
      to: [police_a]
      purpose: {en: "to stop those who exploit her.", sl: "da ustavijo tiste, ki jo izkoriščajo."}
variables:
  flag: {initial: false}
rules:
  - id: europol_answers
    when: {message: {to: europol, has_fact: phone}}
    then:
      - reply: {text: {en: Here is the name., sl: Tu je ime.}, facts: [secret], after: 1}
  - id: police_heard
    when: {message: {to: police_a, has_fact: story}}
    then:
      - set: {var: flag, value: true}
objectives:
  - id: police_task
    owner: police_a
    special_task: true
    text: {en: Learn the name., sl: Izvedite ime.}
    when: {knows: {actor: police_a, fact: secret}}
  - id: ngo_task
    owner: ngo
    special_task: true
    text: {en: The police heard her story., sl: Policija je slišala njeno zgodbo.}
    when: {var: flag, eq: true}
endings:
  - id: named
    rating: best
    title: {en: Named, sl: Ime znano}
    text: {en: The suspect is named., sl: Osumljenec je znan.}
    when: {objective: police_task}
  - id: heard
    rating: good
    title: {en: Heard, sl: Slišana}
    text: {en: Her story was heard., sl: Njena zgodba je bila slišana.}
    when: {objective: ngo_task}
  - id: late
    rating: bad
    title: {en: Too late, sl: Prepozno}
    text: {en: Time ran out., sl: Čas je potekel.}
timeout_ending: late
"""


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir(exist_ok=True)
    path = folder / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def add(section: str, block: str, text: str = BASE) -> str:
    """Append items to a list section of the base scenario."""
    marker = f"\n{section}:\n"
    assert marker in text, section
    return text.replace(marker, marker + block, 1)


def findings(path: Path) -> list[str]:
    problems, _ = lint_files([path])
    return [f"{p.severity}: {p.message}" for p in problems]


# --- the clean base ---------------------------------------------------------------------------


def test_the_base_scenario_is_clean(tmp_path: Path) -> None:
    path = write(tmp_path, BASE)
    assert findings(path) == []
    report = explore_report(load_game(path), ["police_a", "ngo"], budget=50_000)
    assert report["errors"] == []
    summary = report["scenario_summary"]
    assert summary["complete"] is True
    assert summary["rules_never_fired"] == []
    assert summary["facts_never_learned"] == []
    assert summary["endings_not_proved"] == []


def test_shortest_paths_are_scripts_the_game_plays(tmp_path: Path) -> None:
    content = load_game(write(tmp_path, BASE))
    search = explore(content, "police_a", budget=50_000)
    assert search.complete
    script = as_script(search.endings["named"])
    assert script == ["send europol phone", "end"]
    walk = tmp_path / "walk.txt"
    walk.write_text("\n".join(script) + "\n", encoding="utf-8")
    save = tmp_path / "save.json"
    assert (
        main(
            [
                "play",
                "--plain",
                "--scenario",
                str(content.source),
                "--role",
                "police_a",
                "--seed",
                "1",
                "--script",
                str(walk),
                "--save",
                str(save),
            ]
        )
        == 0
    )
    assert main(["replay", str(save), "--json"]) == 0


# --- one flaw at a time -------------------------------------------------------------------------


def test_an_unreachable_ending_is_found(tmp_path: Path) -> None:
    text = add(
        "endings",
        f"""  - id: never
    rating: mixed
    title: {T}
    text: {T}
    when: {{var: flag, eq: "yes"}}
""",
    )
    text = (
        text.replace("  flag: {initial: false}", '  flag: {initial: "no"}')
        .replace(
            "      - set: {var: flag, value: true}", '      - set: {var: flag, value: "heard"}'
        )
        .replace("when: {var: flag, eq: true}", 'when: {var: flag, eq: "heard"}')
    )
    path = write(tmp_path, text)
    assert findings(path) == [
        "error: this condition can never hold: 'flag' only ever takes the values 'heard', 'no'"
    ]
    report = explore_report(load_game(path), ["police_a", "ngo"], budget=50_000)
    assert report["errors"] == ["no role can reach the ending 'never'"]


def test_an_ending_nothing_leads_to_is_found(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        add(
            "endings",
            f"""  - id: orphan
    rating: mixed
    title: {T}
    text: {T}
""",
        ),
    )
    assert findings(path) == [
        "error: no rule leads to the ending 'orphan': it has no 'when', no 'end:' effect "
        "names it, and it is not the timeout ending"
    ]


def test_a_role_that_can_win_alone_fails_the_cooperation_check(tmp_path: Path) -> None:
    text = add(
        "rules",
        """  - id: found_it
    when: {action: search_files}
    then:
      - reveal: {facts: [secret], to: police_a}
""",
    )
    text = text.replace(
        "\nrules:\n",
        f"""
actions:
  - id: search_files
    by: [police_a]
    label: {T}
    text: {T}
rules:
""",
        1,
    )
    path = write(tmp_path, text)
    assert findings(path) == []
    report = explore_report(load_game(path), ["police_a", "ngo"], cooperation_only=True)
    assert report["errors"] == [
        "police_a: the special task 'police_task' can be done alone, without any exchange "
        "(1 actions: do search_files)"
    ]
    check = explore(load_game(path), "ngo", allow=alone)
    assert check.complete and "ngo_task" not in check.objectives


def test_an_unused_fact_is_found(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        add(
            "facts",
            f"""  - id: forgotten
    kind: place
    label: {T}
    text: {T}
""",
        ),
    )
    assert findings(path) == [
        "warning: the fact 'forgotten' can never be learned: nobody knows it at the start "
        "and no rule reveals or replies with it"
    ]
    report = explore_report(load_game(path), ["police_a", "ngo"], budget=50_000)
    assert report["scenario_summary"]["facts_never_learned"] == ["forgotten"]
    assert report["errors"] == []


def test_a_rule_that_can_never_fire_is_found(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        add(
            "rules",
            f"""  - id: dead_rule
    when: turn_end
    if: {{var: flag, eq: "maybe"}}
    then:
      - say: {T}
""",
        ).replace("  flag: {initial: false}", "  flag: {initial: false}\n  mood: {initial: 1}"),
    )
    # Type errors are the loader's business; here the value is only impossible.
    text = path.read_text(encoding="utf-8").replace(
        'if: {var: flag, eq: "maybe"}', "if: {var: mood, eq: 2}"
    )
    path.write_text(text, encoding="utf-8")
    assert findings(path) == [
        "warning: the variable 'mood' never changes from 1, so conditions on it are fixed",
        "error: this condition can never hold: 'mood' only ever takes the values 1",
    ]
    report = explore_report(load_game(path), ["police_a", "ngo"], budget=50_000)
    assert report["scenario_summary"]["rules_never_fired"] == ["dead_rule"]


def test_a_text_left_untranslated_and_one_too_long_are_found(tmp_path: Path) -> None:
    text = BASE.replace(
        "text: {en: A phone number., sl: Telefonska številka.}",
        "text: {en: A phone number seen in the car., sl: A phone number seen in the car.}",
    ).replace(
        "label: {en: Phone, sl: Telefon}",
        'label: {en: Phone, sl: "Telefonska številka, ki je bila vidna v kombiju"}',
    )
    path = write(tmp_path, text)
    assert findings(path) == [
        "warning: the sl text 'facts.phone.label' has 47 characters; more than 32 will not "
        "fit the game screen at 80x24 without scrolling",
        "warning: the text 'facts.phone.text' is the same in English and Slovene: is it "
        "translated?",
    ]


def test_an_exhausted_budget_says_not_proved(tmp_path: Path) -> None:
    content = load_game(write(tmp_path, BASE))
    search = explore(content, "police_a", budget=3)
    assert search.exhausted
    assert search.verdict(False) == "not proved"


# --- the command line --------------------------------------------------------------------------


def test_lint_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = write(tmp_path, BASE)
    assert main(["lint", str(clean)]) == 0
    broken = tmp_path / "other" / "scenarios"
    broken.mkdir(parents=True)
    (broken / "mini.yaml").write_text(
        add(
            "endings",
            f"""  - id: orphan
    rating: mixed
    title: {T}
    text: {T}
""",
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["lint", str(broken / "mini.yaml")]) == 1
    out = capsys.readouterr().out
    assert "mini.yaml:" in out and ": error: no rule leads to the ending 'orphan'" in out


def test_explore_json_and_walkthroughs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, BASE)
    folder = tmp_path / "walks"
    assert main(["explore", str(path), "--json", "--walkthroughs", str(folder)]) == 0
    report = json.loads(capsys.readouterr().out)
    police = next(r for r in report["roles"] if r["role"] == "police_a")
    assert police["endings"]["named"] == {
        "verdict": "reachable",
        "actions": 2,
        "script": ["send europol phone", "end"],
    }
    assert police["cooperation"]["reachable_alone"] == {}
    written = sorted(p.name for p in folder.iterdir())
    assert "police_a-explored-named.txt" in written
    first = (folder / "police_a-explored-named.txt").read_text().splitlines()[0]
    assert first == "# expect: ending=named"


def test_every_bundled_scenario_passes_lint_and_the_cooperation_check() -> None:
    """What CI insists on: no lint errors, and no role able to do its special task alone."""
    from trafficking_sim.content import bundled_scenarios
    from trafficking_sim.paths import bundled_dir

    problems, _ = lint_files([bundled_dir(k) for k in ("scenarios", "roles", "agencies", "codex")])
    assert [str(p) for p in problems if p.severity == "error"] == []
    for path in bundled_scenarios():
        content = load_game(path)
        report = explore_report(content, content.roles, cooperation_only=True)
        assert report["errors"] == [], path.name
        for entry in report["roles"]:
            assert entry["cooperation"]["complete"], (path.name, entry["role"])
