"""The content-addressed attachment store and the files of uploads in progress.

A verified file lives at ``attachments/ab/cd/<sha256>``, read-only; it is
only ever moved there whole (``os.replace`` within one file system), so a
reader never sees half a file under a hash name. Bytes of an unfinished
upload live in ``uploads/<id>.part``.
"""

from __future__ import annotations

import asyncio
import hashlib
import os

try:
    import fcntl
except ImportError:  # Windows: a single-process server
    fcntl = None  # type: ignore[assignment]
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

from server.config import Settings

READ_BLOCK = 1024 * 1024
# Bytes handed to the writer thread at a time: small enough that hashing
# overlaps receiving even for 1 MiB chunks, large enough that the hand-over
# costs little.
PIPELINE_BYTES = 256 * 1024
# Unflushed bytes of an upload after which a background flush is started.
SYNC_EVERY = 16 * 1024 * 1024


def sha256_file(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(READ_BLOCK):
            hasher.update(block)
    return hasher.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the file itself is synced
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, settings: Settings) -> None:
        self.root = settings.attachments_dir
        self.uploads = settings.uploads_dir
        self.quarantine_dir = settings.quarantine_dir
        # Running SHA-256 of each upload, so finishing one does not re-read
        # the whole file; lost on restart, when the file is read once instead.
        self._running: dict[str, tuple[int, hashlib._Hash]] = {}
        self._unsynced: dict[str, int] = {}
        # Store directories made but whose own entry may not be on disk yet.
        self._new_dirs: set[Path] = set()
        self._lock = threading.Lock()
        # Uploads a request of this process holds (see try_lock).
        self._held: set[str] = set()

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def part_path(self, upload_id: str) -> Path:
        return self.uploads / f"{upload_id}.part"

    def lock_path(self, upload_id: str) -> Path:
        return self.uploads / f"{upload_id}.lock"

    def try_lock(self, upload_id: str) -> UploadLock | None:
        """Hold the upload for one PATCH, or ``None`` if another request holds it.

        The lock is on a file (``flock``), so it holds across the worker
        processes of one server; the operating system drops it if a worker
        dies. Where ``flock`` does not exist (Windows) it holds within this
        process only, which is all a single-process server needs.
        """
        with self._lock:
            if upload_id in self._held:
                return None
            self._held.add(upload_id)
        try:
            fd = os.open(self.lock_path(upload_id), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            self._release(upload_id)
            raise
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                self._release(upload_id)
                return None
        return UploadLock(self, upload_id, fd)

    def _release(self, upload_id: str) -> None:
        with self._lock:
            self._held.discard(upload_id)

    def create_part(self, upload_id: str) -> None:
        """Make the (empty) file of an upload.

        Only an empty upload needs this: a missing file holds no bytes, which
        is what the offset of a new upload says, and the first chunk creates
        it (see :class:`ChunkSink`).
        """
        self.part_path(upload_id).touch(exist_ok=True)

    def part_size(self, upload_id: str) -> int:
        try:
            return self.part_path(upload_id).stat().st_size
        except FileNotFoundError:
            return 0

    def truncate_part(self, upload_id: str, size: int) -> None:
        path = self.part_path(upload_id)
        if not path.exists():
            path.touch()
        with path.open("r+b") as handle:
            handle.truncate(size)

    def running_hash(self, upload_id: str, offset: int) -> hashlib._Hash | None:
        """A copy of the running hash if it covers exactly ``offset`` bytes."""
        if offset == 0:
            return hashlib.sha256()
        with self._lock:
            state = self._running.get(upload_id)
        if state is None or state[0] != offset:
            return None
        return state[1].copy()

    def keep_running_hash(self, upload_id: str, offset: int, hasher: hashlib._Hash) -> None:
        with self._lock:
            self._running[upload_id] = (offset, hasher)

    def forget(self, upload_id: str) -> None:
        with self._lock:
            self._running.pop(upload_id, None)
            self._unsynced.pop(upload_id, None)
        self.part_path(upload_id).unlink(missing_ok=True)
        self.lock_path(upload_id).unlink(missing_ok=True)

    def final_hash(self, upload_id: str, length: int) -> str:
        running = self.running_hash(upload_id, length)
        if running is not None:
            return running.hexdigest()
        return sha256_file(self.part_path(upload_id))

    def sync_due(self, upload_id: str, written: int) -> bool:
        """Count ``written`` bytes; True when enough have gathered to flush them."""
        with self._lock:
            pending = self._unsynced.get(upload_id, 0) + written
            due = pending >= SYNC_EVERY
            self._unsynced[upload_id] = 0 if due else pending
        return due

    def sync_part(self, upload_id: str) -> None:
        """Flush an unfinished upload to disk.

        Run in the background every few megabytes, so the flush that must
        precede "verified and stored" has little left to write.
        """
        try:
            fd = os.open(self.part_path(upload_id), os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def install(self, upload_id: str, sha256: str) -> None:
        """Move a verified upload into the store (or drop it if the store has it)."""
        part = self.part_path(upload_id)
        target = self.path_for(sha256)
        if target.is_file() and sha256_file(target) == sha256:
            self.forget(upload_id)
            return
        self._make_dirs(target.parent)
        with part.open("rb") as handle:
            os.fsync(handle.fileno())
        if target.exists():
            target.chmod(0o644)
        os.replace(part, target)
        target.chmod(0o444)
        _fsync_dir(target.parent)
        self._sync_new_dirs(target.parent)
        with self._lock:
            self._running.pop(upload_id, None)
            self._unsynced.pop(upload_id, None)
        self.lock_path(upload_id).unlink(missing_ok=True)

    def _make_dirs(self, directory: Path) -> None:
        """Create ``directory`` (``ab/cd``) and its parent as needed, noting the new ones."""
        if directory.is_dir():
            return
        with self._lock:
            for path in (directory.parent, directory):
                try:
                    path.mkdir()
                except FileExistsError:
                    continue
                self._new_dirs.add(path)

    def _sync_new_dirs(self, directory: Path) -> None:
        """Sync the entries of ``directory`` and its parent if they are new.

        Whoever installs a file into a directory that some install created
        and has not yet synced syncs it too, so no file is acknowledged
        inside a directory that a power cut could take away. A directory
        leaves the set only once its entry is on disk.
        """
        for path in (directory, directory.parent):
            with self._lock:
                if path not in self._new_dirs:
                    continue
            _fsync_dir(path.parent)
            with self._lock:
                self._new_dirs.discard(path)

    def quarantine(self, sha256: str) -> None:
        """Move a file that no longer matches its name out of the store."""
        source = self.path_for(sha256)
        if not source.exists():
            return
        self.quarantine_dir.mkdir(parents=True, exist_ok=True)
        target = self.quarantine_dir / f"{sha256}.{os.getpid()}.{threading.get_ident()}"
        os.replace(source, target)


class UploadOverflow(Exception):
    """More bytes arrived than the upload has room for."""


class ChunkSink:
    """Writes one PATCH body at a given offset, hashing as it goes.

    ``rollback`` cuts the file back to where the chunk began: a chunk that
    fails its checksum, or that was cut off while a checksum was promised,
    leaves no trace.
    """

    def __init__(
        self,
        path: Path,
        start: int,
        *,
        chunk_hash: str | None,
        running: hashlib._Hash | None,
    ) -> None:
        """``chunk_hash`` names the algorithm of the chunk's checksum, if one was sent."""
        self.start = start
        self.written = 0
        self.running = running
        # A running SHA-256 that starts at byte 0 has seen nothing but this
        # chunk, so it is the chunk's SHA-256 too: the bytes are hashed once.
        self._shared = chunk_hash == "sha256" and running is not None and start == 0
        self.chunk_hasher = (
            hashlib.new(chunk_hash) if chunk_hash is not None and not self._shared else None
        )
        # A new upload's file is made by its first chunk; later chunks append
        # to a file that must exist. It is opened by the first write, which
        # runs in the writer thread rather than the event loop.
        self._path = path
        self._flags = os.O_RDWR | (os.O_CREAT if start == 0 else 0) | getattr(os, "O_BINARY", 0)
        self._handle: BinaryIO | None = None

    def _file(self) -> BinaryIO:
        if self._handle is None:
            self._handle = os.fdopen(os.open(self._path, self._flags, 0o644), "r+b")
            self._handle.seek(self.start)
        return self._handle

    async def receive(self, stream: AsyncIterator[bytes], room: int) -> None:
        """Write what ``stream`` yields, at most ``room`` bytes.

        Writing and hashing run in a worker thread on about a megabyte at a
        time while the event loop receives the next one (both release the
        GIL), so checking every byte costs little wall time. Whatever arrived
        before an exception (a dropped connection) has been written when it
        propagates.
        """
        loop = asyncio.get_running_loop()
        pending: asyncio.Future[None] | None = None
        batch: list[bytes] = []
        batched = received = 0
        try:
            async for piece in stream:
                received += len(piece)
                if received > room:
                    raise UploadOverflow
                batch.append(piece)
                batched += len(piece)
                if batched >= PIPELINE_BYTES:
                    if pending is not None:
                        await pending
                    pending = loop.run_in_executor(None, self._write_all, batch)
                    batch, batched = [], 0
        finally:
            if pending is not None:
                await pending
            self._write_all(batch)

    def _write_all(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            self.write(piece)

    def write(self, data: bytes) -> None:
        self._file().write(data)
        if self.chunk_hasher is not None:
            self.chunk_hasher.update(data)
        if self.running is not None:
            self.running.update(data)
        self.written += len(data)

    def chunk_digest(self) -> bytes:
        """Digest of the bytes this sink wrote (only if asked for ``chunk_hash``)."""
        if self._shared:
            assert self.running is not None, "digest taken after a rollback"
            return self.running.digest()
        assert self.chunk_hasher is not None
        return self.chunk_hasher.digest()

    def rollback(self) -> None:
        if self._handle is not None:
            self._handle.flush()
            self._handle.truncate(self.start)
        self.written = 0
        self.running = None

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


class UploadLock:
    """One PATCH's hold on an upload; ``release`` when the request ends."""

    def __init__(self, store: BlobStore, upload_id: str, fd: int) -> None:
        self.store = store
        self.upload_id = upload_id
        self.fd = fd

    def release(self) -> None:
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.store._release(self.upload_id)
