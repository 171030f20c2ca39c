"""Compile the window's translations (resources/i18n/*.ts → .qm) with Qt's tools.

    python scripts/build_translations.py            # compile every .ts to .qm
    python scripts/build_translations.py --update   # refresh the .ts from ui/ first
    python scripts/build_translations.py --check    # fail if a .ts is stale or unfinished

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
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        sys.exit(f"pyside6-{name} not found (it comes with the PySide6 package)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))


def update(i18n: Path) -> None:
    for ts in sorted(i18n.glob("motcua_*.ts")):
        subprocess.run([tool("lupdate"), *sources(), "-no-obsolete", "-ts", str(ts)], check=True)


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every live message of ``ts``."""
    root = ET.parse(ts).getroot()
    found = set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            kind = m.find("translation").get("type") if m.find("translation") is not None else None
            if kind not in ("vanished", "obsolete"):
                found.add((name, m.findtext("source") or ""))
    return found


def stale(ts: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Strings the code has that ``ts`` lacks, and strings ``ts`` has that the code dropped."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        fresh.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            '<TS version="2.1" language="en_GB" sourcelanguage="vi_VN"></TS>\n',
            encoding="utf-8",
        )
        subprocess.run(
            [tool("lupdate"), *sources(), "-no-obsolete", "-silent", "-ts", str(fresh)],
            check=True,
            capture_output=True,
        )
        want = messages(fresh)
    have = messages(ts)
    return sorted(want - have), sorted(have - want)


def untranslated(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        m.findtext("source") or ""
        for m in root.iter("message")
        if not (m.findtext("translation") or "").strip()
        or (m.find("translation").get("type") in ("unfinished", "vanished", "obsolete"))
    ]


def check(i18n: Path) -> int:
    """1 when a translation is out of date with the code or has unfinished entries."""
    failed = 0
    for ts in sorted(i18n.glob("*.ts")):
        problems = [f"untranslated: {s}" for s in untranslated(ts)]
        if ts.name.startswith("motcua_"):
            missing, dropped = stale(ts)
            problems += [f"not in the .ts (run --update): [{c}] {s}" for c, s in missing]
            problems += [f"no longer in the code (run --update): [{c}] {s}" for c, s in dropped]
        if problems:
            failed = 1
            print(f"{ts.name}: {len(problems)} problem(s)", *problems[:40], sep="\n  ")
    return failed


def compile_all(i18n: Path) -> list[Path]:
    built = []
    for ts in sorted(i18n.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--update", action="store_true", help="refresh the .ts files from ui/")
    ap.add_argument(
        "--check",
        action="store_true",
        help="fail if a .ts is out of date with the code or has unfinished strings",
    )
    ap.add_argument("--i18n", type=Path, default=I18N, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.update:
        update(args.i18n)
    if args.check and check(args.i18n):
        return 1
    for qm in compile_all(args.i18n):
        print(f"built {qm.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
