"""A pane's detail (the chosen message, partner, fact or log entry in full): its text as
written, wrapped beside a scroll bar when it is long, scrolled with the keys and the
mouse wheel, and a new text drawn without laying out the screen again."""

from __future__ import annotations

from typing import Any

import pytest
from textual.content import Content
from textual.events import MouseScrollDown
from textual.widgets import Button, OptionList

from tests.test_tui import SIZE, app_for, settle, show_pane, start_game, text_of
from trafficking_sim.play import narrate
from trafficking_sim.tui.panes import log as log_pane
from trafficking_sim.tui.screens.codex import CodexScreen
from trafficking_sim.tui.widgets import detail as detail_module
from trafficking_sim.tui.widgets.detail import DetailView
from trafficking_sim.tui.widgets.row_list import RowList

LONG = [f"Line {n} of a long entry, with words enough to wrap once or twice." for n in range(40)]


def drawn(detail: DetailView) -> list[str]:
    """The lines the detail draws now, as the player sees them."""
    return [detail.render_line(y).text for y in range(detail.scrollable_content_region.height)]


def drawn_styled(detail: DetailView) -> list[list[tuple[str, object]]]:
    """The lines the detail draws now, each segment's words with its style."""
    return [
        [(segment.text, segment.style) for segment in detail.render_line(y)]
        for y in range(detail.scrollable_content_region.height)
    ]


def styles_of(detail: DetailView, y: int) -> list[Any]:
    """The styles of line ``y``'s segments."""
    return [segment.style for segment in detail.render_line(y)]


def _long_first_turn(
    monkeypatch: pytest.MonkeyPatch, lines: list[str], *, every_entry: bool = False
) -> None:
    """The log's entry for the first turn's start says ``lines`` instead of its words;
    with ``every_entry``, every entry says its words and then ``lines``."""
    real = narrate.describe

    def describe(event: Any, *args: Any, **kwargs: Any) -> list[str]:
        said = real(event, *args, **kwargs)
        if said and every_entry:
            return [*said, *lines]
        return lines if said and event.kind == "turn_started" else said

    monkeypatch.setattr(log_pane.narrate, "describe", describe)


async def _log_on(pilot: Any, words: str) -> DetailView:
    """The Log pane with only the entries holding ``words``."""
    await show_pane(pilot, "5")
    pilot.app.screen.query_one("#log-filter").value = words
    await settle(pilot)
    return pilot.app.screen.query_one("#log-detail", DetailView)


async def test_a_long_detail_is_wrapped_beside_its_scroll_bar_and_scrolls_with_the_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _long_first_turn(monkeypatch, LONG)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        detail = await _log_on(pilot, "long entry")
        assert detail.show_vertical_scrollbar
        shown = drawn(detail)
        assert shown[0].strip().startswith("Turn 1")
        # Wrapped to the width left beside the scroll bar: every word of a line is there.
        width = detail.scrollable_content_region.width
        assert all(len(line) == width for line in shown)
        assert "Line 0 of a long entry, with" in " ".join(line.strip() for line in shown)
        detail.focus()
        # (each key's scroll is animated: a busy machine had not ended it after ``settle``)
        await pilot.press("end")
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()
        assert detail.scroll_y == detail.max_scroll_y > 0
        assert LONG[-1].split()[-1] in " ".join(drawn(detail)), "the last words are reached"
        await pilot.press("home")
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()
        assert detail.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()
        assert detail.scroll_y > 0
        assert drawn(detail) != shown


async def test_a_long_detail_scrolls_with_the_mouse_wheel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _long_first_turn(monkeypatch, LONG)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        detail = await _log_on(pilot, "long entry")
        before = drawn(detail)
        await pilot._post_mouse_events([MouseScrollDown], detail, offset=(2, 2))
        await settle(pilot)
        assert detail.scroll_y > 0
        assert drawn(detail) != before


