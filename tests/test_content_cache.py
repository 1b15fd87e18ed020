"""The checked-content cache and the one engine per content: faster, never different."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trafficking_sim.content import ContentLoader, load_game
from trafficking_sim.content import cache as content_cache
from trafficking_sim.content.errors import ContentError
from trafficking_sim.engine import Action, Engine
from trafficking_sim.play.saves import read_save, write_save
from trafficking_sim.play.session import Session, engine_for

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
EXERCISE = ROOT / "scenarios" / "exercise.yaml"


@pytest.fixture(autouse=True)
def _fresh_memory() -> None:
    """Each test starts as a new process would: nothing in memory, only what is on disk."""
    content_cache.forget()


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, parsing a YAML file fails the test: only the cache may answer."""

    def refuse(self: ContentLoader, path: Path) -> object:
        raise AssertionError(f"parsed {path.name} although the cache holds it")

    monkeypatch.setattr(ContentLoader, "_read", refuse)


def _random_actions(engine: Engine, role: str, seed: int, count: int) -> list[Action]:
    rng = random.Random(seed)
    state, _ = engine.new_game(role, seed)
    actions: list[Action] = []
    while not state.over and len(actions) < count:
        action = rng.choice(engine.legal_actions(state))
        state, _ = engine.step(state, action)
        actions.append(action)
    return actions


def _cache_files() -> list[Path]:
    folder = content_cache.cache_folder()
    assert folder is not None
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".list.json"))


def test_loading_again_gives_the_same_content_and_one_shared_engine() -> None:
    first = load_game(TUTORIAL)
    again = load_game(TUTORIAL)
    assert again is first
    one = Session.new(first, first.roles[0], 1, "en")
    two = Session.new(again, again.roles[1], 2, "en")
    assert one.engine is two.engine is engine_for(first)


def test_a_second_run_reads_the_checked_content_from_the_cache_not_the_yaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh = ContentLoader().load_game(EXERCISE)
    load_game(EXERCISE)  # the first run checks the YAML and writes the cache
    (entry,) = _cache_files()
    stored = json.loads(entry.read_text(encoding="utf-8"))  # plain JSON: it cannot run code
    assert stored["hash"] == fresh.content_hash
    content_cache.forget()
    _no_yaml(monkeypatch)
    cached = load_game(EXERCISE)
    assert cached is not fresh
    assert cached.content_hash == fresh.content_hash
    assert {k: (v.en, v.sl) for k, v in cached.texts.items()} == {
        k: (v.en, v.sl) for k, v in fresh.texts.items()
    }
    for role in fresh.roles:  # the same game, action for action
        actions = _random_actions(Engine(fresh), role, 3, 60)
        slow = Engine(fresh).replay(role, 3, actions)
        fast = Engine(cached).replay(role, 3, actions)
        assert fast == slow


def test_a_resumed_save_is_the_same_game_whether_the_content_came_from_the_cache(
    tmp_path: Path,
) -> None:
    content = load_game(EXERCISE)
    role = content.roles[0]
    session = Session.new(content, role, 5, "en")
    for action in _random_actions(session.engine, role, 5, 200):
        session.act(action)
    save = tmp_path / "game.json"
    write_save(save, session.savegame())
    content_cache.forget()
    resumed = Session.resume(read_save(save))
    assert resumed.content is not content  # rebuilt from the disk cache
    assert resumed.state == session.state
    assert resumed.events == session.events


def test_a_corrupt_cache_is_ignored_and_rebuilt() -> None:
    expected = load_game(TUTORIAL)
    (entry,) = _cache_files()
    for damage in (b"\x80\x00 not json", b'{"format": 1, "data": []}', b"[]"):
        entry.write_bytes(damage)
        content_cache.forget()
        again = load_game(TUTORIAL)
        assert again.content_hash == expected.content_hash
        assert again.texts.keys() == expected.texts.keys()
        assert json.loads(entry.read_text(encoding="utf-8"))["hash"] == expected.content_hash


def _own_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "course" / "scenarios"
    folder.mkdir(parents=True)
    return Path(shutil.copyfile(TUTORIAL, folder / "tutorial.yaml"))


def test_an_edited_scenario_is_checked_again_not_taken_from_the_cache(tmp_path: Path) -> None:
    scenario = _own_copy(tmp_path)
    before = load_game(scenario)
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("the night minibus", "the early minibus", 1), "utf-8")
    content_cache.forget()
    after = load_game(scenario)
    assert after.content_hash != before.content_hash
    assert "early minibus" in after.scenario.title.get("en")
    scenario.write_text(text.replace("kind: scenario", "kind: scenario\nbroken: [", 1), "utf-8")
    content_cache.forget()
    with pytest.raises(ContentError):  # an error in the file is reported, never hidden
        load_game(scenario)


def test_a_new_role_card_nearer_the_scenario_is_used_not_the_cached_one(
    tmp_path: Path,
) -> None:
    scenario = _own_copy(tmp_path)
    load_game(scenario)
    roles = scenario.parent.parent / "roles"
    roles.mkdir()
    card = (ROOT / "roles" / "ngo.yaml").read_text(encoding="utf-8")
    (roles / "ngo.yaml").write_text(card.replace("Victim-support NGO", "Shelter NGO"), "utf-8")
    assert content_cache.listing(scenario) is None  # it would name the old card
    content_cache.forget()
    assert load_game(scenario).actors["ngo"].name.get("en") == "Shelter NGO"


def _list(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "from trafficking_sim.cli import main\n"
        f"code = main(['list', *{list(args)!r}])\n"
        "print('PYDANTIC' if 'pydantic' in sys.modules else 'LEAN', file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_list_validates_nothing_and_reads_what_it_kept(tmp_path: Path) -> None:
    first = _list(tmp_path, "--json")
    assert first.returncode == 0, first.stderr
    # Even a first run reads the listings from the files, with no models (listing.py),
    # and keeps them for the next.
    assert first.stderr.strip().endswith("LEAN")
    kept = list((tmp_path / "cache" / "content").glob("*.list.json"))
    assert len(kept) == len(json.loads(first.stdout)["scenarios"])
    again = _list(tmp_path, "--json")
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip().endswith("LEAN")  # no models built, nothing validated
    assert again.stdout == first.stdout
    listed = json.loads(again.stdout)["scenarios"]
    assert {"tutorial", "exercise"} <= {s["id"] for s in listed}
    slovene = _list(tmp_path, "--lang", "sl")
    assert "Uvodna vaja: nočni kombi" in slovene.stdout


def test_a_listing_is_not_trusted_once_its_scenario_changed(tmp_path: Path) -> None:
    scenario = _own_copy(tmp_path)
    load_game(scenario)
    listed = content_cache.listing(scenario)
    assert listed is not None and listed["id"] == "tutorial"
    scenario.write_text(scenario.read_text(encoding="utf-8") + "\n# edited\n", "utf-8")
    assert content_cache.listing(scenario) is None
