"""Vietnamese text folding for search, and what text may hold at all."""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import DomainError

# Characters no stored text may hold: C0 controls other than tab, line feed
# and carriage return, DEL, and lone UTF-16 surrogates. PostgreSQL text cannot
# hold NUL (the central server would refuse the dossier), a surrogate cannot be
# written as UTF-8, and the rest only arrive by accident (a scanner's or a
# pasted control code) or to forge what a page or a log shows.
_UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def unfit_character(text: str) -> str | None:
    """The first character ``text`` may not hold, or ``None`` when it is fit to store."""
    found = _UNFIT.search(text)
    return found.group() if found else None


def require_fit_text(text: str, field: str, label: str) -> str:
    """``text`` unchanged, or a :class:`DomainError` naming ``label`` and the character."""
    bad = unfit_character(text)
    if bad is not None:
        raise DomainError(
            "bad_characters",
            f"Trường “{label}” chứa ký tự điều khiển không hợp lệ (U+{ord(bad):04X}); "
            "hãy xóa ký tự đó rồi nhập lại.",
            f"Field “{label}” holds an invalid control character (U+{ord(bad):04X}); "
            "remove it and try again.",
            field=field,
        )
    return text


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
