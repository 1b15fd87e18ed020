"""Markdown for reports and printouts, and the one self-contained HTML page they become.

Content text is literal: ``md_escape`` keeps Markdown from acting on it. The HTML is the
Markdown rendered by markdown-it (raw HTML off), in a page with its own small stylesheet:
no network, no scripts, readable in black and white and when printed.
"""

from __future__ import annotations

import datetime as dt
import html
import unicodedata
from pathlib import Path

from markdown_it import MarkdownIt

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
hr { border: 0; border-top: 1px dashed #000; margin: 2rem 0; }
nav ul { columns: 2; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h1, h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  table { table-layout: fixed; }
  th, td { overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow: visible; font-size: 7.5pt; }
  .page + .page { break-before: page; }
}
"""

PRINTABLE = 0o644
"""Printouts and reports are for others to read (the other trainers, a print server)."""


def md_escape(text: str) -> str:
    """Escape the characters Markdown would act on, so content shows as written."""
    for char in "\\`*_{}[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def md_cell(text: str) -> str:
    """Text for one table cell: escaped, on one line."""
    return md_escape(text).replace("\n", " ")


def slug(text: str) -> str:
    """An id for a heading: its words in plain letters (ž as z), lower case, joined by
    hyphens, so that a link to it needs no escaping."""
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in plain).split()
    return "-".join(words) or "section"


def _render(markdown: str, anchors: bool = False) -> str:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    if not anchors:
        return str(md.render(markdown))
    # Headings get ids, so that a table of contents can link to them.
    tokens = md.parse(markdown)
    used: set[str] = set()
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            ident = base = slug(tokens[i + 1].content)
            n = 2
            while ident in used:
                ident, n = f"{base}-{n}", n + 1
            used.add(ident)
            token.attrSet("id", ident)
    return str(md.renderer.render(tokens, md.options, {}))


def html_page(markdown: str, title: str, lang: str, *, anchors: bool = False) -> str:
    """One printable (A4), self-contained HTML page from Markdown; ``anchors`` gives its
    headings ids for a table of contents."""
    return html_pages([markdown], title, lang, anchors=anchors)


def html_pages(markdowns: list[str], title: str, lang: str, *, anchors: bool = False) -> str:
    """Several printouts in one file, each starting on a new A4 page (every role's card,
    to print them at once)."""
    if len(markdowns) == 1:
        body = _render(markdowns[0], anchors)
    else:
        body = "".join(
            f'<section class="page">\n{_render(m, anchors)}</section>\n' for m in markdowns
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def write_report_pair(name: str, markdown: str, title: str, lang: str) -> Path:
    """Save a report as Markdown and HTML in the reports folder; returns the HTML's path.

    The name gets the time, so a report never replaces an earlier one.
    """
    from .. import paths
    from ..play.saves import atomic_write_text

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = paths.user_data_dir() / "reports" / f"{name}-{stamp}"
    atomic_write_text(base.with_suffix(".md"), markdown, mode=PRINTABLE)
    atomic_write_text(base.with_suffix(".html"), html_page(markdown, title, lang), mode=PRINTABLE)
    return base.with_suffix(".html")
