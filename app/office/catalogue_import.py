"""Importing a province's published procedure list from a spreadsheet (.xlsx).

The columns are those of the lists provinces publish: code, name, field,
level, processing time (text), fee (text), components (one per line) and,
optionally, the link to the procedure's page on the national portal. The
time and fee texts are read into the catalogue's model; what cannot be read
is flagged for a supervisor and left empty (the procedure stays receivable,
with a promised date a supervisor confirms). Everything is checked before
anything is written, and the whole import is one transaction.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain import fees, processing_text
from app.domain.errors import DomainError
from app.domain.portal import check_portal_url
from app.domain.text import fold
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from app.office.catalogue_edit import apply_changes, national_codes, record_edit
from db.engine import Database
from db.models import Procedure, ProcedureComponent

_CODE = re.compile(r"^[0-9]\.[0-9]{6}$")
COLUMNS = ("code", "name", "field", "level", "processing", "fee", "components", "portal_url")
MAX_ROWS = 5000


@dataclass(frozen=True)
class Flag:
    row: int
    code: str | None
    field: str
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    flagged: list[Flag] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "flagged": [f.__dict__ for f in self.flagged],
        }


@dataclass(frozen=True)
class Row:
    number: int
    code: str
    name: str
    field: str | None
    level: str | None
    values: dict[str, Any]
    components: tuple[str, ...]


def _cell(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def read_rows(path: Path) -> tuple[list[Row], list[Flag]]:
    """Rows of the first sheet, after the header; raises on a file that is no spreadsheet."""
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DomainError(
            "bad_spreadsheet",
            f"Tệp “{path.name}” không phải bảng tính Excel (.xlsx) đọc được.",
            f"File “{path.name}” is not a readable Excel (.xlsx) workbook "
            f"({exc.__class__.__name__}).",
            field="file",
        ) from None
    rows: list[Row] = []
    flags: list[Flag] = []
    try:
        sheet = book.worksheets[0]
        for number, raw in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                break
            cells = [_cell(v) for v in (list(raw) + [None] * 8)[:8]]
            code = cells[0]
            if not any(cells) or not _CODE.match(code):
                if code and number > 1 and not fold(code).startswith("ma"):
                    flags.append(Flag(number, code, "code", f"Mã thủ tục “{code}” sai dạng."))
                continue
            if not cells[1]:
                flags.append(Flag(number, code, "name", "Thiếu tên thủ tục."))
                continue
            values: dict[str, Any] = {}
            if cells[4]:
                try:
                    parsed = processing_text.parse(cells[4])
                    values.update(
                        processing_value=parsed.value,
                        processing_unit=parsed.unit,
                        processing_max_value=parsed.max_value,
                        next_day_after_cutoff=parsed.after_cutoff,
                    )
                except DomainError as exc:
                    flags.append(Flag(number, code, "processing", exc.message_vi))
            if cells[5]:
                try:
                    amount, rule = fees.parse_fee_text(cells[5])
                    values.update(fee_amount=amount, fee_rule=rule)
                except DomainError as exc:
                    flags.append(Flag(number, code, "fee", exc.message_vi))
            if cells[7]:
                try:
                    values["portal_url"] = check_portal_url(cells[7])
                except DomainError as exc:
                    flags.append(Flag(number, code, "portal_url", exc.message_vi))
            parts = tuple(
                p.strip(" -•+\t")
                for p in re.split(r"[\n;]+", str(raw[6] or "") if len(raw) > 6 else "")
                if p.strip(" -•+\t")
            )
            rows.append(
                Row(number, code, cells[1], cells[2] or None, cells[3] or None, values, parts)
            )
    finally:
        book.close()
    if not rows:
        raise DomainError(
            "empty_spreadsheet",
            "Bảng tính không có dòng thủ tục nào (cột A: mã thủ tục dạng 1.001193).",
            "The workbook has no procedure rows (column A: codes like 1.001193).",
            field="file",
        )
    return rows, flags


def import_file(
    db: Database, actor: Actor, path: Path, now: datetime | None = None
) -> ImportResult:
    """Create or update the procedures of ``path``; one transaction, audited."""
    auth.require(actor, "catalogue.edit")
    rows, flags = read_rows(Path(path))
    now = now or clock.now()
    result = ImportResult(flagged=flags)
    with db.write() as session:
        existing = {p.code: p for p in session.scalars(select(Procedure))}
        for row in rows:
            proc = existing.get(row.code)
            if proc is None:
                proc = Procedure(
                    code=row.code,
                    name=row.name,
                    name_folded=fold(row.name),
                    field=row.field,
                    level=row.level,
                    fee_amount=0,
                    fee_set_by="province",
                    fee_edited=False,
                    result_place="Bộ phận Một cửa",
                    verified=False,
                    unverified=["components"],
                    active=True,
                    next_day_after_cutoff=False,
                )
                proc.components = [
                    ProcedureComponent(
                        index=i, name=name, originals=1, copies=0, required=True, verified=False
                    )
                    for i, name in enumerate(row.components, start=1)
                ]
                session.add(proc)
                existing[row.code] = proc
                result.created += 1
            else:
                result.updated += 1
            if row.values:
                apply_changes(proc, row.values)
            if row.values or proc.code not in national_codes():
                # A procedure of the province's own goes to the server whole, for the
                # office's other stations.
                record_edit(session, actor.username, proc, now)
        journal.audit(
            session,
            actor.username,
            "catalogue.import",
            Path(path).name,
            now,
            {"created": result.created, "updated": result.updated, "flagged": len(flags)},
        )
    return result
