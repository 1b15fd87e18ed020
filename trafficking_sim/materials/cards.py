"""Printable role cards for the preparation phase: one per role, Markdown and HTML.

The seed's preparation phase hands each group a card with its role and the questions and
challenges it must solve. The card says what the role can and cannot do and what it must
achieve, never what the other groups hold: that is for the game to reveal.
"""

from __future__ import annotations

from pathlib import Path

from ..content import GameContent
from ..i18n import t, tn
from ..play.saves import atomic_write_text
from ..review.report_page import PRINTABLE, html_page, html_pages, md_escape

CHALLENGES = ("cards.goal_trace", "cards.goal_stop", "cards.goal_help", "cards.goal_cooperate")


def card_markdown(content: GameContent, role: str, lang: str) -> str:
    """One role's card."""
    actor = content.actors[role]
    card = actor.card
    assert card is not None, f"{role} is not a role"
    scenario = content.scenario

    def tr(key: str, **params: object) -> str:
        return t(key, lang, **params)

    def bullets(items: list[str]) -> list[str]:
        return [f"- {md_escape(item)}" for item in items] + [""]

    out = [
        f"# {md_escape(actor.name.get(lang))}",
        "",
        f"{tr('cards.scenario')}: **{md_escape(scenario.title.get(lang))}** · "
        + tr(
            "cards.time",
            turns=tn("n.turns", lang, scenario.max_turns),
            days=tn("n.days", lang, scenario.days_per_turn),
        )
        + " · "
        + tr("cards.points", n=actor.action_points),
        "",
        f"_{md_escape(scenario.fiction_note.get(lang))}_",
        "",
        f"## {tr('cards.who')}",
        "",
        md_escape(card.who.get(lang)),
        "",
        f"## {tr('cards.case')}",
        "",
        md_escape(scenario.summary.get(lang)),
        "",
        f"## {tr('cards.task')}",
        "",
        f"**{md_escape((actor.special_task or card.special_task).get(lang))}**",
        "",
        f"## {tr('cards.can')}",
        "",
        *bullets([p.get(lang) for p in card.powers]),
        f"## {tr('cards.cannot')}",
        "",
        *bullets([p.get(lang) for p in card.limits]),
        f"## {tr('cards.channels')}",
        "",
        ", ".join(t(f"channel.{c}", lang) for c in sorted(actor.channels)),
        "",
        f"## {tr('cards.why_others')}",
        "",
        md_escape(card.why_others.get(lang)),
        "",
    ]
    start = [content.facts[f].label.get(lang) for f in actor.knows]
    if start:
        out += [f"## {tr('cards.start')}", "", *bullets(start)]
    objectives = [o for o in content.objectives.values() if o.owner in (role, "shared")]
    out += [f"## {tr('cards.questions')}", ""]
    out += [f"{i}. {tr(key)}" for i, key in enumerate(CHALLENGES, 1)]
    out.append("")
    if objectives:
        out += [f"### {tr('cards.objectives')}", ""]
        out += [
            f"- {'★ ' if o.special_task else ''}{md_escape(o.text.get(lang))}"
            + (f" ({tr('cards.shared')})" if o.owner == "shared" else "")
            for o in objectives
        ]
        out.append("")
    if card.hints:
        out += [f"### {tr('cards.hints')}", "", *bullets([h.get(lang) for h in card.hints])]
    partners = [a.short_name.get(lang) for a in content.actors.values() if a.id != role]
    out += [f"## {tr('cards.partners')}", "", ", ".join(md_escape(p) for p in partners), ""]
    out.append(f"_{tr('cards.footer')}_")
    return "\n".join(out) + "\n"


def write_cards(content: GameContent, lang: str, folder: Path) -> list[Path]:
    """Every role's card as ``<scenario>-<role>-<lang>.md`` and ``.html`` in ``folder``,
    and all of them in ``<scenario>-cards-<lang>.html``, each on its own A4 page, to
    print at once. Files are readable by others (0644)."""
    written = []
    cards = []
    for role in content.roles:
        markdown = card_markdown(content, role, lang)
        cards.append(markdown)
        base = folder / f"{content.id}-{role}-{lang}"
        title = f"{content.actors[role].name.get(lang)}: {content.scenario.title.get(lang)}"
        atomic_write_text(base.with_suffix(".md"), markdown, mode=PRINTABLE)
        page = html_page(markdown, title, lang)
        atomic_write_text(base.with_suffix(".html"), page, mode=PRINTABLE)
        written += [base.with_suffix(".md"), base.with_suffix(".html")]
    every = folder / f"{content.id}-cards-{lang}.html"
    title = f"{t('cards.all', lang)}: {content.scenario.title.get(lang)}"
    atomic_write_text(every, html_pages(cards, title, lang), mode=PRINTABLE)
    return [*written, every]
