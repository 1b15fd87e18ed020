"""Starting the program loads only what the command needs."""

from __future__ import annotations

import os
import subprocess
import sys


def _loaded_after(code: str, modules: tuple[str, ...]) -> list[str]:
    probe = (
        "import sys\n" + code + f"\nprint(','.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return [m for m in result.stdout.strip().split(",") if m]


def test_reading_the_command_line_loads_no_catalogue_models_or_secrets() -> None:
    # Every command, the title screen included, starts here: what is loaded now delays all.
    loaded = _loaded_after(
        "from trafficking_sim import cli\ncli._parser().parse_args(['list'])",
        ("secrets", "json", "traceback", "pydantic", "yaml", "textual"),
    )
    assert loaded == []
    # The list of languages (for --lang) comes from the locale folders' names; no
    # catalogue is read until a text is needed.
    read = subprocess.run(
        [
            sys.executable,
            "-c",
            "from trafficking_sim import cli, i18n\n"
            "cli._parser().parse_args(['list'])\n"
            "print(sorted(i18n._LOADED))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert read.stdout.strip() == "[]"


def test_reading_a_command_line_loads_no_shutil_yet_help_fits_the_terminal() -> None:
    # argparse's help formatter imports shutil (and with it the bz2 and lzma libraries) to
    # ask the terminal's width; building the parsers no longer needs it.
    loaded = _loaded_after(
        "from trafficking_sim import cli\n"
        "cli._parser('validate').parse_args(['validate', '--no-cache', 'x'])\n"
        "cli._parser().parse_args(['list'])",  # every command's parser built
        ("shutil",),
    )
    assert loaded == []
    # Help is still written at the terminal's width, for every command and sub-command.
    for args in (["--help"], ["validate", "--help"], ["class", "create", "--help"]):
        widths = {}
        for columns in ("42", "200"):
            shown = subprocess.run(
                [sys.executable, "-m", "trafficking_sim", *args],
                capture_output=True,
                text=True,
                timeout=60,
                env={**os.environ, "COLUMNS": columns},
            ).stdout
            widths[columns] = max(len(line) for line in shown.splitlines())
        assert widths["42"] <= 42 < widths["200"], (args, widths)


def test_validate_no_cache_loads_no_json_shutil_engine_or_explorer() -> None:
    # A check that keeps nothing reads and writes no JSON (the verdicts and the content
    # cache import it when they use it), and needs neither the engine nor the explorer.
    loaded = _loaded_after(
        "from trafficking_sim import cli, paths\n"
        "code = cli.main(['validate', '--no-cache', str(paths.bundled_dir('roles'))])\n"
        "assert code == 0, code",
        ("json", "shutil", "trafficking_sim.engine", "trafficking_sim.explore", "jsonschema"),
    )
    assert loaded == []


def test_the_title_loads_no_content_engine_game_screens_or_footer() -> None:
    # Until the background load (switched off here), the title needs Textual, its own
    # screen and the catalogue of its language: the rest is loaded when it is chosen.
    probe = (
        "import asyncio, sys\n"
        "from trafficking_sim import cli\n"
        "from trafficking_sim.tui.app import AppConfig, TraffickingApp\n"
        "TraffickingApp._start_preload = lambda self: None\n"
        "async def main():\n"
        "    app = TraffickingApp(AppConfig(lang='en'))\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert type(app.screen).__name__ == 'TitleScreen', app.screen\n"
        "        from trafficking_sim import i18n\n"
        "        print(sorted(i18n._LOADED))\n"
        "asyncio.run(main())\n"
    )
    watched = (
        "pydantic",
        "yaml",
        "trafficking_sim.content.models",
        "trafficking_sim.content.loader",
        "trafficking_sim.engine",
        "trafficking_sim.play.session",
        "trafficking_sim.tui.screens.game",
        "trafficking_sim.tui.screens.scenarios",
        "trafficking_sim.tui.screens.dialogs",
        "textual.widgets._footer",
        "secrets",
        "argparse",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            probe + f"print(','.join(m for m in {watched!r} if m in sys.modules))\n",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    catalogues, loaded = [*result.stdout.strip().splitlines(), ""][:2]
    assert loaded == ""
    assert catalogues == "['en']"  # the other language's name is read alone
