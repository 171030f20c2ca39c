"""SQLAlchemy models of the counter station's local database.

The schema itself is created and upgraded only by the Alembic migrations in
``db/migrations``; these classes must stay in step with them (a test compares
the two).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Office(Base):
    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_name: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(40))


class Station(Base):
    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    number: Mapped[int] = mapped_column(Integer)
    sequence_start: Mapped[int] = mapped_column(Integer)
    sequence_end: Mapped[int] = mapped_column(Integer)
    is_local: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (UniqueConstraint("office_id", "number"),)


class Officer(Base):
    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


class Procedure(Base):
    __tablename__ = "procedure"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    name_folded: Mapped[str] = mapped_column(String(500))
    field: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str | None] = mapped_column(String(100))
    processing_value: Mapped[int | None] = mapped_column(Integer)
    processing_unit: Mapped[str | None] = mapped_column(String(20))
    processing_note: Mapped[str | None] = mapped_column(Text)
    # "The clerk chooses within a maximum" (kết hôn: same day, up to 5 working days).
    processing_max_value: Mapped[int | None] = mapped_column(Integer)
    next_day_after_cutoff: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_amount: Mapped[int] = mapped_column(Integer, default=0)
    fee_set_by: Mapped[str] = mapped_column(String(20), default="none")
    fee_note: Mapped[str | None] = mapped_column(Text)
    fee_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    # Per-page / per-copy rule with caps; None = ``fee_amount`` per case.
    fee_rule: Mapped[dict | None] = mapped_column(JSON)
    # Exemption categories the clerk may choose at intake: [{"code", "label"}].
    fee_exemptions: Mapped[list | None] = mapped_column(JSON)
    # Fields the office set itself; a seed refresh keeps them.
    office_edits: Mapped[dict | None] = mapped_column(JSON)
    result_place: Mapped[str | None] = mapped_column(String(300))
    # The procedure's page on the national public-service portal (the guide's QR).
    portal_url: Mapped[str | None] = mapped_column(String(500))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    unverified: Mapped[list] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    components: Mapped[list[ProcedureComponent]] = relationship(
        back_populates="procedure",
        order_by="ProcedureComponent.index",
        cascade="all, delete-orphan",
    )


class ProcedureComponent(Base):
    __tablename__ = "procedure_component"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=1)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)

    procedure: Mapped[Procedure] = relationship(back_populates="components")

    __table_args__ = (UniqueConstraint("procedure_id", "index"),)


class Applicant(Base):
    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    id_number: Mapped[str | None] = mapped_column(String(20), index=True)
    tax_code: Mapped[str | None] = mapped_column(String(20), index=True)
    full_name: Mapped[str] = mapped_column(String(300))
    birth_date: Mapped[date | None] = mapped_column(Date)
    # "year", "month" or "day": old papers often give only the year of birth.
    birth_date_precision: Mapped[str | None] = mapped_column(String(5))
    # cccd, cmnd, passport or tax_code; nationality is ISO 3166-1 alpha-3.
    document_type: Mapped[str | None] = mapped_column(String(20))
    nationality: Mapped[str | None] = mapped_column(String(3))
    sex: Mapped[str | None] = mapped_column(String(10))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Dossier(Base):
    __tablename__ = "dossier"
    __table_args__ = (
        Index("ix_dossier_status_due", "status", "due_at"),
        Index("ix_dossier_status_received", "status", "received_at"),
        Index("ix_dossier_procedure_received", "procedure_id", "received_at"),
        Index("ix_dossier_status_procedure_received", "status", "procedure_id", "received_at"),
        Index("ix_dossier_timeliness", "timeliness"),
        # Older dossiers handed over within a report's period (migration 0016).
        Index("ix_dossier_returned_received", "returned_at", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id"), index=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"), index=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))
    channel: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[int] = mapped_column(Integer, index=True)
    summary: Mapped[str | None] = mapped_column(Text)
    sets: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    logbook_book: Mapped[str | None] = mapped_column(String(40))
    logbook_line: Mapped[int | None] = mapped_column(Integer)
    fee_amount: Mapped[int] = mapped_column(Integer, default=0)
    fee_paid: Mapped[bool] = mapped_column(Boolean, default=False)
    # How the fee was paid (app.domain.payment.METHODS); null = not recorded.
    fee_payment_method: Mapped[str | None] = mapped_column(String(10))
    lookup_secret: Mapped[str] = mapped_column(String(40))
    received_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    sync_error: Mapped[str | None] = mapped_column(Text)
    # The first appointment; ``due_at`` is the current one after pauses and extensions.
    original_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Supervisor who confirmed a promised date the catalogue could not compute.
    due_confirmed_by: Mapped[str | None] = mapped_column(String(80))
    # Set while the clock stands still waiting for the citizen's supplement.
    paused_at: Mapped[datetime | None] = mapped_column(DateTime)
    paused_working_days: Mapped[float] = mapped_column(Float, default=0.0)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    # early / on_time / late when the result was ready, and when it was handed over.
    timeliness: Mapped[str | None] = mapped_column(String(10))
    return_timeliness: Mapped[str | None] = mapped_column(String(10))
    # An entry made in error is cancelled, never deleted.
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancelled_by: Mapped[str | None] = mapped_column(String(80))
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    fee_exemption: Mapped[str | None] = mapped_column(String(40))
    postal_address: Mapped[str | None] = mapped_column(Text)
    postal_tracking: Mapped[str | None] = mapped_column(String(60))
    return_by_post: Mapped[bool] = mapped_column(Boolean, default=False)
    return_address: Mapped[str | None] = mapped_column(Text)

    procedure: Mapped[Procedure] = relationship()
    applicant: Mapped[Applicant] = relationship()
    components: Mapped[list[DossierComponent]] = relationship(
        back_populates="dossier", order_by="DossierComponent.index"
    )
    history: Mapped[list[StatusHistory]] = relationship(
        back_populates="dossier", order_by="StatusHistory.id"
    )


class DossierComponent(Base):
    __tablename__ = "dossier_component"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"))
    procedure_component_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_component.id"))
    index: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    # Pages of each copy, for per-page fees (certified copies).
    pages: Mapped[int | None] = mapped_column(Integer)
    digitized: Mapped[bool] = mapped_column(Boolean, default=False)
    reused: Mapped[bool] = mapped_column(Boolean, default=False)

    dossier: Mapped[Dossier] = relationship(back_populates="components")

    __table_args__ = (UniqueConstraint("dossier_id", "index"),)


class StatusHistory(Base):
    __tablename__ = "status_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[int] = mapped_column(Integer)
    officer: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20), default="counter")

    dossier: Mapped[Dossier] = relationship(back_populates="history")


class OutboxEvent(Base):
    __tablename__ = "outbox_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(60))
    dossier_uuid: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_outbox_pending", "sent_at", "id"),)


class SyncCursor(Base):
    __tablename__ = "sync_cursor"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CalendarOverride(Base):
    __tablename__ = "calendar_override"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    officer: Mapped[str | None] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str | None] = mapped_column(String(100))
    detail: Mapped[dict | None] = mapped_column(JSON)
    # The tamper-evident chain (app.protect.audit_chain).
    chain_hash: Mapped[str | None] = mapped_column(String(64))
    chain_mac: Mapped[str | None] = mapped_column(String(64))
    mac_day: Mapped[date | None] = mapped_column(Date)


class AuditKey(Base):
    """The audit chain's current HMAC key (yesterday's is gone) and its head."""

    __tablename__ = "audit_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    key: Mapped[bytes] = mapped_column(LargeBinary)
    chain_start: Mapped[int] = mapped_column(Integer)
    head_id: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DaySequence(Base):
    """Last sequence number this station used for each day's dossier codes."""

    __tablename__ = "day_sequence"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), primary_key=True)
    last_used: Mapped[int] = mapped_column(Integer)