async def test_the_detail_draws_its_text_as_written_never_as_markup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = "[bold]Bold?[/bold] [@click=app.quit]quit[/] [red]"
    _long_first_turn(monkeypatch, [written])
    app = app_for()
    async with app.run_test(size=(120, 30)) as pilot:
        detail = await _log_on(pilot, "bold?")
        assert any(written in line for line in drawn(detail))
        assert not detail.show_vertical_scrollbar  # a short text: no scroll bar


async def test_the_detail_comes_between_the_list_and_the_buttons_in_the_focus_order() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#partners-list", OptionList)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#partner-detail", DetailView)
        await pilot.press("tab")
        assert isinstance(app.focused, Button)


async def test_a_new_text_in_the_detail_lays_out_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A text that grows or shrinks the detail used to lay out the whole screen again (a
    # Static in a scrolling container follows its text's height), and then to draw every
    # region of it: on each key that moved the highlight or filtered the log.
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, "5")
        detail = app.screen.query_one("#log-detail", DetailView)
        laid_out: list[object] = []
        real = app.screen._refresh_layout
        monkeypatch.setattr(
            app.screen, "_refresh_layout", lambda *a, **k: laid_out.append(a) or real(*a, **k)
        )
        texts = {str(detail.text)}
        for _ in range(3):
            await pilot.press("down")
            await settle(pilot)
            texts.add(str(detail.text))
        assert len(texts) == 4, "each entry's own text"
        assert laid_out == []


async def test_a_glossary_term_drawn_in_the_detail_opens_its_entry_when_clicked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _long_first_turn(monkeypatch, ["Ask Europol through SIENA before the minibus leaves."])
    app = app_for()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, 0.3)  # the glossary loads in the background
        detail = await _log_on(pilot, "through siena")
        lines = drawn(detail)
        row = next(y for y, line in enumerate(lines) if "SIENA" in line)
        column = lines[row].index("SIENA") + detail.styles.padding.left
        await pilot.click(detail, offset=(column + 1, row))
        await settle(pilot)
        assert isinstance(app.screen, CodexScreen)
        assert "SIENA" in text_of(app, "#codex-entry")


