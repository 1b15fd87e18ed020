"""The log's list: it draws only the rows on screen, and otherwise answers the keys, the
mouse, the focus and the themes as the other panes' lists do."""

from __future__ import annotations

from typing import Any

import pytest
from textual.content import Content
from textual.events import MouseScrollDown
from textual.geometry import Region
from textual.visual import Visual
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option

from tests.test_tui import SIZE, app_for, settle, show_pane, start_game, text_of
from trafficking_sim.engine import Send
from trafficking_sim.i18n import t
from trafficking_sim.tui.panes import log as log_pane
from trafficking_sim.tui.widgets.detail import DetailView
from trafficking_sim.tui.widgets.row_list import HIGHLIGHTED, RowList


async def _long_log(pilot: Any, sends: int = 15) -> RowList:
    """The Log pane shown, with more entries than fit on screen, its list focused."""
    app = pilot.app
    await start_game(pilot)
    for _ in range(sends):  # each refused message is an entry or two
        app.perform(Send(to=("europol",)))
    await settle(pilot)
    await pilot.press("5")
    await settle(pilot)
    rows = app.screen.query_one("#log-list", RowList)
    assert app.focused is rows
    if sends:
        assert rows.option_count > rows.scrollable_content_region.height
    return rows


def _chosen(app: Any) -> str:
    """The entry the detail shows, as its row's id says."""
    rows = app.screen.query_one("#log-list", RowList)
    assert rows.highlighted is not None
    return str(rows.get_option_at_index(rows.highlighted).id)


async def test_new_rows_cost_only_the_rows_on_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hundreds of new rows at once, as a filter key gives the log: only the rows that fit
    in the list are drawn (a list that measured or drew every row made each key cost the
    whole log), and a row drawn once is not drawn again when it comes back."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        drawn: list[str] = []
        real = Visual.to_strips.__func__  # type: ignore[attr-defined]

        def counted(cls: type, widget: object, visual: Any, *args: Any, **kwargs: Any) -> Any:
            if widget is rows:
                drawn.append(str(visual))
            return real(cls, widget, visual, *args, **kwargs)

        monkeypatch.setattr(Visual, "to_strips", classmethod(counted))
        new = [Option(f"T1  entry number {n}", id=f"x{n}") for n in range(500)]
        rows.set_options(new)
        await settle(pilot)
        height = rows.scrollable_content_region.height
        assert rows.render_line(height - 1).text.startswith(f"T1  entry number {height - 1}")
        assert sorted(drawn) == sorted(f"T1  entry number {n}" for n in range(height))
        drawn.clear()
        rows.set_options(new[:100])  # a narrower filter: the same rows, drawn already
        await settle(pilot)
        assert drawn == []


async def test_the_arrow_home_end_and_page_keys_move_the_chosen_entry() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        last = max(i for i, option in enumerate(rows.options) if not option.disabled)
        newest = _chosen(app)
        assert rows.highlighted == 0
        await pilot.press("down")
        await settle(pilot)
        assert rows.highlighted == 1
        second = _chosen(app)
        entry = app.session.events[int(second[1:])]  # type: ignore[union-attr]
        assert t("tui.log_when", "en", turn=entry.turn, date="").split("(")[0].strip() in (
            text_of(app, "#log-detail")
        )
        await pilot.press("up")
        await settle(pilot)
        assert _chosen(app) == newest
        await pilot.press("pagedown")
        await settle(pilot)
        page = rows.highlighted
        assert page is not None and 1 < page < last
        assert rows.scroll_y > 0, "the chosen row is kept on screen"
        await pilot.press("pageup")
        await settle(pilot)
        assert rows.highlighted == 0 and rows.scroll_y == 0
        await pilot.press("end")
        await settle(pilot)
        assert rows.highlighted == last
        assert rows.scroll_y == rows.max_scroll_y
        await pilot.press("home")
        await settle(pilot)
        assert rows.highlighted == 0
        await pilot.press("up")  # from the top, round to the end
        await settle(pilot)
        assert rows.highlighted == last


