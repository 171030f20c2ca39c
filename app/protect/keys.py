"""The station's data key: 32 random bytes, wrapped by the operating system.

The key encrypts the database (SQLCipher), the attachments and the backups.
It lives where the operating system protects it for this user: DPAPI on
Windows, the Secret Service through ``keyring`` on a Linux desktop, or as a
last resort a file only this user can read. ``key.json`` in the data folder
says which store holds it and carries a check value, so a wrong key (a
mistyped recovery code, another station's key) is refused before it touches
the database. The recovery code printed at ``init`` is the key itself, in
groups a person can type back.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.domain.errors import DomainError
from app.protect import dpapi, hygiene

log = logging.getLogger("motcua.protect")

KEY_BYTES = 32
RECORD_NAME = "key.json"
FILE_KEY_NAME = "station.key"
KEYRING_SERVICE = "MotCuaDesk-datakey"
_CHECK_LABEL = b"motcua-desk key check v1"

# Unwrapping through DPAPI or the Secret Service costs a round trip; every
# open of the same data folder in one process reuses the first answer.
_cache: dict[Path, bytes] = {}


def record_path(data_dir: Path) -> Path:
    return data_dir / RECORD_NAME


def check_value(key: bytes) -> str:
    """A value that confirms a key without revealing it."""
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


class KeyStore(Protocol):
    """One place the operating system keeps the key for this user."""

    name: str

    def usable(self) -> bool: ...

    def put(self, data_dir: Path, key: bytes) -> dict[str, str]:
        """Keep ``key``; returns what ``key.json`` must remember to find it."""
        ...

    def get(self, data_dir: Path, record: dict[str, str]) -> bytes | None:
        """The key, or None when the store no longer has it."""
        ...


def _folder_id(data_dir: Path) -> str:
    # One entry per data folder, so two stations on one PC keep their own key.
    return hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:32]


@dataclass
class DpapiStore:
    """Windows: the key encrypted by DPAPI for the current user, kept in key.json.

    An administrator resetting the user's password makes DPAPI forget it;
    that is what the recovery code is for.
    """

    api: dpapi.Dpapi
    name: str = "dpapi"

    def usable(self) -> bool:
        return self.api.available()

    def put(self, data_dir: Path, key: bytes) -> dict[str, str]:
        return {"blob": base64.b64encode(self.api.protect(key)).decode()}

    def get(self, data_dir: Path, record: dict[str, str]) -> bytes | None:
        try:
            return self.api.unprotect(base64.b64decode(record.get("blob", "")))
        except (dpapi.DpapiError, ValueError):
            return None


@dataclass
class KeyringStore:
    """A Linux desktop's Secret Service (or any usable keyring backend)."""

    name: str = "keyring"

    def _backend(self):
        try:
            import keyring
        except ImportError:
            return None
        try:
            backend = keyring.get_keyring()
        except Exception:  # noqa: BLE001 - a broken keyring set-up is "no keyring"
            return None
        return backend if getattr(backend, "priority", 0) >= 1 else None

    def usable(self) -> bool:
        return self._backend() is not None

    def put(self, data_dir: Path, key: bytes) -> dict[str, str]:
        backend = self._backend()
        if backend is None:
            raise OSError("no keyring")
        backend.set_password(KEYRING_SERVICE, _folder_id(data_dir), key.hex())
        return {"entry": _folder_id(data_dir)}

    def get(self, data_dir: Path, record: dict[str, str]) -> bytes | None:
        backend = self._backend()
        if backend is None:
            return None
        try:
            value = backend.get_password(KEYRING_SERVICE, record.get("entry", ""))
        except Exception:  # noqa: BLE001 - locked or vanished keyring: treat as gone
            log.warning("keyring refused the data key")
            return None
        return bytes.fromhex(value) if value else None


@dataclass
class FileStore:
    """Last resort: the key in a file that only this user can read (0600)."""

    name: str = "file"

    def usable(self) -> bool:
        return True

    def put(self, data_dir: Path, key: bytes) -> dict[str, str]:
        hygiene.write_private(data_dir / FILE_KEY_NAME, key.hex().encode())
        return {}

    def get(self, data_dir: Path, record: dict[str, str]) -> bytes | None:
        try:
            return bytes.fromhex((data_dir / FILE_KEY_NAME).read_text().strip())
        except (OSError, ValueError):
            return None


def default_stores() -> list[KeyStore]:
    """The stores in order of preference on this machine."""
    stores: list[KeyStore] = []
    if sys.platform == "win32":
        stores.append(DpapiStore(dpapi.WindowsDpapi()))
    forced = os.environ.get("MOTCUA_KEY_STORE")
    if forced == "file":
        return [FileStore()]
    stores.append(KeyringStore())
    stores.append(FileStore())
    return stores


