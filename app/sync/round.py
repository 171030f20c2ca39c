"""One sync round: push the outbox, pull changes, refresh master data."""

from __future__ import annotations

import errno
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.capture.store import AttachmentStore
from app.domain.errors import DomainError
from app.infra import clock
from app.office import station
from app.sync import audit_report, backup_copy, credentials, cursors, key_escrow, relearn, roundlog
from app.sync.pull import pull_changes, refresh_master
from app.sync.push import pending_count, push_all
from app.sync.rotation import rotate_token
from app.sync.roundlog import RoundReport
from app.sync.transport import SyncError, Transport
from app.sync.upload import bytes_left, upload_all
from db.engine import Database

log = logging.getLogger("motcua.sync")

# Minutes either way are harmless on a receipt; beyond this, appointments drift.
CLOCK_SKEW_LIMIT = timedelta(minutes=5)
SKEW_CURSOR = "clock_skew_seconds"
# Failures after which a restored station stops waiting for the server and skips
# its counters ahead instead: no answer, a broken server, or a credential it refuses
# (until someone enrols the station again, the counter must still work).
CANNOT_ASK = frozenset({"server_unreachable", "server_error", "credential_rejected"})


@dataclass(frozen=True)
class RoundProgress:
    """Where a running round is: ``start``, ``push`` (events), ``upload`` (bytes), ``pull``.

    ``total`` is 0 when the amount is not known in advance.
    """

    phase: str
    done: int = 0
    total: int = 0


ProgressCallback = Callable[[RoundProgress], None]


def not_enrolled() -> DomainError:
    return DomainError(
        "not_enrolled",
        "Quầy chưa đăng ký với máy chủ; dùng lệnh “enroll” hoặc trang Cài đặt.",
        "This station is not enrolled with a server; use “enroll” or Settings.",
    )


def disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    text = str(exc).lower()
    return "disk is full" in text or "no space left" in text


def local_code(exc: BaseException) -> str:
    return "disk_full" if disk_full(exc) else "local_error"


def local_failure(exc: BaseException) -> str:
    """Plain words for a failure of this computer rather than of the network."""
    if disk_full(exc):
        return (
            "Ổ đĩa của máy này đã đầy nên không ghi được dữ liệu đồng bộ; hãy giải phóng "
            "dung lượng. Hồ sơ chờ gửi vẫn được giữ nguyên."
        )
    return (
        "Không đọc hoặc ghi được dữ liệu trên máy này khi đồng bộ; sẽ thử lại sau. "
        "Chi tiết đã được ghi vào nhật ký."
    )


