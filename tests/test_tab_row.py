"""The game screen's tab row: one widget that draws the panes' labels and the active mark,
and takes clicks, arrow keys and the number keys as Textual's tabs did."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget

from trafficking_sim.i18n import t
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.game import TABS, GameScreen
from trafficking_sim.tui.widgets.tab_row import TabRow

from .test_tui import SIZE, app_for, on_screen, on_screen_segments, settle, start_game


def row_of(app: Any) -> TabRow:
    return app.screen.query_one("#tabs", TabRow)


def line(row: TabRow, y: int) -> str:
    """The row's line ``y`` as the screen shows it (not as the row would draw it now)."""
    return on_screen(row.app, row, y)


def marked_cells(row: TabRow) -> list[int]:
    """The cells of the bar on screen drawn in the mark's colour."""
    mark = row.get_component_rich_style("tab-row--bar").color
    x, marked = 0, []
    for segment in on_screen_segments(row.app, row, 1):
        if segment.style is not None and segment.style.color == mark:
            marked += range(x, x + len(segment.text))
        x += len(segment.text)
    return marked


def shown(app: Any) -> list[str]:
    """The panes' holders on screen (one, always)."""
    return [tab for tab in TABS if app.screen.query_one(f"#{tab}").display]


def inside(widget: Widget | None, holder: Widget) -> bool:
    return widget is not None and (widget is holder or holder in widget.ancestors)


async def test_the_row_shows_every_label_with_its_number_and_follows_the_language() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        row = row_of(app)
        assert line(row, 0).rstrip() == " 1 SIENA  2 Partners  3 Case board  4 Objectives  5 Log"
        assert len(line(row, 0)) == SIZE[0]
        await pilot.press("f2")
        await settle(pilot)
        assert line(row, 0).split("  ")[2].strip() == "3 " + t("tui.tab_board", "sl")


async def test_a_label_is_drawn_as_written_never_as_markup() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        row = row_of(app)
        row.set_label("board", "3 [bold]Case[/bold] board")
        await pilot.pause()
        assert "3 [bold]Case[/bold] board" in line(row, 0)
        # The mark follows the label's own width, brackets included.
        await pilot.press("3")
        await settle(pilot)
        _tab, left, right = next(span for span in row.spans() if span[0] == "board")
        assert right - left == len("3 [bold]Case[/bold] board") + 2


async def test_the_mark_is_under_the_active_label_only() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        row = row_of(app)
        for number, tab in enumerate(TABS, 1):
            await pilot.press(str(number))
            await settle(pilot)
            assert row.active == tab and shown(app) == [tab]
            _tab, left, right = next(span for span in row.spans() if span[0] == tab)
            assert marked_cells(row) == list(range(left + 1, right - 1)), f"the mark for {tab}"


async def test_a_click_on_a_label_or_under_it_shows_its_pane_and_focuses_the_row() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        row = row_of(app)
        spans = {tab: (left, right) for tab, left, right in row.spans()}
        await pilot.click("#tabs", offset=(spans["board"][0] + 2, 0))
        await settle(pilot)
        assert row.active == "board" and shown(app) == ["board"]
        assert app.focused is row, "a click focuses the row, as Textual's tabs do"
        assert app.screen.query("#board-list"), "the pane is built when first shown"
        await pilot.click("#tabs", offset=(spans["partners"][1] - 1, 1))  # on the bar
        await settle(pilot)
        assert row.active == "partners" and shown(app) == ["partners"]
        await pilot.click("#tabs", offset=(SIZE[0] - 2, 0))  # after the last label
        await settle(pilot)
        assert row.active == "partners"


async def test_left_and_right_move_along_the_row_when_it_has_the_focus() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        row = row_of(app)
        row.focus()
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        assert row.active == "partners" and shown(app) == ["partners"]
        assert app.focused is row, "the focus stays on the row"
        await pilot.press("left", "left")
        await settle(pilot)
        assert row.active == "log" and shown(app) == ["log"], "left from the first wraps"
        assert app.screen.query("#log-list"), "built when shown by an arrow key too"
        await pilot.press("right")
        await settle(pilot)
        assert row.active == "siena"


async def test_a_number_key_shows_its_pane_and_its_list_takes_the_focus() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        screen = app.screen
        assert isinstance(screen, GameScreen)
        await pilot.press("5")
        await settle(pilot)
        assert row_of(app).active == "log" and shown(app) == ["log"]
        assert app.focused is screen.query_one("#log-list")
        await pilot.press("1")
        await settle(pilot)
        assert row_of(app).active == "siena" and shown(app) == ["siena"]
        assert app.focused is screen.query_one("#siena-list")


async def test_tab_never_reaches_a_hidden_pane_after_a_switch() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        screen = app.screen
        for key in ("5", "2", "3", "1"):  # every pane built once, then back to SIENA
            await pilot.press(key)
            await settle(pilot)
        hidden = [screen.query_one(f"#{tab}") for tab in TABS if tab != "siena"]
        visited = []
        for _ in range(12):  # round the whole focus chain, and on
            await pilot.press("tab")
            await pilot.pause()
            visited.append(app.focused)
            assert not any(inside(app.focused, holder) for holder in hidden), app.focused
        assert row_of(app) in visited, "the row is in the focus order"
        assert any(inside(w, screen.query_one("#siena")) for w in visited)


async def test_keys_typed_at_once_after_a_pane_key_go_to_the_pane_shown() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        partners = app.screen.query_one("#partners-list")
        before = partners.highlighted  # type: ignore[attr-defined]
        await pilot.press("2", "down")  # no pause between them
        await settle(pilot)
        assert app.focused is partners
        assert partners.highlighted == (before or 0) + 1  # type: ignore[attr-defined]


def focus_hidden(app: Any) -> bool:
    """The focus sits on a widget inside a pane that is not on screen."""
    focused = app.focused
    return focused is not None and any(not node.display for node in focused.ancestors_with_self)


async def test_a_dialog_closed_with_the_focus_nowhere_focuses_the_pane_on_screen() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("5")
        await settle(pilot)
        app.screen.set_focus(None)
        await pilot.press("b")  # the briefing, over the Log pane
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GameScreen) and shown(app) == ["log"]
        assert app.focused is app.screen.query_one("#log-list")
        assert not focus_hidden(app), "the arrows would act on a pane out of sight"


async def test_the_terminal_losing_the_focus_while_a_dialog_comes_and_goes() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("5")
        await settle(pilot)
        app.app_focus = False  # the player switches to another window (alt-tab)
        await settle(pilot)
        app.push_screen(MessageDialog("News", "a reply arrived"))
        await settle(pilot)
        app.app_focus = True  # back, with the dialog on top
        await settle(pilot)
        await pilot.press("enter")  # closes it
        await settle(pilot)
        assert isinstance(app.screen, GameScreen) and shown(app) == ["log"]
        assert app.focused is app.screen.query_one("#log-list")
        assert not focus_hidden(app)
        await pilot.press("2")  # the pane keys still move the focus as before
        await settle(pilot)
        assert app.focused is app.screen.query_one("#partners-list")


async def test_the_row_shows_the_hand_pointer_as_textual_tabs_do() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        assert row_of(app).styles.pointer == "pointer", "a label is something to click"


async def test_in_ansi_colours_a_hovered_label_stays_dim_as_the_others() -> None:
    app = app_for()
    app.ansi_color = True  # the terminal's own colours (:ansi)
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        row = row_of(app)
        _tab, left, _right = next(span for span in row.spans() if span[0] == "board")
        await pilot.hover("#tabs", offset=(left + 2, 0))
        await settle(pilot)
        x, styles = 0, {}
        for segment in on_screen_segments(app, row, 0):
            styles.update(dict.fromkeys(range(x, x + len(segment.text)), segment.style))
            x += len(segment.text)
        _tab, partners, _end = next(span for span in row.spans() if span[0] == "partners")
        hovered, other = styles[left + 2], styles[partners + 2]
        assert hovered != other, "the hovered label is drawn as hovered"
        assert other is not None and other.dim
        assert hovered is not None and hovered.dim, "hovering does not light a label up"
