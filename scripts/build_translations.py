"""Compile the window's translations (resources/i18n/*.ts → .qm) with Qt's tools.

    python scripts/build_translations.py            # compile every .ts to .qm
    python scripts/build_translations.py --update   # refresh the .ts from ui/ first
    python scripts/build_translations.py --check    # fail if a string is untranslated

Vietnamese is the language of the source code, so it needs no file; English
comes from ``resources/i18n/motcua_en.ts``, edited with Qt Linguist. Qt ships
no Vietnamese for its own dialogs (message box buttons, file and print
dialogs, the print preview): ``resources/i18n/qt_vi.ts`` holds ours, with
Qt's English strings as sources (``--update`` leaves it alone). The
compiled ``.qm`` files are not kept in git: the install step runs this
script, and the window compiles a missing or stale one itself on first start
when ``pyside6-lrelease`` is available.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        sys.exit(f"pyside6-{name} not found (it comes with the PySide6 package)")
    return found


def update() -> None:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    for ts in sorted(I18N.glob("motcua_*.ts")):
        subprocess.run([tool("lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True)


def untranslated(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        m.findtext("source") or ""
        for m in root.iter("message")
        if not (m.findtext("translation") or "").strip()
        or (m.find("translation").get("type") == "unfinished")
    ]


def compile_all() -> list[Path]:
    built = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--update", action="store_true", help="refresh the .ts files from ui/")
    ap.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = ap.parse_args()
    if args.update:
        update()
    if args.check:
        missing = {ts.name: untranslated(ts) for ts in I18N.glob("*.ts")}
        missing = {k: v for k, v in missing.items() if v}
        for name, sources in missing.items():
            print(f"{name}: {len(sources)} untranslated", *sources[:20], sep="\n  ")
        if missing:
            return 1
    for qm in compile_all():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
