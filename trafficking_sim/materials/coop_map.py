"""The map of international cooperation for a scenario, as an SVG picture.

The seed's materials list asks for a graphic of the structures of cooperation. States A,
B and C stand side by side with their services; the European and international bodies
sit above them. Each secure channel runs to its hub (SIENA to Europol, I-24/7 to
Interpol, judicial cooperation to Eurojust), in a line style that reads in black and
white. Direct contact links everyone, so it is said in words; only the roles that have
nothing but direct contact (the NGO, UNODC) get their links to the other roles drawn, so
that every group finds its own lines. The picture is an A4 page in landscape, with a
legend of every line and box.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..content import GameContent
from ..i18n import t
from ..play.saves import atomic_write_text

WIDTH, HEIGHT = 1188, 840  # A4 landscape (297 x 210 mm), 4 units a millimetre
BOX_W, BOX_H = 156, 46
HUBS = {"siena": "europol", "i24_7": "interpol", "judicial": "eurojust"}
STYLE = {  # stroke width, dash pattern: distinguishable without colour
    "siena": ("3", ""),
    "i24_7": ("2", "8 5"),
    "judicial": ("2", "2 4"),
    "direct": ("1.5", "12 3 2 3"),
}


def _text(parent: ET.Element, x: float, y: float, words: str, **attrs: str) -> None:
    element = ET.SubElement(
        parent, "text", x=f"{x:.0f}", y=f"{y:.0f}", attrib={"font-size": "14", **attrs}
    )
    element.text = words


def _channel_line(
    parent: ET.Element, channel: str, x1: float, y1: float, x2: float, y2: float
) -> ET.Element:
    """A line in the channel's style (width and dashes, so it reads in black and white)."""
    width, dash = STYLE[channel]
    line = ET.SubElement(
        parent,
        "line",
        x1=f"{x1:.0f}",
        y1=f"{y1:.0f}",
        x2=f"{x2:.0f}",
        y2=f"{y2:.0f}",
        stroke="#000",
        attrib={"stroke-width": width},
    )
    if dash:
        line.set("stroke-dasharray", dash)
    return line


def _layout(content: GameContent) -> dict[str, tuple[float, float]]:
    """Where each actor's box goes: international bodies on top, states below."""
    places: dict[str, tuple[float, float]] = {}
    top = [a for a in content.actors.values() if a.state is None]
    rows = [top[:7], top[7:]]  # a second row only for a crowded scenario
    for r, row in enumerate(rows):
        step = (WIDTH - 40 - BOX_W) / max(1, len(row) - 1)
        for i, actor in enumerate(row):
            x = 20 + step * i if len(row) > 1 else (WIDTH - BOX_W) / 2
            places[actor.id] = (x, 100 + 64 * r)
    states = sorted(content.scenario.states)
    column = WIDTH / max(1, len(states))
    for c, code in enumerate(states):
        members = sorted(
            (a for a in content.actors.values() if a.state == code),
            key=lambda a: -len(a.channels & HUBS.keys()),  # lines to the top meet these first
        )
        for r, actor in enumerate(members):
            places[actor.id] = (column * c + (column - BOX_W) / 2, 380 + r * 74)
    return places


