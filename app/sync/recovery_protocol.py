"""Wire models of the recovery calls: what a restored station asks the server about itself.

A station put back from a backup has forgotten what it received after the
backup was made. The server remembers: ``GET /station/recovery`` says, for each
day since a date, the highest sequence of the codes this station pushed (so it
never hands one out again) and which codes it pushed; ``POST
/station/recovery/dossiers`` hands back the dossiers themselves, as the
station sent them (minus the look-up secret, which the server never keeps)
with what happened to them since. Both answer for the calling station only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import Field, StringConstraints

from app.sync.protocol import Int32, Sha256Hex, StatusCode, VnDateTime, WireModel

RECOVERY_PATH = "/station/recovery"
RECOVERY_DOSSIERS_PATH = "/station/recovery/dossiers"
# Codes asked for in one request, and codes named in one answer.
MAX_RECOVERY_CODES = 200
MAX_RECOVERY_LISTED = 20_000


class RecoveryDay(WireModel):
    day: date
    # The highest sequence number of this station's codes of that day on the server.
    highest: Int32
    count: Int32


class RecoveryState(WireModel):
    station: Int32
    since: date
    days: list[RecoveryDay]
    # Every code the station pushed for a day on or after ``since``, oldest first.
    codes: list[str]
    # True when there were more than ``MAX_RECOVERY_LISTED`` codes: ask again from a later day.
    truncated: bool = False


class RecoveryDossiersRequest(WireModel):
    codes: list[Annotated[str, StringConstraints(min_length=1, max_length=60)]] = Field(
        max_length=MAX_RECOVERY_CODES
    )


class RecoveredHistory(WireModel):
    at: VnDateTime
    source: str
    officer: str | None = None
    from_status: StatusCode | None = None
    to_status: StatusCode | None = None
    note: str | None = None
    conflict: bool = False


class RecoveredAttachment(WireModel):
    component_index: Int32
    sha256: Sha256Hex
    size: int = Field(ge=0)
    pages: Int32 | None = None
    mime: str = "application/pdf"


class RecoveredDossier(WireModel):
    dossier_uuid: UUID
    code: str
    # The ``dossier.received`` payload as the station pushed it, minus ``lookup_secret``.
    intake: dict[str, Any]
    status: StatusCode
    due_at: VnDateTime | None = None
    returned_at: VnDateTime | None = None
    cancelled_at: VnDateTime | None = None
    cancel_reason: str | None = None
    fee_paid: bool | None = None
    extensions: int = 0
    history: list[RecoveredHistory] = Field(default_factory=list)
    attachments: list[RecoveredAttachment] = Field(default_factory=list)
    updated_at: datetime | None = None


class RecoveryDossiersResponse(WireModel):
    dossiers: list[RecoveredDossier]
    # Codes asked for that are not this station's dossiers on the server.
    unknown: list[str] = Field(default_factory=list)