async def test_the_highlight_skips_a_row_that_cannot_be_chosen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The row saying how many older entries the filter can reach is not an entry."""
    monkeypatch.setattr(log_pane, "MAX_LOG_ROWS", 3)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, "5")
        rows = app.screen.query_one("#log-list", RowList)
        assert rows.get_option_at_index(3).disabled
        await pilot.press("end")
        await settle(pilot)
        assert rows.highlighted == 2
        await pilot.press("down")  # past the last entry: round to the first
        await settle(pilot)
        assert rows.highlighted == 0
        await pilot.click(rows, offset=(3, 1 + 3))  # the disabled row: nothing happens
        await settle(pilot)
        assert rows.highlighted == 0


async def test_a_click_chooses_an_entry_and_the_wheel_scrolls_the_list() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        region = rows.content_region
        await pilot.click(rows, offset=(region.x - rows.region.x + 2, 1 + 2))
        await settle(pilot)
        assert rows.highlighted == 2
        chosen = app.session.events[int(_chosen(app)[1:])]  # type: ignore[union-attr]
        assert t("tui.log_when", "en", turn=chosen.turn, date="")[:4] in text_of(app, "#log-detail")
        assert rows.scroll_y == 0
        await pilot._post_mouse_events([MouseScrollDown], rows, offset=(3, 3))
        await settle(pilot)
        assert rows.scroll_y > 0
        assert rows.highlighted == 2, "the wheel scrolls; it does not choose"


async def test_the_row_under_the_pointer_is_lit_until_the_pointer_leaves() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        plain_style = rows.render_line(2).text, [s.style for s in rows.render_line(2)]
        await pilot.hover(rows, offset=(4, 1 + 2))
        await settle(pilot)
        lit = rows.render_line(2)
        assert lit.text == plain_style[0]
        assert [s.style for s in lit] != plain_style[1]
        rows.set_options(rows.options[:])  # new rows (a filter key) under a still pointer
        await settle(pilot)
        assert [s.style for s in rows.render_line(2)] == [s.style for s in lit]
        assert _stale_lines(rows) == []
        await pilot.hover("#log-detail")  # the pointer leaves the list
        await settle(pilot)
        assert [s.style for s in rows.render_line(2)] == plain_style[1]
        assert _stale_lines(rows) == []


async def test_entries_are_drawn_as_written_and_cut_to_the_width() -> None:
    """Markup in an entry is drawn as its characters; a long entry ends in an ellipsis."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot, sends=0)
        written = "[bold]Bold?[/bold] [@click=app.quit]quit[/] " + "word " * 30
        rows.set_options([Option(written, id="e0"), Option("[red]short", id="e1")])
        await settle(pilot)
        width = rows.scrollable_content_region.width
        first, second = rows.render_line(0).text, rows.render_line(1).text
        assert len(first) == len(second) == width
        assert first.startswith("[bold]Bold?[/bold] [@click") and first.rstrip().endswith("…")
        assert second.rstrip() == "[red]short"


async def test_the_highlight_takes_its_colours_from_the_theme_and_the_focus() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)

        def styles(y: int) -> list[Any]:
            # What the screen keeps, checked against a fresh drawing: a style change
            # that did not draw the rows again would leave the old colours on screen.
            assert _stale_lines(rows) == []
            return [segment.style for segment in rows.render_line(y)]

        focused = styles(0)
        assert focused != styles(1), "the chosen row stands out"
        app.screen.query_one("#log-filter", Input).focus()
        await settle(pilot)
        assert styles(0) != focused, "a list without the focus shows its row dimmer"
        rows.focus()
        await settle(pilot)
        assert styles(0) == focused
        await pilot.press("ctrl+t")  # the projector's high contrast
        await settle(pilot, 0.2)
        assert styles(0) != focused


async def test_the_focus_goes_filter_kind_list_detail() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot, sends=0)
        await pilot.press("tab")
        assert isinstance(app.focused, DetailView) and app.focused.id == "log-detail"
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, Select) and app.focused.id == "log-kind"
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Input) and app.focused.id == "log-filter"
        await pilot.press("tab", "tab")
        assert app.focused is rows


def _stale_lines(widget: Any) -> list[int]:
    """The lines the screen would show from the widget's cache that a fresh drawing of
    the widget shows otherwise (a line left undrawn after a change)."""
    region = Region(0, 0, *widget.outer_size)
    kept = widget.render_lines(region)
    widget._styles_cache.clear()
    fresh = widget.render_lines(region)
    return [y for y, (a, b) in enumerate(zip(kept, fresh, strict=True)) if a != b]


async def test_a_change_draws_again_only_the_lines_that_differ_and_leaves_none_stale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A filter key that changes the top row draws that line again, not the whole list
    (each line drawn is composed into the frame), and after every kind of change (keys,
    filter, pointer, a new text beside) what the screen keeps is what it should show."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        detail = app.screen.query_one("#log-detail", DetailView)
        await settle(pilot)
        drawn: list[int] = []
        real = rows.render_line
        monkeypatch.setattr(rows, "render_line", lambda y: drawn.append(y) or real(y))
        others = list(rows.options)
        top = Option("T1  the same entry, drawn anew", id=others[0].id)
        rows.set_options([top, *others[1:]])
        await settle(pilot)
        assert drawn == [0]
        assert _stale_lines(rows) == []
        monkeypatch.undo()

        words = app.screen.query_one("#log-filter", Input)
        for change in ("down", "down", "end", "pageup", "filter", "hover", "unfilter", "up"):
            if change == "filter":
                words.value = "europol"
            elif change == "unfilter":
                words.value = ""
            elif change == "hover":
                await pilot.hover(rows, offset=(4, 1 + 3))
            else:
                await pilot.press(change)
            await settle(pilot)
            assert _stale_lines(rows) == [], change
            assert _stale_lines(detail) == [], change

        # New rows that keep the lines on screen as they were, all but the highlighted
        # one, lit no more (the hovered one stays lit; the scroll bar stays: no full redraw).
        await pilot.hover(rows, offset=(4, 1 + 3))
        await settle(pilot)
        assert rows.highlighted is not None and rows._hover is not None
        height = rows.scrollable_content_region.height
        kept = int(rows.scroll_y) + height + 2
        assert kept > max(rows.highlighted, rows._hover) and kept < rows.option_count
        rows.set_options(rows.options[:kept])
        await settle(pilot)
        assert rows.show_vertical_scrollbar
        assert _stale_lines(rows) == []


