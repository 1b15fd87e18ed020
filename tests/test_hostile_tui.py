"""The full-screen game facing hostile files and text: it shows, it never crashes.

Text from content, saves and players is shown literally (markup is just characters, and
nothing in it can be clicked), and bad saves in the data folder leave the title and the
review screens working.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from trafficking_sim.saves import autosave_path
from trafficking_sim.tui.app import TraffickingApp
from trafficking_sim.tui.screens.error import ErrorScreen
from trafficking_sim.tui.screens.title import TitleScreen

CORPUS = Path(__file__).parent / "corpus" / "saves"
BAD_SAVES = sorted(CORPUS.glob("*.json"))
SIZE = (100, 40)


async def settle(pilot: Any, delay: float = 0.05) -> None:
    await pilot.pause(delay)
    for _ in range(200):  # the scenarios and the glossary load in the background
        if pilot.app.catalogue is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_error_screen_cannot_fail_even_before_it_is_built() -> None:
    app = TraffickingApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ErrorScreen(Path("/tmp/[/nope]/error.log"))
        screen.refresh_language()  # nothing is built yet: nothing happens, nothing fails
        await app.push_screen(screen)
        await pilot.pause()
        text = str(screen.query_one("#error-text", Static).visual)
        assert "/tmp/[/nope]/error.log" in text
        assert app.errors == []


@pytest.mark.parametrize("path", BAD_SAVES, ids=lambda p: p.stem)
async def test_a_bad_autosave_leaves_the_title_working(path: Path) -> None:
    autosave_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, autosave_path())
    app = TraffickingApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        assert app.errors == []
        assert isinstance(app.screen_stack[0], TitleScreen)


async def test_every_bad_save_in_the_review_list_is_listed_literally_and_refused() -> None:
    from textual.widgets import OptionList

    from trafficking_sim.saves import finished_dir
    from trafficking_sim.tui.screens.dialogs import MessageDialog
    from trafficking_sim.tui.screens.saves import SavesScreen

    finished_dir().mkdir(parents=True, exist_ok=True)
    for path in BAD_SAVES:
        shutil.copyfile(path, finished_dir() / path.name)
    app = TraffickingApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, SavesScreen)
        options = app.screen.query_one("#save-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[/nope][@click=app.quit]Quit[/]" in p for p in prompts)
        for index in range(options.option_count):
            options.highlighted = index
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, MessageDialog), prompts[index]
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, SavesScreen)
        assert app.errors == []
