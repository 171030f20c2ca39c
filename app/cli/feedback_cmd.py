"""``feedback receive|list|answer|ask|supplied|show|print``: the feedback register."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import Output, write_atomically
from app.domain.errors import DomainError
from app.domain.formatting import format_datetime

if TYPE_CHECKING:
    # The parser imports this module for its options: the database layer and
    # the feedback register load only when the command runs.
    from db.engine import Database


def add_parsers(sub) -> None:
    s = sub.add_parser("feedback", help="sổ tiếp nhận phản ánh, kiến nghị")
    fsub = s.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    f = fsub.add_parser("receive", help="tiếp nhận phản ánh, kiến nghị từ tệp JSON")
    f.add_argument("--file", required=True, help="tệp JSON ('-' = stdin)")
    f.add_argument("--out", help="lưu phiếu tiếp nhận (có mã QR tra cứu) ra tệp PDF")
    f = fsub.add_parser("list", help="liệt kê sổ phản ánh, kiến nghị")
    f.add_argument("--overdue", action="store_true", help="chỉ những phản ánh đã quá hạn")
    f = fsub.add_parser("answer", help="ghi nhận trả lời một phản ánh, kiến nghị")
    f.add_argument("code")
    g = f.add_mutually_exclusive_group(required=True)
    g.add_argument("--text", help="nội dung trả lời")
    g.add_argument("--text-file", help="tệp văn bản UTF-8 chứa nội dung trả lời")
    f.add_argument(
        "--outcome",
        choices=["answered", "rejected", "forwarded"],
        default="answered",
        help="trả lời (mặc định), từ chối tiếp nhận (nội dung là lý do), "
        "chuyển cơ quan có thẩm quyền (nội dung ghi nơi nhận)",
    )
    f.add_argument("--out", help="lưu văn bản trả lời ra tệp PDF")
    f = fsub.add_parser("ask", help="ghi nhận yêu cầu người phản ánh bổ sung thông tin")
    f.add_argument("code")
    g = f.add_mutually_exclusive_group(required=True)
    g.add_argument("--text", help="nội dung yêu cầu bổ sung")
    g.add_argument("--text-file", help="tệp văn bản UTF-8 chứa nội dung yêu cầu bổ sung")
    f.add_argument("--out", help="lưu văn bản đề nghị bổ sung ra tệp PDF")
    f = fsub.add_parser(
        "supplied", help="ghi nhận người phản ánh đã bổ sung thông tin (tính lại hạn trả lời)"
    )
    f.add_argument("code")
    f = fsub.add_parser("show", help="xem một phản ánh, kiến nghị")
    f.add_argument("code")
    f = fsub.add_parser("print", help="in phiếu tiếp nhận hoặc văn bản trả lời ra tệp PDF")
    f.add_argument("code")
    f.add_argument("--out", required=True, help="tệp PDF đầu ra")
    g = f.add_mutually_exclusive_group()
    g.add_argument(
        "--answer", action="store_true", help="in văn bản trả lời thay cho phiếu tiếp nhận"
    )
    g.add_argument(
        "--info-request",
        action="store_true",
        help="in văn bản đề nghị bổ sung thông tin thay cho phiếu tiếp nhận",
    )


def cmd_feedback(args: Namespace, db: Database, out: Output) -> int:
    return {
        "receive": _receive,
        "list": _list,
        "answer": _answer,
        "ask": _ask,
        "supplied": _supplied,
        "show": _show,
        "print": _print,
    }[args.feedback_command](args, db, out)


def _receive(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.cli.commands import _read_json
    from app.feedback import register

    result = register.receive(db, actor(db, args), _read_json(args.file))
    if args.out:
        _write_paper(db, args, result.code, args.out, answer=False)
    out.emit(
        {
            "code": result.code,
            "kind": result.kind,
            "due": {k: v.isoformat() for k, v in result.due.items()},
            "register_line": result.register_line,
            "received_at": result.received_at,
            "status_url": result.status_url,
            "out": args.out,
        },
        [
            out.t("Đã vào sổ phản ánh, kiến nghị ", "Feedback entered as ") + result.code,
            out.t("Hạn trả lời: ", "Answer due: ") + result.due["resolve_by"].strftime("%d/%m/%Y"),
        ]
        + ([out.t(f"Phiếu đã lưu: {args.out}", f"Slip written to {args.out}")] if args.out else []),
    )
    return 0


def _list(args: Namespace, db: Database, out: Output) -> int:
    from app.feedback import queries

    items = queries.list_feedback(db, overdue=args.overdue)
    marks = {"overdue": out.t("QUÁ HẠN", "OVERDUE"), "due_soon": out.t("sắp đến hạn", "due soon")}
    lines = [
        f"{i.code}  {i.received_at:%d/%m/%Y}  {i.sender_name}  [{i.state_label}]"
        + (f"  {i.next_label} {i.next_due:%d/%m/%Y}" if i.next_due else "")
        + (f"  {marks[i.standing]}" if i.standing in marks else "")
        for i in items
    ] or [out.t("Không có phản ánh, kiến nghị nào.", "No feedback.")]
    out.emit([i.to_json() for i in items], lines)
    return 0


def _answer(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.feedback import register

    result = register.answer(db, actor(db, args), args.code, _text(args), outcome=args.outcome)
    if args.out:
        _write_paper(db, args, result.code, args.out, answer=True)
    out.emit(
        {
            "code": result.code,
            "answered_at": result.answered_at,
            "publish_by": result.publish_by,
            "outcome": result.outcome,
            "out": args.out,
        },
        [
            out.t("Đã ghi nhận trả lời lúc ", "Answer recorded at ")
            + format_datetime(result.answered_at),
            out.t("Hạn công khai: ", "Publish by: ") + result.publish_by.strftime("%d/%m/%Y"),
        ],
    )
    return 0


def _text(args: Namespace) -> str | None:
    if not args.text_file:
        return args.text
    try:
        return Path(args.text_file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(
            "unreadable_file",
            f"Không đọc được tệp “{args.text_file}”: {exc.__class__.__name__}.",
            f"Cannot read file “{args.text_file}”: {exc.__class__.__name__}.",
        ) from None


def _ask(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.feedback import register

    result = register.ask_info(db, actor(db, args), args.code, _text(args))
    if args.out:
        _write_paper(db, args, result.code, args.out, info_request=True)
    out.emit(
        {
            "code": result.code,
            "requested_at": result.requested_at,
            "request_info_by": result.request_info_by,
            "on_time": result.on_time,
            "out": args.out,
        },
        [
            out.t("Đã ghi nhận yêu cầu bổ sung thông tin lúc ", "Information requested at ")
            + format_datetime(result.requested_at),
            out.t("Hạn đề nghị bổ sung: ", "Request due: ")
            + result.request_info_by.strftime("%d/%m/%Y")
            + ("" if result.on_time else out.t(" (QUÁ HẠN)", " (LATE)")),
        ]
        + (
            [out.t(f"Văn bản đã lưu: {args.out}", f"Letter written to {args.out}")]
            if args.out
            else []
        ),
    )
    return 0


def _supplied(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.feedback import register

    result = register.info_supplied(db, actor(db, args), args.code)
    out.emit(
        {
            "code": result.code,
            "supplied_at": result.supplied_at,
            "resolve_by": result.resolve_by,
        },
        [
            out.t("Đã ghi nhận thông tin bổ sung lúc ", "Information supplied at ")
            + format_datetime(result.supplied_at),
            out.t("Hạn trả lời (tính lại): ", "Answer due (recounted): ")
            + result.resolve_by.strftime("%d/%m/%Y"),
        ],
    )
    return 0


def _show(args: Namespace, db: Database, out: Output) -> int:
    from app.feedback import queries

    item = queries.get(db, args.code)
    lines = [
        f"{item.code}  ({item.kind_label}; {item.channel_label})",
        f"{item.sender_name}, {item.sender_address}, {item.sender_phone}",
        item.content,
    ] + [f"{k}: {v:%d/%m/%Y}" for k, v in item.due.items()]
    if item.answer:
        lines += [out.t("Trả lời: ", "Answer: ") + item.answer]
    out.emit(item.to_json(), lines)
    return 0


def _print(args: Namespace, db: Database, out: Output) -> int:
    _write_paper(db, args, args.code, args.out, answer=args.answer, info_request=args.info_request)
    out.emit({"code": args.code, "out": args.out}, [out.t("Đã lưu ", "Written ") + args.out])
    return 0


def _write_paper(
    db: Database,
    args: Namespace,
    code: str,
    target: str,
    *,
    answer: bool = False,
    info_request: bool = False,
) -> None:
    from app.cli.acting import actor
    from app.paper import feedback_slips

    who = actor(db, args)
    pdf = (
        feedback_slips.info_request_letter(db, who, code)
        if info_request
        else feedback_slips.answer_letter(db, who, code)
        if answer
        else feedback_slips.acknowledgement(db, who, code)
    )
    write_atomically(Path(target), pdf)
