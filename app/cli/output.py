"""Printing results as JSON (for scripts) or as plain lines (for people)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError


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


def write_atomically(path: Path, data: bytes) -> None:
    """Never leave a half-written PDF where a printer spooler might pick it up."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise DomainError(
            "cannot_write",
            f"Không ghi được tệp “{path}” ({exc.strerror or exc.__class__.__name__}).",
            f"Cannot write “{path}” ({exc.strerror or exc.__class__.__name__}).",
        ) from None
