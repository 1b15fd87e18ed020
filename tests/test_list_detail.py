"""The list/detail panes (SIENA, Partners, Case board, Log) behave alike: the empty state, the
selection kept when the game moves on, a heading row that changes nothing, and the
buttons for what is chosen."""

from __future__ import annotations

from typing import Any

import pytest
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Button, OptionList

from trafficking_sim.engine import Do
from trafficking_sim.i18n import t
from trafficking_sim.tui.panes.list_detail import ListDetailPane
from trafficking_sim.tui.widgets.pane_list import PaneList
from trafficking_sim.tui.widgets.row_list import RowList

from .test_row_list import _stale_lines
from .test_tui import SIZE, app_for, choose, settle, show_pane, start_game, text_of


def highlighted_id(app: object, selector: str) -> str | None:
    options = app.screen.query_one(selector, OptionList)  # type: ignore[attr-defined]
    assert options.highlighted is not None
    return options.get_option_at_index(options.highlighted).id


async def test_an_empty_list_says_so_explains_the_pane_and_offers_only_what_needs_no_item() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        siena = app.screen.query_one("#siena-list", OptionList)
        assert siena.option_count == 1
        row = siena.get_option_at_index(0)
        assert row.disabled and str(row.prompt) == t("tui.no_messages", "en")
        assert text_of(app, "#siena-message") == t("tui.siena_help", "en")
        assert app.screen.query_one("#siena-reply", Button).disabled
        assert not app.screen.query_one("#siena-compose", Button).disabled


async def test_the_chosen_item_stays_chosen_when_the_game_moves_on() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("2")
        await settle(pilot)
        await choose(pilot, app.screen.query_one("#partners-list", OptionList), "ngo")
        await settle(pilot)
        ngo = app.session.content.actors["ngo"]  # type: ignore[union-attr]
        assert ngo.name.get("en") in text_of(app, "#partner-detail")
        app.perform(Do("check_vehicle", "minibus_plate"))  # the pane on screen is redrawn
        await settle(pilot)
        assert highlighted_id(app, "#partners-list") == "ngo"
        assert ngo.name.get("en") in text_of(app, "#partner-detail")
        # The case board: a fact chosen, an action, the same fact in view.
        await pilot.press("3")
        await settle(pilot)
        board = app.screen.query_one("#board-list", OptionList)
        board.highlighted = next(i for i, o in enumerate(board.options) if o.id == "passports_held")
        await settle(pilot)
        app.perform(Do("interview_passengers"))
        await settle(pilot)
        assert highlighted_id(app, "#board-list") == "passports_held"
        # A heading row (a kind of fact) leaves the detail as it was.
        detail = text_of(app, "#fact-detail")
        heading = next(i for i, o in enumerate(board.options) if o.id is None)
        board.highlighted = heading
        await settle(pilot)
        assert text_of(app, "#fact-detail") == detail


async def test_every_list_and_detail_pane_is_built_on_the_one_base() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        for key in "1235":
            await pilot.press(key)
            await settle(pilot)
        panes = {type(p).__name__ for p in app.screen.query(ListDetailPane)}
        assert panes == {"SienaPane", "PartnersPane", "BoardPane", "LogPane"}


LISTS = [("2", "#partners-list"), ("5", "#log-list")]
"""A pane with an ``OptionList`` (rows of several lines, headings) and the log, whose list
draws only the rows on screen: both keep their drawn rows alike."""


@pytest.mark.parametrize(("key", "selector"), LISTS)
async def test_a_pane_shown_again_keeps_its_drawn_rows_until_its_width_changes(
    monkeypatch: pytest.MonkeyPatch, key: str, selector: str
) -> None:
    # Textual tells a list shown again that it was resized, and an OptionList then drops
    # every drawn row: each switch back to the log drew its whole list again.
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, key)
        options = app.screen.query_one(selector, Widget)
        first = options.render_line(0).text
        drawn: list[int] = []
        real = Visual.to_strips.__func__  # type: ignore[attr-defined]

        def counted(cls: type, widget: object, *args: Any, **kwargs: Any) -> Any:
            if widget is options:
                drawn.append(1)
            return real(cls, widget, *args, **kwargs)

        monkeypatch.setattr(Visual, "to_strips", classmethod(counted))
        for _ in range(2):
            await pilot.press("1")
            await settle(pilot)
            await pilot.press(key)
            await settle(pilot)
        assert drawn == []
        assert options.render_line(0).text == first
        column = options.parent
        assert isinstance(column, Widget)
        column.styles.width = column.outer_size.width + 10  # a new width: rows drawn anew
        await settle(pilot)
        line = options.render_line(0).text
        assert drawn
        assert len(line) == options.scrollable_content_region.width > len(first)
        assert line.startswith(first[:10])


@pytest.mark.parametrize(("key", "selector"), LISTS)
async def test_rows_drawn_beside_a_scroll_bar_are_drawn_again_when_it_goes(
    key: str, selector: str
) -> None:
    """A log grown past its height gets a scroll bar and its rows are drawn narrower; when
    a taller terminal makes the bar go (no resize of the list's own width is announced),
    the rows are drawn again to the full width, the highlight bar included."""
    from textual.widgets.option_list import Option

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, key)
        options = app.screen.query_one(selector, PaneList | RowList)  # type: ignore[arg-type]
        rows = [Option(f"T{n}  entry number {n}, a few words", id=f"x{n}") for n in range(20)]
        options.set_options(rows)
        options.highlighted = 0
        await settle(pilot, 0.2)
        assert options.show_vertical_scrollbar
        await pilot.resize_terminal(80, 60)
        await settle(pilot, 0.3)
        assert not options.show_vertical_scrollbar
        width = options.scrollable_content_region.width
        assert [len(options.render_line(y).text) for y in range(3)] == [width] * 3
        assert _stale_lines(options) == [], "the screen keeps the rows drawn narrower"
