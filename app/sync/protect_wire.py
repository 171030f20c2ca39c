"""Wire models for the data-protection calls: the key's recovery copy, the audit chain head.

Additions to protocol version 1 (``docs/sync-protocol.md``): an older
station never calls them and still syncs; a newer station that meets an
older server (404) simply carries on without them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from app.sync.protocol import MAX_INT64, Sha256Hex, VnDateTime, WireModel

# Base64 of a sealed 32-byte key (1 + 32 + 12 + 48 bytes) is 124 characters.
# The pattern says it is base64 in the schema itself: a bare length range left the
# schema's generic text pattern to describe it, which almost nothing satisfies.
SealedKey = Annotated[
    str, StringConstraints(min_length=40, max_length=400, pattern=r"^[A-Za-z0-9+/]{38,400}={0,2}$")
]
# Base64 of exactly 32 bytes: 43 characters, the last carrying 2 bits, and "=".
PublicKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$")]
KeyId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
CheckValue = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
ChainId = Annotated[int, Field(ge=0, le=MAX_INT64)]


class KeyEscrowInfo(WireModel):
    """``GET /station/key-escrow``: the server's public key and what it holds for the caller."""

    public_key: PublicKey
    key_id: str
    # Check value and server key of the copy held now; None before the first one.
    held_check: str | None = None
    held_key_id: str | None = None
    deposited_at: VnDateTime | None = None


class KeyEscrowDeposit(WireModel):
    """``PUT /station/key-escrow``: the data key sealed to the server's public key."""

    sealed_key: SealedKey
    key_id: KeyId
    # keys.check_value of the sealed key: confirms it without revealing it.
    check: CheckValue


class KeyRecoveryRequest(WireModel):
    """``POST /recovery/key``: no station token (it may be lost with the key)."""

    office_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    station_number: Annotated[int, Field(ge=1, le=99)]
    # The one-time code an administrator issued on the server for this station.
    recovery_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    # A public key made for this request only: the answer is sealed to it.
    reply_public_key: PublicKey


class KeyRecoveryResponse(WireModel):
    sealed_key: SealedKey
    check: CheckValue


class AuditAnchor(WireModel):
    """The station's chain hash now at an entry it reported before."""

    id: ChainId
    # None when the station no longer has that entry.
    hash: Sha256Hex | None = None


class AuditHeadReport(WireModel):
    """``POST /station/audit-head``: the newest entry of the station's audit chain."""

    id: ChainId
    hash: Sha256Hex
    # HMAC of the hash with the station's day key: stored, checked on the station.
    seal: Annotated[str, StringConstraints(max_length=64)] | None = None
    at: VnDateTime
    # At the id of the last head the server recorded (``GET /station/audit-head``).
    anchor: AuditAnchor | None = None


HeadFlag = Literal["backwards", "rewritten"]


class AuditHeadState(WireModel):
    """The last head the server recorded for the station (both None before the first)."""

    id: ChainId | None = None
    hash: Sha256Hex | None = None


class AuditHeadAnswer(WireModel):
    recorded: bool
    flag: HeadFlag | None = None
    message: str | None = None


class AuditHeadRecord(WireModel):
    id: ChainId
    hash: str
    seal: str | None = None
    at: VnDateTime
    received_at: VnDateTime
    flag: HeadFlag | None = None
    message: str | None = None


class KeyRecoveryRecord(WireModel):
    """A one-time recovery code issued for the station, and whether the key went out with it."""

    issued_by: str | None = None
    issued_at: VnDateTime
    expires_at: VnDateTime
    used_at: VnDateTime | None = None
    used_from: str | None = None


class StationProtection(WireModel):
    """One station as the back office sees it: its key copy and its audit heads."""

    office_code: str
    number: int
    name: str | None = None
    enrolled_at: VnDateTime | None = None
    key_escrowed_at: VnDateTime | None = None
    last_head: AuditHeadRecord | None = None
    flags: list[AuditHeadRecord] = Field(default_factory=list)
    # Newest first: who let the key out, when, to which address.
    key_recoveries: list[KeyRecoveryRecord] = Field(default_factory=list)


class StationProtectionList(WireModel):
    stations: list[StationProtection]
