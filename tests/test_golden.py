"""Golden transcripts: a script of commands and the exact text a player sees.

Each ``golden/NAME.script`` starts with ``# scenario:``, ``# role:``, ``# seed:`` and
``# lang:`` lines; ``golden/NAME.expected`` holds the transcript. After a deliberate
change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and read the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.play.plain import PlainGame
from trafficking_sim.play.session import Session

GOLDEN = Path(__file__).parent / "golden"
SCRIPTS = sorted(GOLDEN.glob("*.script"))


def _header(lines: list[str]) -> dict[str, str]:
    header = {}
    for line in lines:
        if line.startswith("# ") and ":" in line:
            key, _, value = line[2:].partition(":")
            header[key.strip()] = value.strip()
    return header


def transcript(script: Path) -> str:
    lines = script.read_text(encoding="utf-8").splitlines()
    header = _header(lines)
    content = load_game(find_scenario(header["scenario"]))
    session = Session.new(content, header["role"], int(header["seed"]), header["lang"])
    out = io.StringIO()
    PlainGame(session, out, autosave=False, echo=True).run(lines)
    return out.getvalue()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_transcript_matches(script: Path) -> None:
    expected = script.with_suffix(".expected")
    actual = transcript(script)
    if os.environ.get("UPDATE_GOLDEN") == "1" or not expected.exists():
        expected.write_text(actual, encoding="utf-8")
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"{expected.name} did not exist; written now, check it and rerun")
    assert actual == expected.read_text(encoding="utf-8")


def test_there_are_golden_transcripts() -> None:
    assert len(SCRIPTS) >= 3
