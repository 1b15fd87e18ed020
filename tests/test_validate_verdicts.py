"""`validate` checks what changed: unchanged files that passed are not parsed again, and
every problem of a changed file (or of a scenario whose companions changed) comes out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trafficking_sim import cli
from trafficking_sim.content import verdicts
from trafficking_sim.content.loader import validate_files

ROOT = Path(__file__).resolve().parent.parent


def _course(tmp_path: Path) -> Path:
    """A content author's folder: the tutorial, with its own copy of Europol's profile."""
    (tmp_path / "scenarios").mkdir(parents=True)
    (tmp_path / "agencies").mkdir()
    shutil.copyfile(ROOT / "scenarios" / "tutorial.yaml", tmp_path / "scenarios" / "tutorial.yaml")
    shutil.copyfile(ROOT / "agencies" / "europol.yaml", tmp_path / "agencies" / "europol.yaml")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _lines(problems: list[object]) -> list[str]:
    return [str(p) for p in problems]


def test_an_unchanged_folder_is_not_checked_again(tmp_path: Path) -> None:
    course = _course(tmp_path)
    assert verdicts.validate_changed([course]) == ([], 2, 2)
    assert verdicts.validate_changed([course]) == ([], 2, 0)
    # Asked to, it checks everything afresh.
    assert verdicts.validate_changed([course], remember=False) == ([], 2, 2)


def test_an_edited_file_is_checked_in_full_with_the_same_messages(tmp_path: Path) -> None:
    course = _course(tmp_path)
    verdicts.validate_changed([course])
    scenario = course / "scenarios" / "tutorial.yaml"
    _edit(scenario, "timeout_ending: time_ran_out", "timeout_ending: time_ran_ot")
    problems, count, checked = verdicts.validate_changed([course])
    assert (count, checked) == (2, 1)  # the profile is unchanged; the scenario is not
    full, _ = validate_files([course])
    assert _lines(problems) == _lines(full) and full
    assert "unknown ending 'time_ran_ot'" in _lines(problems)[0]
    # A file with errors is never taken as passed: the next run reports them again.
    assert _lines(verdicts.validate_changed([course])[0]) == _lines(full)


def test_a_scenario_is_checked_again_when_a_companion_it_uses_changed(tmp_path: Path) -> None:
    course = _course(tmp_path)
    scenario = course / "scenarios" / "tutorial.yaml"
    assert verdicts.validate_changed([scenario]) == ([], 1, 1)
    # The profile alone stays valid; the scenario now asks for a service it lacks.
    _edit(course / "agencies" / "europol.yaml", "id: cross_check", "id: cross_lookup")
    problems, _, checked = verdicts.validate_changed([scenario])
    assert checked == 1
    assert any("cross_check" in line for line in _lines(problems)), _lines(problems)
    assert _lines(problems) == _lines(validate_files([scenario])[0])


def test_a_new_companion_found_before_the_one_checked_makes_the_scenario_checked_again(
    tmp_path: Path,
) -> None:
    course = _course(tmp_path)
    scenario = course / "scenarios" / "tutorial.yaml"
    verdicts.validate_changed([scenario])
    nearer = course / "scenarios" / "agencies"
    nearer.mkdir()
    (nearer / "europol.yaml").write_text("kind: agency\nid: europol\n", encoding="utf-8")
    problems, _, checked = verdicts.validate_changed([scenario])
    assert checked == 1 and problems  # the broken nearer profile is the one used now


def test_a_change_to_the_checking_code_forgets_every_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = _course(tmp_path)
    verdicts.validate_changed([course])
    monkeypatch.setattr(verdicts, "checker_fingerprint", lambda: "a newer checker")
    assert verdicts.validate_changed([course]) == ([], 2, 2)


def test_the_verdicts_depend_on_the_installed_checking_libraries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An upgrade of pydantic or PyYAML may judge the same bytes differently.
    before = verdicts.checker_fingerprint()
    assert all(":" in mark and "None" not in mark for mark in verdicts.library_marks())
    monkeypatch.setattr(verdicts, "CHECKING_LIBRARIES", ("pydantic", "yaml", "json"))
    assert verdicts.checker_fingerprint() != before


def test_a_damaged_store_of_verdicts_is_ignored(tmp_path: Path) -> None:
    course = _course(tmp_path)
    verdicts.validate_changed([course])
    store = next((Path(os.environ["TRAFFICKING_SIM_HOME"]) / "cache").rglob("validated-*.json"))
    for damage in (b"\x80 not json", b"[]", b'{"passed": {"x": 1}}'):
        store.write_bytes(damage)
        assert verdicts.validate_changed([course]) == ([], 2, 2)


def test_verdicts_of_files_that_are_gone_are_forgotten(tmp_path: Path) -> None:
    course = _course(tmp_path / "first")
    other = _course(tmp_path / "second")
    verdicts.validate_changed([course])
    shutil.rmtree(course)
    verdicts.validate_changed([other])
    kept = verdicts.Verdicts.read().passed
    assert kept and all(path.startswith(str(other.resolve())) for path in kept)


def test_the_command_says_how_many_files_were_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = _course(tmp_path)
    assert cli.main(["validate", str(course)]) == 0
    assert capsys.readouterr().err.strip() == "2 files checked: all valid."
    assert cli.main(["validate", str(course)]) == 0
    assert "2 files checked: all valid. 2 of them unchanged" in capsys.readouterr().err
    assert cli.main(["validate", "--no-cache", str(course)]) == 0
    assert capsys.readouterr().err.strip() == "2 files checked: all valid."


def test_validating_unchanged_content_loads_neither_yaml_nor_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from trafficking_sim.cli import main\n"
        "code = main(['validate'])\n"
        "print(sorted(m for m in ('yaml', 'pydantic') if m in sys.modules), file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert runs[0].stderr.strip().endswith("['pydantic', 'yaml']")  # the first checks all
    assert runs[1].stderr.strip().endswith("[]")
    assert "all valid." in runs[1].stderr


def _parsed_store() -> Path:
    return Path(os.environ["TRAFFICKING_SIM_HOME"]) / "cache" / "content" / "parsed"


def _parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the next checks parse from YAML (by the name shown in messages)."""
    from trafficking_sim.content import yamlsafe

    parsed: list[str] = []
    real = yamlsafe.parse

    def spy(text: str, shown: str) -> yamlsafe.Located:
        parsed.append(Path(shown).name)
        return real(text, shown)

    monkeypatch.setattr(yamlsafe, "parse", spy)
    return parsed


