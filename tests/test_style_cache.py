"""A list's component styles are kept across focus moves (tui/style_cache.py): a pane
switch restyles less, and every list still looks as Textual would style it."""

from __future__ import annotations

from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import OptionList

from .test_tui import SIZE, app_for, settle, start_game

HIGHLIGHT = "option-list--option-highlighted"


def highlight_of(widget: OptionList) -> object:
    return widget.get_component_rich_style(HIGHLIGHT)


def as_textual_styles_it(app: Any, widget: OptionList) -> object:
    """The highlighted row's style worked out afresh, with no kept answer."""
    kept = dict(widget._component_styles)
    Stylesheet._process_component_classes(app.stylesheet, widget)
    widget._rich_style_cache.clear()
    fresh = highlight_of(widget)
    widget._component_styles.clear()
    widget._component_styles.update(kept)
    widget._rich_style_cache.clear()
    return fresh


async def switch(pilot: Any, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_a_pane_switch_seen_before_matches_no_component_styles_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await switch(pilot, "2", "1", "2", "1")  # each list focused and blurred once
        matched: list[str] = []
        real = Stylesheet._process_component_classes

        def counted(self: Stylesheet, node: Any) -> None:
            if isinstance(node, OptionList):
                matched.append(str(node.id))
            real(self, node)

        monkeypatch.setattr(Stylesheet, "_process_component_classes", counted)
        await switch(pilot, "2", "1")
        assert matched == [], "the lists' component styles came from what was kept"


async def test_a_list_looks_as_textual_styles_it_focused_blurred_and_after_a_style_change() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await start_game(pilot)
        await switch(pilot, "2", "1", "2")
        siena = app.screen.query_one("#siena-list", OptionList)
        partners = app.screen.query_one("#partners-list", OptionList)
        assert app.focused is partners
        focused, blurred = highlight_of(partners), highlight_of(siena)
        assert focused != blurred, "the focused list's highlight stands out"
        assert focused == as_textual_styles_it(app, partners)
        assert blurred == as_textual_styles_it(app, siena)
        await switch(pilot, "1")
        assert highlight_of(siena) == focused and highlight_of(partners) == blurred
        # A stylesheet changed under the same theme: nothing kept from before holds.
        app.stylesheet.add_source(
            "OptionList:focus > .option-list--option-highlighted { background: #aa3300; }",
            read_from=("test", "changed"),
        )
        app.stylesheet.reparse()
        app.stylesheet.update(app)
        await switch(pilot, "2", "1")
        assert highlight_of(siena) == as_textual_styles_it(app, siena)
        assert highlight_of(siena) != focused, "the new rule's colour, not the kept one"
        await switch(pilot, "ctrl+t")  # high contrast, for projectors
        assert app.theme == "projector"
        await switch(pilot, "2", "1")
        assert highlight_of(siena) == as_textual_styles_it(app, siena)
