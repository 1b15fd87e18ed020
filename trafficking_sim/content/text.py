"""Bilingual texts with stable ids, so translations can be checked and survive edits."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PrivateAttr, WithJsonSchema

LANGUAGES: tuple[str, ...] = ("en", "sl")
LANGUAGE_NAMES = {"en": "English", "sl": "Slovenščina"}


class LocalText(BaseModel):
    """One human-readable text in every language the content offers.

    Written inline as ``{en: ..., sl: ...}`` (its id is then the path of the field, such as
    ``facts.plate.text``) or as the id of an entry in the file's ``texts:`` table.
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    en: str | None = None
    sl: str | None = None

    _id: str = PrivateAttr(default="")
    _ref: str | None = PrivateAttr(default=None)

    @property
    def id(self) -> str:
        # Read the private slot directly: pydantic's attribute fallback is slow, and the
        # engine asks for text ids on every reply.
        private = self.__pydantic_private__
        return private["_id"] if private else ""

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to English, then to any language."""
        value = getattr(self, lang, None) or self.en or self.sl
        return value or ""

    def languages(self) -> set[str]:
        return {lang for lang in LANGUAGES if getattr(self, lang)}

    @classmethod
    def literal(cls, en: str, sl: str, text_id: str = "") -> LocalText:
        text = cls(en=en, sl=sl)
        text._id = text_id
        return text


def _accept_reference(value: Any) -> Any:
    if isinstance(value, str):
        text = LocalText()
        text._ref = value
        return text
    return value


_TEXT_SCHEMA = {
    "anyOf": [
        {
            "type": "object",
            "properties": {
                "en": {"type": "string", "description": "English"},
                "sl": {"type": "string", "description": "Slovene (slovenščina)"},
            },
            "additionalProperties": False,
            "description": "The text in each language.",
        },
        {"type": "string", "description": "The id of an entry in this file's 'texts:' table."},
    ]
}

Text = Annotated[LocalText, BeforeValidator(_accept_reference), WithJsonSchema(_TEXT_SCHEMA)]
"""A bilingual text field: ``{en: ..., sl: ...}`` or a ``texts:`` id."""
