"""Files under the data folder encrypted with keys derived from the data key.

Scanned components and printed-slip archives hold the same names and ID
numbers as the database, so they are encrypted too: AES-256-GCM in chunks
of 1 MiB (a large scan never has to sit whole in memory to be checked).
Each file has its own random salt, from which HKDF derives the file's key
out of the station's data key, so no two files share a key and a nonce.
The nonce is the chunk's number with a last-chunk flag, and the header is
authenticated with every chunk: a chunk removed, repeated, reordered or
cut off the end fails to decrypt, exactly as a flipped bit does.

Layout: ``MAGIC`` (8 bytes), salt (16), chunk size (4, big-endian), then
the chunks, each ``len(plain) + 16`` bytes; every chunk but the last is
full, the last is shorter (possibly empty).

A file without the magic is a plain file from before encryption: it is
still read (its name is its SHA-256, which the caller verifies) and
``encrypt_tree`` converts such files in place, crash-safe.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from app.protect import hygiene

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("motcua.protect")

MAGIC = b"MCDENC1\n"
SALT_BYTES = 16
CHUNK = 1 << 20
TAG = 16
HEADER_BYTES = len(MAGIC) + SALT_BYTES + 4
MARKER = ".encrypted-v1"
OLD_SUFFIX = ".plain-old"
READ_ONLY = stat.S_IRUSR
# What a file holds goes into its key's derivation: a scan never decrypts as a slip.
ATTACHMENT = "attachment"
SLIP = "slip"


class Damaged(Exception):
    """The file does not decrypt: altered, truncated, or under another key."""


def _file_key(key: bytes, salt: bytes, purpose: str) -> AESGCM:
    # Imported on first use: opening the database (every start) only checks a marker.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    derived = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=b"motcua-desk file v1|" + purpose.encode("ascii"),
    ).derive(key)
    return AESGCM(derived)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _chunks_of(data: bytes) -> Iterator[bytes]:
    for start in range(0, len(data), CHUNK):
        yield data[start : start + CHUNK]


def encrypt_chunks(key: bytes, purpose: str, plain: Iterable[bytes]) -> Iterator[bytes]:
    """The encrypted file, piece by piece, from the plaintext in any pieces."""
    salt = secrets.token_bytes(SALT_BYTES)
    header = MAGIC + salt + CHUNK.to_bytes(4, "big")
    aead = _file_key(key, salt, purpose)
    yield header
    index = 0
    pending = bytearray()
    for piece in plain:
        view = memoryview(piece)
        while len(view):
            take = min(CHUNK - len(pending), len(view))
            pending += view[:take]
            view = view[take:]
            # A full chunk waits for more: the chunk written last must be the short one.
            if len(pending) == CHUNK and len(view):
                yield aead.encrypt(_nonce(index, False), bytes(pending), header)
                pending.clear()
                index += 1
    if len(pending) == CHUNK:
        yield aead.encrypt(_nonce(index, False), bytes(pending), header)
        pending.clear()
        index += 1
    yield aead.encrypt(_nonce(index, True), bytes(pending), header)


def encrypt_bytes(key: bytes, purpose: str, data: bytes) -> bytes:
    return b"".join(encrypt_chunks(key, purpose, _chunks_of(data)))


def decrypt_stream(fh, key: bytes, purpose: str) -> Iterator[bytes]:
    """The plaintext of the open encrypted file ``fh`` (positioned at its start)."""
    header = fh.read(HEADER_BYTES)
    if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
        raise Damaged("header")
    salt = header[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    size = int.from_bytes(header[-4:], "big")
    if size != CHUNK:
        raise Damaged("chunk size")
    from cryptography.exceptions import InvalidTag

    aead = _file_key(key, salt, purpose)
    index = 0
    while True:
        block = fh.read(size + TAG)
        last = len(block) < size + TAG
        try:
            yield aead.decrypt(_nonce(index, last), block, header)
        except InvalidTag:
            raise Damaged(f"chunk {index}") from None
        if last:
            if fh.read(1):
                raise Damaged("data after the last chunk")
            return
        index += 1


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def iter_plain(path: Path, key: bytes | None, purpose: str) -> Iterator[bytes]:
    """The plaintext of ``path``, chunk by chunk; a plain (older) file as it is."""
    with open(path, "rb") as fh:
        if fh.read(len(MAGIC)) == MAGIC:
            if key is None:
                raise Damaged("encrypted, and no key to read it")
            fh.seek(0)
            yield from decrypt_stream(fh, key, purpose)
            return
        fh.seek(0)
        while chunk := fh.read(CHUNK):
            yield chunk


def read_plain(path: Path, key: bytes | None, purpose: str) -> bytes:
    return b"".join(iter_plain(path, key, purpose))


def write_atomic(path: Path, pieces: Iterable[bytes], mode: int = READ_ONLY) -> None:
    """Write ``pieces`` to ``path`` through a synced temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if path.exists():
            # Windows will not replace a read-only file.
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        hygiene.fsync_dir(path.parent)


def _shred(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    hygiene.shred(path)


def encrypt_file_in_place(path: Path, key: bytes, purpose: str) -> bool:
    """Replace the plain file at ``path`` by its encrypted form; False if already done.

    The encrypted copy is checked (it decrypts to the same bytes) before
    the swap; the plain file is kept under ``.plain-old`` only across the
    two renames and shredded afterwards, so a crash leaves one or the other.
    """
    if is_encrypted(path):
        return False
    plain = path.read_bytes()
    mode = stat.S_IMODE(path.stat().st_mode) & ~0o077 or READ_ONLY
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in encrypt_chunks(key, purpose, _chunks_of(plain)):
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        if read_plain(tmp, key, purpose) != plain:
            raise OSError(f"the encrypted copy of {path.name} did not verify")
        os.chmod(tmp, mode)
        old = path.with_name(path.name + OLD_SUFFIX)
        os.replace(path, old)
        os.replace(tmp, path)
        hygiene.fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _shred(old)
    return True


def _recover(folder: Path) -> None:
    """Finish or undo a conversion a crash interrupted."""
    for old in folder.rglob(f"*{OLD_SUFFIX}"):
        path = old.with_name(old.name[: -len(OLD_SUFFIX)])
        if path.exists():
            _shred(old)  # the swap happened; only the shredding was left
        else:
            os.replace(old, path)  # crashed between the two renames
    for part in folder.rglob("*.part"):
        _shred(part)


def encrypt_tree(folder: Path, key: bytes, purpose: str) -> int:
    """Encrypt every plain file under ``folder`` once; returns how many were converted.

    A marker file records that the whole folder is done, so later starts
    cost one ``stat``; it is written only after every file converted.
    """
    marker = folder / MARKER
    if marker.exists() or not folder.is_dir():
        return 0  # a folder made later only ever receives encrypted files
    _recover(folder)
    done = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix == ".part":
            continue
        if encrypt_file_in_place(path, key, purpose):
            done += 1
    hygiene.write_private(marker, b"every file here is encrypted with the data key\n")
    if done:
        log.info("%d plain %s files encrypted in place", done, purpose)
    return done