def read_record(data_dir: Path) -> dict | None:
    try:
        return json.loads(record_path(data_dir).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise key_lost(data_dir) from exc


def key_lost(data_dir: Path) -> DomainError:
    return DomainError(
        "key_lost",
        "Không lấy được khóa mã hóa dữ liệu của quầy (kho khóa của hệ điều hành không "
        "còn giữ nó). Dữ liệu vẫn còn nguyên: chạy “restore-key --code …” với mã khôi "
        "phục đã in khi khởi tạo, hoặc “restore-key --server-code …” với mã do quản trị "
        "máy chủ cấp.",
        "The station's data key cannot be read (the operating system's key store no longer "
        "holds it). The data is intact: run “restore-key --code …” with the recovery code "
        "printed at set-up, or “restore-key --server-code …” with a code from the server's "
        "administrator.",
    )


def wrong_key() -> DomainError:
    return DomainError(
        "wrong_key",
        "Mã khôi phục không đúng với dữ liệu của quầy này; không có gì bị thay đổi.",
        "The recovery code does not match this station's data; nothing was changed.",
    )


def store_key(data_dir: Path, key: bytes, stores: list[KeyStore] | None = None) -> str:
    """Keep ``key`` in the best usable store and write ``key.json``; returns the store."""
    last: Exception | None = None
    for store in stores if stores is not None else default_stores():
        if not store.usable():
            continue
        try:
            extra = store.put(data_dir, key)
        except Exception as exc:  # noqa: BLE001 - fall through to the next store
            log.warning("key store %s refused the key: %s", store.name, exc.__class__.__name__)
            last = exc
            continue
        record = {"version": 1, "store": store.name, "check": check_value(key), **extra}
        hygiene.write_private(
            record_path(data_dir), json.dumps(record, indent=2).encode("utf-8"), atomic=True
        )
        _cache[data_dir.resolve()] = key
        return store.name
    raise OSError(f"no key store accepted the key ({last})")


def new_key(data_dir: Path, stores: list[KeyStore] | None = None) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    hygiene.private_dir(data_dir)
    store_key(data_dir, key, stores)
    return key


def load_key(data_dir: Path, stores: list[KeyStore] | None = None) -> bytes | None:
    """The data key of ``data_dir``; None if the folder never had one.

    Raises ``key_lost`` when the folder has a key record but its store has
    lost the key (keyring gone, DPAPI after a password reset, file deleted).
    """
    resolved = data_dir.resolve()
    if stores is None and resolved in _cache:
        return _cache[resolved]
    record = read_record(data_dir)
    if record is None:
        return None
    by_name = {s.name: s for s in (stores if stores is not None else _all_stores())}
    store = by_name.get(record.get("store", ""))
    key = store.get(data_dir, record) if store is not None else None
    if key is None or len(key) != KEY_BYTES or check_value(key) != record.get("check"):
        raise key_lost(data_dir)
    _cache[resolved] = key
    return key


def _all_stores() -> list[KeyStore]:
    stores = default_stores()
    names = {s.name for s in stores}
    # A folder whose key went to a store not preferred now can still be read.
    for extra in (KeyringStore(), FileStore(), DpapiStore(dpapi.WindowsDpapi())):
        if extra.name not in names:
            stores.append(extra)
    return stores


def forget_cached(data_dir: Path | None = None) -> None:
    if data_dir is None:
        _cache.clear()
    else:
        _cache.pop(data_dir.resolve(), None)


# ----------------------------------------------------------------- recovery code

_CODE_GROUP = 5


def recovery_code(key: bytes) -> str:
    """The key and a 2-byte checksum in base32, in groups of five."""
    raw = key + hashlib.sha256(key).digest()[:2]
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + _CODE_GROUP] for i in range(0, len(text), _CODE_GROUP))


def key_from_code(code: str) -> bytes:
    """Read a recovery code back, forgiving case, spaces and look-alike digits."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    text = text.translate(str.maketrans({"0": "O", "1": "I", "8": "B"}))
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except (ValueError, base64.binascii.Error) as exc:
        raise _bad_code() from exc
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if len(raw) != KEY_BYTES + 2 or hashlib.sha256(key).digest()[:2] != check:
        raise _bad_code()
    if recovery_code(key).replace("-", "") != text:
        raise _bad_code()  # the last character's unused bits were mistyped
    return key


def _bad_code() -> DomainError:
    return DomainError(
        "bad_recovery_code",
        "Mã khôi phục gõ sai (thiếu ký tự hoặc sai một ký tự); hãy kiểm tra lại tờ đã in.",
        "The recovery code is mistyped (a character missing or wrong); check the printed sheet.",
    )
