"""Wire protocol between counter stations and the central server, version 1.

The desktop client and ``server/`` both import these models, so a field
renamed here breaks both sides at once in tests instead of silently on the
wire. Models ignore keys they do not know: a newer peer may add fields within
the same protocol version, and only a change that breaks old peers bumps
``PROTOCOL_VERSION``.

Kinds of change (``GET /changes``) grow within version 1: a station names
the kinds it applies in the ``kinds`` query parameter, comma-separated
(``kinds=status,progress,master,feedback,rating``), and is sent those only.
A station that names none (releases before ``feedback`` and ``rating``) is
sent ``V1_CHANGE_KINDS``, the kinds version 1 began with. Names the server
does not know are ignored, so a newer station may ask an older server for
more. The cursor counts only the kinds sent: a station that later learns a
kind asks for it alone from cursor 0 up to its cursor, and gets what it was
not sent before. A station passes over (and logs) a change whose kind it does
not know; a change of a kind it knows is checked strictly.

Times on the wire are ISO 8601. Both sides send them with their offset
(``2026-02-13T09:30:00+07:00``) and accept naive office-local time from
older peers; every model normalises them to naive Vietnam time (UTC+7), the
form both databases store.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from app.infra.clock import VN_TZ as VN_TZ  # re-exported: the time zone of every wire time
from app.infra.clock import to_local

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-MotCua-Protocol"
# Set to "1" on answers to a station whose token is due to be swapped.
TOKEN_ROTATE_HEADER = "X-MotCua-Token-Rotate"
API_PREFIX = "/api/v1"

# Limits both sides agree on, so a client never builds a request the server
# is bound to refuse.
MAX_PUSH_EVENTS = 500
MAX_MISSING_HASHES = 1000
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 200

# Resumable uploads follow tus 1.0.0 (core, creation, expiration, checksum).
TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,creation-with-upload,expiration,checksum,termination"
# sha1 is the one tus makes mandatory; sha256 is what the station sends.
TUS_CHECKSUM_ALGORITHMS = ("sha1", "sha256")
UPLOAD_CONTENT_TYPE = "application/offset+octet-stream"
CHECKSUM_MISMATCH = 460  # tus checksum extension: the chunk was discarded


def to_vietnam_naive(value: datetime) -> datetime:
    """Naive Vietnam time; naive input is taken as already office-local."""
    try:
        return to_local(value)
    except OverflowError:
        # 9999-12-31T23:00-05:00 is past the last representable Vietnam time.
        raise ValueError("thời điểm nằm ngoài khoảng thời gian cho phép") from None


# Characters no text on the wire may hold: C0 controls other than tab, line
# feed and carriage return, DEL, and lone UTF-16 surrogates. PostgreSQL text
# cannot store NUL at all, a surrogate cannot be encoded as UTF-8, and the
# rest only ever arrive by accident or to forge what a log or a page shows.
_UNFIT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
UNFIT_TEXT_MESSAGE = "chứa ký tự điều khiển hoặc ký tự không hợp lệ (U+{code:04X})"


def unfit_character(text: str) -> str | None:
    """The first character ``text`` may not hold, or ``None`` when it is fit to store."""
    found = _UNFIT_TEXT.search(text)
    return found.group() if found else None


def check_text(value: Any) -> Any:
    """Raise ``ValueError`` if any string in ``value`` (keys too, nested) is unfit."""
    if isinstance(value, str):
        bad = unfit_character(value)
        if bad is not None:
            raise ValueError(UNFIT_TEXT_MESSAGE.format(code=ord(bad)))
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key)
            check_text(item)
    elif isinstance(value, list | tuple):
        for item in value:
            check_text(item)
    return value


def wire_time(value: datetime) -> str:
    """ISO 8601 with the +07:00 offset (naive values are Vietnam time)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return value.astimezone(VN_TZ).isoformat()


# Read with or without an offset, held naive, written with +07:00.
VnDateTime = Annotated[
    datetime,
    AfterValidator(to_vietnam_naive),
    PlainSerializer(wire_time, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
Sha256Hex = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-fA-F]{64}$", to_lower=True, strip_whitespace=True)
]
StatusCode = Annotated[int, Field(ge=1, le=10)]
# Whole numbers stored in 32- and 64-bit database columns.
MAX_INT32 = 2**31 - 1
MAX_INT64 = 2**63 - 1
Int32 = Annotated[int, Field(ge=0, le=MAX_INT32)]
ShortText = Annotated[str, StringConstraints(max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
Outcome = Literal["applied", "duplicate", "conflict", "rejected"]
Role = Literal["clerk", "supervisor", "admin", "backoffice"]

# Outcomes after which the client may drop the event from its outbox for good;
# "conflict" and "rejected" are final too, but the client keeps the message.
ACKNOWLEDGED: frozenset[str] = frozenset({"applied", "duplicate"})


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _fit_text(cls, value: Any) -> Any:
        # Nested models have checked their own fields already.
        return value if isinstance(value, BaseModel) else check_text(value)


# --- errors -----------------------------------------------------------------


class ErrorBody(WireModel):
    code: str
    message: str
    message_en: str | None = None
    details: Any = None


class ErrorResponse(WireModel):
    """Every 4xx/5xx answer of the API has this body."""

    error: ErrorBody


# --- enrolment and officers ---------------------------------------------------


class EnrollRequest(WireModel):
    enrolment_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    station_name: Annotated[str, StringConstraints(min_length=1, max_length=100)]


class EnrollResponse(WireModel):
    station_id: int
    station_token: str
    office_code: str
    office_name: str
    station_number: int
    sequence_start: int
    sequence_end: int
    server_time: VnDateTime


class TokenRotation(WireModel):
    """A fresh station token; the one the request carried dies at ``old_token_expires_at``."""

    station_token: str
    old_token_expires_at: VnDateTime


class OfficerLoginRequest(WireModel):
    username: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class OfficerRecord(WireModel):
    username: str
    full_name: str
    title: str | None = None
    role: Role
    # argon2id, so a station can check the password later while offline.
    password_hash: str | None = None
    active: bool = True


# --- push ---------------------------------------------------------------------

EVENT_RECEIVED = "dossier.received"
EVENT_STATUS_CHANGED = "dossier.status_changed"
EVENT_RETURNED = "dossier.returned"
EVENT_ATTACHMENTS = "dossier.attachments"
EVENT_RESULT = "dossier.result"
EVENT_RATED = "dossier.rated"
# Steps of a dossier's life that are no status change of their own.
EVENT_EXTENDED = "dossier.extended"
EVENT_CANCELLED = "dossier.cancelled"
EVENT_FEE_PAID = "dossier.fee_paid"


class EventIn(WireModel):
    event_uuid: UUID
    type: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    dossier_uuid: UUID
    payload: dict[str, Any]
    client_time: VnDateTime


class PushRequest(WireModel):
    events: list[EventIn] = Field(max_length=MAX_PUSH_EVENTS)


class RawPushRequest(BaseModel):
    """A push as the server reads it: each event is checked against ``EventIn`` on
    its own, so one malformed event is answered ``rejected`` instead of the whole
    batch being refused (which would wedge the station's queue)."""

    model_config = ConfigDict(extra="ignore")

    events: list[dict[str, Any]] = Field(max_length=MAX_PUSH_EVENTS)


class EventResult(WireModel):
    """The final answer for one event, in the event's place in the batch.

    ``event_uuid`` is null only for an event that came without a valid one.
    """

    event_uuid: UUID | None
    outcome: Outcome
    message: str | None = None


class PushResponse(WireModel):
    results: list[EventResult]


class ApplicantIn(WireModel):
    kind: Literal["person", "organisation"] = "person"
    id_number: Annotated[str, StringConstraints(max_length=20)] | None = None
    tax_code: Annotated[str, StringConstraints(max_length=20)] | None = None
    full_name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    birth_date: date | None = None
    sex: Literal["Nam", "Nữ"] | None = None
    address: Annotated[str, StringConstraints(max_length=500)] | None = None
    phone: Annotated[str, StringConstraints(max_length=30)] | None = None
    email: Annotated[str, StringConstraints(max_length=200)] | None = None


class ComponentIn(WireModel):
    index: Int32
    name: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    originals: int = Field(default=0, ge=0, le=1000)
    copies: int = Field(default=0, ge=0, le=1000)
    digitized: bool = False
    reused: bool = False


class DossierReceived(WireModel):
    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    office_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    station: int = Field(ge=1, le=MAX_INT32)
    procedure_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    procedure_name: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    field: ShortText | None = None
    channel: Literal[1, 2, 3] = 1
    status: Literal[2, 3, 5] = 2
    summary: LongText | None = None
    sets: int = Field(default=1, ge=0, le=1000)
    received_at: VnDateTime
    due_at: VnDateTime | None = None
    lookup_secret: Annotated[str, StringConstraints(min_length=10, max_length=64)]
    fee_amount: int = Field(default=0, ge=0, le=MAX_INT64)
    fee_paid: bool = False
    # How a fee paid at intake was paid; absent from older stations and when
    # the clerk did not say (unknown, never taken for cash).
    fee_payment_method: Literal["cash", "transfer", "online", "pos"] | None = None
    logbook_book: Annotated[str, StringConstraints(max_length=40)] | Int32 | None = None
    logbook_line: Int32 | None = None
    officer: Annotated[str, StringConstraints(max_length=40)] | None = None
    applicant: ApplicantIn
    components: list[ComponentIn] = Field(default_factory=list, max_length=200)


class DossierStatusChanged(WireModel):
    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    from_status: StatusCode
    to_status: StatusCode
    at: VnDateTime
    officer: Annotated[str, StringConstraints(max_length=40)] | None = None
    note: LongText | None = None
    # The appointment after the move: leaving a supplement request moves it by
    # the time the dossier waited on the citizen. Absent from older stations.
    due_at: VnDateTime | None = None


class DossierExtended(WireModel):
    """A new appointment with its reason (the apology letter); ``due_at`` is the new one."""

    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    at: VnDateTime
    officer: Annotated[str, StringConstraints(max_length=40)] | None = None
    due_at: VnDateTime
    previous_due_at: VnDateTime | None = None
    reason: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    # How many times the dossier has been extended, this one included.
    extensions: int = Field(default=1, ge=1, le=1000)


class DossierCancelled(WireModel):
    """An entry made in error, cancelled by a supervisor: kept, never deleted."""

    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    at: VnDateTime
    officer: Annotated[str, StringConstraints(max_length=40)] | None = None
    reason: Annotated[str, StringConstraints(min_length=1, max_length=4000)]


class DossierFeePaid(WireModel):
    """The fee recorded as paid (or, corrected, as unpaid) after intake."""

    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    at: VnDateTime
    officer: Annotated[str, StringConstraints(max_length=40)] | None = None
    fee_paid: bool
    # How it was paid; absent from older stations and when the clerk did not
    # say (unknown, never taken for cash).
    method: Literal["cash", "transfer", "online", "pos"] | None = None


class DossierReturned(WireModel):
    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    returned_at: VnDateTime
    officer: Annotated[str, StringConstraints(max_length=40)] | None = None
    collector_name: ShortText | None = None
    collector_id_number: Annotated[str, StringConstraints(max_length=20)] | None = None
    note: LongText | None = None


class ManifestEntry(WireModel):
    component_index: Int32
    sha256: Sha256Hex
    size: int = Field(ge=0, le=MAX_INT64)
    pages: Int32 | None = None
    mime: Annotated[str, StringConstraints(max_length=100)] = "application/pdf"


class DossierAttachments(WireModel):
    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    manifest: list[ManifestEntry] = Field(max_length=1000)


class DossierResultIn(WireModel):
    """The result paper handed to the citizen, digitized; its file is uploaded by hash."""

    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    result_uuid: UUID
    kind: ShortText | None = None
    number: Annotated[str, StringConstraints(max_length=100)] | None = None
    issued_on: date | None = None
    issuer: Annotated[str, StringConstraints(max_length=300)] | None = None
    sha256: Sha256Hex
    size: int = Field(ge=1)
    pages: int = Field(ge=1)
    mime: Annotated[str, StringConstraints(max_length=100)] = "application/pdf"
    source: Literal["file", "folder", "scanner", "camera", "batch", "electronic"]
    captured_at: VnDateTime


RatingStage = Literal["intake", "return"]
RatingScore = Literal[1, 2, 3]


class DossierRated(WireModel):
    """A citizen's satisfaction rating of one stage; it never names the officer rated."""

    dossier_uuid: UUID
    code: Annotated[str, StringConstraints(max_length=60)] | None = None
    rating_uuid: UUID
    stage: RatingStage
    score: RatingScore
    criteria: dict[Annotated[str, StringConstraints(min_length=1, max_length=20)], RatingScore] = (
        Field(default_factory=dict, max_length=10)
    )
    channel: Literal["screen", "keypad", "web", "cli"]
    rated_at: VnDateTime


# Feedback (phản ánh, kiến nghị) travels in the same queue. Its envelope's
# ``dossier_uuid`` names the feedback item (the event's subject), so a replay
# is recognised the same way; the payload's ``feedback_uuid`` must match it.
EVENT_FEEDBACK_RECEIVED = "feedback.received"
EVENT_FEEDBACK_ANSWERED = "feedback.answered"
# Asking the sender for more information stops the answer's clock; its arrival
# restarts the full count. A server older than these answers them "rejected"
# (unknown event type), which the station records and moves past.
EVENT_FEEDBACK_INFO_REQUESTED = "feedback.info_requested"
EVENT_FEEDBACK_INFO_SUPPLIED = "feedback.info_supplied"
MAX_FEEDBACK_TEXT = 20_000
FeedbackText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_FEEDBACK_TEXT)]
FeedbackChannel = Literal["counter", "letter", "phone", "web"]
FeedbackKindName = Literal["regulation", "handling", "outside"]
FeedbackOutcome = Literal["answered", "rejected", "forwarded"]
FeedbackCode = Annotated[str, StringConstraints(min_length=1, max_length=60)]


