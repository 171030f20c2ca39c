"""The result paper of a dossier, digitized before or at hand-over.

A result captured here is kept with its kind, number, date and issuing body,
in the same content-addressed store as the components: the office can
reprint a lost copy, it counts as a result issued electronically, it goes
to the central server with the dossier, and the applicant's next dossier can
reuse it instead of asking the citizen for a paper the office itself issued.

A file the resolving body issued electronically (a signed PDF) is kept byte
for byte as received; scans and photos go through the digitizing pipeline.
Either way the file meets the same hostile-file rules as any capture, and the
heavy work happens before the write transaction opens.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.capture.pages import Page
from app.capture.pdf import MIME, PdfMetadata
from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import progress
from app.dossiers.progress import StatusChange
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth, station
from app.office.auth import Actor
from db.engine import Database
from db.models import Dossier, DossierResult

EVENT_TYPE = "dossier.result"
SOURCES = ("file", "folder", "scanner", "camera", "batch", "electronic")
# The component index a result is filed under in the PDF's own metadata.
RESULT_INDEX = 0
# Statuses in which a result may exist: resolved (ready to hand over) and after.
READY = (Status.RESOLVED, Status.RETURNED)


@dataclass(frozen=True)
class ResultDetails:
    """What the clerk reads off the result paper; every part optional."""

    kind: str | None = None
    number: str | None = None
    issued_on: date | None = None
    issuer: str | None = None

    def cleaned(self) -> ResultDetails:
        def text(value: str | None, limit: int, field: str) -> str | None:
            value = " ".join((value or "").split()) or None
            if value is not None and len(value) > limit:
                raise DomainError(
                    "too_long",
                    f"Thông tin kết quả quá dài (tối đa {limit} ký tự).",
                    f"The result's details are too long (at most {limit} characters).",
                    field=field,
                )
            return value

        return ResultDetails(
            text(self.kind, 200, "result_kind"),
            text(self.number, 100, "result_number"),
            self.issued_on,
            text(self.issuer, 300, "result_issuer"),
        )


@dataclass(frozen=True)
class PreparedResult:
    """A result file checked and built, not yet recorded."""

    pdf: bytes
    pages: int
    source: str


@dataclass(frozen=True)
class ResultRecord:
    code: str
    uuid: str
    kind: str | None
    number: str | None
    issued_on: date | None
    issuer: str | None
    sha256: str
    size: int
    pages: int
    source: str
    captured_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "uuid": self.uuid,
            "kind": self.kind,
            "number": self.number,
            "date": self.issued_on.isoformat() if self.issued_on else None,
            "issuer": self.issuer,
            "digitized": True,
            "sha256": self.sha256,
            "size": self.size,
            "pages": self.pages,
            "source": self.source,
            "captured_at": self.captured_at,
        }


def parse_issued_on(text: str | None) -> date | None:
    """``YYYY-MM-DD`` or ``dd/mm/yyyy``; None for nothing."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise DomainError(
        "bad_result_date",
        f"Ngày cấp “{text}” không hợp lệ; ghi theo dạng dd/mm/yyyy.",
        f"Issue date “{text}” is not valid; use dd/mm/yyyy or YYYY-MM-DD.",
        field="result_date",
    )


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file within the size limit (never a FIFO or a device)."""
    import stat

    from app.capture.guards import MAX_FILE_BYTES, check_size, refuse
    from app.capture.sources import safe_name

    label = safe_name(path.name)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise refuse(
                "not_a_file", label, "không phải là tệp thông thường.", "is not a regular file."
            )
        check_size(info.st_size, label)
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise refuse(
            "unreadable_file",
            label,
            f"không đọc được ({exc.strerror or 'lỗi'}).",
            f"cannot be read ({exc.strerror or 'error'}).",
        ) from None


def _check_pdf(data: bytes, label: str) -> int:
    """Pages of an electronically issued PDF, refusing what is not a sound PDF."""
    from app.capture.guards import check_page_total, check_size, refuse
    from app.capture.sources import safe_name, sniff

    label = safe_name(label)
    check_size(len(data), label)
    if sniff(data) != "pdf":
        raise refuse(
            "not_a_pdf",
            label,
            "không phải tệp PDF; kết quả điện tử phải là tệp PDF như cơ quan giải quyết gửi.",
            "is not a PDF; an electronic result must be the PDF the resolving body issued.",
        )
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
    except (pikepdf.PdfError, ValueError, OSError):
        raise refuse(
            "damaged_file", label, "bị hỏng, không mở được.", "is damaged and cannot be opened."
        ) from None
    if count == 0:
        raise refuse("empty_file", label, "không có trang nào.", "has no pages.")
    check_page_total(count, label)
    return count


@dataclass(frozen=True)
class _Pages:
    """Imported pages waiting to be built into the result's PDF."""

    pages: list[Page]
    source: str


