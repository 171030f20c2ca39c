"""Small pieces every router uses: the clock, secrets, and the API error type."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any

from app.sync.protocol import VN_TZ

# Base32 without look-alikes (0/O, 1/I/L): enrolment codes are typed by hand.
_ENROL_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def now() -> datetime:
    """Naive Vietnam time, the form every time column holds."""
    return datetime.now(VN_TZ).replace(tzinfo=None)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same_digest(secret: str, stored: str) -> bool:
    return hmac.compare_digest(digest(secret), stored)


def new_token(prefix: str) -> str:
    """A 256-bit random bearer token, prefixed so a leaked one is recognisable."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def new_enrolment_code() -> str:
    """Four groups of four characters (80 bits): typed once at the station."""
    chars = "".join(secrets.choice(_ENROL_ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def normalise_enrolment_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


class ApiError(Exception):
    """An error answered as ``{"error": {...}}`` with the given HTTP status."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        message_en: str | None = None,
        *,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.message_en = message_en
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.message_en:
            error["message_en"] = self.message_en
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}