class FeedbackSender(WireModel):
    """Name, address and phone are required by the feedback rules: never anonymous."""

    full_name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    address: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    phone: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    email: Annotated[str, StringConstraints(max_length=200)] | None = None


class FeedbackReceived(WireModel):
    feedback_uuid: UUID
    code: FeedbackCode
    office_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    station: int = Field(ge=1, le=MAX_INT32)
    register_year: int = Field(ge=2000, le=9999)
    register_line: int = Field(ge=1, le=MAX_INT32)
    sender: FeedbackSender
    content: FeedbackText
    channel: FeedbackChannel
    dossier_code: Annotated[str, StringConstraints(max_length=60)] | None = None
    kind: FeedbackKindName
    received_at: VnDateTime
    due: dict[str, date] = Field(default_factory=dict, max_length=10)
    lookup_secret: Annotated[str, StringConstraints(min_length=10, max_length=64)]
    officer: Annotated[str, StringConstraints(max_length=80)] | None = None

    @property
    def dossier_uuid(self) -> UUID:
        return self.feedback_uuid


class FeedbackAnswered(WireModel):
    feedback_uuid: UUID
    code: FeedbackCode
    answer: FeedbackText
    answered_at: VnDateTime
    answered_by: ShortText | None = None
    outcome: FeedbackOutcome = "answered"
    officer: Annotated[str, StringConstraints(max_length=80)] | None = None

    @property
    def dossier_uuid(self) -> UUID:
        return self.feedback_uuid


class FeedbackInfoRequested(WireModel):
    feedback_uuid: UUID
    code: FeedbackCode
    request: FeedbackText
    requested_at: VnDateTime
    requested_by: ShortText | None = None
    officer: Annotated[str, StringConstraints(max_length=80)] | None = None

    @property
    def dossier_uuid(self) -> UUID:
        return self.feedback_uuid


class FeedbackInfoSupplied(WireModel):
    feedback_uuid: UUID
    code: FeedbackCode
    supplied_at: VnDateTime
    # The office's count for the answer (settings ``feedback_resolve_days``): the
    # server counts the new deadline with it, on the office calendar.
    resolve_days: int = Field(default=15, ge=1, le=365)
    officer: Annotated[str, StringConstraints(max_length=80)] | None = None

    @property
    def dossier_uuid(self) -> UUID:
        return self.feedback_uuid


# A supervisor's edits to the office's catalogue travel in the same queue; the
# envelope's ``dossier_uuid`` is the edit's own id (``edit_uuid``), as for feedback.
EVENT_CATALOGUE_SET = "catalogue.procedure_set"
# The catalogue fields an office may set itself (``app.office.catalogue.EDITABLE``).
CATALOGUE_EDITABLE = frozenset(
    {
        "processing_value",
        "processing_unit",
        "processing_max_value",
        "next_day_after_cutoff",
        "fee_amount",
        "fee_rule",
        "fee_exemptions",
        "result_place",
        "components",
        "portal_url",
    }
)


