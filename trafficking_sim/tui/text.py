"""Content-safe text for the screen: literal, with glossary terms turned into links.

This is the one way text reaches Textual and Rich. Text from scenario files, saves,
players and the catalogue is never parsed as markup, so a '[' is just a '[': a role
named ``[@click=app.quit]`` is a name, not a button, and ``[/tmp]`` is a folder, not an
error. Give widgets ``plain(text)`` (or ``linked``/``lines``), never a bare string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.text import Text as RichText
from textual.content import Content
from textual.markup import escape
from textual.style import Style

LINK_STYLE = Style(underline=True, bold=True)


class TermIndex:
    """Finds glossary terms in a text, longest first, as whole words."""

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        pairs = sorted(
            {(term, entry) for term, entry in terms if len(term) >= 2}, key=lambda p: -len(p[0])
        )
        self._entry = {term: entry for term, entry in pairs}
        if pairs:
            alternatives = "|".join(re.escape(term) for term, _ in pairs)
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<![\w/])(?:{alternatives})(?![\w/])"
            )
        else:
            self._pattern = None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), self._entry[m.group(0)]) for m in self._pattern.finditer(text)]


EMPTY_INDEX = TermIndex(())


def plain(text: str | Content) -> Content:
    """Text shown exactly as it is written: markup in it is just characters."""
    return text if isinstance(text, Content) else Content(str(text))


def plain_rich(text: str) -> RichText:
    """The same literal text for a RichLog, which wraps Rich's own Text (and not a
    Content) to its width."""
    return RichText(str(text))


def linked(text: str, index: TermIndex = EMPTY_INDEX) -> Content:
    """Literal text where each glossary term opens its entry when clicked."""
    content = Content(text)
    for start, end, entry in index.find(text):
        style = LINK_STYLE + Style.from_meta({"@click": f"app.codex({entry!r})"})
        content = content.stylize(style, start, end)
    return content


def lines(*parts: Content | str) -> Content:
    """Join pieces into lines; plain strings are taken literally."""
    pieces = [p if isinstance(p, Content) else Content(p) for p in parts]
    return Content("\n").join(pieces)


def palette_text(text: str) -> str:
    """Text for Textual's command palette, which takes names and help as strings (it
    matches the letters typed against them) and reads them as markup: escaped, so a '['
    in a catalogue's words is shown as written."""
    return escape(str(text))