def test_after_an_edit_only_the_edited_file_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = _course(tmp_path)
    scenario = course / "scenarios" / "tutorial.yaml"
    verdicts.validate_changed([course])
    parsed = _parsing(monkeypatch)
    # The scenario is checked in full with its agencies, but the unchanged ones are read
    # from what the first run parsed.
    _edit(scenario, "kind: scenario", "kind: scenario  # edited")
    assert verdicts.validate_changed([course]) == ([], 2, 1)
    assert parsed == ["tutorial.yaml"]
    # An edit to a profile: the scenario that uses it is checked again, not parsed again.
    parsed.clear()
    _edit(course / "agencies" / "europol.yaml", "kind: agency", "kind: agency  # edited")
    assert verdicts.validate_changed([course]) == ([], 2, 2)
    assert parsed == ["europol.yaml"]


def test_a_problem_found_with_data_read_back_is_located_as_a_full_check_locates_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = _course(tmp_path)
    verdicts.validate_changed([course])
    parsed = _parsing(monkeypatch)
    # The scenario is unchanged (its data is kept, without line numbers), but a service
    # it asks for is gone from the profile: the message points into the scenario.
    _edit(course / "agencies" / "europol.yaml", "id: cross_check", "id: cross_lookup")
    problems, _, _ = verdicts.validate_changed([course])
    full, _ = validate_files([course])
    assert _lines(problems) == _lines(full)
    assert any("tutorial.yaml" in line and "cross_check" in line for line in _lines(full))
    assert all(":1:1:" not in line for line in _lines(problems))
    assert "tutorial.yaml" in parsed  # parsed again for the line numbers


