"""The station's content-addressed attachment store.

A file lives at ``<data>/attachments/ab/cd/<sha256>.pdf``, named by the
SHA-256 of its bytes, written once through a temporary file and a rename
(a crash leaves the old state or the new, never half a file), then made
read-only. The file on disk is encrypted with a key derived from the
station's data key (``app.protect.filecrypt``), so it shows nothing of the
citizen's papers to whoever copies it; callers only ever see the plaintext.
Every read decrypts and hashes what it read: a file damaged or altered on
disk is reported as damaged, never shown as if it were the original.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import DomainError
from app.infra import datadir
from app.protect import filecrypt, keys

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
SUFFIX = ".pdf"
PURPOSE = filecrypt.ATTACHMENT


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_sha256(value: str) -> str:
    """A lower-case 64-hex-digit digest, or a refusal (it becomes part of a path)."""
    text = (value or "").strip().lower()
    if not _SHA256.match(text):
        raise DomainError(
            "bad_sha256",
            f"Mã băm “{value}” không hợp lệ (cần 64 chữ số hệ 16).",
            f"“{value}” is not a SHA-256 digest (64 hex digits).",
            field="sha256",
        )
    return text


def _damaged(sha: str) -> DomainError:
    return DomainError(
        "attachment_corrupt",
        f"Tệp số hóa {sha[:12]}… trên máy đã bị hỏng hoặc bị sửa (mã băm không khớp); "
        "không được dùng bản này. Hãy số hóa lại hoặc khôi phục từ máy chủ.",
        f"Stored file {sha[:12]}… is damaged or was altered (hash mismatch); it must not "
        "be used. Digitize again or restore it from the server.",
        field="sha256",
    )


def _missing(sha: str) -> DomainError:
    return DomainError(
        "attachment_missing",
        f"Không tìm thấy tệp số hóa {sha[:12]}… trong thư mục dữ liệu.",
        f"Stored file {sha[:12]}… is missing from the data folder.",
        field="sha256",
    )


class AttachmentStore:
    """``key`` is the station's data key; without one (a folder that never had
    a key) files are kept in clear, as before encryption."""

    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = Path(root)
        self.key = key

    @classmethod
    def for_data_dir(cls, data_dir: Path, key: bytes | None = None) -> AttachmentStore:
        return cls(datadir.attachments_dir(data_dir), key or keys.load_key(data_dir))

    def path_for(self, sha256: str) -> Path:
        sha = check_sha256(sha256)
        return self.root / sha[:2] / sha[2:4] / f"{sha}{SUFFIX}"

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes) -> StoredFile:
        """Store ``data`` (idempotent); a damaged copy already there is replaced."""
        sha = sha256_of(data)
        path = self.path_for(sha)
        if path.is_file():
            try:
                encrypted_as_wanted = filecrypt.is_encrypted(path) == (self.key is not None)
                if encrypted_as_wanted and self._hash_file(path)[0] == sha:
                    return StoredFile(sha, len(data), path)
            except (OSError, filecrypt.Damaged):
                pass
        if self.key is not None:
            pieces = filecrypt.encrypt_chunks(self.key, PURPOSE, [data])
        else:
            pieces = iter([data])
        try:
            filecrypt.write_atomic(path, pieces)
        except OSError as exc:
            raise DomainError(
                "cannot_store",
                f"Không lưu được tệp số hóa vào {self.root} ({exc.strerror or 'lỗi ghi'}); "
                "hồ sơ chưa bị thay đổi.",
                f"Cannot store the file in {self.root} ({exc.strerror or 'write error'}); "
                "nothing was changed.",
            ) from None
        return StoredFile(sha, len(data), path)

    def read(self, sha256: str, *, verify: bool = True) -> bytes:
        """The stored bytes, after checking they still hash to ``sha256``.

        ``verify=False`` skips the check, for a sender whose receiver checks
        the bytes against the hash anyway (the upload to the server).
        """
        sha = check_sha256(sha256)
        path = self.path_for(sha)
        try:
            data = filecrypt.read_plain(path, self.key, PURPOSE)
        except filecrypt.Damaged:
            raise _damaged(sha) from None
        except FileNotFoundError:
            raise _missing(sha) from None
        except OSError as exc:
            raise DomainError(
                "attachment_unreadable",
                f"Không đọc được tệp số hóa {sha[:12]}… ({exc.strerror or 'lỗi đọc'}).",
                f"Cannot read stored file {sha[:12]}… ({exc.strerror or 'read error'}).",
            ) from None
        if verify and sha256_of(data) != sha:
            raise _damaged(sha)
        return data

    def verify(self, sha256: str) -> int:
        """The file's size if it is present and intact; raises otherwise."""
        sha = check_sha256(sha256)
        path = self.path_for(sha)
        try:
            digest, size = self._hash_file(path)
        except filecrypt.Damaged:
            raise _damaged(sha) from None
        except FileNotFoundError:
            raise _missing(sha) from None
        if digest != sha:
            raise _damaged(sha)
        return size

    def _hash_file(self, path: Path) -> tuple[str, int]:
        """SHA-256 and size of the plaintext, decrypted chunk by chunk."""
        digest = hashlib.sha256()
        size = 0
        for chunk in filecrypt.iter_plain(path, self.key, PURPOSE):
            digest.update(chunk)
            size += len(chunk)
        return digest.hexdigest(), size
