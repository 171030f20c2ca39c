"""Installing a verified bundle beside the current version, then switching to it.

Order, so that a power cut at any instant leaves a station that starts the
version that worked:

1. unpack into ``versions/.incoming-*``, sync every file, rename to
   ``versions/<version>`` (a folder under its final name is complete);
2. run the new version's ``self-test`` on a copy of the station database, so
   its migrations are tried without touching the real one;
3. switch: replace ``current.json`` in one rename, naming the previous
   version for rollback;
4. run the new version's ``self-test`` on the real data folder, which
   migrates the database after copying it to ``backups/``; if that fails,
   switch back and put the copy back;
5. delete versions other than the current and the previous one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import DomainError
from app.infra import datadir
from app.protect import keys
from app.update import client, layout
from db import engine as db_engine

SELF_TEST_TIMEOUT = 600


@dataclass(frozen=True)
class Applied:
    from_version: str
    to_version: str
    bundle: Path
    backup: Path | None


def _fsync_tree(root: Path) -> None:
    if os.name == "nt":
        return
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                continue
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        layout.fsync_dir(Path(folder))


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def unpack(home: Path, archive: Path, version: str) -> Path:
    """Extract ``archive`` to ``versions/<version>``; refuses anything but a bundle."""
    versions = layout.versions_dir(home)
    versions.mkdir(parents=True, exist_ok=True)
    final = layout.version_dir(home, version)
    if final.exists():  # left by an attempt that stopped before switching
        _remove(final)
    incoming = Path(tempfile.mkdtemp(prefix=f".incoming-{version}-", dir=versions))
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(incoming, filter="data")
        bundle = incoming / "motcua-desk"
        if layout.bundle_version(bundle) != version or not layout.is_complete(bundle):
            raise DomainError(
                "update_not_a_bundle",
                f"Tệp cập nhật không chứa chương trình phiên bản {version}; không cài.",
                f"The update file does not hold version {version}; nothing installed.",
            )
        _fsync_tree(bundle)
        os.replace(bundle, final)
        layout.fsync_dir(versions)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise DomainError(
            "update_damaged",
            f"Không giải nén được tệp cập nhật ({exc}); không cài.",
            f"The update file could not be unpacked ({exc}); nothing installed.",
        ) from exc
    finally:
        _remove(incoming)
    return final


def run_self_test(bundle: Path, data_dir: Path) -> subprocess.CompletedProcess:
    """The bundle's own ``self-test`` on ``data_dir``, never handing over to another version."""
    env = dict(os.environ, MOTCUA_HANDED_OVER="1")
    env.pop("MOTCUA_DATA_DIR", None)
    return subprocess.run(
        [str(bundle / layout.executable_name()), "--data-dir", str(data_dir), "self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=SELF_TEST_TIMEOUT,
    )


def _copy_database(data_dir: Path, target_dir: Path) -> None:
    source = datadir.db_path(data_dir)
    if not source.exists():
        return
    target_dir.mkdir(parents=True, exist_ok=True)
    key = keys.load_key(data_dir)
    if key is not None:
        # The copy is encrypted with the same key; the new version finds it in a
        # file only this user reads, removed with the temporary folder.
        keys.store_key(target_dir, key, [keys.FileStore()])
    src = db_engine.connect(source, key)
    try:
        dst = db_engine.connect(datadir.db_path(target_dir), key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _failed(proc: subprocess.CompletedProcess) -> str:
    lines = [x for x in (proc.stdout + proc.stderr).splitlines() if "LỖI" in x or "Lỗi" in x]
    return "; ".join(lines[:3]) or (proc.stderr.strip().splitlines() or ["?"])[-1]


def check_on_copy(home: Path, bundle: Path, data_dir: Path, version: str) -> None:
    with tempfile.TemporaryDirectory(prefix="selftest-", dir=home) as tmp:
        _copy_database(data_dir, Path(tmp))
        proc = run_self_test(bundle, Path(tmp))
    if proc.returncode != 0:
        raise DomainError(
            "update_self_test_failed",
            f"Phiên bản {version} không qua được bước tự kiểm tra ({_failed(proc)}); "
            "chưa chuyển sang phiên bản mới.",
            f"Version {version} failed its self-test ({_failed(proc)}); not switched.",
        )


def _newest_backup(data_dir: Path, since: float) -> Path | None:
    backups = [
        p for p in datadir.backup_dir(data_dir).glob("*.sqlite3") if p.stat().st_mtime >= since - 1
    ]
    return max(backups, key=lambda p: p.stat().st_mtime) if backups else None


def _restore(backup: Path, data_dir: Path) -> None:
    db = datadir.db_path(data_dir)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, db)


def prune(home: Path, keep: set[str]) -> None:
    """Remove half-unpacked folders and versions that are neither current nor previous."""
    versions = layout.versions_dir(home)
    if not versions.is_dir():
        return
    for entry in versions.iterdir():
        if entry.name not in keep:
            _remove(entry)


def apply(
    home: Path,
    data_dir: Path,
    source: client.Source,
    current: str,
) -> Applied | None:
    """Install the newest signed version from ``source``; ``None`` when up to date."""
    available = client.check(home, source, current)
    if available is None:
        return None
    old_pointer = layout.read_pointer(home)
    keep = {available.version}
    if old_pointer is not None:
        keep.add(old_pointer.version)
    prune(home, keep - {available.version})
    archive = client.download(home, source, available)
    try:
        bundle = unpack(home, archive, available.version)
    finally:
        archive.unlink(missing_ok=True)
    check_on_copy(home, bundle, data_dir, available.version)

    previous = old_pointer.version if old_pointer is not None else None
    switched_at = time.time()
    layout.write_pointer(home, layout.Pointer(available.version, previous))

    # The database is migrated by the new version only now, after the switch.
    backup = None
    if datadir.db_path(data_dir).exists():
        proc = run_self_test(bundle, data_dir)
        backup = _newest_backup(data_dir, switched_at)
        if proc.returncode != 0:
            layout.write_pointer(home, old_pointer)
            if backup is not None:
                _restore(backup, data_dir)
            raise DomainError(
                "update_migration_failed",
                f"Phiên bản {available.version} không mở được dữ liệu của quầy "
                f"({_failed(proc)}); đã quay lại phiên bản {current}"
                + (f" và khôi phục dữ liệu từ {backup.name}." if backup else "."),
                f"Version {available.version} could not open the station data; "
                f"switched back to {current}.",
            )
    prune(home, {v for v in (available.version, previous) if v})
    return Applied(current, available.version, bundle, backup)


def rollback(home: Path) -> str | None:
    """Go back to the previous version (or the packaged one); returns the version now in use."""
    pointer = layout.read_pointer(home)
    if pointer is None:
        return None
    if pointer.previous and layout.is_complete(layout.version_dir(home, pointer.previous)):
        layout.write_pointer(home, layout.Pointer(pointer.previous, None))
        return pointer.previous
    layout.write_pointer(home, None)
    return None