def test_damaged_or_stale_parsed_data_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    course = _course(tmp_path)
    profile = course / "agencies" / "europol.yaml"
    scenario = course / "scenarios" / "tutorial.yaml"
    parsed = _parsing(monkeypatch)
    verdicts.validate_changed([course])
    everything = sorted(parsed)  # with the bundled role cards and agencies it uses
    entries = sorted(_parsed_store().glob("*.json"))
    assert len(entries) == len(everything) > 2
    good = {entry: entry.read_text(encoding="utf-8") for entry in entries}

    def tampered(text: str) -> str:
        stored = json.loads(text)
        stored["data"] = json.dumps({**json.loads(stored["data"]), "id": "someone_else"})
        return json.dumps(stored)

    def stale(text: str) -> str:
        stored = json.loads(text)
        stored["sha256"] = "0" * 64
        return json.dumps(stored)

    for damage in (lambda _: "\x80 not json", lambda _: "[]", tampered, stale):
        for entry, text in good.items():
            entry.write_text(damage(text), encoding="utf-8")
        parsed.clear()
        _edit(scenario, "kind: scenario", "kind: scenario ")  # so that it is checked
        problems, _, checked = verdicts.validate_changed([course])
        assert (problems, checked) == ([], 1)
        assert sorted(parsed) == everything
    # An entry for other bytes of the file is not taken for the file as it is now.
    verdicts.validate_changed([course])
    _edit(profile, "id: cross_check", "id: cross_lookup")
    _edit(scenario, "kind: scenario", "kind: scenario ")
    problems, _, _ = verdicts.validate_changed([course])
    assert _lines(problems) == _lines(validate_files([course])[0]) and problems


def test_parsed_data_of_files_that_are_gone_is_removed(tmp_path: Path) -> None:
    course = _course(tmp_path / "first")
    other = _course(tmp_path / "second")
    verdicts.validate_changed([course])
    verdicts.validate_changed([other])
    kept = len(list(_parsed_store().glob("*.json")))
    shutil.rmtree(course)
    _edit(other / "scenarios" / "tutorial.yaml", "kind: scenario", "kind: scenario ")
    verdicts.validate_changed([other])
    assert len(list(_parsed_store().glob("*.json"))) == kept - 2


