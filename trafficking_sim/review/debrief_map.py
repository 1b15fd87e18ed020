"""The cooperation map as text: the player in the middle, a spoke to every partner.

Solid spokes (━) are exchanges that happened, with their channel and count; dotted ones
(┈) are links that would have carried a fact someone needed and were never used. The
words say it too, so the map reads in black and white, on a projector or a printout.
"""

from __future__ import annotations

import textwrap

from ..engine import GameState
from ..i18n import t, tn
from .debrief import Debrief, Link

WIDTH = 78


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def message_counts(state: GameState, role: str) -> tuple[int, int]:
    """How many messages ``role`` sent and received, on every channel: one count for the
    SIENA pane's inbox and outbox and the debrief, so that they always agree (a message to
    three partners is one message sent)."""
    sent = sum(1 for m in state.messages if m.sender == role)
    received = sum(1 for m in state.messages if role in m.recipients)
    return sent, received


def counts_line(state: GameState, role: str, lang: str) -> str:
    return counts_text(*message_counts(state, role), lang)


def counts_text(sent: int, received: int, lang: str) -> str:
    """ "You sent N messages and received M", in ``lang`` with its plural forms."""
    return t(
        "debrief.map_counts",
        lang,
        sent=tn("n.messages", lang, sent),
        received=tn("n.messages", lang, received),
    )


def map_lines(debrief: Debrief, width: int = WIDTH, state: GameState | None = None) -> list[str]:
    """The map; with the game's ``state``, a line of messages sent and received under it."""
    lang, me = debrief.lang, debrief.role_id
    names = debrief.actor_names
    mine: dict[str, list[Link]] = {}
    between: list[Link] = []
    for link in debrief.links:
        if me in (link.a, link.b):
            other = link.b if link.a == me else link.a
            mine.setdefault(other, []).append(link)
        elif link.used:
            between.append(link)
    label_width = min(24, max((len(names[a]) for a in names if a != me), default=10))
    box = _shorten(names[me], 30)
    indent = label_width + 4
    lines = [
        " " * indent + "┌" + "─" * (len(box) + 2) + "┐",
        " " * indent + f"│ {box} │  {t('debrief.map_you', lang)}",
        " " * indent
        + "└"
        + "─" * ((len(box) + 2) // 2)
        + "┬"
        + "─" * (len(box) + 1 - (len(box) + 2) // 2)
        + "┘",
    ]
    hub = indent + 1 + (len(box) + 2) // 2
    others = sorted(
        (a for a in names if a != me),
        key=lambda a: (
            not any(link.used for link in mine.get(a, [])),
            a not in mine,
            -sum(link.count for link in mine.get(a, [])),
            names[a],
        ),
    )
    for actor in others:
        label = _shorten(names[actor], label_width).ljust(label_width)
        links = mine.get(actor, [])
        used = [link for link in links if link.used]
        unused = [link for link in links if not link.used]
        if used:
            # An exchange made by the scenario's rules has no channel; it is named in words.
            what = "; ".join(
                t(f"channel.{link.channel}" if link.channel != "rule" else "debrief.map_rule", lang)
                + f" ×{link.count}"
                for link in used
            )
            spoke, joint, trunk = f"{label} ◀" + "━" * (hub - label_width - 2), "┫", "┃"
        elif unused:
            facts = ", ".join(debrief.fact_names.get(f, f) for f in unused[0].facts)
            what = t("debrief.map_unused", lang, facts=facts)
            spoke, joint, trunk = f"{label} ◁" + "┈" * (hub - label_width - 2), "┊", "┊"
        else:
            what = t("debrief.map_none", lang)
            spoke, joint, trunk = f"{label}  " + " " * (hub - label_width - 2), "│", "│"
        # What went along a spoke wraps beside the trunk, never cut in the middle of a name.
        said = textwrap.wrap(what, max(12, width - hub - 2)) or [""]
        lines.append(f"{spoke}{joint} {said[0]}")
        lines += [" " * hub + f"{trunk} {more}" for more in said[1:]]
    lines.append(" " * hub + "╵")
    if state is not None:
        lines += textwrap.wrap(counts_line(state, me, lang), width)
    if between:
        lines.append(t("debrief.map_between", lang))
        for link in between:
            pair = f"{names[link.a]} ━━ {names[link.b]}"
            lines += textwrap.wrap(pair, width, initial_indent="  ", subsequent_indent="    ")
    lines += textwrap.wrap(t("debrief.map_legend", lang), width)
    return lines
