"""The link to a procedure's page on the national public-service portal.

Printed as a QR on the procedure guide, so it must be a web address a
phone opens: http(s), a host, no spaces, short enough for a readable QR.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from app.domain.errors import DomainError

MAX_URL = 500


def check_portal_url(text: str | None) -> str | None:
    """The link cleaned of surrounding spaces; ``None`` for an empty one. Raises on a bad one."""
    value = (text or "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() for ch in value)
        or len(value) > MAX_URL
    ):
        raise DomainError(
            "bad_portal_url",
            "Đường dẫn Cổng Dịch vụ công phải là địa chỉ web (https://…), không có dấu cách, "
            f"tối đa {MAX_URL} ký tự.",
            f"The portal link must be a web address (https://…) without spaces, "
            f"at most {MAX_URL} characters.",
            field="portal_url",
        )
    return value
