"""Check lists and radio buttons that show their state as a symbol.

Textual draws a selected and an unselected box with the same character in two colours;
on a projector or for a colour-blind learner that is not enough, so these draw ✔ or ●
only when chosen.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import RadioButton, Select, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from ..text import plain


class CheckList(SelectionList[str]):
    """A SelectionList whose boxes read ✔ when chosen and stay empty otherwise."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        mark = "✔" if option.value in self._selected else " "
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)


class MarkedRadioButton(RadioButton):
    """A radio button whose dot is drawn only when it is the chosen one."""

    @property
    def _button(self) -> Content:
        button_style = self.get_visual_style("toggle--button")
        side = Style(foreground=button_style.background, background=self.background_colors[1])
        inner = self.BUTTON_INNER if self.value else " "
        return Content.assemble(
            (self.BUTTON_LEFT, side), (inner, button_style), (self.BUTTON_RIGHT, side)
        )


def relabel(select: Select[str], options: list[tuple[str, str]], value: str) -> None:
    """Give a Select new labels (another language) and keep its value, shown in the new words.

    Select redraws its current label only when the value changes, so the value is moved
    away and back.
    """
    select.set_options([(plain(label), value) for label, value in options])
    others = [v for _, v in options if v != value]
    if others:
        select.value = others[0]
    select.value = value