def prepare_files(
    paths: Sequence[Path | str], *, electronic: bool = False
) -> PreparedResult | _Pages:
    """Read and check result files before any transaction (hostile-file rules apply).

    An electronic result is one PDF kept as received; anything else is
    imported page by page (JPEG, PNG, TIFF, PDF) and built like a component.
    """
    files = [Path(p) for p in paths]
    if not files:
        raise DomainError(
            "missing_result_file",
            "Chưa chọn tệp kết quả.",
            "No result file was given.",
            field="result_file",
        )
    if electronic:
        if len(files) != 1:
            raise DomainError(
                "one_electronic_file",
                "Kết quả điện tử là đúng một tệp PDF.",
                "An electronic result is exactly one PDF file.",
                field="result_file",
            )
        data = _read_regular(files[0])
        return PreparedResult(data, _check_pdf(data, files[0].name), "electronic")
    from app.capture.sources import import_files

    return _Pages(import_files(files), "file")


def build(
    db: Database,
    actor: Actor,
    code: str,
    prepared: PreparedResult | _Pages,
    *,
    now: datetime | None = None,
) -> PreparedResult:
    """Turn imported pages into the result's PDF (outside any lock); a prepared PDF passes."""
    if isinstance(prepared, PreparedResult):
        return prepared
    from app.capture.pipeline import build_component

    now = now or clock.now()
    with db.read() as session:
        dossier = by_code(session, code.strip())
        office_name = station.load(session).office_name
        meta = PdfMetadata(
            dossier_code=dossier.code,
            component_index=RESULT_INDEX,
            component_name="Kết quả giải quyết",
            officer=actor.username,
            officer_name=actor.full_name,
            captured_at=now,
            source=prepared.source,
            office_name=office_name,
        )
    built = build_component(prepared.pages, meta)
    return PreparedResult(built.pdf, built.pages, prepared.source)


def prepare(
    db: Database,
    actor: Actor,
    code: str,
    paths: Sequence[Path | str],
    *,
    electronic: bool = False,
    now: datetime | None = None,
) -> PreparedResult:
    """Check and build the result's PDF from files, before any write."""
    auth.require(actor, "dossier.return")
    return build(db, actor, code, prepare_files(paths, electronic=electronic), now=now)


def prepare_pages(
    db: Database, actor: Actor, code: str, pages: Sequence[Page], *, source: str
) -> PreparedResult:
    """The result's PDF from pages captured in the window (scanner, camera, files)."""
    auth.require(actor, "dossier.return")
    if source not in SOURCES or source == "electronic":
        raise DomainError(
            "bad_source",
            f"Nguồn số hóa “{source}” không hợp lệ.",
            f"Unknown capture source “{source}”.",
            field="source",
        )
    return build(db, actor, code, _Pages(list(pages), source))


def record(
    session: Session,
    actor: Actor,
    dossier: Dossier,
    prepared: PreparedResult,
    details: ResultDetails,
    store_sha: str,
    store_size: int,
    now: datetime,
) -> DossierResult:
    """Inside the caller's write transaction: the result row, its event and audit."""
    if Status(dossier.status) not in READY:
        raise DomainError(
            "result_not_ready",
            f"Hồ sơ {dossier.code} chưa có kết quả giải quyết; chỉ lưu kết quả khi hồ sơ "
            "đã giải quyết xong.",
            f"Dossier {dossier.code} has no result yet; a result is kept once it is resolved.",
            field="result_file",
        )
    details = details.cleaned()
    row = session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))
    replaced = row.sha256 if row is not None else None
    if row is None:
        row = DossierResult(uuid=str(uuid.uuid4()), dossier_id=dossier.id)
        session.add(row)
    row.kind, row.number, row.issued_on, row.issuer = (
        details.kind,
        details.number,
        details.issued_on,
        details.issuer,
    )
    row.sha256, row.size, row.pages, row.mime = store_sha, store_size, prepared.pages, MIME
    row.source, row.officer, row.captured_at = prepared.source, actor.username, now
    session.flush()
    journal.add_event(
        session,
        EVENT_TYPE,
        {
            "dossier_uuid": dossier.uuid,
            "code": dossier.code,
            "result_uuid": row.uuid,
            "kind": row.kind,
            "number": row.number,
            "issued_on": row.issued_on.isoformat() if row.issued_on else None,
            "issuer": row.issuer,
            "sha256": row.sha256,
            "size": row.size,
            "pages": row.pages,
            "mime": row.mime,
            "source": row.source,
            "captured_at": clock.to_wire(now),
        },
        now,
        dossier.uuid,
    )
    journal.audit(
        session,
        actor.username,
        "dossier.result",
        dossier.code,
        now,
        {"sha256": row.sha256, "pages": row.pages, "source": row.source, "replaced": replaced},
    )
    return row


