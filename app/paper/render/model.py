"""Plain data the paper forms are rendered from.

Every object is frozen and holds only what is printed, already looked up:
the renderers never reach the database. Datetimes are naive office-local
time, exactly as they should appear on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_UNIT_NAME = "Bộ phận Một cửa"


@dataclass(frozen=True)
class OfficeInfo:
    """The office that issues the form, and its bank account for fees."""

    agency_code: str
    name: str
    parent_name: str | None
    address: str
    phone: str
    # The place written before the date: "Hà Nội, ngày … tháng … năm …".
    province_place: str
    unit_name: str = DEFAULT_UNIT_NAME
    bank_bin: str | None = None
    bank_account: str | None = None
    bank_account_name: str | None = None
    # Who signs letters (apology, stop notice): "TM. Ủy ban nhân dân" above
    # "Chủ tịch"; an empty line when the head signs in their own name.
    signer_for: str = "TM. Ủy ban nhân dân"
    signer_title: str = "Chủ tịch"
    # Abbreviations in document numbers: "05/TB-UBND", "03/UBND-TTPVHCC".
    office_abbr: str = "UBND"
    unit_abbr: str = "TTPVHCC"
    # A provincial centre issues letters under its own name; a commune's
    # come from the People's Committee (``name``) alone.
    letters_by_unit: bool = False
    # "07 giờ 30 đến 11 giờ 30, 13 giờ 30 đến 17 giờ 30" for the guide.
    hours_text: str = ""


@dataclass(frozen=True)
class ApplicantInfo:
    """The person or organisation the dossier belongs to."""

    full_name: str
    id_number: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    # "nam" / "nữ" when known: the letters then say "Ông" or "Bà".
    sex: str | None = None

    @property
    def salutation(self) -> str:
        """'Ông', 'Bà', or 'Ông/Bà' when the sex is not recorded."""
        sex = (self.sex or "").strip().lower()
        if sex in ("nam", "male", "m"):
            return "Ông"
        if sex in ("nữ", "nu", "female", "f"):
            return "Bà"
        return "Ông/Bà"


@dataclass(frozen=True)
class ComponentLine:
    """One submitted paper (thành phần hồ sơ) with its counts."""

    index: int
    name: str
    originals: int = 0
    copies: int = 0


@dataclass(frozen=True)
class DossierInfo:
    """A dossier as the forms show it.

    ``due_at`` is None only for a dossier that never got an appointment (one
    refused at intake); the receipt requires it.
    """

    code: str
    procedure_code: str
    procedure_name: str
    applicant: ApplicantInfo
    received_at: datetime
    due_at: datetime | None
    field: str | None = None
    components: tuple[ComponentLine, ...] = ()
    sets: int = 1
    # Legal processing time as written on the receipt, e.g. "01 ngày làm việc".
    processing_text: str = ""
    result_place: str = ""
    logbook_book: str = ""
    logbook_line: str = ""
    fee_amount: int = 0
    fee_paid: bool = False
    fee_note: str | None = None
    # The full look-up link, secret included; the QR encodes it verbatim.
    lookup_url: str = ""
    receiving_officer: str = ""
    summary: str | None = None


@dataclass(frozen=True)
class SupplementItem:
    """A paper the applicant still has to bring, with how many of each kind."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    note: str | None = None


@dataclass(frozen=True)
class SupplementRequest:
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    number: str
    issued_at: datetime
    items: tuple[SupplementItem, ...]
    reason: str
    # Where the applicant can read the rules (legal basis, portal page, …).
    guidance: str
    contact_officer: str
    guiding_officer: str
    contact_phone: str | None = None


@dataclass(frozen=True)
class RefusalNotice:
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    number: str
    issued_at: datetime
    reason: str
    # Who to ask and how (officer, phone, office hours), printed as written.
    contact: str
    officer: str
    # The legal text the refusal rests on ("Điều 16 Luật Hộ tịch năm 2014");
    # dots for the clerk to write it in by hand when not given.
    legal_basis: str | None = None


@dataclass(frozen=True)
class ApologyLetter:
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả."""

    number: str
    issued_at: datetime
    reason: str
    new_due_at: datetime
    head_name: str
    head_title: str


@dataclass(frozen=True)
class HandoverRow:
    """One hand-over between units; any field left None prints as dots to fill."""

    from_unit: str | None = None
    to_unit: str | None = None
    handed_at: datetime | None = None
    giver: str | None = None
    receiver: str | None = None
    # "Trước hạn" / "Đúng hạn" / "Quá hạn", or free text.
    result: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ControlSheet:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ."""

    rows: tuple[HandoverRow, ...] = ()
    resolving_unit: str | None = None
    coordinating_units: str | None = None
    # Empty rows printed after the known ones, for the hand-overs still to come.
    blank_rows: int = 4


@dataclass(frozen=True)
class StopNotice:
    """Thông báo dừng giải quyết hồ sơ (at the applicant's request)."""

    number: str
    issued_at: datetime
    reason: str
    requested_at: date
    signer_name: str
    signer_title: str
    returned_documents: str | None = None


@dataclass(frozen=True)
class LogbookLine:
    """One line of the log book (sổ theo dõi hồ sơ, Mẫu số 07).

    ``number`` is the line the receipt gave ("Số thứ tự"), counted per book
    and year, never renumbered per printed period. Lines of different books
    (``book`` as stored, e.g. "2026/Q01") print as separate books.
    """

    number: int
    code: str
    applicant: str
    procedure: str
    received_at: datetime
    due_at: datetime | None
    handovers: str = ""
    returned_at: datetime | None = None
    note: str = ""
    book: str = ""
    sets: int = 1
    # "Số 12 ngõ 34 phố Hàng Bạc; 0912 345 678"
    contact: str = ""
    lead_agency: str = ""
    # Sent to the resolving agency, and its result back at the counter.
    sent_at: datetime | None = None
    result_at: datetime | None = None