_ShortText = Annotated[str, StringConstraints(max_length=500)]
_LongText = Annotated[str, StringConstraints(max_length=2000)]


class StationComponent(WireModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    index: int = Field(ge=1, le=50)
    name: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    originals: int = Field(ge=0, le=100)
    copies: int = Field(ge=0, le=100)
    required: bool
    verified: bool = False


class StationProcedure(WireModel):
    """A procedure the national catalogue does not hold (a province's own, imported or
    created at a station), whole, as the station's row holds it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    name: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    field: Annotated[str, StringConstraints(max_length=200)] | None = None
    level: Annotated[str, StringConstraints(max_length=100)] | None = None
    processing_value: int | None = Field(default=None, ge=0, le=3650)
    processing_unit: (
        Literal["same_day", "working_days", "working_hours", "calendar_days"] | None
    ) = None
    processing_max_value: int | None = Field(default=None, ge=0, le=3650)
    processing_note: _LongText | None = None
    next_day_after_cutoff: bool = False
    fee_amount: int = Field(default=0, ge=0, le=1_000_000_000)
    fee_set_by: Literal["national", "province", "none"] = "none"
    fee_note: _LongText | None = None
    fee_rule: dict[str, Any] | None = Field(default=None, max_length=20)
    fee_exemptions: list[dict[str, Any]] | None = Field(default=None, max_length=50)
    result_place: Annotated[str, StringConstraints(max_length=300)] | None = None
    portal_url: _ShortText | None = None
    verified: bool = False
    unverified: list[Annotated[str, StringConstraints(max_length=40)]] = Field(
        default_factory=list, max_length=10
    )
    components: list[StationComponent] = Field(default_factory=list, max_length=50)


class CatalogueProcedureSet(WireModel):
    """Every field the office set on one procedure, as the station holds them now.

    A procedure the national catalogue lacks travels whole in ``procedure``, so
    the office's other stations can create it.
    """

    edit_uuid: UUID
    procedure_code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    at: VnDateTime
    officer: Annotated[str, StringConstraints(max_length=40)] | None = None
    edits: dict[str, Any] = Field(max_length=len(CATALOGUE_EDITABLE))
    procedure: StationProcedure | None = None

    @model_validator(mode="after")
    def _same_code(self) -> CatalogueProcedureSet:
        if self.procedure is not None and self.procedure.code != self.procedure_code:
            raise ValueError("mã thủ tục không khớp")
        return self

    @field_validator("edits")
    @classmethod
    def _known_fields(cls, value: dict[str, Any]) -> dict[str, Any]:
        unknown = set(value) - CATALOGUE_EDITABLE
        if unknown:
            raise ValueError(f"trường không sửa được: {', '.join(sorted(unknown))}")
        return value

    @property
    def dossier_uuid(self) -> UUID:
        return self.edit_uuid


EVENT_PAYLOADS: dict[str, type[WireModel]] = {
    EVENT_RECEIVED: DossierReceived,
    EVENT_STATUS_CHANGED: DossierStatusChanged,
    EVENT_RETURNED: DossierReturned,
    EVENT_ATTACHMENTS: DossierAttachments,
    EVENT_RESULT: DossierResultIn,
    EVENT_RATED: DossierRated,
    EVENT_EXTENDED: DossierExtended,
    EVENT_CANCELLED: DossierCancelled,
    EVENT_FEE_PAID: DossierFeePaid,
    EVENT_FEEDBACK_RECEIVED: FeedbackReceived,
    EVENT_FEEDBACK_ANSWERED: FeedbackAnswered,
    EVENT_FEEDBACK_INFO_REQUESTED: FeedbackInfoRequested,
    EVENT_FEEDBACK_INFO_SUPPLIED: FeedbackInfoSupplied,
    EVENT_CATALOGUE_SET: CatalogueProcedureSet,
}


def parse_event_payload(event: EventIn) -> WireModel:
    """The typed payload of ``event``; raises ``ValueError`` when it does not fit.

    ``pydantic.ValidationError`` is a ``ValueError``, so callers catch one type.
    """
    model = EVENT_PAYLOADS.get(event.type)
    if model is None:
        raise ValueError(f"unknown event type {event.type!r}")
    payload = model.model_validate(event.payload)
    if payload.dossier_uuid != event.dossier_uuid:  # type: ignore[attr-defined]
        raise ValueError("payload dossier_uuid differs from the event's dossier_uuid")
    return payload


# --- attachments ---------------------------------------------------------------


class MissingRequest(WireModel):
    hashes: list[Sha256Hex] = Field(max_length=MAX_MISSING_HASHES)


class MissingResponse(WireModel):
    missing: list[str]


def encode_upload_metadata(values: dict[str, str]) -> str:
    """tus ``Upload-Metadata``: ``key base64(value)`` pairs separated by commas."""
    return ",".join(
        f"{key} {base64.b64encode(value.encode('utf-8')).decode('ascii')}"
        for key, value in values.items()
    )


def decode_upload_metadata(header: str | None) -> dict[str, str]:
    """Parse ``Upload-Metadata``; raises ``ValueError`` on malformed input."""
    result: dict[str, str] = {}
    for item in (header or "").split(","):
        parts = item.strip().split(" ")
        if parts == [""]:
            continue
        if len(parts) > 2 or not parts[0]:
            raise ValueError("malformed Upload-Metadata pair")
        try:
            value = base64.b64decode(parts[1], validate=True) if len(parts) == 2 else b""
        except binascii.Error as exc:
            raise ValueError("Upload-Metadata value is not base64") from exc
        # tus values may be binary; only sha256 is read, and it must be hex.
        result[parts[0]] = value.decode("utf-8", errors="replace")
    return result


def chunk_checksum(data: bytes) -> str:
    """``Upload-Checksum`` header value for one PATCH body."""
    return "sha256 " + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def parse_checksum(header: str) -> tuple[str, bytes]:
    """``(algorithm, digest)`` from ``Upload-Checksum``; raises ``ValueError``."""
    algorithm, _, encoded = header.strip().partition(" ")
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except binascii.Error as exc:
        raise ValueError("Upload-Checksum is not base64") from exc
    return algorithm, digest


# --- pull and master data --------------------------------------------------------


ChangeKind = Literal["status", "progress", "master", "feedback", "rating"]
CHANGE_KINDS: tuple[str, ...] = get_args(ChangeKind)
# What a station that names no kinds is sent: those an older release can read.
V1_CHANGE_KINDS: tuple[str, ...] = ("status", "progress", "master")
CHANGE_KINDS_PARAM = "kinds"
MAX_KINDS_LENGTH = 1000


def parse_kinds(text: str) -> tuple[str, ...]:
    """The known kinds a comma-separated list names, in ``CHANGE_KINDS`` order."""
    named = {part.strip() for part in text.split(",")}
    return tuple(kind for kind in CHANGE_KINDS if kind in named)


class Change(WireModel):
    seq: int
    kind: ChangeKind
    dossier_uuid: UUID | None = None
    code: str | None = None
    payload: dict[str, Any]


class ChangesResponse(WireModel):
    changes: list[Change]
    next_cursor: int
    has_more: bool


class RawChangesResponse(BaseModel):
    """A page as the station reads it: each change is checked against ``Change`` on
    its own, once its kind is one the station knows (a newer server's new kind is
    passed over instead of failing the page)."""

    model_config = ConfigDict(extra="ignore")

    changes: list[dict[str, Any]]
    next_cursor: int
    has_more: bool


class OfficeProcedureData(StationProcedure):
    """One of the office's own procedures as the server hands it to the office's stations."""

    office_edits: dict[str, Any] = Field(default_factory=dict)


class CatalogueData(WireModel):
    """Same shape as the shipped seed file (``app.office.catalogue_seed.parse_catalogue``)."""

    version: str
    source: str = ""
    procedures: list[dict[str, Any]]
    # The office's own procedures (not in the national catalogue), each with its edits.
    office_procedures: list[OfficeProcedureData] = Field(default_factory=list)


class CalendarOverride(WireModel):
    day: date
    kind: Literal["off", "work"]
    note: str | None = None


class CalendarData(WireModel):
    version: int
    overrides: list[CalendarOverride]


class OfficersData(WireModel):
    version: int
    officers: list[OfficerRecord]


class MasterResponse(WireModel):
    """Only the parts whose version differs from the one the client sent; others null."""

    catalogue: CatalogueData | None = None
    calendar: CalendarData | None = None
    officers: OfficersData | None = None


# --- back office ------------------------------------------------------------------


class BackofficeLoginRequest(OfficerLoginRequest):
    pass


class BackofficeSession(WireModel):
    token: str
    expires_at: VnDateTime
    officer: OfficerRecord


class StatusChangeRequest(WireModel):
    to_status: StatusCode
    note: LongText | None = None


class ProgressNoteRequest(WireModel):
    note: Annotated[str, StringConstraints(min_length=1, max_length=4000)]


class HistoryEntry(WireModel):
    at: VnDateTime
    source: Literal["counter", "backoffice"]
    officer: str | None = None
    from_status: int | None = None
    to_status: int | None = None
    note: str | None = None
    conflict: bool = False


class DossierSummary(WireModel):
    dossier_uuid: UUID
    code: str
    office_code: str
    procedure_code: str
    procedure_name: str
    status: int
    status_label: str
    received_at: VnDateTime
    due_at: VnDateTime | None = None
    applicant_name: str
    attachments_complete: bool


class DossierDetail(DossierSummary):
    summary: str | None = None
    returned_at: VnDateTime | None = None
    history: list[HistoryEntry]


class DossierList(WireModel):
    dossiers: list[DossierSummary]


class FeedbackSummary(WireModel):
    feedback_uuid: UUID
    code: str
    office_code: str
    received_at: VnDateTime
    channel: str
    kind: str
    dossier_code: str | None = None
    sender_name: str
    sender_address: str
    sender_phone: str
    content: str
    due: dict[str, date]
    answer: str | None = None
    answered_at: VnDateTime | None = None
    answered_by: str | None = None
    outcome: str | None = None
    overdue: bool = False
    # Asked for more information that has not arrived: the answer's clock stops.
    waiting_for_sender: bool = False


class FeedbackList(WireModel):
    feedback: list[FeedbackSummary]


class FeedbackAnswerRequest(WireModel):
    answer: FeedbackText
    outcome: FeedbackOutcome = "answered"


# --- operations ----------------------------------------------------------------------


class Health(WireModel):
    status: Literal["ok", "degraded"]
    database: Literal["ok", "error"]
    version: str
    protocol: int = PROTOCOL_VERSION
