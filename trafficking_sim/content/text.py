"""Texts keyed by language code, with stable ids so translations can be checked and kept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)

from ..i18n import language_name, languages

LANGUAGE_CODE = r"^[a-z]{2,3}(_[A-Z]{2})?$"
"""A language code as the locale folders name them: ``en``, ``sl``, ``pt_BR``."""
_CODE = re.compile(LANGUAGE_CODE)

SOURCE_LANG = "en"


class LocalText(BaseModel):
    """One human-readable text in every language the content offers.

    Written inline as ``{en: ..., sl: ...}`` (any language code may be a key; its id is then
    the path of the field, such as ``facts.plate.text``) or as the id of an entry in the
    file's ``texts:`` table.
    """

    model_config = ConfigDict(extra="allow", strict=True, defer_build=True)  # see logic.Strict
    __pydantic_extra__: dict[str, str]

    _id: str = PrivateAttr(default="")
    _ref: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _codes_are_language_codes(self) -> LocalText:
        for code in self.texts:
            if not _CODE.match(code):
                raise ValueError(f"'{code}' is not a language code (such as en or sl)")
        return self

    @property
    def id(self) -> str:
        # Read the private slot directly: pydantic's attribute fallback is slow, and the
        # engine asks for text ids on every reply.
        private = self.__pydantic_private__
        return private["_id"] if private else ""

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # ``text.sl`` reads a language as an attribute (as the fixed fields did), and is
            # None when the text has no such language rather than an AttributeError.
            if not name.startswith("_") and _CODE.match(name):
                return self.__pydantic_extra__.get(name)
            return super().__getattr__(name)

    @property
    def texts(self) -> dict[str, str]:
        """{language code: text}, as written."""
        return self.__pydantic_extra__

    def set_texts(self, texts: dict[str, str]) -> None:
        self.__pydantic_extra__ = dict(texts)

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to English, then to any language."""
        texts = self.__pydantic_extra__
        value = texts.get(lang) or texts.get(SOURCE_LANG)
        if not value:
            value = next((text for text in texts.values() if text), "")
        return value

    def languages(self) -> set[str]:
        return {lang for lang, text in self.__pydantic_extra__.items() if text}

    @classmethod
    def literal(cls, en: str, sl: str, text_id: str = "") -> LocalText:
        return cls.of({"en": en, "sl": sl}, text_id)

    @classmethod
    def of(cls, texts: dict[str, str], text_id: str = "") -> LocalText:
        text = cls.model_validate(texts)
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
            "propertyNames": {"pattern": LANGUAGE_CODE},
            "additionalProperties": {"type": "string"},
            "description": "The text in each language, by language code (en: English, "
            "sl: Slovene; any installed language).",
        },
        {"type": "string", "description": "The id of an entry in this file's 'texts:' table."},
    ]
}

Text = Annotated[LocalText, BeforeValidator(_accept_reference), WithJsonSchema(_TEXT_SCHEMA)]
"""A text field in many languages: ``{en: ..., sl: ...}`` or a ``texts:`` id."""


def __getattr__(name: str) -> Any:
    # The installed languages are read from the locale folders when asked for.
    if name == "LANGUAGES":
        return languages()
    if name == "LANGUAGE_NAMES":
        return {lang: language_name(lang) for lang in languages()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