def map_svg(content: GameContent, lang: str) -> str:
    svg = ET.Element(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        width="297mm",
        height="210mm",
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        attrib={"font-family": "DejaVu Sans, Arial, sans-serif"},
    )
    title = t("map.title", lang, scenario=content.scenario.title.get(lang))
    ET.SubElement(svg, "title").text = title
    # Printed from a browser, the picture is one A4 page in landscape, edge to edge.
    ET.SubElement(svg, "style").text = "@page { size: A4 landscape; margin: 0; }"
    ET.SubElement(svg, "rect", width=str(WIDTH), height=str(HEIGHT), fill="#ffffff")
    _text(svg, 20, 32, title, **{"font-size": "20"})
    _text(svg, 20, 80, t("map.international", lang), **{"font-weight": "bold"})
    states = sorted(content.scenario.states)
    column = WIDTH / max(1, len(states))
    for c in range(len(states)):
        ET.SubElement(
            svg,
            "rect",
            x=f"{column * c + 8:.0f}",
            y="320",
            width=f"{column - 16:.0f}",
            height="370",
            fill="none",
            stroke="#000",
            attrib={"stroke-dasharray": "1 3"},
        )
    places = _layout(content)
    centre = {a: (x + BOX_W / 2, y + BOX_H / 2) for a, (x, y) in places.items()}
    for actor in content.actors.values():
        for channel, hub in HUBS.items():
            if actor.id == hub or hub not in centre or channel not in actor.channels:
                continue
            line = _channel_line(svg, channel, *centre[actor.id], *centre[hub])
            ET.SubElement(
                line, "title"
            ).text = f"{actor.short_name.get(lang)} – {t(f'channel.{channel}', lang)}"
    roles = [content.actors[r] for r in content.roles]
    for actor in roles:
        if actor.channels & HUBS.keys() or "direct" not in actor.channels:
            continue
        # A role with direct contact only: its links to the other roles, drawn.
        for other in roles:
            if other.id != actor.id and "direct" in other.channels:
                line = _channel_line(svg, "direct", *centre[actor.id], *centre[other.id])
                ET.SubElement(line, "title").text = (
                    f"{actor.short_name.get(lang)} – {other.short_name.get(lang)}: "
                    + t("channel.direct", lang)
                )
    for c, code in enumerate(states):
        info = content.scenario.states[code]
        heading = f"{info.name.get(lang)} ({t(f'map.part_{info.part}', lang)})"
        ET.SubElement(
            svg,
            "rect",
            x=f"{column * c + 14:.0f}",
            y="330",
            width=f"{9 * len(heading) + 12}",
            height="26",
            fill="#ffffff",
        )
        _text(svg, column * c + 20, 348, heading, **{"font-weight": "bold"})
    for actor_id, (x, y) in places.items():
        actor = content.actors[actor_id]
        group = ET.SubElement(svg, "g")
        ET.SubElement(
            group,
            "rect",
            x=f"{x:.0f}",
            y=f"{y:.0f}",
            width=str(BOX_W),
            height=str(BOX_H),
            rx="6",
            fill="#ffffff" if actor.kind == "agency" else "#eeeeee",
            stroke="#000",
            attrib={"stroke-width": "2" if actor.kind == "role" else "1"},
        )
        _text(group, x + 8, y + 20, actor.short_name.get(lang)[:20])
        channels = ", ".join(
            t(f"map.short_{c}", lang) for c in sorted(actor.channels) if c != "direct"
        )
        _text(group, x + 8, y + 38, channels or t("map.direct_only", lang), **{"font-size": "10"})
    # The legend: every kind of line, and the two kinds of box.
    legend_y = HEIGHT - 112
    _text(svg, 20, legend_y, t("map.legend", lang), **{"font-weight": "bold"})
    x = 20.0
    for channel in (*HUBS, "direct"):
        _channel_line(svg, channel, x, legend_y + 22, x + 40, legend_y + 22)
        _text(svg, x + 48, legend_y + 26, t(f"channel.{channel}", lang), **{"font-size": "12"})
        x += 290
    for i, (kind, fill, width) in enumerate((("role", "#eeeeee", "2"), ("agency", "#ffffff", "1"))):
        ET.SubElement(
            svg,
            "rect",
            x=f"{20 + 580 * i}",
            y=f"{legend_y + 38}",
            width="40",
            height="18",
            rx="4",
            fill=fill,
            stroke="#000",
            attrib={"stroke-width": width},
        )
        _text(svg, 68 + 580 * i, legend_y + 52, t(f"map.box_{kind}", lang), **{"font-size": "12"})
    _text(svg, 20, legend_y + 80, t("map.legend_direct", lang), **{"font-size": "12"})
    ET.indent(svg)
    return ET.tostring(svg, encoding="unicode") + "\n"


def write_map(content: GameContent, lang: str, path: Path) -> None:
    """The map as an SVG file readable by others (0644)."""
    from ..review.report_page import PRINTABLE

    atomic_write_text(path, map_svg(content, lang), mode=PRINTABLE)
