"""After a restore: learn from the server what the backup did not know, and take it back.

A restored station (``app.office.relearn_flag``) asks the server which codes it
pushed since the day before the backup, moves each day counter to at least
the highest of them, and pulls back whole every dossier of its own that the
restored database lacks (applicant, components, history, attachment
references, with the files themselves). Only then may it issue codes again.

When the server cannot be reached the station is not kept from working: the
day counters jump ahead by a margin (audited) and the relearn waits for the
next round that reaches the server, which still brings the dossiers back.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.backup import skip_ahead
from app.capture.store import AttachmentStore
from app.domain.text import fold
from app.infra import clock, journal
from app.office import relearn_flag, station
from app.sync import protocol as p
from app.sync import recovery_protocol as rp
from app.sync.transport import SyncError, Transport
from db.engine import Database
from db.models import (
    Applicant,
    Attachment,
    DaySequence,
    Dossier,
    DossierComponent,
    DossierResult,
    LogbookCounter,
    Officer,
    Procedure,
    StatusHistory,
    UploadState,
)

log = logging.getLogger("motcua.sync")

# A flag whose backup day cannot be read asks about this many days back.
DEFAULT_DAYS = 30
# Asked from the day before the backup: the station's clock may have been off.
CLOCK_MARGIN = timedelta(days=1)
# The server keeps only a digest of a dossier's look-up secret, so a dossier
# brought back has none; the model needs some text to check a stored intake.
_NO_SECRET = "-" * 10
SOURCE = "server"  # what an attachment brought back from the server says it came from


def pending(db: Database) -> dict[str, Any] | None:
    with db.read() as session:
        return relearn_flag.get(session)


def offline_message(flag: dict[str, Any] | None) -> str | None:
    """The status line of a restored station working on without the server."""
    if flag is None:
        return None
    if flag.get("state") == relearn_flag.OFFLINE:
        return (
            "Quầy đã khôi phục từ bản sao lưu nhưng chưa kết nối được máy chủ: số thứ tự "
            f"hồ sơ đã nhảy trước {skip_ahead.MARGIN} số để không trùng mã (ghi trong nhật ký); "
            "hồ sơ nhận sau bản sao lưu sẽ được lấy lại khi có mạng."
        )
    return (
        "Quầy vừa khôi phục từ bản sao lưu: chưa cấp mã hồ sơ mới cho tới khi đồng bộ với "
        "máy chủ để lấy lại các hồ sơ và số thứ tự đã cấp."
    )


def go_offline(db: Database, officer: str | None = None) -> list[dict[str, Any]]:
    """The server is out of reach: skip the counters ahead once, and let intake go on."""
    with db.write() as session:
        flag = relearn_flag.get(session)
        if flag is None or flag.get("state") != relearn_flag.PENDING:
            return []
        now = clock.now()
        backup_day = backup_day_of(flag, now.date())
        moved = skip_ahead.skip_and_audit(session, backup_day, now, officer, "restore_offline")
        relearn_flag.put(session, relearn_flag.OFFLINE, backup_day, now)
    return moved


def run(db: Database, transport: Transport, data_dir: Path) -> dict[str, Any] | None:
    """Relearn if the station is flagged; None when it is not. Network failures raise."""
    flag = pending(db)
    if flag is None:
        return None
    now = clock.now()
    since = backup_day_of(flag, now.date()) - CLOCK_MARGIN
    resp = transport.raw(
        "GET", f"{p.API_PREFIX}{rp.RECOVERY_PATH}?since={since.isoformat()}", expect=(404,)
    )
    if resp.status_code == 404:
        return _server_cannot_tell(db, flag)
    state = rp.RecoveryState.model_validate(resp.json())
    with db.write() as session:
        raised = _raise_counters(session, state.days)
    missing = _missing(db, state.codes)
    store = AttachmentStore.for_data_dir(data_dir)
    recovered, files, clashes = 0, 0, []
    for start in range(0, len(missing), rp.MAX_RECOVERY_CODES):
        page = missing[start : start + rp.MAX_RECOVERY_CODES]
        asked = rp.RecoveryDossiersRequest(codes=page).model_dump()
        body = transport.call("POST", rp.RECOVERY_DOSSIERS_PATH, json=asked)
        answer = rp.RecoveryDossiersResponse.model_validate(body)
        # The files first: a content-addressed file with no dossier yet is harmless.
        files += _download(transport, store, answer.dossiers)
        with db.write() as session:
            for dossier in answer.dossiers:
                if _recover(session, dossier, clock.now()):
                    recovered += 1
                else:
                    clashes.append(dossier.code)
    # Restored on another PC: the scanned files of the dossiers it had are fetched too.
    files += _fetch_lacking(db, transport, store)
    result = {
        "since": since.isoformat(),
        "days": raised,
        "recovered": recovered,
        "files": files,
        "clashes": clashes,
        "previous_state": flag.get("state"),
    }
    with db.write() as session:
        relearn_flag.clear(session, clock.now())
        journal.audit(session, None, "sequence.relearned", None, clock.now(), result)
    return result


def _server_cannot_tell(db: Database, flag: dict[str, Any]) -> dict[str, Any]:
    """A server from before the recovery calls: the margin is all there is."""
    moved = go_offline(db)
    with db.write() as session:
        relearn_flag.clear(session, clock.now())
        journal.audit(
            session,
            None,
            "sequence.relearn_unavailable",
            None,
            clock.now(),
            {"reason": "server_without_recovery", "days": moved},
        )
    return {"unsupported": True, "days": moved, "previous_state": flag.get("state")}


def _raise_counters(session: Session, days: list[rp.RecoveryDay]) -> list[dict[str, Any]]:
    """Each day counter to at least the highest sequence the server has of this station."""
    info = station.load(session)
    moved = []
    for item in days:
        if item.highest not in info.sequence:
            continue  # not this station's slice (renumbered since): not ours to follow
        row = session.get(DaySequence, (item.day, info.station_id))
        last = row.last_used if row is not None else None
        if last is not None and last >= item.highest:
            continue
        if row is None:
            session.add(
                DaySequence(day=item.day, station_id=info.station_id, last_used=item.highest)
            )
        else:
            row.last_used = item.highest
        moved.append({"day": item.day.isoformat(), "from": last, "to": item.highest})
    return moved


def _missing(db: Database, codes: list[str]) -> list[str]:
    have: set[str] = set()
    with db.read() as session:
        for start in range(0, len(codes), 500):
            chunk = codes[start : start + 500]
            have.update(session.scalars(select(Dossier.code).where(Dossier.code.in_(chunk))))
    return [code for code in codes if code not in have]


def _download(transport: Transport, store: AttachmentStore, dossiers: list) -> int:
    fetched = 0
    for dossier in dossiers:
        for item in dossier.attachments:
            if store.has(item.sha256):
                continue
            resp = transport.raw("GET", f"{p.API_PREFIX}/attachments/{item.sha256}")
            stored = store.put(resp.content)
            if stored.sha256 != item.sha256:
                raise SyncError(
                    "attachment_mismatch",
                    f"Tệp {item.sha256[:12]}… tải từ máy chủ không đúng nội dung; sẽ thử lại sau.",
                    f"File {item.sha256[:12]}… from the server does not match; will retry.",
                    retry=True,
                )
            fetched += 1
    return fetched


def _fetch_lacking(db: Database, transport: Transport, store: AttachmentStore) -> int:
    """Fetch every scanned file a dossier names and the data folder lacks; a file the
    server does not hold either is left (the dossier says it is missing, as before)."""
    with db.read() as session:
        names = set(session.scalars(select(Attachment.sha256).distinct()))
        names.update(session.scalars(select(DossierResult.sha256).distinct()))
    fetched = 0
    for sha in sorted(names):
        if store.has(sha):
            continue
        resp = transport.raw("GET", f"{p.API_PREFIX}/attachments/{sha}", expect=(404, 410))
        if resp.status_code != 200:
            log.warning("relearn: file %s… not on the server either", sha[:12])
            continue
        if store.put(resp.content).sha256 == sha:
            fetched += 1
    return fetched


def _procedure(session: Session, intake: p.DossierReceived) -> Procedure:
    row = session.scalar(select(Procedure).where(Procedure.code == intake.procedure_code))
    if row is None:
        # Gone from this station's catalogue: kept as a retired entry so the dossier reads.
        row = Procedure(
            code=intake.procedure_code,
            name=intake.procedure_name,
            name_folded=fold(intake.procedure_name),
            field=intake.field,
            active=False,
            unverified=[],
        )
        session.add(row)
        session.flush()
    return row


def _applicant(session: Session, given: p.ApplicantIn, now: datetime) -> Applicant:
    row = None
    if given.id_number:
        row = session.scalar(select(Applicant).where(Applicant.id_number == given.id_number))
    elif given.tax_code:
        row = session.scalar(select(Applicant).where(Applicant.tax_code == given.tax_code))
    if row is not None:
        return row
    row = Applicant(
        uuid=str(uuid.uuid4()),
        kind=given.kind,
        id_number=given.id_number,
        tax_code=given.tax_code,
        full_name=given.full_name,
        birth_date=given.birth_date,
        sex=given.sex,
        address=given.address,
        phone=given.phone,
        email=given.email,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return row


def _recover(session: Session, found: rp.RecoveredDossier, now: datetime) -> bool:
    """Put one of this station's dossiers back as the server holds it; False on a clash."""
    taken = session.scalar(
        select(Dossier.id).where(
            (Dossier.code == found.code) | (Dossier.uuid == str(found.dossier_uuid))
        )
    )
    if taken is not None:
        return False
    intake = p.DossierReceived.model_validate({**found.intake, "lookup_secret": _NO_SECRET})
    info = station.load(session)
    proc = _procedure(session, intake)
    applicant = _applicant(session, intake.applicant, now)
    officer_id = (
        session.scalar(select(Officer.id).where(Officer.username == intake.officer))
        if intake.officer
        else None
    )
    fee_paid = intake.fee_paid if found.fee_paid is None else found.fee_paid
    dossier = Dossier(
        uuid=str(found.dossier_uuid),
        code=found.code,
        procedure_id=proc.id,
        applicant_id=applicant.id,
        station_id=info.station_id,
        channel=intake.channel,
        status=found.status,
        summary=intake.summary or proc.name,
        sets=intake.sets,
        received_at=intake.received_at,
        due_at=found.due_at,
        original_due_at=intake.due_at,
        returned_at=found.returned_at,
        logbook_book=None if intake.logbook_book is None else str(intake.logbook_book),
        logbook_line=intake.logbook_line,
        fee_amount=intake.fee_amount,
        fee_paid=fee_paid or intake.fee_amount == 0,
        # The intake's method while no later payment step overrode it; the
        # server does not hand back a later step's method, so that one stays unknown.
        fee_payment_method=intake.fee_payment_method
        if found.fee_paid is None and fee_paid and intake.fee_amount > 0
        else None,
        lookup_secret="",
        received_by=officer_id,
        extensions=found.extensions,
        cancelled_at=found.cancelled_at,
        cancel_reason=found.cancel_reason,
    )
    session.add(dossier)
    session.flush()
    specs = {c.index: c for c in proc.components}
    by_index: dict[int, DossierComponent] = {}
    for comp in intake.components:
        spec = specs.get(comp.index)
        row = DossierComponent(
            dossier_id=dossier.id,
            procedure_component_id=spec.id if spec else None,
            index=comp.index,
            name=comp.name,
            originals=comp.originals,
            copies=comp.copies,
            digitized=comp.digitized,
            reused=comp.reused,
        )
        session.add(row)
        by_index[comp.index] = row
    session.flush()
    status = intake.status
    for h in found.history:
        status = h.to_status or status
        session.add(
            StatusHistory(
                dossier_id=dossier.id,
                status=status,
                officer=h.officer,
                at=h.at,
                note=h.note,
                source=h.source,
            )
        )
    for item in found.attachments:
        component = by_index.get(item.component_index)
        if component is None or session.scalar(
            select(func.count(Attachment.id)).where(Attachment.dossier_component_id == component.id)
        ):
            continue
        component.digitized, component.pages = True, item.pages
        session.add(
            Attachment(
                uuid=str(uuid.uuid4()),
                dossier_component_id=component.id,
                sha256=item.sha256,
                size=item.size,
                pages=item.pages or 1,
                source=SOURCE,
                mime=item.mime,
                captured_at=intake.received_at,
            )
        )
        # The server holds it: never uploaded again.
        if session.get(UploadState, item.sha256) is None:
            session.add(
                UploadState(sha256=item.sha256, size=item.size, uploaded_at=now, updated_at=now)
            )
    session.execute(
        text("INSERT INTO dossier_search(rowid, name) VALUES (:id, :name)"),
        {"id": dossier.id, "name": fold(applicant.full_name)},
    )
    _logbook(session, dossier)
    return True


def _logbook(session: Session, dossier: Dossier) -> None:
    """The logbook's next line comes after the dossier brought back."""
    if not dossier.logbook_book or dossier.logbook_line is None:
        return
    counter = session.get(LogbookCounter, dossier.logbook_book)
    if counter is None:
        session.add(LogbookCounter(book=dossier.logbook_book, last_line=dossier.logbook_line))
    elif counter.last_line < dossier.logbook_line:
        counter.last_line = dossier.logbook_line


def backup_day_of(flag: dict[str, Any], today: date) -> date:
    return relearn_flag.backup_day(flag, today - timedelta(days=DEFAULT_DAYS))
