"""The debrief as a report: Markdown, and a self-contained, printable HTML page.

The HTML is the Markdown rendered by markdown-it (no hand-built markup), wrapped in one
page with its own small stylesheet: no network, no scripts, readable without colour.
"""

from __future__ import annotations

import html
from pathlib import Path

from markdown_it import MarkdownIt

from .debrief import Debrief, change_reason, verdict_word
from .debrief_map import map_lines
from .i18n import t


def _md_escape(text: str) -> str:
    """Content text is literal: characters Markdown would act on are escaped."""
    for char in "\\`*_{}[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def _cell(text: str) -> str:
    return _md_escape(text).replace("\n", " ")


def to_markdown(d: Debrief) -> str:
    lang = d.lang

    def tr(key: str, **params: object) -> str:
        return t(key, lang, **params)

    out: list[str] = [
        f"# {tr('debrief.report_title')}: {_md_escape(d.scenario)}",
        "",
        f"{tr('debrief.role')}: **{_md_escape(d.role)}** · {tr('debrief.turns', n=d.turn)}",
        "",
        f"## {tr('debrief.s_ending')}",
        "",
    ]
    mark = {"best": "★★★", "good": "★★", "mixed": "★", "bad": "✘"}.get(d.ending_rating, "")
    rating = f" ({tr('rating.' + d.ending_rating)})" if d.ending_rating else ""
    out += [f"**{mark} {_md_escape(d.ending_title)}**{rating}", ""]
    if d.ending_text:
        out += [_md_escape(d.ending_text), ""]
    out += [f"- {_md_escape(m)}" for m in d.ending_meaning]
    if d.ending_meaning:
        out.append("")

    out += [f"## {tr('debrief.s_pillars')}", ""]
    for pillar in d.pillars:
        out += [f"### {_md_escape(pillar.name)}: {pillar.score}", ""]
        if not pillar.changes:
            out += [tr("tui.no_changes"), ""]
            continue
        out += [
            f"| {tr('debrief.col_turn')} | ± | {tr('debrief.col_reason')} | "
            f"{tr('debrief.col_source')} |",
            "|---|---|---|---|",
        ]
        out += [
            f"| {c.turn} | {c.delta:+d} | {_cell(change_reason(c, lang))} | "
            f"{_cell(c.source) or '-'} |"
            for c in pillar.changes
        ]
        out.append("")

    if d.learning:
        out += [f"## {tr('debrief.s_learning')}", ""]
        for lo in d.learning:
            text = _md_escape(lo.text.rstrip("."))
            out.append(f"- **{lo.seed}** {text}: {verdict_word(lo.verdict, lang)}")
            out += [f"  - {_md_escape(s)}" for s in lo.shown_by]
        out.append("")

    out += [f"## {tr('debrief.s_map')}", "", "```text", *map_lines(d), "```", ""]

    out += [f"## {tr('debrief.s_missed')}", ""]
    missed = False
    if d.never_found:
        missed = True
        out.append(
            f"- {tr('debrief.never_found', facts=', '.join(map(_md_escape, d.never_found)))}"
        )
    for actor, fact in d.never_passed:
        missed = True
        out.append(
            f"- {tr('debrief.never_passed', actor=_md_escape(actor), fact=_md_escape(fact))}"
        )
    if d.reached_best:
        out.append(f"- {tr('debrief.best_reached')}")
    elif d.best_reachable_until is not None:
        out.append(f"- {tr('debrief.best_until', turn=d.best_reachable_until)}")
    elif d.best_reachable_sure:
        out.append(f"- {tr('debrief.best_never')}")
    else:
        out.append(f"- {tr('debrief.best_unknown')}")
    if not missed and d.reached_best:
        out.append(f"- {tr('debrief.nothing_missed')}")
    out.append("")

    out += [f"## {tr('debrief.s_questions')}", ""]
    out += [f"{i}. {_md_escape(q)}" for i, q in enumerate(d.questions, 1)]
    start = len(d.questions)
    out += [
        f"{start + i}. {_md_escape(q)} ({tr('debrief.from_section', section=s)})"
        for i, (s, q) in enumerate(d.questions_seed, 1)
    ]
    out.append("")

    out += [
        f"## {tr('debrief.s_timeline')}",
        "",
        f"| {tr('debrief.col_turn')} | {tr('debrief.col_who')} | {tr('debrief.col_what')} |",
        "|---|---|---|",
    ]
    for moment in d.timeline:
        who = ", ".join(dict.fromkeys(d.actor_names.get(a, a) for a in moment.actors)) or "-"
        out.append(f"| {moment.turn} | {_cell(who)} | {_cell(moment.text)} |")
    out.append("")
    out.append(f"_{tr('debrief.footer')}_")
    return "\n".join(out) + "\n"


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.45; color: #000; background: #fff; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #000; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #000; }
h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #000; padding: 0.25rem 0.4rem; vertical-align: top;
         text-align: left; font-size: 0.92rem; }
pre { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 0.8rem;
      white-space: pre; overflow-x: auto; border: 1px solid #000; padding: 0.5rem; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               tr { page-break-inside: avoid; } }
"""


def to_html(d: Debrief) -> str:
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(to_markdown(d))
    title = html.escape(f"{t('debrief.report_title', d.lang)}: {d.scenario}")
    return (
        f'<!DOCTYPE html>\n<html lang="{d.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def write_report(d: Debrief, path: Path, fmt: str) -> None:
    from .saves import atomic_write_text

    atomic_write_text(path, to_html(d) if fmt == "html" else to_markdown(d))
