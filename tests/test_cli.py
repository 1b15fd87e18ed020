"""The command line, run through the installed console script as a user would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def console_script() -> list[str]:
    """The installed ``trafficking-sim`` next to this interpreter (or on PATH)."""
    bindir = Path(sys.executable).parent
    for name in ("trafficking-sim", "trafficking-sim.exe"):
        if (bindir / name).exists():
            return [str(bindir / name)]
    found = shutil.which("trafficking-sim")
    if found:
        return [found]
    pytest.fail("the trafficking-sim console script is not installed: pip install -e .")


def run(*args: str, stdin: str | None = None, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAFFICKING_SIM_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*console_script(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        cwd=ROOT,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_list_json_describes_the_bundled_scenarios(home: Path) -> None:
    result = run("list", "--json", home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    tutorial = next(s for s in data["scenarios"] if s["id"] == "tutorial")
    assert tutorial["title"] == "Tutorial: the night minibus"
    assert tutorial["languages"] == ["en", "sl"]
    assert [r["id"] for r in tutorial["roles"]] == ["border_b", "ngo", "authorities_c"]


def test_list_in_slovene(home: Path) -> None:
    result = run("list", "--json", "--lang", "sl", home=home)
    data = json.loads(result.stdout)
    tutorial = next(s for s in data["scenarios"] if s["id"] == "tutorial")
    assert tutorial["title"].startswith("Uvodna vaja")


def test_validate_passes_the_bundled_content(home: Path) -> None:
    result = run("validate", home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all valid" in result.stderr


def test_validate_reports_a_located_error_with_a_suggestion(home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "scenarios" / "broken.yaml"
    broken.parent.mkdir()
    text = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("timeout_ending: time_ran_out", "timeout_ending: time_ran_ot"),
        encoding="utf-8",
    )
    line = next(
        i
        for i, ln in enumerate(broken.read_text().splitlines(), 1)
        if ln.startswith("timeout_ending")
    )
    result = run("validate", str(broken), home=home)
    assert result.returncode == 1
    assert (
        f"broken.yaml:{line}:17: error: unknown ending 'time_ran_ot'. Did you mean "
        "'time_ran_out'?" in result.stdout
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_a_missing_path_is_a_usage_error(home: Path) -> None:
    result = run("validate", "no/such/file.yaml", home=home)
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr


def test_schema_is_json_schema_for_each_kind(home: Path) -> None:
    for kind in ("scenario", "role", "agency"):
        result = run("schema", kind, home=home)
        schema = json.loads(result.stdout)
        assert schema["$schema"].startswith("https://json-schema.org/")
        assert "kind" in schema["properties"]


def test_unknown_command_is_a_usage_error(home: Path) -> None:
    result = run("fly", home=home)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_no_command_without_a_terminal_points_to_the_plain_mode(home: Path) -> None:
    result = run(home=home)
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr
    assert "trafficking-sim play --plain" in result.stderr


WALK = """\
do check_vehicle minibus_plate
send europol driver_phone urgent eval=A1 subject="Minibus, driver's phone"
end
permission recruiter_alias
send authorities_c minibus_plate,driver_phone
do interview_passengers
end
do ask_mira
request ngo victim_support mira_account
end
send authorities_c recruiter_alias
end
"""


def test_play_a_script_then_replay_the_save(home: Path, tmp_path: Path) -> None:
    script = tmp_path / "walk.txt"
    script.write_text(WALK, encoding="utf-8")
    save = tmp_path / "game.json"
    result = run(
        "play",
        "--plain",
        "--scenario",
        "tutorial",
        "--role",
        "border_b",
        "--seed",
        "2",
        "--script",
        str(script),
        "--save",
        str(save),
        home=home,
    )
    assert result.returncode == 0, result.stderr
    assert "THE END: Victims safe, network exposed" in result.stdout
    assert save.exists()
    # The finished game is kept for review, and is no longer offered as one in progress.
    assert len(list((home / "saves" / "finished").glob("*.json"))) == 1
    assert list((home / "saves" / "games").glob("*.json")) == []

    replay = run("replay", str(save), "--json", home=home)
    assert replay.returncode == 0, replay.stderr
    outcome = json.loads(replay.stdout)
    assert set(outcome) == {
        "scenario",
        "role",
        "ending",
        "rating",
        "plot_rating",
        "rating_costs",
        "turn",
        "scores",
        "objectives",
        "exchanges",
        "breaches",
    }
    assert outcome["scenario"] == "tutorial"
    assert outcome["role"] == "border_b"
    assert outcome["ending"] == "network_disrupted"
    assert set(outcome["scores"]) == {
        "information_exchange",
        "coordination",
        "victim_protection",
        "standards",
    }
    assert outcome["objectives"]["border_task"] is True
    assert outcome["rating"] == "best" and outcome["breaches"] == []


def test_plain_mode_explains_a_bad_command_and_goes_on(home: Path) -> None:
    result = run(
        "play",
        "--plain",
        "--scenario",
        "tutorial",
        "--role",
        "ngo",
        "--seed",
        "1",
        stdin="sned europol\nsend europol\nrequest iom assistence\nstatus\n",
        home=home,
    )
    assert result.returncode == 0
    out = result.stdout
    assert "There is no command 'sned'. Did you mean 'send'?" in out
    assert "Not done: NGO is not connected to SIENA" in out
    assert "There is no service 'assistence' here. Did you mean 'assistance'?" in out
    assert "Turn 1 of 6" in out
    assert "End of input" in out


def test_plain_mode_in_slovene(home: Path) -> None:
    result = run(
        "play",
        "--plain",
        "--scenario",
        "tutorial",
        "--role",
        "ngo",
        "--lang",
        "sl",
        "--seed",
        "1",
        stdin="status\n",
        home=home,
    )
    assert "Poteza 1 od 6" in result.stdout


def test_help_lists_every_command(home: Path) -> None:
    result = run(
        "play",
        "--plain",
        "--scenario",
        "tutorial",
        "--role",
        "ngo",
        "--seed",
        "1",
        stdin="help\n",
        home=home,
    )
    for command in ("send", "share", "request", "do", "permission", "end", "board", "read"):
        assert f"\n  {command}" in result.stdout


def test_replay_of_a_damaged_save_is_a_clear_error(home: Path, tmp_path: Path) -> None:
    save = tmp_path / "bad.json"
    save.write_text('{"app": "trafficking-sim", "format": 1, "actions": [', encoding="utf-8")
    result = run("replay", str(save), "--json", home=home)
    assert result.returncode == 1
    assert "is damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert save.read_text(encoding="utf-8").endswith("[")


def test_play_refuses_to_overwrite_a_file_that_is_not_a_save(home: Path, tmp_path: Path) -> None:
    precious = tmp_path / "thesis.json"
    precious.write_text('{"chapter": 1}', encoding="utf-8")
    result = run(
        "play",
        "--plain",
        "--scenario",
        "tutorial",
        "--role",
        "ngo",
        "--save",
        str(precious),
        stdin="end\n",
        home=home,
    )
    assert result.returncode == 2
    assert "not a trafficking-sim save" in result.stderr
    assert precious.read_text(encoding="utf-8") == '{"chapter": 1}'


def test_play_an_unknown_scenario_or_role(home: Path) -> None:
    result = run("play", "--plain", "--scenario", "tutorail", home=home)
    assert result.returncode == 2
    assert "Did you mean 'tutorial'?" in result.stderr
    result = run("play", "--plain", "--scenario", "tutorial", "--role", "police_z", home=home)
    assert result.returncode == 2
    assert "Roles: border_b, ngo, authorities_c" in result.stderr


def test_resume_continues_a_saved_game(home: Path, tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    first = run(
        "play",
        "--plain",
        "--scenario",
        "tutorial",
        "--role",
        "ngo",
        "--seed",
        "4",
        "--save",
        str(save),
        stdin="end\n",
        home=home,
    )
    assert first.returncode == 0
    second = run("play", "--plain", "--resume", str(save), stdin="status\n", home=home)
    assert "Turn 2 of 6" in second.stdout
    assert json.loads(save.read_text(encoding="utf-8"))["actions"] == [{"type": "end_turn"}]


def test_python_dash_m_works(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "trafficking_sim", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("trafficking-sim ")


def test_terminal_escape_keys_are_ignored(home: Path) -> None:
    result = run(
        "play",
        "--plain",
        "--scenario",
        "tutorial",
        "--role",
        "ngo",
        "--seed",
        "1",
        stdin="\x1b[4~\n\x1b[Astatus\x07\n",
        home=home,
    )
    assert "There is no command" not in result.stdout
    assert "Turn 1 of 6" in result.stdout


def test_outputs_that_cannot_be_written_or_would_replace_a_save(home: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for args in (
        ("cards", "--scenario", "tutorial", "--out", str(blocker / "cards")),
        ("map", "--scenario", "tutorial", "--out", str(blocker / "map.svg")),
    ):
        result = run(*args, home=home)
        assert result.returncode == 2, result.stderr
        assert "cannot use" in result.stderr and "Traceback" not in result.stderr
        assert "went wrong inside the program" not in result.stderr
    # A slip in --out never turns a saved game into a report or a picture.
    save = tmp_path / "game.json"
    played = run(
        "play", "--plain", "--scenario", "tutorial", "--role", "ngo", "--seed", "1",
        "--save", str(save), stdin="end\n", home=home,
    )  # fmt: skip
    assert played.returncode == 0, played.stderr
    before = save.read_bytes()
    for args in (("debrief", str(save), "--out", str(save)), ("map", "--out", str(save))):
        result = run(*args, home=home)
        assert result.returncode == 2 and "is a saved game" in result.stderr
    assert save.read_bytes() == before


def test_a_damaged_save_is_explained_in_the_language_asked_for(home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "game.json"
    broken.write_text('{"app": "traf', encoding="utf-8")
    english = run("debrief", str(broken), home=home)
    slovene = run("debrief", str(broken), "--lang", "sl", home=home)
    assert english.returncode == slovene.returncode == 1
    assert "is damaged" in english.stderr
    assert "je poškodovana" in slovene.stderr and "Traceback" not in slovene.stderr


def _parsed(argv: list[str], only: str | None) -> tuple[object, str]:
    """What the parser makes of ``argv`` (its namespace or exit code, and what it wrote)."""
    import contextlib
    import io

    from trafficking_sim import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            result: object = vars(cli._parser(only).parse_args(argv))
        except SystemExit as exc:
            result = exc.code
    return result, out.getvalue()


def test_a_command_s_own_parser_reads_its_arguments_and_help_as_the_full_one() -> None:
    from trafficking_sim import cli

    full = cli._parser()
    commands = full._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert sorted(commands) == sorted(cli.COMMANDS)
    cases = [[command, "--help"] for command in cli.COMMANDS] + [
        ["validate"],
        ["validate", "scenarios", "roles/ngo.yaml", "--no-cache"],
        ["validate", "--no-such-option"],
        ["class", "create", "--help"],
        ["list", "--lang", "xx"],
    ]
    for argv in cases:
        assert _parsed(argv, argv[0]) == _parsed(argv, None), argv


def test_a_command_builds_only_its_own_parser(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from trafficking_sim import cli

    built: list[str | None] = []
    real = cli._parser

    def spy(only: str | None = None) -> object:
        built.append(only)
        return real(only)

    monkeypatch.setattr(cli, "_parser", spy)
    assert cli.main(["validate", "no/such/folder"]) == cli.EXIT_USAGE
    with pytest.raises(SystemExit):
        cli.main(["valdate"])  # not a command: the full parser, to list the commands
    assert built == ["validate", None]
    assert "invalid choice: 'valdate'" in capsys.readouterr().err