async def test_a_new_text_in_the_detail_draws_again_only_its_lines_that_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, "5")
        detail = app.screen.query_one("#log-detail", DetailView)
        detail.update(Content("first line\nsecond line\nthird line"))
        await settle(pilot)
        drawn: list[int] = []
        real = detail.render_line
        monkeypatch.setattr(detail, "render_line", lambda y: drawn.append(y) or real(y))
        detail.update(Content("first line\nanother line\nthird line"))
        await settle(pilot)
        assert drawn == [1]
        detail.update(Content("only one"))
        await settle(pilot)
        assert drawn == [1, 0, 1, 2]
        monkeypatch.undo()
        assert _stale_lines(detail) == []
        # Another entry, read from the top, after one scrolled down: every line moves.
        detail.update(Content("\n".join(f"line {n}" for n in range(60))))
        await settle(pilot)
        detail.scroll_end(animate=False)
        await settle(pilot)
        assert detail.scroll_y > 0
        detail.update(Content("\n".join(f"other {n}" for n in range(60))), from_top=True)
        await settle(pilot)
        assert detail.scroll_y == 0
        assert _stale_lines(detail) == []


async def test_enter_chooses_the_highlighted_entry_without_highlighting_it_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Enter (or a click) says the row was chosen, as an OptionList's Enter does; it is
    not one more highlight, which would make the entry's text again."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        heard: list[tuple[str, int]] = []
        monkeypatch.setattr(
            log_pane.LogPane,
            "on_row_list_selected",
            lambda self, event: heard.append(("selected", event.index)),
            raising=False,
        )
        monkeypatch.setattr(
            log_pane.LogPane,
            "on_row_list_highlighted",
            lambda self, event: heard.append(("highlighted", event.index)),
        )
        await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert heard == [("highlighted", 1), ("selected", 1)]
        assert rows.highlighted == 1


async def test_coming_back_to_the_log_shows_the_newest_entries_and_the_chosen_one() -> None:
    """Entries that come while another pane is shown are on screen when the Log comes
    back: a list that scrolled its chosen row into a window of no lines (the hidden pane)
    put that row at the top and the newest entries above it, out of view."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        for _ in range(3):
            app.perform(Send(to=("europol",)))
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert rows.scroll_y == 0
        assert rows.highlighted is not None
        assert 0 <= rows.highlighted < rows.scrollable_content_region.height


async def test_an_entry_chosen_while_the_log_is_hidden_is_in_view_when_it_comes_back() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        await pilot.press("1")
        await settle(pilot)
        last = max(i for i, option in enumerate(rows.options) if not option.disabled)
        rows.highlighted = last  # as the program may choose a row of a hidden list
        await pilot.press("5")
        await settle(pilot)
        top = int(rows.scroll_y)
        assert rows.highlighted == last
        assert top <= last < top + rows.scrollable_content_region.height


async def test_the_highlight_looks_as_in_the_other_panes_lists_focused_or_not() -> None:
    """The log's list colours its highlighted row as an ``OptionList`` does, with the
    focus and without it (the other panes' lists are ``OptionList``s)."""
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        rows = await _long_log(pilot)
        other = OptionList(id="probe")
        await rows.parent.mount(other)  # type: ignore[union-attr]
        app.screen.query_one("#log-filter", Input).focus()
        await settle(pilot)

        def looks() -> tuple[Any, Any]:
            return (
                rows.get_component_rich_style(HIGHLIGHTED),
                other.get_component_rich_style("option-list--option-highlighted"),
            )

        for theme in ("the default", "the projector's high contrast"):
            mine, theirs = looks()
            assert mine == theirs, f"without the focus, {theme}"
            rows.focus()
            await settle(pilot)
            focused = looks()
            assert focused[0] != mine, f"the focused list's highlight differs, {theme}"
            other.focus()
            await settle(pilot)
            assert looks()[1] == focused[0], f"with the focus, {theme}"
            app.screen.query_one("#log-filter", Input).focus()
            await pilot.press("ctrl+t")
            await settle(pilot, 0.2)
