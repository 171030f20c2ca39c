"""Making, checking and restoring station backups.

A backup is one SQLCipher file (encrypted with the station's data key, as
the live database is) and a manifest beside it. It is copied into a
temporary file with SQLite's online backup API, synced, verified (opens with the key,
SQLCipher's page check, ``PRAGMA integrity_check``, the schema revision and
every table's row count equal to the live database's), then moved into
place: a backup file under its final name has always verified. A restore
verifies first, keeps a safety copy of what it replaces and swaps the file
in one rename, so power lost at any moment leaves either the old database
or the restored one. The encrypted scans and slips go along into a pool
beside the backups, incrementally (``app.backup.files``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.backup import files, skip_ahead
from app.domain.errors import DomainError
from app.infra import clock, datadir, journal
from app.infra.storage import Database, open_database
from app.protect import atrest, hygiene, keys, windowlock
from db import engine as db_engine

FORMAT = "motcua-desk-backup/1"
SUFFIX = ".mcbak"
MANIFEST_SUFFIX = ".json"
PARTIAL_PREFIX = ".partial-"
# The page cache of the connections that copy and check a backup, in KiB.
# Each check reads every page of a file that reaches a gigabyte at a million
# dossiers, and SQLCipher decrypts (AES + HMAC) every page it reads that is
# not in this cache: the operating system's cache only holds ciphertext.
# ``integrity_check`` walks each index against its table, so with the
# default 8 MB it decrypts the same pages many times over. The memory is
# taken as pages are read and given back when the connection closes.
CHECK_CACHE_KIB = 256 * 1024


@dataclass
class Verification:
    file: str
    ok: bool
    sha256: str | None = None
    size: int | None = None
    created_at: str | None = None
    schema: str | None = None
    office_code: str | None = None
    station: int | None = None
    rows: dict[str, int] = field(default_factory=dict)
    files: int | None = None
    problem: str | None = None
    problem_vi: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def manifest_path(file: Path) -> Path:
    return file.with_name(file.name + MANIFEST_SUFFIX)


def default_destination(data_dir: Path) -> Path:
    return datadir.backup_dir(data_dir) / "daily"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _schema(conn) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except db_engine.cipher_module().Error:
        return None
    return row[0] if row else None


def _identity(conn) -> tuple[str | None, int | None]:
    try:
        row = conn.execute(
            "SELECT o.agency_code, s.number FROM station s JOIN office o ON o.id = s.office_id "
            "WHERE s.is_local = 1 LIMIT 1"
        ).fetchone()
    except db_engine.cipher_module().Error:
        return None, None
    return (row[0], row[1]) if row else (None, None)


def _full_check(path: Path, key: bytes) -> tuple[str | None, dict[str, int], str | None]:
    """Open ``path`` with ``key`` and check every page; returns (schema, rows, problem).

    ``integrity_check`` takes most of the time (it seeks every row of every
    index), so SQLCipher's page check, the schema and the row counts run
    beside it on a second connection: SQLite lets go of Python's lock while a
    statement runs, and an office PC has a core to spare.
    """
    cipher = db_engine.cipher_module()
    try:
        conn = db_engine.connect(path, key, isolation_level=None)
    except cipher.Error as exc:
        return None, {}, f"open: {exc}"
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except cipher.DatabaseError:
            return None, {}, "key"
        conn.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
        with ThreadPoolExecutor(1) as pool:
            side = pool.submit(_pages_schema_rows, path, key)
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            bad_pages, schema, rows = side.result()
        if bad_pages:
            return None, {}, f"cipher_integrity_check: {bad_pages[0][0]}"
        if result != "ok":
            return None, {}, f"integrity_check: {result}"
        return schema, rows, None
    except cipher.Error as exc:
        return None, {}, f"check: {exc}"
    finally:
        conn.close()


def _pages_schema_rows(path: Path, key: bytes) -> tuple[list, str | None, dict[str, int]]:
    """SQLCipher's check of every page's HMAC, then the schema and the row counts."""
    conn = db_engine.connect(path, key, isolation_level=None)
    try:
        conn.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
        bad_pages = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if bad_pages:
            return bad_pages, None, {}
        return [], _schema(conn), atrest.row_counts(conn)
    finally:
        conn.close()


def _name(office: str | None, station: int | None, now: datetime) -> str:
    who = f"{office or 'station'}-{station or 0}".replace(".", "")
    return f"motcua-{who}-{now.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"


def make_backup(
    db: Database, data_dir: Path, dest: Path | None = None, officer: str | None = None
) -> Verification:
    """Write a verified backup of ``db`` into ``dest`` (default: the data folder's)."""
    if db.key is None:
        raise DomainError(
            "no_key", "Cơ sở dữ liệu chưa được mã hóa.", "The database is not encrypted."
        )
    dest = Path(dest) if dest is not None else default_destination(data_dir)
    try:
        hygiene.private_dir(dest)
    except OSError as exc:
        raise _cannot_write(dest, exc) from exc
    now = clock.now().replace(tzinfo=None)
    conn = db.connect(isolation_level=None)
    try:
        office, station = _identity(conn)
        schema = _schema(conn)
    finally:
        conn.close()
    final = dest / _name(office, station, now)
    _remove_stale_partials(dest)
    tmp = dest / f"{PARTIAL_PREFIX}{secrets.token_hex(4)}{SUFFIX}"
    try:
        rows = _copy_consistent(db, tmp)
        _fsync_file(tmp)
        hygiene.private_file(tmp)
        with ThreadPoolExecutor(1) as pool:
            # Wanted only if the copy verifies, so taken beside the check
            # (another core) rather than after it.
            hashing = pool.submit(sha256_file, tmp)
            got_schema, got_rows, problem = _full_check(tmp, db.key)
            sha = hashing.result()
        if problem or got_schema != schema or got_rows != rows:
            raise DomainError(
                "backup_unverified",
                "Bản sao lưu vừa tạo không kiểm tra được (khác dữ liệu đang dùng); đã hủy bản "
                "này, dữ liệu đang dùng không bị ảnh hưởng.",
                "The new backup did not verify against the live data; it was discarded and "
                "the live data is untouched.",
            )
        # After the copy: a scan is stored before the row naming it commits.
        names = files.gather(data_dir)
        copied = files.copy_new(data_dir, files.pool_of(final), names)
        manifest = {
            "format": FORMAT,
            "file": final.name,
            "sha256": sha,
            "size": tmp.stat().st_size,
            "created_at": now.isoformat(timespec="seconds"),
            "schema": schema,
            "office_code": office,
            "station": station,
            "key_check": keys.check_value(db.key),
            "host": socket.gethostname(),
            "rows": rows,
            "files": names,
        }
        hygiene.write_private(
            manifest_path(final), json.dumps(manifest, indent=2).encode("utf-8"), atomic=True
        )
        os.replace(tmp, final)
        hygiene.fsync_dir(dest)
    except OSError as exc:
        raise _cannot_write(dest, exc) from exc
    finally:
        if tmp.exists():
            hygiene.shred(tmp)
    with db.write() as session:
        journal.audit(
            session,
            officer,
            "backup.create",
            final.name,
            clock.now(),
            {
                "sha256": sha,
                "size": manifest["size"],
                "dest": str(dest),
                "files": len(names),
                "files_copied": copied,
            },
        )
    return Verification(
        file=str(final.resolve()),
        ok=True,
        sha256=sha,
        size=manifest["size"],
        created_at=manifest["created_at"],
        schema=schema,
        office_code=office,
        station=station,
        rows=rows,
        files=len(names),
    )


def _remove_stale_partials(dest: Path, older_than_s: float = 600) -> None:
    """Partial files of a backup that was killed (never of one still running)."""
    now = datetime.now().timestamp()
    for stale in dest.glob(f"{PARTIAL_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > older_than_s:
                hygiene.shred(stale)


def _copy_consistent(db: Database, tmp: Path) -> dict[str, int]:
    """Copy the live database into ``tmp``; the row counts of exactly what was copied.

    The online backup API copies the pages as they are, where ``VACUUM INTO``
    rebuilt every table and index (the name search index included) and took
    most of the time of a backup. It is as safe: the copy is one read
    transaction, so writes made meanwhile are simply not in it, and the copy
    is then verified in full (SQLCipher's page check, ``integrity_check``,
    schema and row counts) before it gets its final name. The counts come
    from the same read transaction as the copy, so a write landing during the
    backup can never make them disagree.
    """
    tmp.unlink(missing_ok=True)
    # Created 0600 before SQLite opens it (SQLite would make it 0644).
    hygiene.write_private(tmp, b"")
    src = db.connect(isolation_level=None)
    try:
        src.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
        src.execute("BEGIN")
        try:
            rows = atrest.row_counts(src)  # opens the read transaction the copy reuses
            dst = db_engine.connect(tmp, db.key, isolation_level=None)
            try:
                # A half-written copy is only ever a partial file, thrown away
                # (and the finished one is fsynced and verified): no journal needed.
                dst.execute("PRAGMA journal_mode = OFF")
                dst.execute("PRAGMA synchronous = OFF")
                src.backup(dst)
                # The pages carry the live file's WAL flag; a backup is a
                # rollback-mode file, as VACUUM INTO made it, so checking one on
                # read-only media never needs -wal and -shm files beside it.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.execute("ROLLBACK")
    finally:
        src.close()
    return rows


def _cannot_write(dest: Path, exc: OSError) -> DomainError:
    full = "space" in str(exc).lower() or getattr(exc, "errno", None) == 28
    if full:
        return DomainError(
            "backup_dest_full",
            f"Nơi sao lưu {dest} đã đầy; chưa tạo được bản sao lưu. Dữ liệu đang dùng không "
            "bị ảnh hưởng.",
            f"The backup destination {dest} is full; no backup was made. The live data is "
            "untouched.",
        )
    return DomainError(
        "backup_dest_unwritable",
        f"Không ghi được vào nơi sao lưu {dest} ({exc.strerror or exc.__class__.__name__}); "
        "dữ liệu đang dùng không bị ảnh hưởng.",
        f"Cannot write to the backup destination {dest} "
        f"({exc.strerror or exc.__class__.__name__}); the live data is untouched.",
    )


# ------------------------------------------------------------------ verify

_PROBLEMS = {
    "missing": ("Không tìm thấy tệp sao lưu.", "The backup file does not exist."),
    "no_manifest": (
        "Thiếu tệp mô tả (.json) đi kèm bản sao lưu.",
        "The backup's manifest (.json) is missing.",
    ),
    "sha256": (
        "Tệp sao lưu đã bị thay đổi hoặc hỏng (mã băm SHA-256 không khớp).",
        "The backup file was changed or is damaged (SHA-256 does not match).",
    ),
    "other_station": (
        "Bản sao lưu của quầy khác (khóa dữ liệu khác); không dùng được ở quầy này.",
        "The backup belongs to another station (a different data key); it cannot be used here.",
    ),
    "damaged": (
        "Tệp sao lưu bị hỏng (kiểm tra toàn vẹn không đạt).",
        "The backup file is damaged (integrity check failed).",
    ),
    "rows": (
        "Số bản ghi trong bản sao lưu khác với lúc tạo.",
        "The backup's row counts differ from when it was made.",
    ),
    "files": (
        "Thiếu hoặc hỏng tệp số hóa/phiếu lưu đi kèm bản sao lưu (thư mục “files” bên cạnh).",
        "Scanned or slip files that go with the backup are missing or damaged (the “files” "
        "folder beside it).",
    ),
    "newer_schema": (
        "Bản sao lưu do phiên bản phần mềm mới hơn tạo; hãy cập nhật phần mềm trước.",
        "The backup was made by a newer version of the software; update it first.",
    ),
}


def _failed(file: Path, problem: str, **extra: Any) -> Verification:
    vi, en = _PROBLEMS[problem]
    return Verification(file=str(file), ok=False, problem=problem, problem_vi=vi, **extra)


def problem_error(v: Verification) -> DomainError:
    vi, en = _PROBLEMS.get(v.problem or "damaged", _PROBLEMS["damaged"])
    return DomainError(
        f"backup_{v.problem}", vi + " Không có gì bị thay đổi.", en + " Nothing was changed."
    )


def verify_backup(file: Path, key: bytes) -> Verification:
    """Check a backup file completely against its manifest and the station's key."""
    file = Path(file).resolve()
    if not file.is_file():
        return _failed(file, "missing")
    try:
        manifest = json.loads(manifest_path(file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _failed(file, "no_manifest")
    base = {
        "size": file.stat().st_size,
        "created_at": manifest.get("created_at"),
        "schema": manifest.get("schema"),
        "office_code": manifest.get("office_code"),
        "station": manifest.get("station"),
    }
    sha = sha256_file(file)
    if sha != manifest.get("sha256"):
        return _failed(file, "sha256", sha256=sha, **base)
    if manifest.get("key_check") != keys.check_value(key):
        return _failed(file, "other_station", sha256=sha, **base)
    schema, rows, problem = _full_check(file, key)
    if problem == "key":
        return _failed(file, "other_station", sha256=sha, **base)
    if problem:
        return _failed(file, "damaged", sha256=sha, **base)
    if rows != manifest.get("rows") or schema != manifest.get("schema"):
        return _failed(file, "rows", sha256=sha, **base)
    names = manifest.get("files") or []
    if not isinstance(names, list) or files.damaged(files.pool_of(file), names, key):
        return _failed(file, "files", sha256=sha, **base)
    base["files"] = len(names)
    from db import migrate

    known = _known_revisions(migrate)
    if schema not in known:
        return _failed(file, "newer_schema", sha256=sha, **base)
    return Verification(file=str(file), ok=True, sha256=sha, rows=rows, **base)


def _known_revisions(migrate) -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def list_backups(folders: list[Path]) -> list[dict[str, Any]]:
    """Every backup in ``folders``, newest first, as its manifest describes it."""
    found = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in folder.glob(f"*{SUFFIX}"):
            if file.name.startswith(PARTIAL_PREFIX):
                continue
            try:
                manifest = json.loads(manifest_path(file).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                manifest = {}
            found.append(
                {
                    "file": str(file.resolve()),
                    "sha256": manifest.get("sha256"),
                    "size": file.stat().st_size,
                    "created_at": manifest.get("created_at"),
                    "schema": manifest.get("schema"),
                    "dossiers": (manifest.get("rows") or {}).get("dossier"),
                    "files": len(manifest.get("files") or []),
                }
            )
    found.sort(key=lambda b: (b["created_at"] or "", b["file"]), reverse=True)
    return found


# ------------------------------------------------------------------ restore

RESTORING = ".restoring"


def recover_interrupted_restore(data_dir: Path) -> None:
    """A restore killed before its final rename leaves only a temporary file."""
    tmp = datadir.db_path(data_dir).with_name(datadir.DB_NAME + RESTORING)
    if tmp.exists():
        hygiene.shred(tmp)


def restore_backup(
    data_dir: Path,
    file: Path,
    officer: str | None = None,
    *,
    window_lock: windowlock.WindowLock | None = None,
) -> dict[str, Any]:
    """Put the backup ``file`` in place of the station database in ``data_dir``.

    ``window_lock``: the lock of the window asking, which has closed its own
    connections first; the lock is exclusive, so while it holds it no other
    window has the folder open.
    """
    ours = window_lock is not None and window_lock.held
    if not ours and windowlock.window_open(data_dir):
        raise DomainError(
            "window_open",
            "Cửa sổ MotCua Desk đang mở thư mục dữ liệu này; hãy đóng cửa sổ rồi khôi phục. "
            "Không có gì bị thay đổi.",
            "The MotCua Desk window has this data folder open; close it, then restore. "
            "Nothing was changed.",
        )
    key = keys.load_key(data_dir)
    if key is None:
        raise keys.key_lost(data_dir)
    check = verify_backup(file, key)
    if not check.ok:
        raise problem_error(check)
    live = datadir.db_path(data_dir)
    recover_interrupted_restore(data_dir)
    # The files first: extra content-addressed files are harmless if the swap never comes.
    names = json.loads(manifest_path(Path(check.file)).read_text(encoding="utf-8")).get("files")
    try:
        files_back = files.put_back(files.pool_of(Path(check.file)), data_dir, names or [])
    except OSError as exc:
        raise _cannot_write(data_dir, exc) from exc
    safety = _safety_copy(data_dir, live, key)
    replaced_head = _checkpoint_and_head(live, key)
    tmp = live.with_name(datadir.DB_NAME + RESTORING)
    try:
        shutil.copyfile(file, tmp)
        hygiene.private_file(tmp)
        _fsync_file(tmp)
        if sha256_file(tmp) != check.sha256:
            raise DomainError(
                "restore_copy_failed",
                "Chép bản sao lưu vào thư mục dữ liệu bị lỗi; dữ liệu đang dùng không bị "
                "ảnh hưởng.",
                "Copying the backup into the data folder failed; the live data is untouched.",
            )
        for side in ("-wal", "-shm", "-journal"):
            # Checkpointed above: removing them loses nothing, and a stale WAL
            # must never be replayed onto the restored file.
            with contextlib.suppress(FileNotFoundError):
                live.with_name(live.name + side).unlink()
        os.replace(tmp, live)
        hygiene.fsync_dir(data_dir)
    except OSError as exc:
        raise _cannot_write(data_dir, exc) from exc
    finally:
        if tmp.exists():
            hygiene.shred(tmp)
    db = open_database(data_dir)
    try:
        with db.write() as session:
            now = clock.now()
            made_day = datetime.fromisoformat(check.created_at or now.isoformat()).date()
            moved, relearning = skip_ahead.after_restore(session, data_dir, made_day, now, officer)
            journal.audit(
                session,
                officer,
                "backup.restore",
                Path(file).name,
                clock.now(),
                {
                    "sha256": check.sha256,
                    "backup_created_at": check.created_at,
                    "safety_copy": safety.name if safety else None,
                    "replaced_head": replaced_head,
                },
            )
    finally:
        db.dispose()
    return {
        "file": check.file,
        "sha256": check.sha256,
        "created_at": check.created_at,
        "safety_copy": str(safety.resolve()) if safety else None,
        "dossiers": check.rows.get("dossier"),
        "files": check.files,
        "files_restored": files_back,
        "skipped_ahead": moved,
        "relearning": relearning,
    }


def _safety_copy(data_dir: Path, live: Path, key: bytes) -> Path | None:
    """The database being replaced, kept as it was (raw files, WAL included)."""
    if not live.exists():
        return None
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    folder = hygiene.private_dir(datadir.backup_dir(data_dir) / f"before-restore-{stamp}")
    for side in ("", "-wal", "-shm"):
        src = live.with_name(live.name + side)
        if src.exists():
            shutil.copyfile(src, folder / src.name)
            hygiene.private_file(folder / src.name)
            _fsync_file(folder / src.name)
    hygiene.fsync_dir(folder)
    return folder


def _checkpoint_and_head(live: Path, key: bytes) -> dict[str, Any] | None:
    """Fold the WAL into the live file; the audit chain head it had, if readable."""
    if not live.exists():
        return None
    cipher = db_engine.cipher_module()
    try:
        conn = db_engine.connect(live, key, isolation_level=None)
    except cipher.Error:
        return None
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        row = conn.execute("SELECT head_id, head_hash FROM audit_key WHERE id = 1").fetchone()
        return {"id": row[0], "hash": row[1]} if row else None
    except cipher.Error:
        return None
    finally:
        conn.close()
