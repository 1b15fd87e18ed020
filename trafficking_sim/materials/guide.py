"""The codex as a printable guide to the protocols, conventions and bodies of cooperation.

The seed's materials list asks for a guide to the international protocols and
conventions; the glossary the game links to already holds it, checked against the fact
sheet, so the guide prints that, grouped by what each entry is.
"""

from __future__ import annotations

from pathlib import Path

from ..content.models import Codex
from ..i18n import t
from ..play.saves import atomic_write_text
from ..review.report_page import PRINTABLE, html_page, md_escape, slug

ORDER = ("instrument", "principle", "organisation", "agency", "tool", "term")


def guide_markdown(codex: Codex, lang: str) -> str:
    names = {e.id: e.term.get(lang) for e in codex.entries}
    out = [f"# {t('guide.title', lang)}", "", t("guide.intro", lang), ""]
    # The contents: each kind of entry and its entries, linked in the HTML.
    out += [f"## {t('guide.contents', lang)}", ""]
    for category in ORDER:
        entries = sorted(
            (e for e in codex.entries if e.category == category),
            key=lambda e: e.term.get(lang).casefold(),
        )
        if not entries:
            continue
        heading = t(f"guide.cat_{category}", lang)
        out.append(f"- [{md_escape(heading)}](#{slug(heading)})")
        out += [f"  - [{md_escape(e.term.get(lang))}](#{slug(e.term.get(lang))})" for e in entries]
    out.append("")
    for category in ORDER:
        entries = sorted(
            (e for e in codex.entries if e.category == category),
            key=lambda e: e.term.get(lang).casefold(),
        )
        if not entries:
            continue
        out += [f"## {t(f'guide.cat_{category}', lang)}", ""]
        for entry in entries:
            out += [f"### {md_escape(entry.term.get(lang))}", ""]
            out += [md_escape(entry.text.get(lang)), ""]
            if entry.sources:
                sources = "; ".join(s.get(lang) for s in entry.sources)
                out.append(t("guide.sources", lang, sources=md_escape(sources)))
                out.append("")
            if entry.see:
                see = ", ".join(md_escape(names[s]) for s in entry.see if s in names)
                out += [t("guide.see", lang, entries=see), ""]
    out.append(f"_{t('guide.footer', lang)}_")
    return "\n".join(out) + "\n"


def write_guide(codex: Codex, lang: str, folder: Path) -> list[Path]:
    markdown = guide_markdown(codex, lang)
    base = folder / f"guide-{lang}"
    page = html_page(markdown, t("guide.title", lang), lang, anchors=True)
    atomic_write_text(base.with_suffix(".md"), markdown, mode=PRINTABLE)
    atomic_write_text(base.with_suffix(".html"), page, mode=PRINTABLE)
    return [base.with_suffix(".md"), base.with_suffix(".html")]