def describe_skew(skew: timedelta) -> str:
    minutes = int(abs(skew).total_seconds() // 60)
    span = f"{minutes // 60} giờ {minutes % 60} phút" if minutes >= 60 else f"{minutes} phút"
    way = "chậm" if skew > timedelta(0) else "nhanh"
    return (
        f"Đồng hồ của máy này {way} {span} so với máy chủ; hãy chỉnh lại ngày giờ để "
        "thời điểm tiếp nhận và ngày hẹn trả được đúng."
    )


class _Reporter:
    """Turns the parts' counters into ``RoundProgress`` (uploads come from several threads)."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.lock = threading.Lock()
        self.phase = "start"
        self.done = 0
        self.total = 0

    def begin(self, phase: str, total: int = 0) -> None:
        with self.lock:
            self.phase, self.done, self.total = phase, 0, total
        self._tell()

    def add(self, amount: int) -> None:
        with self.lock:
            self.done += amount
        self._tell()

    def _tell(self) -> None:
        if self.callback is not None:
            with self.lock:
                news = RoundProgress(self.phase, self.done, max(self.total, self.done))
            self.callback(news)


class _Uploads:
    """:func:`upload_all` on a thread of its own, from the moment it is made.

    Bytes sent before ``finish`` are counted and handed to the progress
    callback ``finish`` is given, so the round shows its phases in order.
    """

    def __init__(self, db: Database, transport: Transport, store: AttachmentStore) -> None:
        self._transport = transport.clone()
        self._lock = threading.Lock()
        self._early = 0
        self._tell: Callable[[int], None] | None = None
        self._sent = 0
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(db, store), name="motcua-sync-upload", daemon=True
        )
        self._thread.start()

    def _run(self, db: Database, store: AttachmentStore) -> None:
        try:
            self._sent = upload_all(db, self._transport, store, progress=self._progress)
        except BaseException as exc:  # noqa: BLE001 - raised again by finish()
            self._error = exc
        finally:
            self._transport.close()

    def _progress(self, amount: int) -> None:
        with self._lock:
            tell = self._tell
            if tell is None:
                self._early += amount
        if tell is not None:
            tell(amount)

    def finish(self, tell: Callable[[int], None]) -> int:
        """Wait for every file; returns the bytes sent, or raises what stopped the upload."""
        with self._lock:
            self._tell, early = tell, self._early
        if early:
            tell(early)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._sent


def run_round(
    db: Database, data_dir: Path, *, progress: ProgressCallback | None = None
) -> RoundReport:
    """Never raises for network or disk trouble: failures are in the report, data stays queued.

    ``progress`` is called on this thread (and on upload threads) as the round moves on.
    """
    cred = credentials.load(data_dir)
    if cred is None:
        raise not_enrolled()
    report = RoundReport(started_at=clock.now())
    reporter = _Reporter(progress)
    transport = Transport(cred.server_url, cred.station_token)
    try:
        reporter.begin("start")
        with db.read() as session:
            number = station.load(session).station_number
        upload_total = bytes_left(db) if progress else 0
        # Files go up while the events are pushed: the server takes a file
        # before or after the manifest naming it (whichever arrives second
        # completes the dossier), so the push costs the round no extra time.
        files = _Uploads(db, transport, AttachmentStore.for_data_dir(data_dir))
        try:
            reporter.begin("push", pending_count(db))
            counts = push_all(db, transport, progress=reporter.add)
            report.pushed = counts["applied"]
            report.duplicates = counts["duplicate"]
            report.conflicts = counts["conflict"]
            report.rejected = counts["rejected"]
            reporter.begin("upload", upload_total)
        finally:
            report.uploaded_bytes = files.finish(reporter.add)
        report.backup_copied = _copy_backup(db, data_dir, transport, report)
        reporter.begin("pull")
        report.pulled = pull_changes(db, transport, number)
        # After the pull: what the feed changed since is already in what comes back.
        report.relearned = relearn.run(db, transport, data_dir)
        report.master_updated = refresh_master(db, transport, clock.now())
        _protect(db, data_dir, cred, transport, report)
        if transport.rotate_due:
            _swap_token(data_dir, cred, transport, report)
    except DomainError as exc:  # SyncError included
        report.fail(exc.code, exc.message_vi)
    except (OSError, SQLAlchemyError) as exc:
        log.exception("sync round failed on this computer")
        report.fail(local_code(exc), local_failure(exc))
    finally:
        transport.close()
    if set(report.error_codes) & CANNOT_ASK:
        _relearn_later(db, report)
    skew = transport.clock_skew
    if skew is not None and abs(skew) > CLOCK_SKEW_LIMIT:
        report.warnings.append(describe_skew(skew))
    report.finished_at = clock.now()
    _finish(db, report, skew)
    roundlog.record(data_dir, report)
    return report


def _protect(
    db: Database,
    data_dir: Path,
    cred: credentials.Credential,
    transport: Transport,
    report: RoundReport,
) -> None:
    """The key's recovery copy and the audit chain head; trouble here is a warning only.

    The dossiers have gone and come by now; a station must not stop syncing
    because the server is older or refuses a copy.
    """
    try:
        key_escrow.keep_copy_current(db, transport, data_dir, cred.office_code, cred.station_number)
    except (DomainError, OSError) as exc:
        log.warning("data key copy not sent: %s", getattr(exc, "code", exc))
        report.warnings.append(
            "Chưa gửi được bản sao khóa dữ liệu lên máy chủ; sẽ thử lại ở lần đồng bộ sau "
            f"({getattr(exc, 'message_vi', exc)})."
        )
    try:
        answer = audit_report.report_head(db, transport)
    except (DomainError, OSError, SQLAlchemyError) as exc:
        log.warning("audit head not sent: %s", getattr(exc, "code", exc))
        report.warnings.append(
            "Chưa gửi được đầu chuỗi nhật ký lên máy chủ; sẽ thử lại ở lần đồng bộ sau "
            f"({getattr(exc, 'message_vi', exc)})."
        )
        return
    if answer is not None and answer.flag is not None:
        report.warnings.append(f"Máy chủ đã ghi nhận cảnh báo về nhật ký: {answer.message}")


def _copy_backup(
    db: Database, data_dir: Path, transport: Transport, report: RoundReport
) -> dict | None:
    """The newest backup to the server; a refusal (too large…) is a warning, not a failure."""
    try:
        return backup_copy.send_newest(db, data_dir, transport)
    except SyncError as exc:
        if exc.retry:
            raise
        report.warnings.append(f"Chưa sao lưu được lên máy chủ: {exc.message_vi}")
        return None


def _relearn_later(db: Database, report: RoundReport) -> None:
    """A restored station that cannot ask the server works on with its counters skipped ahead."""
    try:
        relearn.go_offline(db)
        message = relearn.offline_message(relearn.pending(db))
    except SQLAlchemyError:
        log.exception("could not skip the day counters ahead")
        return
    if message:
        report.warnings.append(message)


def _swap_token(
    data_dir: Path, cred: credentials.Credential, transport: Transport, report: RoundReport
) -> None:
    """Take the fresh token the server asks us to; a failure only postpones it.

    The old token keeps working for the server's grace period, so the next
    round simply tries again: a warning, not a failed round.
    """
    try:
        rotate_token(data_dir, cred, transport)
    except (DomainError, OSError) as exc:
        log.warning("station token not swapped: %s", exc)
        report.warnings.append(
            "Chưa đổi được mã xác thực máy trạm; sẽ thử lại ở lần đồng bộ sau "
            f"({getattr(exc, 'message_vi', exc)})."
        )


def _finish(db: Database, report: RoundReport, skew: timedelta | None) -> None:
    try:
        report.pending = pending_count(db)
        with db.write() as session:
            at = report.finished_at
            cursors.put(session, "last_attempt", at.isoformat(), at)
            if report.ok:
                cursors.put(session, "last_success", at.isoformat(), at)
            if skew is not None:
                cursors.put(session, SKEW_CURSOR, str(int(skew.total_seconds())), at)
    except (OSError, SQLAlchemyError) as exc:
        log.exception("could not note the sync round")
        report.fail(local_code(exc), local_failure(exc))
