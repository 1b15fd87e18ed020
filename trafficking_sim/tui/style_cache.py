"""A list's component styles kept across focus moves, so a pane switch restyles less.

A pane key moves the focus from one pane's list to another's, and Textual restyles both:
it matches each list's five component classes (the highlighted row, the separators...)
against the whole stylesheet, from the App down, with no cache kept between two
restyles: some 80 % of a focus move's restyle, traced. The component styles depend only
on the stylesheet and on the path to the list (each node's type, id, classes and
pseudo-classes, the focus among them), so a list that has had the focus once and lost
it once has both answers already. They are kept per list and per path, and forgotten
when the stylesheet changes (a theme, high contrast).
"""

from __future__ import annotations

from typing import Any

from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

CACHE_ATTRIBUTE = "_trafficking_component_styles"


class ComponentStyleCache(Stylesheet):
    """Textual's stylesheet, reusing an option list's component styles for a path seen
    before; every other node is styled as Textual does."""

    def _process_component_classes(self, node: DOMNode) -> None:
        if "OptionList" not in node._css_type_names:  # an OptionList or a subclass
            super()._process_component_classes(node)
            return
        key = tuple(
            (type(part), part.id, frozenset(part.classes), part.pseudo_classes)
            for part in node.css_path_nodes
        )
        rules = self.rules_map
        kept: dict[Any, Any] = getattr(node, CACHE_ATTRIBUTE, {})
        if kept.get("rules") is not rules:
            kept = {"rules": rules}  # the stylesheet changed: nothing kept holds
            setattr(node, CACHE_ATTRIBUTE, kept)
        styles = kept.get(key)
        if styles is None:
            super()._process_component_classes(node)
            kept[key] = dict(node._component_styles)
            return
        if node._component_styles != styles:
            node._component_styles.clear()
            node._component_styles.update(styles)
            node.refresh()


def install(stylesheet: Stylesheet) -> None:
    """Make the app's stylesheet keep the lists' component styles (a plain Stylesheet
    put in its place later, as Textual's CSS reload does, keeps none: still correct)."""
    if type(stylesheet) is Stylesheet:
        stylesheet.__class__ = ComponentStyleCache
