"""Lines a timer rewrites every second (a clock, who is connected): drawn again only when
their text changed, and laid out again only when its shape did.

An idle class of six spent about 1% of a core per process redrawing and laying out
whole screens every second to show the same text; a ticking clock now costs one line.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static


def _text(content: object) -> str | None:
    if isinstance(content, Content):
        return content.plain
    return content if isinstance(content, str) else None


def same_shape(old: str, new: str) -> bool:
    """Whether ``new`` takes exactly the room ``old`` took: characters of the same widths,
    with spaces and line breaks in the same places, so that it wraps the same way."""
    return len(old) == len(new) and all(
        a.isspace() == b.isspace() and cell_len(a) == cell_len(b)
        for a, b in zip(old, new, strict=True)
    )


def show(widget: Static, content: str | Content) -> bool:
    """``widget.update(content)`` unless it already shows that text (styles are not
    compared: this is for plain text); False when unchanged."""
    old, new = _text(widget.content), _text(content)
    if old == new and type(widget.content) is type(content):
        return False
    widget.update(content, layout=old is None or new is None or not same_shape(old, new))
    return True
