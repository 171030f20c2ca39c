"""The window's language: Vietnamese built in, English from a compiled ``.qm``.

Source strings are Vietnamese, so the window's own text needs no translation
file in Vietnamese. English comes from ``resources/i18n/motcua_en.qm``, built
from the ``.ts`` source by ``scripts/build_translations.py`` (the install
step), or on first start when the Qt tool is available.

Qt's own dialogs (message box buttons, file and print dialogs, the print
preview) speak English unless translated, and Qt ships no Vietnamese: our
``qt_vi.ts`` translates the strings of theirs a clerk meets.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("motcua.ui.i18n")

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

_language = "vi"
_installed: list[QTranslator] = []


def language() -> str:
    return _language


def ts_path(lang: str, catalogue: str = "motcua") -> Path:
    return I18N_DIR / f"{catalogue}_{lang}.ts"


def qm_candidates(lang: str, catalogue: str = "motcua") -> list[Path]:
    """Where a compiled translation may live: beside its source, else in the user's cache
    (an installation folder is often read-only)."""
    from platformdirs import user_cache_dir

    name = f"{catalogue}_{lang}.qm"
    return [I18N_DIR / name, Path(user_cache_dir("MotCuaDesk", appauthor=False)) / name]


def _fresh(qm: Path, source: Path) -> bool:
    return qm.exists() and (not source.exists() or qm.stat().st_mtime >= source.stat().st_mtime)


def compile_ts(lang: str, target: Path, catalogue: str = "motcua") -> bool:
    """Build ``target`` from the ``.ts`` with ``pyside6-lrelease``; False if impossible."""
    source = ts_path(lang, catalogue)
    tool = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if tool is None or not source.exists():
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [tool, "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s into %s: %s", source, target, exc)
        return False
    return target.exists()


def find_qm(lang: str, catalogue: str = "motcua") -> Path | None:
    """An up-to-date compiled translation, compiling one if needed and possible."""
    candidates = qm_candidates(lang, catalogue)
    for qm in candidates:
        if _fresh(qm, ts_path(lang, catalogue)):
            return qm
    for qm in candidates:
        if compile_ts(lang, qm, catalogue):
            return qm
    # A stale file still beats none at all.
    return next((qm for qm in candidates if qm.exists()), None)


def install(lang: str) -> str:
    """Make ``lang`` the window's language; returns the language actually in use."""
    global _language
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    _language = "vi"
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    if lang != "en":
        _install_qt_vietnamese(app)
        return _language
    qm = find_qm("en")
    if qm is None:
        log.warning("no English translation could be found or built; staying in Vietnamese")
        return _language
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        return _language
    app.installTranslator(ours)
    _installed.append(ours)
    # Qt's own dialogs (print preview, file pickers) in English too.
    qt = QTranslator(app)
    if qt.load(
        QLocale(QLocale.Language.English),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _language = "en"
    return _language


def _install_qt_vietnamese(app: QCoreApplication) -> None:
    """Qt's own buttons and dialogs in Vietnamese ("Có", "Không", "Hủy", "Xem trước khi in")."""
    qm = find_qm("vi", "qt")
    if qm is None:
        log.warning("Qt's dialogs stay in English: qt_vi.qm could not be found or built")
        return
    qt = QTranslator(app)
    if qt.load(str(qm)):
        app.installTranslator(qt)
        _installed.append(qt)


def long_datetime(value: datetime) -> str:
    """An appointment as a clerk reads it out: Vietnamese words, or plain in English."""
    from app.domain.formatting import format_long_datetime

    return value.strftime("%H:%M, %d/%m/%Y") if _language == "en" else format_long_datetime(value)


def number(value: int) -> str:
    """A whole number in the window's language: 1.234 in Vietnamese, 1,234 in English."""
    text = f"{value:,}"
    return text if language() == "en" else text.replace(",", ".")
