"""Talk between groups: chat (to one group or to all) and a shared note per pair of
groups, written as rows of the class log like everything else in a class.

A chat row's body is ``{"chat": {"to": ROLE or "all", "text": ...}}``; a line added to
the note two groups share, ``{"shared": {"with": ROLE, "text": ...}}``. A group sees only
its own conversations: what it wrote, what was written to it or to all, and the notes it
shares. The trainer sees everything, and so does the class debrief after the game.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import t
from ..review.report_page import md_escape
from .store import TRAINER

EVERYONE = "all"
MAX_TEXT = 2000
"""Characters in one chat line or one line of a shared note."""


class TalkFormatError(ValueError):
    """A talk row or command this program will not take."""


@dataclass(frozen=True)
class TalkLine:
    seq: int
    at: float
    author: str  # a role, or TRAINER
    kind: str  # 'chat' | 'shared'
    to: str  # chat: a role or EVERYONE; shared: the other group of the pair
    text: str

    def seen_by(self, role: str) -> bool:
        """Whether ``role``'s group sees this line (TRAINER sees every line)."""
        if role == TRAINER or self.author == role or self.to == role:
            return True
        return self.kind == "chat" and self.to == EVERYONE


def is_talk(body: dict[str, Any]) -> bool:
    return "chat" in body or "shared" in body


def talk_body(kind: str, to: str, text: str) -> dict[str, Any]:
    key = "to" if kind == "chat" else "with"
    return {kind: {key: to, "text": text}}


def check_talk(
    body: dict[str, Any], author: str, seats: tuple[str, ...], seq: int, at: float
) -> TalkLine:
    """The row as a line of talk, or TalkFormatError."""
    if len(body) != 1:
        raise TalkFormatError("a talk row holds one chat line or one shared note line")
    kind, inner = next(iter(body.items()))
    key = "to" if kind == "chat" else "with"
    if kind not in ("chat", "shared") or not isinstance(inner, dict) or set(inner) != {key, "text"}:
        raise TalkFormatError(f"a {kind} row holds {key} and text")
    to, text = inner[key], inner["text"]
    if not isinstance(to, str) or not isinstance(text, str):
        raise TalkFormatError(f"the {key} and text of a {kind} row are text")
    check_text(text)
    if author != TRAINER and author not in seats:
        raise TalkFormatError(f"{author!r} is no seat of this class")
    allowed = set(seats) | ({EVERYONE} if kind == "chat" else set())
    if to not in allowed or to == author:
        raise TalkFormatError(f"{to!r} is no other group of this class")
    if kind == "shared" and author == TRAINER:
        raise TalkFormatError("a shared note belongs to two groups")
    return TalkLine(seq, at, author, kind, to, text)


def check_text(text: str) -> None:
    if not text.strip():
        raise TalkFormatError("an empty line")
    if len(text) > MAX_TEXT:
        raise TalkFormatError(f"more than {MAX_TEXT} characters")
    if any(ch < " " and ch != "\t" for ch in text):
        raise TalkFormatError("control characters")


def talk_text(line: TalkLine, labels: dict[str, str], lang: str) -> str:
    """One line of talk as a group or the trainer reads it."""

    def name(role: str) -> str:
        if role == TRAINER:
            return t("classnet.talk_trainer", lang)
        if role == EVERYONE:
            return t("classnet.talk_everyone", lang)
        return labels.get(role, role)

    key = "classnet.talk_chat" if line.kind == "chat" else "classnet.talk_shared"
    return t(key, lang, who=name(line.author), to=name(line.to), text=line.text)


def talk_markdown(talk: list[TalkLine], labels: dict[str, str], lang: str) -> str:
    """The class's talk for the class debrief: the chat in order, then each shared note."""
    out = [f"## {t('classnet.talk_heading', lang)}", ""]
    chat = [line for line in talk if line.kind == "chat"]
    if not chat:
        out += [t("classnet.no_talk", lang), ""]
    out += [f"- {md_escape(talk_text(line, labels, lang))}" for line in chat]
    pairs: dict[tuple[str, str], list[TalkLine]] = {}
    for line in talk:
        if line.kind == "shared":
            a, b = sorted((line.author, line.to))
            pairs.setdefault((a, b), []).append(line)
    for (a, b), lines in pairs.items():
        title = t("classnet.shared_heading", lang, a=labels.get(a, a), b=labels.get(b, b))
        out += ["", f"### {md_escape(title)}", ""]
        for x in lines:
            out.append(f"- {md_escape(labels.get(x.author, x.author))}: {md_escape(x.text)}")
    return "\n".join(out) + "\n"
