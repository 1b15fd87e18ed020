"""Starting the program loads only what the command needs."""

from __future__ import annotations

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
