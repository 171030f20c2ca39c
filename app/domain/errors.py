"""The one error type every rule and use case raises for bad input.

Each error carries its message in Vietnamese (the default language of the
product) and in English, so the CLI and the window can show the right one
without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


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


class DomainErrors(DomainError):
    """Several independent mistakes in one request, reported together.

    A clerk who fixes one field only to be told about the next one loses the
    applicant's patience; a form is checked whole and every mistake named.
    The first error's code and field stand for the whole.
    """

    def __init__(self, errors: list[DomainError]) -> None:
        first = errors[0]
        super().__init__(
            first.code,
            "\n".join(e.message_vi for e in errors),
            "\n".join(e.message_en for e in errors),
            field=first.field,
        )
        self.errors: tuple[DomainError, ...] = tuple(errors)


class ErrorCollector:
    """Runs independent checks and keeps every :class:`DomainError` they raise."""

    def __init__(self) -> None:
        self.errors: list[DomainError] = []

    def take(self, check: Callable[..., T], *args: Any, default: Any = None, **kwargs: Any) -> T:
        """``check(*args, **kwargs)``, or ``default`` after noting the error it raised."""
        try:
            return check(*args, **kwargs)
        except DomainError as exc:
            self.add(exc)
            return default

    def add(self, exc: DomainError) -> None:
        self.errors.extend(exc.errors if isinstance(exc, DomainErrors) else (exc,))

    def failed(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        """One error is raised as itself; several as :class:`DomainErrors`."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise DomainErrors(self.errors)
