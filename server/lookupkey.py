"""The server key under which look-up secrets are stored (HMAC-SHA256).

Secrets are short enough to be typed from a receipt, so an unsalted digest in
a leaked database copy could be reversed by trying them all. Stored as an
HMAC under a key that lives in the data folder (mode 0600), never in the
database, a copy of the database alone gives nothing away. Every worker and
every restart reads the same file; the first start creates it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_FILE = "server.key"


def load_key(data_dir: Path) -> bytes:
    """The server key, created (readable by this user only) on first use."""
    path = data_dir / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_bytes().strip()
        if len(key) < 32:
            raise RuntimeError(f"{path} is damaged: the server key is too short") from None
        return key
    key = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
        fh.flush()
        os.fsync(fh.fileno())
    return key


def lookup_digest(key: bytes, secret: str) -> str:
    return hmac.new(key, secret.encode("utf-8"), hashlib.sha256).hexdigest()
