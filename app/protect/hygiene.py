"""The data folder readable by this user only, and files that leave no trace.

On POSIX the folder is 0700 and its files 0600. On Windows the folder
inherits the user profile's ACL (the user, SYSTEM and Administrators);
``windows_acl_command`` gives the ``icacls`` call that narrows it to the user.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path, *, platform: str = sys.platform, run=None) -> Path:
    """Create ``path`` (and parents) and make it this user's alone.

    On Windows a newly created folder gets an ACL for this user and SYSTEM
    only (through ``icacls``; ``run`` stands in for it in tests).
    """
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True)
    if platform != "win32":
        with contextlib.suppress(OSError):
            os.chmod(path, DIR_MODE)
    elif not existed:
        user = os.environ.get("USERNAME", "")
        if user:
            runner = run or _run_hidden
            with contextlib.suppress(OSError):
                runner(windows_acl_command(path, user))
    return path


def _run_hidden(cmd: list[str]) -> None:
    import subprocess

    subprocess.run(cmd, check=False, capture_output=True, timeout=30)


def private_file(path: Path) -> None:
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.chmod(path, FILE_MODE)


def fsync_dir(path: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private(path: Path, data: bytes, *, atomic: bool = False) -> None:
    """Write ``data`` to a file created 0600 (never readable by others, not even briefly)."""
    target = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp") if atomic else path
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    private_file(target)
    if atomic:
        os.replace(target, path)
        fsync_dir(path.parent)


def shred(path: Path) -> None:
    """Overwrite a file with random bytes before removing it.

    On SSDs and copy-on-write file systems the old blocks may survive; the
    files shredded here are encrypted or temporary, so this is a second line.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        with open(path, "r+b") as fh:
            remaining = size
            while remaining > 0:
                n = min(remaining, 1 << 20)
                fh.write(secrets.token_bytes(n))
                remaining -= n
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)


def windows_acl_command(path: Path, user: str) -> list[str]:
    """The ``icacls`` call that leaves only ``user`` (and SYSTEM) on the data folder."""
    return [
        "icacls",
        str(path),
        "/inheritance:r",
        "/grant:r",
        f"{user}:(OI)(CI)F",
        "/grant:r",
        "SYSTEM:(OI)(CI)F",
    ]


@contextlib.contextmanager
def shredded_tempdir(prefix: str, parent: Path | None = None) -> Iterator[Path]:
    """A private working folder (in ``parent`` if given) whose files are shredded after.

    Scans and OCR pass the citizen's papers in clear through such a folder;
    removing the files would leave their blocks on disk.
    """
    if parent is not None:
        private_dir(parent)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_dir() and not path.is_symlink():
                with contextlib.suppress(OSError):
                    path.rmdir()
            else:
                shred(path)
        with contextlib.suppress(OSError):
            folder.rmdir()


def shred_stale(parent: Path, older_than_s: float = 3600) -> int:
    """Working folders a killed scan or OCR left in ``parent``; returns how many went."""
    import time

    gone = 0
    if not parent.is_dir():
        return 0
    for folder in parent.iterdir():
        with contextlib.suppress(OSError):
            if time.time() - folder.stat().st_mtime < older_than_s:
                continue  # perhaps still in use by the window
            files = [folder] if folder.is_file() else sorted(folder.rglob("*"), reverse=True)
            for path in files:
                if path.is_dir():
                    path.rmdir()
                else:
                    shred(path)
            if folder.is_dir():
                folder.rmdir()
            gone += 1
    return gone
