"""The bundled content is valid, fully translated, and its schemas are up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trafficking_sim.content import bundled_scenarios, load_game, validate_files
from trafficking_sim.content.schema import json_schema
from trafficking_sim.paths import bundled_dir

ROOT = Path(__file__).resolve().parent.parent


def test_all_bundled_content_is_valid() -> None:
    problems, count = validate_files(
        [bundled_dir(k) for k in ("scenarios", "roles", "agencies", "codex")]
    )
    assert count >= 14
    assert problems == []


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_every_text_is_in_english_and_slovene(path: Path) -> None:
    content = load_game(path)
    assert set(content.scenario.languages) == {"en", "sl"}
    missing = [t.id for t in content.texts.values() if not (t.en and t.sl)]
    assert missing == []


@pytest.mark.parametrize("kind", ["scenario", "role", "agency", "codex"])
def test_the_committed_schema_matches_the_code(kind: str) -> None:
    committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(kind), (
        f"schemas/{kind}.schema.json is out of date: "
        f"trafficking-sim schema {kind} > schemas/{kind}.schema.json"
    )


def test_every_content_file_points_editors_at_its_schema() -> None:
    for folder, kind in (
        ("scenarios", "scenario"),
        ("roles", "role"),
        ("agencies", "agency"),
        ("codex", "codex"),
    ):
        for path in (ROOT / folder).glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json", path


@pytest.mark.parametrize(
    ("folder", "kind"),
    [("scenarios", "scenario"), ("roles", "role"), ("agencies", "agency"), ("codex", "codex")],
)
def test_every_content_file_passes_its_json_schema(folder: str, kind: str) -> None:
    """What an editor checks with the schema agrees with what the game accepts."""
    import jsonschema
    import yaml

    validator = jsonschema.Draft202012Validator(json_schema(kind))
    for path in (ROOT / folder).glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [f"{e.json_path}: {e.message[:120]}" for e in validator.iter_errors(data)]
        assert errors == [], f"{path.name}: {errors[:5]}"


def test_bundled_scenarios_are_named_after_their_ids() -> None:
    """Saves find a bundled scenario again by its id."""
    for path in bundled_scenarios():
        assert load_game(path).id == path.stem, path


def test_the_tutorial_uses_every_form_of_the_rule_language() -> None:
    """The tutorial doubles as the reference example: every condition, trigger and effect."""
    import typing

    from trafficking_sim.content import logic as L
    from trafficking_sim.content.validation import walk

    scenario = load_game(ROOT / "scenarios" / "tutorial.yaml").scenario
    used = {type(obj) for _, obj in walk(scenario)}
    forms: set[type] = set()
    for union in (L.Condition, L._TriggerUnion, L.Effect):
        inner = typing.get_args(union)[0]
        forms |= {typing.get_args(member)[0] for member in typing.get_args(inner)}
    assert len(forms) >= 28
    missing = sorted(f.__name__ for f in forms - used)
    assert missing == []
    assert any(f.consent and f.consent.asked for f in scenario.facts)
    assert any(a.reason and a.visible for a in scenario.actions)
    assert scenario.scoring.min_exchanges
    assert any(i.audience for i in scenario.injects)
    assert any(a.repeatable for a in scenario.actions)
    assert any(o.special_task for o in scenario.objectives)
    assert scenario.texts and scenario.debrief.learning_objectives and scenario.debrief.questions


def test_the_walk_of_a_scenario_visits_what_a_plain_recursive_walk_does() -> None:
    """Texts get their ids and references are checked by one walk with an explicit stack
    and per-type shortcuts; it must visit every node a naive walk does, in file order."""
    from typing import Any

    from pydantic import BaseModel

    from trafficking_sim.content.text import LocalText
    from trafficking_sim.content.validation import (
        _path_of,
        _texts_with_ids,
        walk,
        walk_with_ids,
    )

    def _text_ids(root: Any) -> set[int]:
        return {id(n) for _, n in plain(root, ()) if isinstance(n, LocalText)}

    def plain(node: Any, path: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], Any]]:
        found = [(path, node)]
        if isinstance(node, LocalText):
            return found
        if isinstance(node, BaseModel):
            for name, info in type(node).model_fields.items():
                value = getattr(node, name)
                if value is not None and not isinstance(value, str | int | bool | float):
                    found += plain(value, (*path, info.alias or name))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                found += plain(item, (*path, i))
        elif isinstance(node, dict):
            for key, item in node.items():
                found += plain(item, (*path, key))
        return found

    for path in bundled_scenarios():
        scenario = load_game(path).scenario
        expected = [(p, id(n)) for p, n in plain(scenario, ())]
        assert [(p, id(n)) for p, n in walk(scenario)] == expected, path
        assert [(p, id(n)) for p, _, n in walk_with_ids(scenario)] == expected, path
        # The texts' own walk (the one resolve_texts uses) meets the texts of that walk,
        # in its order, with the same paths and ids.
        texts = [(p, i, p[:1], id(n)) for p, i, n in walk_with_ids(scenario)]
        ids = _text_ids(scenario)
        texts = [(p, i, top, n) for p, i, top, n in texts if n in ids]
        assert [
            (_path_of(place), i, (top,) if top is not None else (), id(n))
            for place, i, top, n in _texts_with_ids(scenario)
        ] == texts, path


def test_the_cross_reference_walk_visits_every_form_its_checks_name() -> None:
    # crossref checks a node only when its type is one of CHECKED_FORMS (asked once per
    # type): a form tested in _one or _placement but missing there would go unchecked.
    import ast
    import inspect

    from trafficking_sim.content import crossref

    tree = ast.parse(inspect.getsource(crossref))
    named: set[type] = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and function.name in ("_one", "_placement"):
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "isinstance":
                    form = call.args[1]
                    if isinstance(form, ast.Attribute):
                        named.add(getattr(crossref.L, form.attr))
                    else:
                        named.add(getattr(crossref, ast.unparse(form)))
    assert len(named) >= 20
    assert named <= set(crossref.CHECKED_FORMS)


def test_a_check_resolves_each_file_and_the_working_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Resolving a path is a system call per folder on the way; a check asked for the same
    # card again for each scenario using it (135 resolves for the bundled content, a few
    # per cent of a full check). Each file is now resolved once for the loader and once
    # for its name in messages, and the working folder once.
    import shutil
    from collections import Counter

    from trafficking_sim.content import errors

    for folder in ("scenarios", "roles", "agencies", "codex"):
        shutil.copytree(bundled_dir(folder), tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    errors._resolved_folder.cache_clear()
    asked: Counter[str] = Counter()
    real = Path.resolve

    def counted(self: Path, strict: bool = False) -> Path:
        asked[str(self)] += 1
        return real(self, strict)

    monkeypatch.setattr(Path, "resolve", counted)
    problems, count = validate_files([tmp_path])
    assert problems == [] and count == 18
    assert asked[str(tmp_path)] == 1  # the working folder
    shared = str(tmp_path / "roles" / "police_a.yaml")  # a card three scenarios use
    assert asked[shared] == 2
    # Cards, agencies and the codex: once each; the first scenario also for the folders
    # where its cards and agencies are looked for, which the others share.
    files = [str(p) for p in tmp_path.rglob("*.yaml") if p.parent.name != "scenarios"]
    assert all(asked[f] == 2 for f in files), {f: asked[f] for f in files if asked[f] != 2}
    scenarios = sorted(asked[str(p)] for p in (tmp_path / "scenarios").glob("*.yaml"))
    assert scenarios == [2, 2, 2, 4]