class LogbookCounter(Base):
    __tablename__ = "logbook_counter"

    book: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_line: Mapped[int] = mapped_column(Integer)


class Attachment(Base):
    """The digitized file of one dossier component (stored by SHA-256 in the data folder)."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    dossier_component_id: Mapped[int] = mapped_column(
        ForeignKey("dossier_component.id", ondelete="CASCADE"), unique=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    dpi: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    mime: Mapped[str] = mapped_column(String(100))
    officer: Mapped[str | None] = mapped_column(String(80))
    captured_at: Mapped[datetime] = mapped_column(DateTime)
    reused_from: Mapped[int | None] = mapped_column(
        ForeignKey("attachment.id", ondelete="SET NULL")
    )


class DossierResult(Base):
    """The result paper handed to the citizen, digitized (or received electronically).

    Kept so the office can reprint a lost copy, count electronic results, and
    offer it for reuse in the applicant's next dossier. Stored by SHA-256 in
    the same store as the components.
    """

    __tablename__ = "dossier_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), unique=True
    )
    # What the paper is: "Trích lục khai sinh", "Bản sao chứng thực", "Giấy phép …".
    kind: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(100))
    issued_on: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(100))
    # file, scanner, camera, or electronic (the resolving body's own file, kept as received).
    source: Mapped[str] = mapped_column(String(20))
    officer: Mapped[str | None] = mapped_column(String(80))
    captured_at: Mapped[datetime] = mapped_column(DateTime)


class UploadState(Base):
    """Progress of one stored file's upload to the central server."""

    __tablename__ = "upload_state"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    upload_url: Mapped[str | None] = mapped_column(String(500))
    offset: Mapped[int] = mapped_column(Integer, default=0)
    uploaded_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Feedback(Base):
    """A citizen's feedback (phản ánh, kiến nghị) entered in the office's register."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("register_year", "station_id", "register_line"),
        Index("ix_feedback_open", "answered_at", "resolve_by"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    # The register: one numbered book per year and station.
    register_year: Mapped[int] = mapped_column(Integer)
    register_line: Mapped[int] = mapped_column(Integer)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"))
    sender_name: Mapped[str] = mapped_column(String(200))
    sender_address: Mapped[str] = mapped_column(Text)
    sender_phone: Mapped[str] = mapped_column(String(40))
    sender_email: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    # counter, letter, phone or web.
    channel: Mapped[str] = mapped_column(String(10))
    dossier_code: Mapped[str | None] = mapped_column(String(60), index=True)
    # regulation, handling or outside (app.domain.feedback_clock.FeedbackKind).
    kind: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    received_by: Mapped[str | None] = mapped_column(String(80))
    lookup_secret: Mapped[str] = mapped_column(String(40))
    # The deadlines as counted at intake; publish_by once answered.
    reject_by: Mapped[date] = mapped_column(Date)
    request_info_by: Mapped[date | None] = mapped_column(Date)
    forward_by: Mapped[date | None] = mapped_column(Date)
    resolve_by: Mapped[date] = mapped_column(Date)
    publish_by: Mapped[date | None] = mapped_column(Date)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_by: Mapped[str | None] = mapped_column(String(200))
    # counter (answered here) or backoffice (answered on the server, pulled).
    answer_source: Mapped[str | None] = mapped_column(String(20))
    # answered, rejected or forwarded (app.domain.feedback_clock.OUTCOMES).
    outcome: Mapped[str | None] = mapped_column(String(20))
    # When the answer was on the public page (the server says so on pull).
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The request to the sender for more information (yêu cầu bổ sung thông tin),
    # and when the information arrived: resolve_by is counted again from that day.
    info_request: Mapped[str | None] = mapped_column(Text)
    info_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    info_requested_by: Mapped[str | None] = mapped_column(String(200))
    info_supplied_at: Mapped[datetime | None] = mapped_column(DateTime)


class SatisfactionRating(Base):
    """A citizen's rating of one stage of a dossier (receiving, handing over the result).

    Who was on the counter is deliberately not stored: the rating is anonymous
    to the officer being rated. A trigger (migration 0010) refuses any change
    to a stored rating, so nobody at the station can edit one.
    """

    __tablename__ = "satisfaction_rating"
    __table_args__ = (UniqueConstraint("dossier_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"))
    # intake or return (app.domain.satisfaction.STAGES).
    stage: Mapped[str] = mapped_column(String(10))
    # 1 Không hài lòng, 2 Bình thường, 3 Hài lòng.
    score: Mapped[int] = mapped_column(Integer)
    # {criterion key: score} for the criteria the office asked about.
    criteria: Mapped[dict] = mapped_column(JSON, default=dict)
    # screen, keypad, web or cli.
    channel: Mapped[str] = mapped_column(String(10))
    rated_at: Mapped[datetime] = mapped_column(DateTime, index=True)
