"""The data key's recovery copy on the central server: sealing it there, taking it back.

At enrolment, and at any sync round where the server does not hold a copy
of the current key sealed to its current public key, the station seals its
data key to the server's public key (``app.sync.keyseal``); only the server
can open it. When the operating system has lost the key, an administrator
issues a one-time code on the server and ``restore-key --server-code``
brings the key back: no station token is needed (it was lost with the key),
the answer is sealed to a key pair made for that request only, and the key
is checked against ``key.json`` and the database before it is kept.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from pydantic import ValidationError

from app.domain.errors import DomainError
from app.infra import clock
from app.protect import keys, recovery
from app.sync import credentials, cursors, keyseal
from app.sync import protect_wire as w
from app.sync import protocol as p
from app.sync.transport import SyncError, Transport, http_error
from db.engine import Database

log = logging.getLogger("motcua.sync")


def deposit_if_needed(
    transport: Transport, data_dir: Path, office_code: str, station_number: int
) -> bool:
    """Seal the key to the server unless it holds this key's copy already; True when sent.

    An older server without the call answers 404: nothing to do there.
    """
    key = keys.load_key(data_dir)
    if key is None:
        return False
    try:
        info = w.KeyEscrowInfo.model_validate(transport.call("GET", "/station/key-escrow"))
    except SyncError as exc:
        if exc.code == "not_found":
            return False
        raise
    check = keys.check_value(key)
    if info.held_check == check and info.held_key_id == info.key_id:
        return False
    sealed = keyseal.seal(
        keyseal.decode_public(info.public_key),
        key,
        keyseal.station_label(office_code, station_number),
    )
    body = w.KeyEscrowDeposit(sealed_key=sealed, key_id=info.key_id, check=check)
    transport.call("PUT", "/station/key-escrow", json=body.model_dump(mode="json"))
    log.info("data key copy sealed to the server")
    return True


CHECKED_CURSOR = "key_copy_checked"


def keep_copy_current(
    db: Database, transport: Transport, data_dir: Path, office_code: str, station_number: int
) -> bool:
    """:func:`deposit_if_needed` once a day, and at once when the key changed; True when sent."""
    key = keys.load_key(data_dir)
    if key is None:
        return False
    today = clock.now()
    mark = f"{keys.check_value(key)}|{today.date().isoformat()}"
    with db.read() as session:
        if cursors.get(session, CHECKED_CURSOR) == mark:
            return False
    sent = deposit_if_needed(transport, data_dir, office_code, station_number)
    with db.write() as session:
        cursors.put(session, CHECKED_CURSOR, mark, today)
    return sent


def identity(data_dir: Path) -> dict[str, object]:
    """Server address, office and station from the credential file (its token may be gone)."""
    try:
        data = json.loads(credentials.path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: data.get(k) for k in ("server_url", "office_code", "station_number")}


def missing_identity() -> DomainError:
    return DomainError(
        "station_unknown",
        "Không biết địa chỉ máy chủ, mã cơ quan hoặc số quầy (thư mục dữ liệu không còn tệp "
        "đăng ký); hãy nhập --server, --office và --station.",
        "The server address, office code or station number is unknown (the data folder has "
        "no enrolment file); give --server, --office and --station.",
    )


def _refusal(resp) -> DomainError:
    try:
        error = resp.json().get("error", {})
    except ValueError:
        error = {}
    if resp.status_code in (403, 404) and error.get("message"):
        return DomainError(
            error.get("code") or "recovery_refused",
            f"{error['message']} Không có gì bị thay đổi trên máy này.",
            f"{error.get('message_en') or error['message']} Nothing was changed here.",
        )
    return http_error(resp)


def recover_from_server(
    data_dir: Path,
    db_path: Path,
    code: str,
    *,
    server_url: str,
    office_code: str,
    station_number: int,
    stores: list[keys.KeyStore] | None = None,
) -> str:
    """Take the key back from the server with an administrator's one-time code; the store."""
    reply = X25519PrivateKey.generate()
    try:
        request = w.KeyRecoveryRequest(
            office_code=office_code,
            station_number=station_number,
            recovery_code=code,
            reply_public_key=keyseal.public_b64(reply),
        )
    except ValidationError:
        raise DomainError(
            "bad_server_code",
            "Mã cho phép khôi phục trống hoặc số quầy không hợp lệ.",
            "The recovery code is empty or the station number is invalid.",
        ) from None
    transport = Transport(server_url)
    try:
        resp = transport.raw(
            "POST",
            f"{p.API_PREFIX}/recovery/key",
            headers={"Content-Type": "application/json"},
            data=request.model_dump_json().encode("utf-8"),
            expect=(403, 404),
        )
    finally:
        transport.close()
    if resp.status_code != 200:
        raise _refusal(resp)
    answer = w.KeyRecoveryResponse.model_validate(resp.json())
    label = keyseal.station_label(office_code, station_number) + b" reply"
    try:
        key = keyseal.open_sealed(reply, answer.sealed_key, label)
    except keyseal.SealError:
        key = b""
    if len(key) != keys.KEY_BYTES or keys.check_value(key) != answer.check:
        raise DomainError(
            "bad_server_answer",
            "Máy chủ trả về khóa không mở được; không có gì bị thay đổi.",
            "The server's answer does not open; nothing was changed.",
        )
    return recovery.restore_key(data_dir, db_path, key, stores)
