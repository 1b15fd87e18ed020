"""The game screen builds a pane when it is first shown and redraws only the pane on
screen; the others are drawn again, up to date, when the player shows them."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectCurrent

from trafficking_sim.engine import Do
from trafficking_sim.i18n import t
from trafficking_sim.tui.panes.board import BoardPane
from trafficking_sim.tui.panes.log import LogPane
from trafficking_sim.tui.panes.progress import ObjectivesPane
from trafficking_sim.tui.screens.game import GameScreen
from trafficking_sim.tui.widgets.tab_row import TabRow

from .test_tui import SIZE, app_for, on_screen_segments, settle, start_game, text_of


def board_ids(app: object) -> set[str]:
    options = app.screen.query_one("#board-list", OptionList)  # type: ignore[attr-defined]
    return {o.id for o in options.options if o.id}


async def test_only_the_pane_on_screen_is_built_and_each_other_pane_when_shown() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        game = app.screen
        assert isinstance(game, GameScreen)
        at_start = len(list(game.walk_children()))
        assert not game.query(BoardPane) and not game.query(LogPane)
        await pilot.press("3")
        await settle(pilot)
        # Shown, built and drawn: the player's facts, and the list has the focus.
        assert "minibus_plate" in board_ids(app)
        assert isinstance(app.focused, OptionList) and app.focused.id == "board-list"
        assert len(list(game.walk_children())) > at_start
        await pilot.press("4")
        await settle(pilot)
        assert "(you" in text_of(app, "#objectives-text")
        # The log, drawn on its own as it is laid out, is labelled too when first shown.
        await pilot.press("5")
        await settle(pilot)
        assert game.query_one("#log-filter", Input).placeholder == t("tui.log_filter", "en")


async def test_a_hidden_pane_is_not_redrawn_after_an_action_but_is_up_to_date_when_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: list[str] = []
    original = BoardPane.update_view

    def counted(self: BoardPane) -> None:
        drawn.append("board")
        original(self)

    monkeypatch.setattr(BoardPane, "update_view", counted)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("3")
        await settle(pilot)
        before = board_ids(app)
        await pilot.press("1")
        await settle(pilot)
        drawn.clear()
        # An interview while the SIENA pane is shown: the board learns of new facts.
        app.perform(Do("interview_passengers"))
        await settle(pilot)
        assert drawn == [], "a hidden pane is only marked stale"
        assert app.screen.query_one(BoardPane).stale
        await pilot.press("3")
        await settle(pilot)
        assert drawn == ["board"]
        assert board_ids(app) > before, "shown again, the board has the new facts"
        # Shown and up to date: another switch back and forth draws nothing again.
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert drawn == ["board"]


async def test_the_pane_on_screen_is_redrawn_at_once_after_an_action() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("4")
        await settle(pilot)
        app.perform(Do("check_vehicle", "minibus_plate"))
        await settle(pilot)
        pane = app.screen.query_one(ObjectivesPane)
        assert not pane.stale


async def test_the_footer_is_not_rebuilt_when_its_keys_stay_the_same() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        keys = list(app.screen.query(FooterKey))
        assert keys
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert list(app.screen.query(FooterKey)) == keys, "the same keys, not rebuilt"
        await pilot.press("f2")  # other words: the footer is rebuilt in them
        await settle(pilot)
        words = " ".join(str(k.description) for k in app.screen.query(FooterKey))
        assert words and list(app.screen.query(FooterKey)) != keys
        assert "Compose" not in words


async def test_the_log_built_in_one_language_follows_a_switch_to_the_other() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("5")
        await settle(pilot)
        game = app.screen
        await pilot.press("f2")
        await settle(pilot)
        assert game.query_one("#log-filter", Input).placeholder == t("tui.log_filter", "sl")
        kinds = game.query_one("#log-kind", Select)
        assert kinds.value == "all"
        chosen = kinds.query_one(SelectCurrent).query_one("#label", Static)
        assert str(chosen.render()) == t("tui.log_all", "sl") != t("tui.log_all", "en")


async def test_a_pane_key_moves_the_focus_to_its_list_without_repainting_the_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        game = app.screen
        assert isinstance(game, GameScreen)
        await pilot.press("2")  # built once; from now on shown again
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        repaints: list[object] = []
        monkeypatch.setattr(game, "refresh", lambda *a, **k: repaints.append(k) or game)
        await pilot.press("2")
        await pilot.pause()
        # The list has the focus (the arrows work), and the move of the focus did not
        # mark the whole screen for a second drawing after the pane's.
        assert game.focused is game.query_one("#partners-list", OptionList)
        assert repaints == []


async def test_the_tab_mark_is_under_its_label_in_the_first_frame_after_a_pane_key() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("4")
        await pilot.pause()
        # In the first frame after the key the mark is under the label already (Textual's
        # tabs slid it over 0.3 s: some twenty frames of the tab row after the pane).
        row = app.screen.query_one("#tabs", TabRow)
        mark = row.get_component_rich_style("tab-row--bar").color
        x = 0
        marked: list[int] = []
        for segment in on_screen_segments(app, row, 1):  # as drawn on screen
            if segment.style is not None and segment.style.color == mark:
                marked += range(x, x + len(segment.text))
            x += len(segment.text)
        _tab, left, right = next(span for span in row.spans() if span[0] == "objectives")
        assert marked == list(range(left + 1, right - 1)), "under the label, not its padding"


@pytest.mark.parametrize("tab", ["partners", "log"])
async def test_news_arriving_while_a_pane_is_first_built_waits_for_it(tab: str) -> None:
    """A redraw (a language switch, an action's news, the class's clock) can come between a
    pane key and the moment its pane is put together: the pane is drawn once in place, and
    the game goes on (drawn before, it would look for widgets not there yet)."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        game = app.screen
        assert isinstance(game, GameScreen)
        game.action_tab(tab)  # mounting, not yet composed
        app.set_language("sl")
        game.refresh_language()  # as the switch does, here before the pane is built
        await settle(pilot)
        assert app.screen is game, "no error screen"
        assert game.query_one(f"#{tab}-pane").display
        assert app.focused is game.query_one(f"#{tab}-list")