def test_the_check_runs_without_the_cycle_collector_and_pydantic_plugins_then_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    course = _course(tmp_path)
    seen: list[bool] = []
    plugins: list[str | None] = []
    real = verdicts.validate_changed

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        plugins.append(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(verdicts, "validate_changed", spy)
    assert gc.isenabled()
    assert cli.main(["validate", str(course)]) == 0
    assert seen == [False] and gc.isenabled()
    # Nor does pydantic look for plugins in every installed package's metadata.
    assert plugins == ["__all__"] and "PYDANTIC_DISABLE_PLUGINS" not in os.environ
    # A failed check gives it back as well, and one that was off stays off.
    _edit(course / "scenarios" / "tutorial.yaml", "kind: scenario", "kind: scenari")
    assert cli.main(["validate", str(course)]) == 1
    assert gc.isenabled()
    gc.disable()
    try:
        cli.main(["validate", str(course)])
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert "kind" in capsys.readouterr().out
    # A user's own setting of the plugins is theirs.
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    plugins.clear()
    cli.main(["validate", str(course)])
    assert plugins == ["logfire"] and os.environ["PYDANTIC_DISABLE_PLUGINS"] == "logfire"


def test_parsed_data_is_kept_only_when_it_reads_back_as_it_was(tmp_path: Path) -> None:
    path = (tmp_path / "card.yaml").resolve()
    path.write_text("kind: role\n", encoding="utf-8")
    store = verdicts.Verdicts.read()
    store.keep_parsed(path, "a" * 64, {"kind": "role", "weight": 0.5, "ok": True, "n": None})
    assert store.parsed_data(path, "a" * 64) == {
        "kind": "role",
        "weight": 0.5,
        "ok": True,
        "n": None,
    }
    assert store.parsed_data(path, "b" * 64) is None  # other bytes
    # JSON has no infinite number: such data is not kept, and the file is parsed again.
    store.keep_parsed(path, "c" * 64, {"kind": "role", "weight": float("inf")})
    assert store.parsed_data(path, "c" * 64) is None


def test_a_check_does_not_import_pydantic_s_plugin_machinery(tmp_path: Path) -> None:
    # pydantic's real plugin loader imports importlib.metadata (with email, zipfile, csv)
    # and scans every installed package: a tenth of a check's CPU. It is not loaded.
    # (Valid files never build pydantic's validators at all, see test_content_shapes.py;
    # a file with a problem does, so the folder has one.)
    course = _course(tmp_path / "course")
    (course / "agencies" / "broken.yaml").write_text("kind: agency\nid: broken\n")
    code = (
        "import sys\n"
        "from trafficking_sim.cli import main\n"
        f"code = main(['validate', '--no-cache', {str(course)!r}])\n"
        "print('pydantic.plugin._loader' in sys.modules, file=sys.stderr)\n"
        "import pydantic.plugin._loader as real\n"
        "print(real.get_plugins.__module__, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path / "home")}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert ran.returncode == 1 and "missing the required field" in ran.stdout, ran.stderr
    assert ran.stderr.split("\n")[-3:] == [
        "False",  # neither the real loader nor the stand-in is left after the check
        "pydantic.plugin._loader",  # and after it, the real loader is there as before
        "",
    ], ran.stderr
    # With the user's own setting, pydantic's loader is left as it is.
    ran = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**env, "PYDANTIC_DISABLE_PLUGINS": "some_plugin"},
        timeout=120,
    )
    assert ran.returncode == 1 and ran.stderr.split("\n")[-3] == "True", ran.stderr


def test_the_stand_in_plugin_loader_finds_none_and_hands_anything_else_to_pydantic() -> None:
    import sys as system

    name = "pydantic.plugin._loader"
    before = system.modules.pop(name, None)
    stub = cli._no_plugins_loader()
    system.modules[name] = stub  # as the check installs it
    try:
        assert list(stub.get_plugins()) == []
        assert not hasattr(stub, "__path__")
        # A newer pydantic asking for something else gets the real loader's answer, and
        # the real loader takes the stand-in's place.
        assert stub.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"
        assert system.modules[name] is not stub
        assert system.modules[name].get_plugins.__module__ == name
    finally:
        if before is not None:
            system.modules[name] = before


def test_the_validate_program_ends_without_the_interpreter_s_teardown(tmp_path: Path) -> None:
    course = _course(tmp_path / "course")
    code = (
        "import atexit, sys\n"
        "class Marker:\n"
        "    def __del__(self):\n"
        "        print('torn down', file=sys.stderr)\n"
        "marker = Marker()\n"
        "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
        "from trafficking_sim.cli import main\n"
        "sys.exit(main())\n"
    )
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path / "home")}

    def program(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    ran = program("validate", str(course))
    assert ran.returncode == 0, ran.stderr
    assert "2 files checked: all valid." in ran.stderr
    assert "atexit ran" in ran.stderr  # what an ordinary exit runs first, it runs
    assert "torn down" not in ran.stderr  # but the interpreter is not taken apart
    _edit(course / "scenarios" / "tutorial.yaml", "kind: scenario", "kind: scenari")
    ran = program("validate", str(course))
    assert ran.returncode == 1 and "unknown kind 'scenari'" in ran.stdout, ran.stderr
    # Other commands, and main() called from Python, return as before.
    ran = program("schema", "role")
    assert ran.returncode == 0 and "torn down" in ran.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="closes a descriptor, then execs")
