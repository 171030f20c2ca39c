"""Windows DPAPI behind a small interface, so its use can be tested anywhere.

``CryptProtectData`` encrypts with a key Windows derives from the user's
logon secret: only the same user on the same PC can decrypt, and an
administrator's password reset loses it (hence the recovery code).
"""

from __future__ import annotations

import hashlib
import hmac
import sys
from typing import Protocol


class DpapiError(OSError):
    """DPAPI could not protect or unprotect (wrong user, reset password, corrupt blob)."""


class Dpapi(Protocol):
    def available(self) -> bool: ...

    def protect(self, data: bytes) -> bytes: ...

    def unprotect(self, blob: bytes) -> bytes: ...


class WindowsDpapi:
    """The real thing, through ctypes (crypt32.dll); not available off Windows."""

    def available(self) -> bool:
        return sys.platform == "win32"

    def _call(self, fn_name: str, data: bytes) -> bytes:
        import ctypes
        from ctypes import wintypes

        class Blob(ctypes.Structure):
            _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

        crypt32 = ctypes.windll.crypt32  # type: ignore[attr-defined]
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        buf = ctypes.create_string_buffer(data, len(data))
        blob_in = Blob(len(data), ctypes.cast(buf, ctypes.POINTER(ctypes.c_char)))
        blob_out = Blob()
        ui_forbidden = 0x1  # CRYPTPROTECT_UI_FORBIDDEN: never show a prompt
        fn = getattr(crypt32, fn_name)
        ok = fn(ctypes.byref(blob_in), None, None, None, None, ui_forbidden, ctypes.byref(blob_out))
        if not ok:
            raise DpapiError(f"{fn_name} failed ({ctypes.GetLastError()})")
        try:
            return ctypes.string_at(blob_out.pbData, blob_out.cbData)
        finally:
            kernel32.LocalFree(blob_out.pbData)

    def protect(self, data: bytes) -> bytes:
        return self._call("CryptProtectData", data)

    def unprotect(self, blob: bytes) -> bytes:
        return self._call("CryptUnprotectData", blob)


class FakeDpapi:
    """Behaves like DPAPI for one user: a blob only this "user secret" opens.

    ``reset_password()`` does what an administrator's reset does to real
    DPAPI: blobs made before it no longer open.
    """

    def __init__(self, user_secret: bytes = b"user-logon-secret") -> None:
        self._secret = user_secret

    def available(self) -> bool:
        return True

    def reset_password(self) -> None:
        self._secret = self._secret + b"-reset"

    def _stream(self, nonce: bytes, n: int) -> bytes:
        out = b""
        counter = 0
        while len(out) < n:
            out += hashlib.sha256(self._secret + nonce + counter.to_bytes(4, "big")).digest()
            counter += 1
        return out[:n]

    def protect(self, data: bytes) -> bytes:
        nonce = hashlib.sha256(data + self._secret).digest()[:16]
        body = bytes(a ^ b for a, b in zip(data, self._stream(nonce, len(data)), strict=True))
        tag = hmac.new(self._secret, nonce + body, hashlib.sha256).digest()[:16]
        return nonce + body + tag

    def unprotect(self, blob: bytes) -> bytes:
        nonce, body, tag = blob[:16], blob[16:-16], blob[-16:]
        expected = hmac.new(self._secret, nonce + body, hashlib.sha256).digest()[:16]
        if len(blob) < 32 or not hmac.compare_digest(tag, expected):
            raise DpapiError("the blob was protected for another user or before a reset")
        return bytes(a ^ b for a, b in zip(body, self._stream(nonce, len(body)), strict=True))
