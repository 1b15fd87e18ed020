"""The full-screen game facing hostile files and text: it shows, it never crashes.

Text from content, saves and players is shown literally (markup is just characters, and
nothing in it can be clicked), and bad saves in the data folder leave the title and the
review screens working.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from trafficking_sim.play.saves import autosave_path
from trafficking_sim.tui.app import TraffickingApp
from trafficking_sim.tui.screens.dialogs import MessageDialog
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
        # It is offered, and continuing it says why it cannot be.
        await pilot.press("c")
        await settle(pilot, 0.2)
        assert isinstance(app.screen, MessageDialog), type(app.screen)
        assert app.errors == []


async def test_every_bad_save_in_the_review_list_is_listed_literally_and_refused() -> None:
    from textual.widgets import OptionList

    from trafficking_sim.play.saves import finished_dir
    from trafficking_sim.tui.screens.dialogs import MessageDialog
    from trafficking_sim.tui.screens.saves import SavesScreen

    finished_dir().mkdir(parents=True, exist_ok=True)
    for path in BAD_SAVES:
        shutil.copyfile(path, finished_dir() / path.name)
    # Saves of scenario files that are bad content, from the content corpus.
    base = json.loads((CORPUS / "unknown-scenario.json").read_text(encoding="utf-8"))
    for scenario in sorted((CORPUS.parent / "content").glob("*.yaml")):
        save = {**base, "scenario": "tutorial", "scenario_path": str(scenario)}
        target = finished_dir() / f"content-{scenario.stem}.json"
        target.write_text(json.dumps(save), encoding="utf-8")
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


# --- text is never markup ----------------------------------------------------------------


def _contents(app: TraffickingApp) -> list[Any]:
    """Every text the current screen gives Textual: statics, labels, options, choices."""
    from textual.content import Content
    from textual.widgets import Button, OptionList, Select

    found: list[Any] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static):
            found.append(widget.visual)
        if isinstance(widget, Button):
            found.append(widget.label)
        if isinstance(widget, OptionList):
            found += [widget.get_option_at_index(i).prompt for i in range(widget.option_count)]
        if isinstance(widget, Select):
            found += [prompt for prompt, _ in widget._options]
    return [c for c in found if isinstance(c, Content | str)]


def assert_literal(app: TraffickingApp, *, expect_marks: bool = True) -> str:
    """The screen shows markup as characters, and nothing on it quits or opens a file."""
    from textual.content import Content

    from tests.corpus.markup import MARKS

    texts = _contents(app)
    for text in texts:
        # A plain string would be read as markup by the widget: it must arrive as Content.
        assert not (isinstance(text, str) and "[" in text), text
        if isinstance(text, Content):
            for span in text.spans:
                style = span.style
                assert "app.quit" not in str(style), text
                assert "file://" not in str(getattr(style, "link", "") or ""), text
                meta = style.meta if hasattr(style, "meta") else {}
                assert "app.quit" not in str(meta), text
    joined = "\n".join(t.plain if isinstance(t, Content) else t for t in texts)
    if expect_marks:
        for mark in MARKS:
            assert mark in joined, f"{mark} is not shown on {type(app.screen).__name__}"
    assert app.errors == [], app.errors
    return joined


@pytest.fixture
def markup_scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from tests.corpus.markup import write_markup_content

    path = write_markup_content(tmp_path / "content")
    # The markup scenario is the one "bundled" scenario the title offers.
    monkeypatch.setattr("trafficking_sim.content.bundled_scenarios", lambda: [path])
    return path


async def test_markup_in_every_content_text_is_shown_literally_everywhere(
    markup_scenario: Path,
) -> None:
    from trafficking_sim.tui.screens.debrief import DebriefScreen
    from trafficking_sim.tui.screens.dialogs import (
        ComposeDialog,
        ConfirmDialog,
        MessageDialog,
        RequestDialog,
        StepDialog,
    )
    from trafficking_sim.tui.screens.game import GameScreen
    from trafficking_sim.tui.screens.roles import RoleScreen
    from trafficking_sim.tui.screens.scenarios import ScenarioScreen

    app = TraffickingApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ScenarioScreen)
        assert_literal(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RoleScreen)
        assert_literal(app)
        await pilot.press("enter")
        await settle(pilot, 0.2)
        while isinstance(app.screen, MessageDialog):
            assert_literal(app, expect_marks=False)
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, GameScreen)
        for pane in "12345":
            await pilot.press(pane)
            await settle(pilot)
            assert_literal(app, expect_marks=pane in "235")
        await pilot.press("2")
        await settle(pilot)
        for key, dialog in (("a", StepDialog), ("c", ComposeDialog), ("r", RequestDialog)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, dialog), key
            assert_literal(app, expect_marks=key != "c")
            await pilot.press("escape")
            await settle(pilot)
        # Play to the end: end every turn, answering every question and news dialog.
        for _ in range(60):
            if isinstance(app.screen, DebriefScreen):
                break
            if isinstance(app.screen, ConfirmDialog):
                await pilot.press("y")
            elif isinstance(app.screen, MessageDialog):
                assert_literal(app, expect_marks=False)
                await pilot.press("enter")
            else:
                await pilot.press("e")
            await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await settle(pilot, 0.3)
        assert_literal(app)
        await pilot.press("f3")
        await settle(pilot)
        assert_literal(app, expect_marks=False)


async def test_markup_in_the_trainers_screens_is_shown_literally(markup_scenario: Path) -> None:
    from textual.widgets import Button, Input

    from trafficking_sim.tui.app import AppConfig
    from trafficking_sim.tui.screens.dialogs import MessageDialog
    from trafficking_sim.tui.screens.trainer import (
        ClassDebriefScreen,
        HandOverScreen,
        TrainerScreen,
        TrainerSetupScreen,
        TrainerToolsDialog,
    )

    app = TraffickingApp(AppConfig(lang="en", trainer=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.2)
        assert isinstance(app.screen, TrainerSetupScreen)
        assert_literal(app)
        app.screen.query_one("#setup-code", Input).value = "owl-42"
        app.screen.query_one("#setup-start", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, TrainerScreen)
        assert_literal(app, expect_marks=False)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, HandOverScreen)
        assert_literal(app, expect_marks=False)
        await pilot.press("enter")
        await settle(pilot)
        while isinstance(app.screen, MessageDialog):
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press(*"owl-42", "enter")  # the trainer's code
        await settle(pilot)
        assert isinstance(app.screen, TrainerToolsDialog)
        assert_literal(app)
        await pilot.press("escape")
        await settle(pilot)
        app.show_trainer()
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot, 0.2)
        assert isinstance(app.screen, ClassDebriefScreen)
        assert app.errors == []