def test_validate_started_with_a_stream_closed_ends_with_its_own_exit_code(tmp_path: Path) -> None:
    # A program started with stdout or stderr closed (``>&-``, ``2>&-``, pythonw on
    # Windows) has None for that stream; ending must still give the check's own code,
    # not the error of a crash while flushing.
    course = _course(tmp_path / "course")
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path / "home")}
    program = "import sys\nfrom trafficking_sim.cli import main\nsys.exit(main())\n"
    for fd in (1, 2):
        for broken, expected in ((False, 0), (True, 1)):
            scenario = course / "scenarios" / "tutorial.yaml"
            if broken:
                _edit(scenario, "kind: scenario", "kind: scenari")
            args = [sys.executable, "-c", program, "validate", "--no-cache", str(course)]
            launcher = f"import os; os.close({fd}); os.execv({sys.executable!r}, {args!r})"
            ran = subprocess.run(
                [sys.executable, "-c", launcher], capture_output=True, env=env, timeout=120
            )
            assert ran.returncode == expected, (fd, broken, ran)
            assert not (tmp_path / "home" / "logs" / "error.log").exists()
            if broken:
                _edit(scenario, "kind: scenari", "kind: scenario")


def test_a_verdict_store_that_cannot_be_replaced_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On Windows a reader holding the store open makes the replace fail: the half-way
    # file goes, and the error is the caller's to ignore (validate then just forgets).
    def refuse(*_: object) -> None:
        raise PermissionError("in use")

    monkeypatch.setattr(verdicts.os, "replace", refuse)
    where = tmp_path / "cache" / "verdicts.json"
    with pytest.raises(OSError):
        verdicts._write_json(where, {"passed": {}})
    assert list((tmp_path / "cache").iterdir()) == []


def test_no_cache_reads_no_file_a_second_time_for_verdicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --no-cache keeps no verdicts, so it has no use for the files' hashes; with verdicts
    # each checked file is hashed before and after its check (an edit meanwhile).
    course = _course(tmp_path)
    hashed: list[str] = []
    real = verdicts._file_hash

    def counting(path: Path) -> str:
        hashed.append(path.name)
        return real(path)

    monkeypatch.setattr(verdicts, "_file_hash", counting)
    problems, count, checked = verdicts.validate_changed([course], remember=False)
    assert (problems, count, checked) == ([], 2, 2)
    assert hashed == []
    verdicts.validate_changed([course])
    assert "tutorial.yaml" in hashed


def test_checking_content_with_a_data_folder_given_never_looks_for_the_usual_one(
    tmp_path: Path,
) -> None:
    # platformdirs is imported only to find the user's data folder; with
    # TRAFFICKING_SIM_HOME set, a check has no use for it. (Whether some library brings
    # tempfile in is none of the player's concern, so it is not asserted.)
    course = _course(tmp_path / "course")
    code = (
        "import sys\n"
        "from trafficking_sim.cli import main\n"
        f"code = main(['validate', '--no-cache', {str(course)!r}])\n"
        "print('platformdirs' in sys.modules, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().endswith("False"), run.stderr


def test_no_cache_makes_no_content_hash_that_it_would_not_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The game's content hash reads every file of a scenario again: --no-cache keeps no
    # verdict, so it makes none; a remembering check makes one per scenario, for its verdict.
    from trafficking_sim.content import loader

    course = _course(tmp_path)
    made: list[object] = []
    real = loader.content_hash

    def counted(files: list[Path]) -> str:
        made.append(files)
        return real(files)

    monkeypatch.setattr(loader, "content_hash", counted)
    assert verdicts.validate_changed([course], remember=False) == ([], 2, 2)
    assert made == []
    assert verdicts.validate_changed([course]) == ([], 2, 2)
    assert len(made) == 1
    # Mistakes are found as before without it.
    scenario = course / "scenarios" / "tutorial.yaml"
    _edit(scenario, "timeout_ending: time_ran_out", "timeout_ending: x_")
    problems, _, _ = verdicts.validate_changed([course], remember=False)
    assert "unknown ending 'x_'" in _lines(problems)[0]
