"""The glossary and guide to the legal instruments: searchable, linked from every text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...content.models import CodexEntry
from ..localize import binding
from ..text import linked, plain
from ..widgets.tlabel import TLabel
from .base import BaseScreen


class CodexScreen(BaseScreen[None]):
    BINDINGS = [binding("escape", "app.pop_screen", "back")]

    def __init__(self, entry: str | None = None) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield TLabel("tui.codex_title", id="screen-title", classes="screen-title")
        with Horizontal(classes="chooser"):
            with Vertical(classes="chooser-list"):
                yield Input(id="codex-search")
                yield OptionList(id="codex-list")
            with VerticalScroll(classes="chooser-detail"):
                yield Static(id="codex-entry")
        yield Footer()

    def refresh_language(self) -> None:
        self.query_one("#codex-search", Input).placeholder = self.tr("tui.codex_search")
        self._fill()

    def _fill(self) -> None:
        options = self.query_one("#codex-list", OptionList)
        options.clear_options()
        codex = self.game.codex
        if codex is None:
            options.add_option(Option(plain(self.tr("tui.loading")), disabled=True))
            return
        words = self.query_one("#codex-search", Input).value.strip().lower()
        lang = self.lang
        entries = sorted(codex.entries, key=lambda e: e.term.get(lang).lower())

        def rank(entry: CodexEntry) -> int:
            """0: the name matches, 1: another name does, 2: the text does, 3: no match."""
            if not words or words in entry.term.get(lang).lower():
                return 0
            if any(words in a.get(lang).lower() for a in entry.also):
                return 1
            return 2 if words in entry.text.get(lang).lower() else 3

        shown = sorted((e for e in entries if rank(e) < 3), key=rank)
        for entry in shown:
            options.add_option(Option(Content(entry.term.get(lang)), id=entry.id))
        if not shown:
            options.add_option(Option(plain(self.tr("tui.codex_nothing")), disabled=True))
            return
        ids = [e.id for e in shown]
        index = ids.index(self.entry) if self.entry in ids else 0
        options.highlighted = index
        self._show(ids[index])

    def show_entry(self, entry: str) -> None:
        self.entry = entry
        self.query_one("#codex-search", Input).value = ""
        self._fill()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show(event.option.id)

    def _show(self, entry_id: str) -> None:
        codex = self.game.codex
        if codex is None:
            return
        self.entry = entry_id
        entry = next(e for e in codex.entries if e.id == entry_id)
        lang = self.lang
        rows = [entry.term.get(lang), self.tr(f"codex.{entry.category}"), "", entry.text.get(lang)]
        if entry.also:
            rows += [
                "",
                self.tr("tui.codex_also", names=", ".join(other_names(entry, lang))),
            ]
        if entry.see:
            names = {e.id: e.term.get(lang) for e in codex.entries}
            rows += ["", self.tr("tui.codex_see", names=", ".join(names[s] for s in entry.see))]
        if entry.sources:
            rows += ["", self.tr("tui.codex_sources")]
            rows += [f"  • {s.get(lang)}" for s in entry.sources]
        self.query_one("#codex-entry", Static).update(
            linked("\n".join(rows), self.game.term_index())
        )


def other_names(entry: CodexEntry, lang: str) -> list[str]:
    """The entry's other names once each: the aliases also serve to find the term in
    texts, so they repeat it in other capitals (and, in Slovene, other cases)."""
    seen = {entry.term.get(lang).casefold()}
    names = []
    for alias in entry.also:
        name = alias.get(lang)
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names
