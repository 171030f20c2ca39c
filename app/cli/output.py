"""Printing results as JSON (for scripts) or as plain lines (for people)."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return value.to_json()
    raise TypeError(f"not serialisable: {type(value).__name__}")


class Output:
    def __init__(self, as_json: bool, lang: str) -> None:
        self.as_json = as_json
        self.lang = lang

    def emit(self, data: Any, lines: list[str] | None = None) -> None:
        if self.as_json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
            sys.stdout.write("\n")
        else:
            for line in lines or []:
                print(line)

    def t(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi
