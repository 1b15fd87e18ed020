"""The core never imports a terminal UI library: a game can run headless from a script."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "trafficking_sim.content",
    "trafficking_sim.engine",
    "trafficking_sim.play.narrate",
    "trafficking_sim.play.session",
    "trafficking_sim.play.saves",
    "trafficking_sim.play.plain",
    "trafficking_sim.cli",
    "trafficking_sim.i18n",
    "trafficking_sim.review.debrief",
    "trafficking_sim.review.debrief_map",
    "trafficking_sim.review.debrief_report",
    "trafficking_sim.explore.search",
    "trafficking_sim.explore.lint",
    "trafficking_sim.classroom.phases",
    "trafficking_sim.classroom.league",
    "trafficking_sim.classroom.state",
    "trafficking_sim.classroom.class_debrief",
    "trafficking_sim.classnet.codes",
    "trafficking_sim.classnet.store",
    "trafficking_sim.classnet.game",
    "trafficking_sim.classnet.seat",
    "trafficking_sim.classnet.desk",
    "trafficking_sim.classnet.trainer",
    "trafficking_sim.classnet.watch",
    "trafficking_sim.play.demo",
    "trafficking_sim.materials.cards",
    "trafficking_sim.materials.guide",
    "trafficking_sim.materials.coop_map",
]


def test_core_modules_load_neither_textual_nor_rich() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "", f"the core imported: {result.stdout.strip()}"


def test_a_plain_game_runs_without_loading_textual() -> None:
    code = (
        "import io, sys\n"
        "from trafficking_sim.cli import main\n"
        "sys.stdin = io.StringIO('status\\nend\\n')\n"
        "main(['play', '--plain', '--scenario', 'tutorial', '--role', 'ngo', '--seed', '1'])\n"
        "print('LOADED' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("CLEAN")
