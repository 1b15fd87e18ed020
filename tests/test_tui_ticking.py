"""Lines a timer rewrites every second (the class's clock, who is connected) are drawn again
only when their text changed: an idle class of six redrew whole screens every second."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from trafficking_sim.tui.text import plain
from trafficking_sim.tui.widgets.ticking import same_shape, show


class Narrow(App[None]):
    CSS = "Static { width: 12; height: auto; }"

    def compose(self) -> ComposeResult:
        yield Static(id="clock")


async def test_the_same_text_is_not_drawn_again() -> None:
    app = Narrow()
    async with app.run_test() as pilot:
        clock = app.query_one("#clock", Static)
        assert show(clock, plain("9:59 left"))
        await pilot.pause()
        refreshed: list[bool] = []
        original = clock.refresh

        def counting(*args: object, **kwargs: object) -> object:
            refreshed.append(bool(kwargs.get("layout")))
            return original(*args, **kwargs)  # type: ignore[arg-type]

        clock.refresh = counting  # type: ignore[method-assign]
        assert not show(clock, plain("9:59 left"))  # a stopped clock: nothing to draw
        assert refreshed == []
        assert show(clock, plain("9:58 left"))  # a tick: drawn, but the screen keeps its layout
        assert refreshed == [False]
        await pilot.pause()
        assert str(clock.render()) == "9:58 left"


async def test_a_longer_text_is_laid_out_again_and_wraps() -> None:
    app = Narrow()
    async with app.run_test() as pilot:
        clock = app.query_one("#clock", Static)
        show(clock, plain("9:59 left"))
        await pilot.pause()
        assert clock.size.height == 1
        show(clock, plain("9:59 left (the clock is stopped)"))
        await pilot.pause()
        assert clock.size.height > 1  # not cut off at one line


def test_same_shape_means_it_wraps_the_same_way() -> None:
    assert same_shape("10:00 left", "09:59 left")
    assert not same_shape("10:00 left", "9:59 left")  # shorter
    assert not same_shape("ab cd", "abc d")  # the space moved: the words wrap otherwise
    assert not same_shape("ab", "a界")  # a wide character takes two cells
