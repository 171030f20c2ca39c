"""The central server's own tables (separate from the station's ``db/`` models).

Every time column holds naive Vietnam time, as on the stations. Secrets
(station tokens, enrolment codes, look-up secrets, session tokens) are stored
only as SHA-256 digests: they are long random strings, so a plain digest is
enough, and a copy of the database does not let anyone act as a station.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JsonType = JSON().with_variant(JSONB(), "postgresql")
# SQLite only auto-increments an INTEGER PRIMARY KEY, not a BIGINT one.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Office(Base):
    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_code: Mapped[str | None] = mapped_column(String(40), index=True)
    calendar_version: Mapped[int] = mapped_column(Integer, default=0)
    officers_version: Mapped[int] = mapped_column(Integer, default=0)
    # Citizens may download their digitized result from the public page (off by default).
    citizen_copy: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Bumped by each edit a station of the office makes to its catalogue.
    catalogue_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Station(Base):
    __tablename__ = "stations"
    __table_args__ = (UniqueConstraint("office_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(String(100))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrolment_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrolment_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    enrolled_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # When the current token was issued: past the maximum age it is rotated.
    token_issued_at: Mapped[datetime | None] = mapped_column(DateTime)


class StationToken(Base):
    """A token the station has swapped for a newer one, alive until its grace period ends."""

    __tablename__ = "station_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class Officer(Base):
    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class OfficerSession(Base):
    __tablename__ = "officer_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (Index("ix_dossiers_office_status", "office_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    code: Mapped[str] = mapped_column(String(60), unique=True)
    station: Mapped[int] = mapped_column(Integer)
    procedure_code: Mapped[str] = mapped_column(String(40))
    procedure_name: Mapped[str] = mapped_column(Text)
    status: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    lookup_hash: Mapped[str] = mapped_column(String(64))
    applicant_name: Mapped[str] = mapped_column(String(200))
    # The intake payload as the counter sent it, minus the look-up secret.
    intake: Mapped[dict[str, Any]] = mapped_column(JsonType)
    attachments_complete: Mapped[bool] = mapped_column(Boolean, default=True)
    # Last status change and who made it: decides counter/back-office conflicts.
    status_source: Mapped[str] = mapped_column(String(20), default="counter")
    status_changed_at: Mapped[datetime] = mapped_column(DateTime)
    backoffice_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # From hand-over (status 4) on, intake data is frozen for the counter.
    handed_over_at: Mapped[datetime | None] = mapped_column(DateTime)
    # An entry made in error, cancelled at the counter: kept, no longer open.
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    # The fee recorded paid after intake; null while only the intake says.
    fee_paid: Mapped[bool | None] = mapped_column(Boolean)
    # How it was paid (cash, transfer, online, pos); null = not recorded.
    fee_payment_method: Mapped[str | None] = mapped_column(String(10))
    # Extensions granted (apology letters); ``due_at`` is the latest appointment.
    extensions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class DossierHistory(Base):
    __tablename__ = "dossier_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(20))
    station: Mapped[int | None] = mapped_column(Integer)
    officer: Mapped[str | None] = mapped_column(String(40))
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    # A counter change refused because the back office moved first: kept so
    # both versions stay visible.
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    event_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    # Lets a whole batch's rows be inserted in one flush, ids filled in order.
    dossier: Mapped[Dossier] = relationship()


class EventRecord(Base):
    """Every pushed event ever seen, so a replay is answered, not re-applied."""

    __tablename__ = "events"

    event_uuid: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    type: Mapped[str] = mapped_column(String(60))
    dossier_uuid: Mapped[uuid.UUID] = mapped_column(Uuid)
    payload_hash: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(20))
    message: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime)


class ChangeRecord(Base):
    """The per-office pull feed; ``seq`` is the cursor."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_office_seq", "office_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    kind: Mapped[str] = mapped_column(String(20))
    dossier_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    code: Mapped[str | None] = mapped_column(String(60))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Blob(Base):
    """A verified file in the content-addressed store."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    frozen: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class BlobOffice(Base):
    """Which offices have proved they hold a blob: the scope of ``missing`` and download."""

    __tablename__ = "blob_offices"

    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DossierResult(Base):
    """The digitized result of a dossier, as its station recorded it at hand-over."""

    __tablename__ = "dossier_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), unique=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    kind: Mapped[str | None] = mapped_column(String(200))
    number: Mapped[str | None] = mapped_column(String(100))
    issued_on: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(20))
    captured_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ManifestItem(Base):
    __tablename__ = "dossier_attachments"
    __table_args__ = (UniqueConstraint("dossier_id", "component_index", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    component_index: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int | None] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(100))
    frozen: Mapped[bool] = mapped_column(Boolean, default=False)

    # Lets the manifest of a dossier the same batch creates wait for one flush.
    dossier: Mapped[Dossier] = relationship()


class Upload(Base):
    """A resumable upload in progress; its bytes live in ``uploads/<id>.part``."""

    __tablename__ = "uploads"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The client's Upload-Metadata header as sent, which HEAD echoes (tus).
    upload_metadata: Mapped[str | None] = mapped_column(Text)


class RateMiss(Base):
    """One miss (wrong look-up secret, failed sign-in) counted against a key."""

    __tablename__ = "rate_misses"
    __table_args__ = (Index("ix_rate_misses_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)


class Procedure(Base):
    __tablename__ = "procedures"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    # The procedure in the catalogue file's shape, as the seed gives it.
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    # The province's own fee, set on this server; wins over the seed's.
    fee_override: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class OfficeProcedure(Base):
    """What one office set on one procedure (its time, fee, components…) at a station.

    Handed to the office's other stations with the catalogue; the province's
    own fee (``Procedure.fee_override``) still wins over the office's.
    """

    __tablename__ = "office_procedures"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    code: Mapped[str] = mapped_column(String(40))
    edits: Mapped[dict[str, Any]] = mapped_column(JsonType)
    # The whole procedure when the national catalogue lacks it (a province's own):
    # the office's other stations create it from this.
    procedure: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    # When the station made the edit: an older edit arriving late does not win.
    edited_at: Mapped[datetime] = mapped_column(DateTime)
    edited_by: Mapped[str | None] = mapped_column(String(40))
    station: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class MasterVersion(Base):
    __tablename__ = "master_versions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    seed_version: Mapped[str] = mapped_column(String(80))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CalendarOverrideRow(Base):
    __tablename__ = "calendar_overrides"
    __table_args__ = (UniqueConstraint("office_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(String(300))


class SatisfactionRating(Base):
    """A citizen's rating of one stage of a dossier, from its station or the public page.

    No column names the officer or the counter: ratings are anonymous to the
    officer rated. One per dossier and stage; the first to arrive stays.
    """

    __tablename__ = "satisfaction_ratings"
    __table_args__ = (
        UniqueConstraint("dossier_id", "stage"),
        Index("ix_satisfaction_ratings_office_rated", "office_id", "rated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"))
    stage: Mapped[str] = mapped_column(String(10))
    score: Mapped[int] = mapped_column(Integer)
    criteria: Mapped[dict[str, Any]] = mapped_column(JsonType)
    # screen, keypad, cli (from a station) or web (the public page).
    channel: Mapped[str] = mapped_column(String(10))
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class Feedback(Base):
    """A citizen's feedback (phản ánh, kiến nghị): from a counter's register or the public page.

    ``station`` 0 means the public page; its code's station part is then 00.
    """

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_office_received", "office_id", "received_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    station: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    register_year: Mapped[int] = mapped_column(Integer)
    register_line: Mapped[int] = mapped_column(Integer)
    sender_name: Mapped[str] = mapped_column(String(200))
    sender_address: Mapped[str] = mapped_column(Text)
    sender_phone: Mapped[str] = mapped_column(String(40))
    sender_email: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(10))
    dossier_code: Mapped[str | None] = mapped_column(String(60), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(DateTime)
    # The deadlines as ISO dates, counted where the item was received.
    due: Mapped[dict[str, Any]] = mapped_column(JsonType)
    lookup_hash: Mapped[str] = mapped_column(String(64))
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_by: Mapped[str | None] = mapped_column(String(200))
    # counter or backoffice.
    answer_source: Mapped[str | None] = mapped_column(String(20))
    # answered, rejected or forwarded.
    outcome: Mapped[str | None] = mapped_column(String(20))
    # When the answer went on the public page.
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The counter asked the sender for more information: the answer's clock stops
    # until it is supplied, then ``due["resolve_by"]`` counts again from that day.
    info_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    info_supplied_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class KeyEscrow(Base):
    """A station's data key sealed to the server's public key (never the key itself).

    Replaced when the station seals a new copy (a new key, a new server key).
    """

    __tablename__ = "key_escrows"

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    sealed_key: Mapped[str] = mapped_column(Text)
    # Which server public key it was sealed to, and the key's check value.
    key_id: Mapped[str] = mapped_column(String(32))
    check: Mapped[str] = mapped_column(String(32))
    deposited_at: Mapped[datetime] = mapped_column(DateTime)


class KeyRecoveryCode(Base):
    """A one-time, short-lived code an administrator issued to recover a station's key.

    Kept after use: who issued it, when and from where it was used is the
    server's record of every key that left it.
    """

    __tablename__ = "key_recovery_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    used_from: Mapped[str | None] = mapped_column(String(100))


class AuditHead(Base):
    """A station's audit chain head as reported at a sync; rows are only ever added.

    ``flag`` marks a head whose id went backwards or whose hash at an id
    already reported differs: the station's log was rewritten or restored.
    """

    __tablename__ = "audit_heads"
    __table_args__ = (Index("ix_audit_heads_station_row", "station_id", "row_id"),)

    row_id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    head_id: Mapped[int] = mapped_column(BigInteger)
    head_hash: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str | None] = mapped_column(String(64))
    station_at: Mapped[datetime] = mapped_column(DateTime)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    flag: Mapped[str | None] = mapped_column(String(20))
    message: Mapped[str | None] = mapped_column(Text)


class StationBackup(Base):
    """A station's encrypted backup file kept on the server (the newest few per station).

    The bytes live in the attachment store under their SHA-256, uploaded
    through the resumable upload like any file; the server cannot read them
    (the station's data key encrypts them). Keyed by office and station number,
    so a station enrolled again under its number finds its backups.
    """

    __tablename__ = "station_backups"
    __table_args__ = (
        UniqueConstraint("office_id", "station", "sha256"),
        Index("ix_station_backups_office_station", "office_id", "station"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    station: Mapped[int] = mapped_column(Integer)
    # Not a foreign key: a damaged blob is quarantined and forgotten on its own.
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    schema_version: Mapped[str | None] = mapped_column(String(40))
    manifest: Mapped[str] = mapped_column(Text)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime)
