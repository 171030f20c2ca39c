"""The one error type every rule and use case raises for bad input.

Each error carries its message in Vietnamese (the default language of the
product) and in English, so the CLI and the window can show the right one
without a traceback.
"""

from __future__ import annotations


class DomainError(ValueError):
    """Input or request that breaks a rule; safe to show to the user."""

    def __init__(
        self,
        code: str,
        message_vi: str,
        message_en: str | None = None,
        *,
        field: str | None = None,
    ) -> None:
        super().__init__(message_vi)
        self.code = code
        self.message_vi = message_vi
        self.message_en = message_en or message_vi
        self.field = field

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang.startswith("en") else self.message_vi

    def __str__(self) -> str:
        return self.message_vi
