"""Vietnamese text folding for search: case- and diacritics-insensitive."""

from __future__ import annotations

import re
import unicodedata

# Unicode gives đ/Đ no decomposition, so NFD alone would leave them in place.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse whitespace."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def search_tokens(text: str | None) -> list[str]:
    """Folded words with punctuation removed, for building search queries."""
    return [t for t in re.split(r"[^0-9a-z]+", fold(text)) if t]
