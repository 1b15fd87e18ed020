"""The class debrief: every group's review side by side, for the reflection phase.

Built from the same per-group debriefs the game shows, so a group's line here says what
its own review says: what it earned on each pillar, its objectives, whom it exchanged
with, what it missed, and its cooperation map.
"""

from __future__ import annotations

from ..content.logic import PILLARS
from ..i18n import t
from ..play.session import Session
from ..review.debrief import Debrief, build_debrief, class_learning, question_origin
from ..review.debrief_map import map_lines
from ..review.debrief_report import learning_markdown
from ..review.report_page import md_cell, md_escape
from .league import league, ledger


def group_debriefs(session: Session, lang: str) -> dict[str, Debrief]:
    return {
        role: build_debrief(session, lang, search=False, role=role) for role in session.state.played
    }


def class_debrief_markdown(session: Session, lang: str) -> str:
    content, state = session.content, session.state

    def tr(key: str, **params: object) -> str:
        return t(key, lang, **params)

    reviews = group_debriefs(session, lang)
    first = next(iter(reviews.values()))
    out = [
        f"# {tr('class.title')}: {md_escape(content.scenario.title.get(lang))}",
        "",
        f"**{md_escape(first.ending_title)}**"
        + (f" ({tr('rating.' + first.ending_rating)})" if first.ending_rating else ""),
        "",
    ]
    if first.ending_text:
        out += [md_escape(first.ending_text), ""]
    out += [f"## {tr('class.league')}", ""]
    out += [
        f"| # | {tr('class.group')} | {tr('class.points')} | {tr('class.gained')} | "
        f"{tr('class.lost')} | {tr('class.objectives')} |",
        "|---|---|---|---|---|---|",
    ]
    for place, row in enumerate(league(session), 1):
        star = " ★" if row.special_task else ""
        out.append(
            f"| {place} | {md_cell(row.label)} | {row.points} | +{row.gained} | {row.lost} | "
            f"{len(row.objectives)}{star} |"
        )
    out += ["", f"## {tr('class.pillars')}", ""]
    names = [t(f"pillar.{p}", lang) for p in PILLARS]
    out += [
        f"| {tr('class.group')} | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(PILLARS),
    ]
    for role in state.played:
        sums = ledger(session, role).pillars
        out.append(
            f"| {md_cell(session.group_label(role))} | "
            + " | ".join(f"{sums[p]:+d}" for p in PILLARS)
            + " |"
        )
    out += ["", tr("class.pillars_note"), ""]
    out += learning_markdown(class_learning(session, lang), lang)
    for role, review in reviews.items():
        out += [
            f"## {md_escape(session.group_name(role))}: {md_escape(review.role)}",
            "",
        ]
        sent = [m for m in state.messages if m.sender == role]
        partners = sorted({r for m in sent for r in m.recipients})
        out.append(
            "- "
            + tr(
                "class.exchanges",
                n=len(sent),
                partners=", ".join(review.actor_names[p] for p in partners) or "-",
            )
        )
        if review.never_found:
            out.append(
                "- "
                + tr("debrief.never_found", facts=", ".join(map(md_escape, review.never_found)))
            )
        for actor, fact, key in review.never_passed:
            out.append("- " + tr(key, actor=md_escape(actor), fact=md_escape(fact)))
        out += ["", "```text", *map_lines(review), "```", ""]
    notes = [e.data["text"] for e in session.events if e.kind == "trainer_note"]
    if notes:
        out += [f"## {tr('class.notes')}", "", *[f"- {md_escape(n)}" for n in notes], ""]
    out += [f"## {tr('debrief.s_questions')}", ""]
    out += [
        f"{i}. {md_escape(q.text.get(lang))} ({question_origin(q.section, lang)})"
        for i, q in enumerate(content.scenario.debrief.questions, 1)
    ]
    out += ["", f"_{tr('debrief.footer')}_"]
    return "\n".join(out) + "\n"