async def test_another_item_opens_at_its_first_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read down a long entry, then choose another long one: it opens at its top (its
    turn and kind first), not where the last one was left."""
    _long_first_turn(monkeypatch, LONG, every_entry=True)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, "5")
        detail = app.screen.query_one("#log-detail", DetailView)
        options = app.screen.query_one("#log-list", RowList)
        assert options.option_count >= 2
        options.highlighted = 0
        await settle(pilot)
        detail.focus()
        await pilot.press("end")
        await settle(pilot)
        assert detail.scroll_y > 0
        options.highlighted = 1
        await settle(pilot)
        assert detail.max_scroll_y > 0 and detail.scroll_y == 0
        assert drawn(detail)[0].strip().startswith("Turn")


async def test_text_selected_with_the_mouse_is_shown_selected() -> None:
    """Selecting words of the detail with the mouse highlights them, as in any text."""
    from textual.geometry import Offset
    from textual.selection import Selection

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, "5")
        detail = app.screen.query_one("#log-detail", DetailView)
        before = [segment.style for segment in detail.render_line(0)]
        app.screen.selections = {detail: Selection(Offset(0, 0), Offset(5, 0))}
        await settle(pilot, 0.2)
        assert [segment.style for segment in detail.render_line(0)] != before
        assert app.screen.get_selected_text() == detail.text.plain[:5]
        # The selected look is never kept for the text: once cleared, the words are
        # drawn as before, and the same text shown again is not drawn selected.
        app.screen.clear_selection()
        await settle(pilot, 0.2)
        assert [segment.style for segment in detail.render_line(0)] == before
        text = detail.text
        detail.update(Content("Another text."))
        detail.update(text)
        assert [segment.style for segment in detail.render_line(0)] == before


async def test_a_text_shown_again_is_not_wrapped_again_but_drawn_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pane's help each time a filter matches nothing, or an entry a backspace comes
    back to: its lines are the ones made for it before (same words, styles, width and
    colours), not wrapped again; another width, other styles on the same words or another
    theme wrap it again, and the lines drawn have the right styles."""
    from textual.style import Style

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, "5")
        detail = app.screen.query_one("#log-detail", DetailView)
        first = detail.text
        first_lines = drawn_styled(detail)
        wrapped: list[tuple[object, int]] = []  # this detail's texts wrapped, with widths
        real = detail_module.Visual.to_strips

        def counting(*args: Any, **kwargs: Any) -> Any:
            if args[0] is detail:
                wrapped.append((args[1], args[2]))
            return real(*args, **kwargs)

        monkeypatch.setattr(detail_module.Visual, "to_strips", counting)
        other = Content("Nothing here matches these words.")
        detail.update(other)
        assert [text for text, _ in wrapped] == [other]
        detail.update(first)
        assert [text for text, _ in wrapped] == [other], "shown again: not wrapped again"
        assert drawn_styled(detail) == first_lines
        # A wider terminal wraps the text for its width; back to the old width, the lines
        # kept for it are drawn again, as they were.
        width = detail.container_size.width
        await pilot.resize_terminal(SIZE[0] + 10, SIZE[1])
        await settle(pilot)
        assert detail.container_size.width > width
        assert (first, detail.container_size.width) in wrapped, "a new width: wrapped again"
        assert drawn_styled(detail) != first_lines
        wrapped.clear()
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert wrapped == [], "the old width again: its kept lines"
        assert drawn_styled(detail) == first_lines
        # The same words in bold (as an entry comes back once the glossary has loaded,
        # with its links): wrapped again, and drawn bold.
        bold = Content(first.plain).stylize(Style(bold=True))
        detail.update(bold)
        assert [text for text, _ in wrapped] == [bold], "other styles: wrapped again"
        assert drawn_styled(detail) != first_lines
        assert any(style is not None and style.bold for style in styles_of(detail, 0))
        wrapped.clear()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        assert bold in [text for text, _ in wrapped], "a new theme's colours: wrapped again"


def _link_colours(detail: DetailView) -> list[str | None]:
    """The colour of each glossary link the detail draws now."""
    return [
        segment.style.color.name if segment.style.color else None
        for y in range(detail.size.height)
        for segment in detail.render_line(y)
        if segment.style and segment.style._meta and "@click" in segment.style.meta
    ]


async def test_an_entry_shown_while_the_mouse_drags_elsewhere_keeps_its_link_colour_later() -> None:
    """Textual draws a text without its links' colour while a mouse button is held for a
    drag; an entry first shown then is drawn with its glossary links coloured when it is
    shown again (under ``projector`` the colour differs from the words')."""
    from textual.widgets import Static

    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await show_pane(pilot, "5")
        app.theme = "projector"
        await settle(pilot)
        detail = app.screen.query_one("#log-detail", DetailView)
        entries = app.screen.query_one("#log-list", RowList)
        entries.focus()
        entries.highlighted = 2
        await settle(pilot)
        coloured = _link_colours(detail)
        assert coloured, "the entry has a glossary link"
        entries.highlighted = 1
        await settle(pilot)
        # A wider terminal: the entry is wrapped anew when next shown (its kept
        # lines were made for the old width), here while the mouse is held.
        await pilot.resize_terminal(SIZE[0] + 10, SIZE[1])
        await settle(pilot)
        heading = app.screen.query_one("#log-heading", Static)
        await pilot.mouse_down(heading, offset=(0, 0))
        await pilot.hover(heading, offset=(3, 0))
        await pilot.press("down")  # the entry shown while the mouse is held
        assert entries.highlighted == 2
        await pilot.mouse_up(heading, offset=(3, 0))
        app.screen.clear_selection()
        await settle(pilot)
        entries.highlighted = 1
        await settle(pilot)
        entries.highlighted = 2
        await settle(pilot)
        assert _link_colours(detail) == coloured
