"""The language of messages outside the window (CLI, logs)."""

from __future__ import annotations

import os


def cli_language() -> str:
    """'en' under an English locale (LANG=en*), else Vietnamese."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"
