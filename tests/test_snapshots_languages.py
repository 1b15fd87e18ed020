"""Every screen and dialog at 80x24 in English and Slovene: the words of both languages
must fit the smallest screen the game supports (test_snapshots.py has the English of the
first screens).

After a deliberate change of the look:
``pytest tests/test_snapshots_languages.py --snapshot-update`` and look at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from trafficking_sim.engine import Do, EndTurn, Send
from trafficking_sim.tui.app import AppConfig, TraffickingApp

from .test_snapshots import SIZE, game, into_game, ready

LANGS = ["en", "sl"]


async def keys(pilot: Any, *pressed: str) -> None:
    await into_game(pilot)
    for key in pressed:
        await pilot.press(key)
        await pilot.pause(0.1)
    await ready(pilot)


def before_keys(*pressed: str) -> Callable[[Any], Awaitable[None]]:
    async def before(pilot: Any) -> None:
        await keys(pilot, *pressed)

    return before


# The screens reached from the game by keys: (name, keys pressed).
SCREENS = [
    ("siena_pane", ()),
    ("partners_pane", ("2",)),
    ("board_pane", ("3",)),
    ("objectives_pane", ("4",)),
    ("log_pane", ("5",)),
    ("compose", ("c",)),
    ("steps", ("a",)),
    ("request", ("2", "r")),
    ("contact", ("3", "d")),
    ("permission", ("p",)),
    ("end_turn_question", ("e",)),
    ("briefing", ("b",)),
    ("help", ("f1",)),
    ("glossary", ("f3",)),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "pressed"), SCREENS, ids=[name for name, _ in SCREENS])
def test_game_screen(snap_compare: Any, lang: str, name: str, pressed: tuple[str, ...]) -> None:
    assert snap_compare(game(lang), terminal_size=SIZE, run_before=before_keys(*pressed))


@pytest.mark.parametrize("lang", LANGS)
def test_turn_summary(snap_compare: Any, lang: str) -> None:
    async def before(pilot: Any) -> None:
        await into_game(pilot)
        app = pilot.app
        app.perform(Do("check_vehicle", "minibus_plate"))
        app.perform(Send(to=("europol",), facts=("driver_phone",), priority="urgent"))
        app.perform(EndTurn())
        await ready(pilot)

    assert snap_compare(game(lang), terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("lang", LANGS)
def test_refused_message(snap_compare: Any, lang: str) -> None:
    async def before(pilot: Any) -> None:
        await into_game(pilot)
        await pilot.press("c")
        await pilot.pause(0.1)
        pilot.app.screen.query_one("#to").select("europol")
        await pilot.press("ctrl+s")
        await ready(pilot)

    assert snap_compare(game(lang, role="ngo"), terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "pressed", [(), ("n",), ("n", "enter")], ids=["title", "scenarios", "roles"]
)
def test_choosing(snap_compare: Any, lang: str, pressed: tuple[str, ...]) -> None:
    async def before(pilot: Any) -> None:
        await ready(pilot)
        for key in pressed:
            await pilot.press(key)
            await ready(pilot)

    assert snap_compare(TraffickingApp(AppConfig(lang=lang)), terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("lang", LANGS)
def test_too_small(snap_compare: Any, lang: str) -> None:
    assert snap_compare(game(lang), terminal_size=(60, 20), run_before=ready)
