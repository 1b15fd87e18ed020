"""The debrief as a report: Markdown, and the same as a self-contained, printable HTML page."""

from __future__ import annotations

from pathlib import Path

from ..i18n import t
from .debrief import Debrief, Learning, best_reach_key, change_reason, verdict_word
from .debrief_map import counts_text, map_lines
from .report_page import html_page, md_cell, md_escape


def learning_markdown(learning: list[Learning], lang: str) -> list[str]:
    """The section on the learning objectives of 7.2 (none if the scenario maps none)."""
    if not learning:
        return []
    out = [f"## {t('debrief.s_learning', lang)}", ""]
    for lo in learning:
        text = md_escape(lo.text.rstrip("."))
        out.append(f"- **{lo.seed}** {text}: {verdict_word(lo.verdict, lang)}")
        out += [f"  - {md_escape(s)}" for s in lo.shown_by]
    return [*out, ""]


def to_markdown(d: Debrief) -> str:
    lang = d.lang

    def tr(key: str, **params: object) -> str:
        return t(key, lang, **params)

    out: list[str] = [
        f"# {tr('debrief.report_title')}: {md_escape(d.scenario)}",
        "",
        f"{tr('debrief.role')}: **{md_escape(d.role)}** · {tr('debrief.turns', n=d.turn)}",
        "",
        f"## {tr('debrief.s_ending')}",
        "",
    ]
    mark = {"best": "★★★", "good": "★★", "mixed": "★", "bad": "✘"}.get(d.ending_rating, "")
    rating = f" ({tr('rating.' + d.ending_rating)})" if d.ending_rating else ""
    out += [f"**{mark} {md_escape(d.ending_title)}**{rating}", ""]
    if d.ending_text:
        out += [md_escape(d.ending_text), ""]
    if d.rating_costs:
        out.append(
            tr(
                "event.rated",
                rating=tr(f"rating.{d.ending_rating}"),
                plot=tr(f"rating.{d.plot_rating}"),
            )
        )
        out += [""] + [f"- {md_escape(line.strip().removeprefix('- '))}" for line in d.rating_costs]
        out.append("")
    out += [f"- {md_escape(m)}" for m in d.ending_meaning]
    if d.ending_meaning:
        out.append("")

    out += [f"## {tr('debrief.s_pillars')}", ""]
    for pillar in d.pillars:
        out += [f"### {md_escape(pillar.name)}: {pillar.score}", ""]
        if not pillar.changes:
            out += [tr("tui.no_changes"), ""]
            continue
        out += [
            f"| {tr('debrief.col_turn')} | ± | {tr('debrief.col_reason')} | "
            f"{tr('debrief.col_source')} |",
            "|---|---|---|---|",
        ]
        out += [
            f"| {c.turn} | {c.delta:+d} | {md_cell(change_reason(c, lang))} | "
            f"{md_cell(c.source) or '-'} |"
            for c in pillar.changes
        ]
        out.append("")

    out += learning_markdown(d.learning, lang)

    out += [f"## {tr('debrief.s_map')}", "", "```text", *map_lines(d), "```", ""]
    if d.messages is not None:  # the line the game's map shows under it
        out += [md_escape(counts_text(*d.messages, lang)), ""]

    out += [f"## {tr('debrief.s_missed')}", ""]
    missed = False
    if d.never_found:
        missed = True
        out.append(f"- {tr('debrief.never_found', facts=', '.join(map(md_escape, d.never_found)))}")
    for actor, fact, key in d.never_passed:
        missed = True
        out.append(f"- {tr(key, actor=md_escape(actor), fact=md_escape(fact))}")
    out.append(f"- {tr(best_reach_key(d), turn=d.best_reachable_until)}")
    if not missed and d.reached_best:
        out.append(f"- {tr('debrief.nothing_missed')}")
    out.append("")

    out += [f"## {tr('debrief.s_questions')}", ""]
    out += [f"{i}. {md_escape(q)}" for i, q in enumerate(d.questions, 1)]
    start = len(d.questions)
    out += [
        f"{start + i}. {md_escape(q)} ({md_escape(s)})"
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
        out.append(f"| {moment.turn} | {md_cell(who)} | {md_cell(moment.text)} |")
    out.append("")
    out.append(f"_{tr('debrief.footer')}_")
    return "\n".join(out) + "\n"


def to_html(d: Debrief) -> str:
    return html_page(to_markdown(d), f"{t('debrief.report_title', d.lang)}: {d.scenario}", d.lang)


def write_report(d: Debrief, path: Path, fmt: str) -> None:
    from ..play.saves import atomic_write_text
    from .report_page import PRINTABLE

    atomic_write_text(path, to_html(d) if fmt == "html" else to_markdown(d), mode=PRINTABLE)
