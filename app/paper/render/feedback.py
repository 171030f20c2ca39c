"""The feedback register's papers: the acknowledgement with its QR, and the answer letter.

Decree 20/2008/NĐ-CP asks the office to record and classify feedback and to
tell the sender; the acknowledgement carries the register's code, every
deadline that applies and a QR to the item's status page. The answer goes
out as a letter (công văn) from the office, like the apology letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from app.paper.render.layout import (
    Para,
    Signature,
    field,
    fields_inline,
    header_block,
    letter_signature,
    long_datetime,
    recipients,
    signature_row,
    styles,
    text,
    title_block,
)
from app.paper.render.model import OfficeInfo
from app.paper.render.pages import A4_WIDTH, build_a4
from app.paper.render.qr import QRFlowable

ACK_TITLE = "Phiếu tiếp nhận phản ánh, kiến nghị"
ANSWER_SUBJECT = "V/v trả lời phản ánh, kiến nghị"
INFO_REQUEST_SUBJECT = "V/v đề nghị bổ sung thông tin phản ánh, kiến nghị"


@dataclass(frozen=True)
class FeedbackPaper:
    code: str
    register_line: int
    received_at: datetime
    sender_name: str
    sender_address: str
    sender_phone: str
    sender_email: str | None
    channel_label: str
    kind_label: str
    dossier_code: str | None
    content: str
    # (label, date) in the order printed.
    deadlines: tuple[tuple[str, date], ...]
    # None for an item sent from the public page: its link (with the secret the
    # server keeps only as a digest) went to the sender's browser, not to the station.
    status_url: str | None
    officer: str
    answer: str | None = None
    answered_at: datetime | None = None
    outcome: str | None = None
    info_request: str | None = None
    info_requested_at: datetime | None = None


def _multiline(value: str) -> str:
    return "<br/>".join(text(line) for line in value.split("\n"))


def render_acknowledgement(
    office: OfficeInfo, paper: FeedbackPaper, *, printed_at: datetime | None = None
) -> bytes:
    st = styles(13)
    width = A4_WIDTH
    story: list[Flowable] = [
        header_block(office, st, width, when=paper.received_at),
        *title_block(ACK_TITLE, st, subtitle=f"Số vào sổ: {paper.register_line:04d}"),
        Para(f"Mã phản ánh: <b>{text(paper.code)}</b>", st.body_center),
        Spacer(1, st.size * 0.5),
        Para(
            f"Lúc {long_datetime(paper.received_at)}, {text(office.unit_name)} tiếp nhận "
            f"phản ánh, kiến nghị ({text(paper.channel_label.lower())}) của:",
            st.body,
        ),
        field("Họ và tên", paper.sender_name, st, bold=True),
        field("Địa chỉ", paper.sender_address, st),
        fields_inline([("Số điện thoại", paper.sender_phone), ("Email", paper.sender_email)], st),
    ]
    if paper.dossier_code:
        story.append(field("Về hồ sơ mã", paper.dossier_code, st))
    story += [
        field("Phân loại", paper.kind_label, st),
        Para("Nội dung phản ánh, kiến nghị:", st.body),
        Para(_multiline(_clip(paper.content)), st.body_indent),
        Para("Thời hạn xử lý (tính theo ngày làm việc):", st.body),
    ]
    story += [
        Para(f"- {text(label)}: <b>{day:%d/%m/%Y}</b>", st.body_hanging)
        for label, day in paper.deadlines
    ]
    if paper.status_url:
        caption = Para(
            "Quét mã QR để theo dõi tình trạng xử lý và câu trả lời, hoặc mở địa chỉ:<br/>"
            f"{text(paper.status_url)}",
            st.small,
        )
        qr = QRFlowable(paper.status_url, 26 * mm)
        box: Flowable = Table([[qr, caption]], colWidths=[qr.width + 4, width - qr.width - 4])
        box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    else:
        box = Para(
            "Phản ánh gửi qua trang tra cứu trực tuyến: theo dõi tình trạng và câu trả lời "
            "bằng đường dẫn đã nhận khi gửi.",
            st.small,
        )
    story += [
        Spacer(1, st.size * 0.4),
        box,
        signature_row(
            [
                Signature("Người gửi phản ánh", paper.sender_name),
                Signature("Người tiếp nhận", paper.officer),
            ],
            st,
            width,
        ),
    ]
    return build_a4(
        story,
        title=f"{ACK_TITLE} {paper.code}",
        printed_at=printed_at,
        reference=paper.code,
    )


_INFO_LEAD = "Để có căn cứ xem xét, xử lý, {issuer} đề nghị Ông/Bà bổ sung thông tin như sau:"


def _lead(outcome: str | None, issuer: str) -> str:
    """The sentence before the answer's text, by how the item was closed."""
    if outcome == "rejected":
        return f"{issuer} không tiếp nhận xử lý phản ánh, kiến nghị này, với lý do như sau:"
    if outcome == "forwarded":
        return (
            f"Nội dung phản ánh, kiến nghị không thuộc thẩm quyền giải quyết của {issuer}; "
            f"{issuer} đã chuyển đến cơ quan có thẩm quyền như sau:"
        )
    return f"Sau khi xem xét, {issuer} trả lời như sau:"


