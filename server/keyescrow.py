"""Stations' data keys held sealed to the server's key, and handed back on an administrator's word.

The server's X25519 key pair is derived from ``server.key`` (the secret
already kept 0600 in the data folder and copied by every server backup), so
there is no second secret to lose: a server restored with its backup can
still open every sealed copy. The database holds only sealed copies; a copy
of it alone gives no station's key away.

A station that lost its key has lost its token with it (both live in the
operating system's key store), so recovery does not ask for one: an office
administrator issues a one-time code for that station on the server
(``python -m server admin recovery-code``), valid for minutes. Each code's
row stays, with when and from where it was used: the server's record of
every key that left it.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from app.sync import keyseal
from app.sync import protect_wire as w
from server.auth import StationContext
from server.common import ApiError, digest, new_enrolment_code, normalise_enrolment_code, now
from server.db import Database
from server.lookupkey import load_key
from server.models import KeyEscrow, KeyRecoveryCode, Office, Station

log = logging.getLogger("server.keyescrow")
REPLY_SUFFIX = b" reply"


@lru_cache(maxsize=4)
def private_key(data_dir: Path) -> X25519PrivateKey:
    return keyseal.derive_private(load_key(data_dir))


def server_key_id(private: X25519PrivateKey) -> str:
    return keyseal.key_id(keyseal.public_bytes(private))


def info(db: Database, private: X25519PrivateKey, station: StationContext) -> w.KeyEscrowInfo:
    with db.read() as session:
        held = session.get(KeyEscrow, station.station_id)
    return w.KeyEscrowInfo(
        public_key=keyseal.public_b64(private),
        key_id=server_key_id(private),
        held_check=held.check if held else None,
        held_key_id=held.key_id if held else None,
        deposited_at=held.deposited_at if held else None,
    )


def deposit(
    db: Database, private: X25519PrivateKey, station: StationContext, body: w.KeyEscrowDeposit
) -> w.KeyEscrowInfo:
    """Keep the station's sealed key, once it is proved to open here for this station."""
    if body.key_id != server_key_id(private):
        raise ApiError(
            409,
            "stale_server_key",
            "Bản sao khóa được niêm bằng khóa công khai cũ của máy chủ; hãy lấy khóa mới.",
            "The copy is sealed to an old public key of the server; fetch the current one.",
        )
    label = keyseal.station_label(station.office_code, station.station_number)
    try:
        key = keyseal.open_sealed(private, body.sealed_key, label)
    except keyseal.SealError:
        key = b""
    if len(key) != 32 or keyseal.check_value(key) != body.check:
        raise ApiError(
            422,
            "bad_sealed_key",
            "Bản sao khóa gửi lên không mở được cho máy trạm này hoặc không khớp mã kiểm tra.",
            "The sealed key does not open for this station or does not match its check value.",
        )
    stamp = now()
    with db.write() as session:
        row = session.get(KeyEscrow, station.station_id)
        if row is None:
            row = KeyEscrow(station_id=station.station_id)
            session.add(row)
        row.sealed_key = body.sealed_key
        row.key_id = body.key_id
        row.check = body.check
        row.deposited_at = stamp
    log.info(
        "station key copy stored",
        extra={"office": station.office_code, "station": station.station_number},
    )
    return info(db, private, station)


class RecoveryCodeError(Exception):
    """An administrator's recovery code that cannot be issued; the message is for them."""


def issue_code(
    db: Database, minutes: float, office_code: str, number: int, issued_by: str | None
) -> tuple[str, int]:
    """A one-time code that lets station ``number`` of the office take its key back."""
    code = new_enrolment_code()
    stamp = now()
    with db.write() as session:
        station = session.scalar(
            select(Station)
            .join(Office, Office.id == Station.office_id)
            .where(Office.code == office_code.strip().upper(), Station.number == number)
        )
        if station is None:
            raise RecoveryCodeError(f"Văn phòng {office_code} không có máy trạm số {number}.")
        if session.get(KeyEscrow, station.id) is None:
            raise RecoveryCodeError(
                f"Máy chủ chưa giữ bản sao khóa dữ liệu của máy trạm số {number} "
                "(máy trạm chưa đồng bộ lần nào sau khi đăng ký); không khôi phục được từ máy chủ."
            )
        session.add(
            KeyRecoveryCode(
                station_id=station.id,
                code_hash=digest(normalise_enrolment_code(code)),
                issued_by=issued_by,
                created_at=stamp,
                expires_at=stamp + timedelta(minutes=minutes),
            )
        )
    log.warning(
        "key recovery code issued",
        extra={"office": office_code, "station": number, "by": issued_by},
    )
    return code, int(minutes)


def _bad_reply_key() -> ApiError:
    return ApiError(
        422,
        "bad_reply_key",
        "Khóa công khai kèm yêu cầu không hợp lệ.",
        "The request's reply public key is not usable.",
    )


def _refused(code: str, vi: str, en: str) -> ApiError:
    return ApiError(403, code, vi, en)


def recover(
    db: Database, private: X25519PrivateKey, body: w.KeyRecoveryRequest, address: str
) -> w.KeyRecoveryResponse:
    """Check the one-time code, open the station's copy and seal it to the request's key.

    A refusal changes nothing; the code is spent only when the key goes out.
    """
    code_hash = digest(normalise_enrolment_code(body.recovery_code))
    try:
        reply_key = keyseal.decode_public(body.reply_public_key)
    except keyseal.SealError:
        raise _bad_reply_key() from None
    stamp = now()
    with db.write() as session:
        found = session.execute(
            select(KeyRecoveryCode, Station, Office)
            .join(Station, Station.id == KeyRecoveryCode.station_id)
            .join(Office, Office.id == Station.office_id)
            .where(KeyRecoveryCode.code_hash == code_hash)
        ).first()
        if (
            found is None
            or found[2].code != body.office_code.strip().upper()
            or found[1].number != body.station_number
        ):
            raise _refused(
                "bad_recovery_code",
                "Mã cho phép khôi phục khóa không đúng (hoặc không phải của máy trạm này).",
                "The key recovery code is wrong (or not this station's).",
            )
        grant, station, office = found
        if grant.used_at is not None:
            raise _refused(
                "recovery_code_used",
                "Mã cho phép khôi phục khóa này đã được dùng; hãy xin quản trị cấp mã mới.",
                "This key recovery code was already used; ask the administrator for a new one.",
            )
        if grant.expires_at <= stamp:
            raise _refused(
                "recovery_code_expired",
                "Mã cho phép khôi phục khóa đã hết hạn; hãy xin quản trị cấp mã mới.",
                "The key recovery code has expired; ask the administrator for a new one.",
            )
        held = session.get(KeyEscrow, station.id)
        label = keyseal.station_label(office.code, station.number)
        try:
            key = keyseal.open_sealed(private, held.sealed_key, label) if held else None
        except keyseal.SealError:
            key = None
        if key is None:
            raise ApiError(
                404,
                "no_key_copy",
                "Máy chủ không giữ bản sao khóa mở được của máy trạm này.",
                "The server holds no usable copy of this station's key.",
            )
        try:
            sealed = keyseal.seal(reply_key, key, label + REPLY_SUFFIX)
        except keyseal.SealError:
            raise _bad_reply_key() from None  # the code stays unused
        grant.used_at = stamp
        grant.used_from = address[:100]
        check = held.check
    log.warning(
        "station data key released for recovery",
        extra={"office": office.code, "station": station.number, "address": address},
    )
    return w.KeyRecoveryResponse(sealed_key=sealed, check=check)
