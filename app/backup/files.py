"""The scanned components and slip archives that go along with a backup.

They are already encrypted with the station's data key and named by the
SHA-256 of their plaintext, so they are copied as they are, once, into a
pool beside the backups (``<destination>/files/attachments/…`` and
``…/files/paper/…``, the data folder's own layout): every backup after the
first copies only the files that are new since. A backup's manifest lists
the files it needs; verifying it decrypts each one from the pool and checks
it against its name, and a restore puts back the ones the data folder lacks.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from app.infra import datadir
from app.protect import filecrypt, hygiene

POOL = "files"
_NAME = re.compile(
    r"^(attachments/[0-9a-f]{2}/[0-9a-f]{2}|paper/[0-9a-f]{2})/(?P<sha>[0-9a-f]{64})\.pdf$"
)


def pool_of(backup_file: Path) -> Path:
    return Path(backup_file).parent / POOL


def _purpose(name: str) -> str:
    return filecrypt.ATTACHMENT if name.startswith("attachments/") else filecrypt.SLIP


def valid_name(name: str) -> bool:
    """A path a manifest may name: inside the two folders, named by a digest."""
    return bool(_NAME.match(name))


def gather(data_dir: Path) -> list[str]:
    """Every stored file of the data folder, as paths relative to it."""
    names = []
    for folder in (datadir.attachments_dir(data_dir), datadir.paper_archive_dir(data_dir)):
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.pdf"):
            name = path.relative_to(data_dir).as_posix()
            if path.is_file() and valid_name(name):
                names.append(name)
    return sorted(names)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_checked(src: Path, target: Path) -> None:
    """Copy through a synced temporary file, compare, then rename into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        shutil.copyfile(src, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if _sha256_file(tmp) != _sha256_file(src):
            raise OSError(f"the copy of {src.name} does not match")
        os.chmod(tmp, filecrypt.READ_ONLY)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def copy_new(source_root: Path, pool: Path, names: list[str]) -> int:
    """Copy into ``pool`` the files of ``names`` it does not hold yet; returns how many."""
    copied = 0
    touched: set[Path] = set()
    for name in names:
        target = pool / name
        if target.is_file():
            continue  # same name, same plaintext: already kept
        _copy_checked(source_root / name, target)
        touched.add(target.parent)
        copied += 1
    for folder in touched:
        with contextlib.suppress(OSError):
            hygiene.fsync_dir(folder)
    return copied


def damaged(pool: Path, names: list[str], key: bytes) -> list[str]:
    """The files of ``names`` missing from ``pool`` or not decrypting to their name."""
    bad = []
    for name in names:
        match = _NAME.match(name)
        if match is None:
            bad.append(name)
            continue
        digest = hashlib.sha256()
        try:
            for chunk in filecrypt.iter_plain(pool / name, key, _purpose(name)):
                digest.update(chunk)
        except (OSError, filecrypt.Damaged):
            bad.append(name)
            continue
        if digest.hexdigest() != match["sha"]:
            bad.append(name)
    return bad


def put_back(
    pool: Path, data_dir: Path, names: list[str], progress: Callable[[int], None] | None = None
) -> int:
    """Copy into the data folder the files it lacks; returns how many."""
    restored = 0
    for name in names:
        target = data_dir / name
        if target.is_file():
            continue
        hygiene.private_dir(data_dir / Path(name).parts[0])
        _copy_checked(pool / name, target)
        restored += 1
        if progress is not None:
            progress(restored)
    return restored