# A slip is one page: the full text of a very long letter stays in the register.
_ACK_CONTENT_CHARS = 1500


def _clip(content: str) -> str:
    if len(content) <= _ACK_CONTENT_CHARS:
        return content
    return content[:_ACK_CONTENT_CHARS].rstrip() + " … (toàn văn lưu trong sổ phản ánh)"


def render_answer(
    office: OfficeInfo,
    paper: FeedbackPaper,
    *,
    head_name: str | None,
    head_title: str | None,
    printed_at: datetime | None = None,
    info_request: bool = False,
) -> bytes:
    """The letter to the sender: the answer, or with ``info_request`` the same letter
    asking for more information (its own subject, lead sentence and text)."""
    st = styles(13)
    width = A4_WIDTH
    if info_request:
        issued = paper.info_requested_at or printed_at or paper.received_at
        subject = INFO_REQUEST_SUBJECT
        title = f"Đề nghị bổ sung thông tin phản ánh, kiến nghị {paper.code}"
        body = paper.info_request or ""
    else:
        issued = paper.answered_at or printed_at or paper.received_at
        subject = ANSWER_SUBJECT
        title = f"Trả lời phản ánh, kiến nghị {paper.code}"
        body = paper.answer or ""
    issuer = text(office.unit_name if office.letters_by_unit else office.name)
    about = f" về hồ sơ mã <b>{text(paper.dossier_code)}</b>" if paper.dossier_code else ""
    story: list[Flowable] = [
        # The letter's number is the office's registry clerk (văn thư) to write in.
        header_block(
            office,
            st,
            width,
            when=issued,
            number="",
            include_unit=False,
            subject=subject,
        ),
        Spacer(1, st.size * 0.8),
        Para(f"Kính gửi: <b>{text(paper.sender_name)}</b>", st.body_center),
        Para(f"Địa chỉ: {text(paper.sender_address)}", st.body_center),
        Spacer(1, st.size * 0.6),
        Para(
            f"Ngày {paper.received_at:%d/%m/%Y}, {issuer} nhận được phản ánh, kiến nghị "
            f"(mã <b>{text(paper.code)}</b>){about} với nội dung:",
            st.body_indent,
        ),
        Para(f"<i>{_multiline(_clip(paper.content))}</i>", st.body_indent),
        Para(
            _INFO_LEAD.format(issuer=issuer) if info_request else _lead(paper.outcome, issuer),
            st.body_indent,
        ),
        Para(_multiline(body), st.body_indent),
        Para(f"{issuer} trân trọng cảm ơn ý kiến phản ánh, kiến nghị./.", st.body_indent),
        signature_row(
            [letter_signature(office, head_name, head_title)],
            st,
            width,
            left=recipients([f"{paper.sender_name};", "Lưu: VT."], st),
        ),
    ]
    return build_a4(
        story,
        title=title,
        printed_at=printed_at,
        reference=paper.code,
    )
