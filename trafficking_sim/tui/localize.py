"""Translating what Textual shows on its own: binding descriptions in the footer and help."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from ..i18n import has, t


def binding(
    key: str,
    action: str,
    ident: str,
    *,
    show: bool = True,
    priority: bool = False,
    key_display: str | None = None,
) -> Binding:
    """A binding whose footer text is the catalogue entry ``key.<ident>``."""
    return Binding(
        key,
        action,
        t(f"key.{ident}", "en"),
        show=show,
        id=ident,
        priority=priority,
        key_display=key_display,
    )


def localize_bindings(node: DOMNode, lang: str) -> None:
    """Give every binding of ``node`` the description of its id in ``lang``."""
    mapping = node._bindings.key_to_bindings
    for key, bindings in mapping.items():
        mapping[key] = [
            replace(b, description=t(f"key.{b.id}", lang)) if b.id and has(f"key.{b.id}") else b
            for b in bindings
        ]


def localize_widgets(node: DOMNode, lang: str) -> None:
    """Textual's own words inside widgets (the prompt of an empty choice, "Select") and
    every label that knows its catalogue key (TLabel)."""
    from textual.widgets import Select

    from .widgets.tlabel import TLabel

    for select in node.query(Select):
        select.prompt = t("tui.select_prompt", lang)
    for label in node.query(TLabel):
        label.relabel(lang)
