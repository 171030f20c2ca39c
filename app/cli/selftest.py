"""``self-test``: what an IT person runs first when a counter misbehaves."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, text

from app.cli.output import Output
from app.domain.errors import DomainError
from app.domain.workcalendar import ProcessingUnit, WorkCalendar
from app.infra.storage import open_database
from app.office import office_setup
from app.office.catalogue_seed import load_seed
from db import migrate
from db.models import Procedure

# The worked example from the rules: Tết 2026 lies between these two days.
_CAL_RECEIVED = datetime(2026, 2, 13, 9, 0)
_CAL_DUE_DAY = datetime(2026, 2, 23).date()


def _check_database(data_dir: Path) -> str:
    if not office_setup.is_initialised(data_dir):
        return "chưa khởi tạo (bỏ qua)"
    db = open_database(data_dir)
    try:
        with db.read() as session:
            ok = session.execute(text("PRAGMA integrity_check")).scalar_one()
            procedures = session.scalar(select(func.count(Procedure.id)))
        revision = migrate.current_revision(db.reader)
    finally:
        db.dispose()
    if ok != "ok":
        raise RuntimeError(f"integrity_check: {ok}")
    if revision != migrate.head_revision():
        raise RuntimeError(f"schema {revision} != {migrate.head_revision()}")
    return f"toàn vẹn, lược đồ {revision}, {procedures} thủ tục"


def _check_fonts(_data_dir: Path) -> str:
    from reportlab.pdfbase import pdfmetrics

    from app.paper.render import fonts

    fonts.register_fonts()
    face = pdfmetrics.getFont(fonts.SERIF).face
    sample = "Nguyễn Thị Đào ỷ ặ ữ"
    missing = [ch for ch in sample if ch != " " and ord(ch) not in face.charToGlyph]
    if missing:
        raise RuntimeError("thiếu ký tự " + "".join(missing))
    return f"{fonts.SERIF} có đủ dấu tiếng Việt"


def _check_catalogue(_data_dir: Path) -> str:
    seed = load_seed()
    return f"danh mục mẫu {seed.version}: {len(seed.procedures)} thủ tục"


def _check_calendar(_data_dir: Path) -> str:
    due = WorkCalendar().due_at(_CAL_RECEIVED, 1, ProcessingUnit.WORKING_DAYS)
    if due.date() != _CAL_DUE_DAY:
        raise RuntimeError(f"13/02/2026 + 1 ngày làm việc = {due:%d/%m/%Y}, cần 23/02/2026")
    return "13/02/2026 + 1 ngày làm việc = 23/02/2026"


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("database", _check_database),
    ("fonts", _check_fonts),
    ("catalogue", _check_catalogue),
    ("calendar", _check_calendar),
]


def cmd_selftest(_args: Namespace, data_dir: Path, out: Output) -> int:
    results = []
    for name, check in CHECKS:
        try:
            results.append({"check": name, "ok": True, "detail": check(data_dir)})
        except DomainError as exc:
            results.append({"check": name, "ok": False, "detail": exc.message(out.lang)})
        except Exception as exc:  # noqa: BLE001 - a failed check is reported, not raised
            results.append({"check": name, "ok": False, "detail": f"{type(exc).__name__}: {exc}"})
    passed = all(r["ok"] for r in results)
    out.emit(
        {"passed": passed, "checks": results},
        [f"[{'OK' if r['ok'] else 'LỖI'}] {r['check']}: {r['detail']}" for r in results],
    )
    return 0 if passed else 1