def to_record(dossier: Dossier, row: DossierResult) -> ResultRecord:
    return ResultRecord(
        dossier.code,
        row.uuid,
        row.kind,
        row.number,
        row.issued_on,
        row.issuer,
        row.sha256,
        row.size,
        row.pages,
        row.source,
        row.captured_at,
    )


def attach(
    db: Database,
    actor: Actor,
    code: str,
    prepared: PreparedResult,
    details: ResultDetails | None = None,
    *,
    now: datetime | None = None,
) -> ResultRecord:
    """Keep the result of a resolved dossier (replacing an earlier one), in one transaction."""
    from app.capture.attachments import store_for

    auth.require(actor, "dossier.return")
    now = now or clock.now()
    file = store_for(db).put(prepared.pdf)
    with db.write() as session:
        dossier = by_code(session, code.strip())
        row = record(
            session,
            actor,
            dossier,
            prepared,
            details or ResultDetails(),
            file.sha256,
            file.size,
            now,
        )
        return to_record(dossier, row)


def of_dossier(session: Session, dossier: Dossier) -> DossierResult | None:
    return session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))


def read(db: Database, actor: Actor, code: str) -> bytes:
    """The result's PDF, verified against its hash: a lost copy reprinted."""
    from app.capture.attachments import store_for

    auth.require(actor, "dossier.lookup")
    with db.read() as session:
        dossier = by_code(session, code.strip())
        row = of_dossier(session, dossier)
        if row is None:
            raise DomainError(
                "no_result",
                f"Hồ sơ {dossier.code} chưa lưu bản số hóa kết quả.",
                f"Dossier {dossier.code} has no digitized result.",
            )
        sha = row.sha256
    return store_for(db).read(sha)


def hand_over(
    db: Database,
    actor: Actor,
    code: str,
    collector_name: str,
    *,
    collector_id_number: str | None = None,
    note: str | None = None,
    prepared: PreparedResult | None = None,
    details: ResultDetails | None = None,
    now: datetime | None = None,
) -> tuple[StatusChange, ResultRecord | None]:
    """Hand the result over, keeping the digitized result in the same transaction.

    The file is checked, built and stored before the transaction; the result
    row, the status change, their events and audit entries commit together.
    """
    from app.capture.attachments import store_for

    auth.require(actor, "dossier.return")
    now = now or clock.now()
    file = store_for(db).put(prepared.pdf) if prepared is not None else None
    kept: list[ResultRecord] = []

    def keep(session: Session, dossier: Dossier) -> None:
        if prepared is None or file is None:
            return
        row = record(
            session,
            actor,
            dossier,
            prepared,
            details or ResultDetails(),
            file.sha256,
            file.size,
            now,
        )
        kept.append(to_record(dossier, row))

    change = progress.record_return(
        db, actor, code, collector_name, collector_id_number, note, now, with_result=keep
    )
    return change, (kept[0] if kept else None)


def return_with_files(
    db: Database,
    actor: Actor,
    code: str,
    collector_name: str,
    *,
    collector_id_number: str | None = None,
    note: str | None = None,
    files: Sequence[Path | str] = (),
    electronic: bool = False,
    details: ResultDetails | None = None,
) -> tuple[StatusChange, ResultRecord | None]:
    """The hand-over as the counter and the CLI record it: with the result's files, if any.

    Without files this is a plain return (refused where the office requires a
    result); with them, the files are checked and built first, then kept in
    the return's own transaction.
    """
    if not files:
        change = progress.record_return(db, actor, code, collector_name, collector_id_number, note)
        return change, None
    prepared = prepare(db, actor, code, files, electronic=electronic)
    return hand_over(
        db,
        actor,
        code,
        collector_name,
        collector_id_number=collector_id_number,
        note=note,
        prepared=prepared,
        details=details,
    )
