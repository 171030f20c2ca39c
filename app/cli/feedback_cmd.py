"""``feedback receive|list|answer|show|print``: the feedback register (phản ánh, kiến nghị)."""

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
    f = fsub.add_parser("show", help="xem một phản ánh, kiến nghị")
    f.add_argument("code")
    f = fsub.add_parser("print", help="in phiếu tiếp nhận hoặc văn bản trả lời ra tệp PDF")
    f.add_argument("code")
    f.add_argument("--out", required=True, help="tệp PDF đầu ra")
    f.add_argument(
        "--answer", action="store_true", help="in văn bản trả lời thay cho phiếu tiếp nhận"
    )


def cmd_feedback(args: Namespace, db: Database, out: Output) -> int:
    return {
        "receive": _receive,
        "list": _list,
        "answer": _answer,
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

    text = args.text
    if args.text_file:
        try:
            text = Path(args.text_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise DomainError(
                "unreadable_file",
                f"Không đọc được tệp “{args.text_file}”: {exc.__class__.__name__}.",
                f"Cannot read file “{args.text_file}”: {exc.__class__.__name__}.",
            ) from None
    result = register.answer(db, actor(db, args), args.code, text, outcome=args.outcome)
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
    _write_paper(db, args, args.code, args.out, answer=args.answer)
    out.emit({"code": args.code, "out": args.out}, [out.t("Đã lưu ", "Written ") + args.out])
    return 0


def _write_paper(db: Database, args: Namespace, code: str, target: str, *, answer: bool) -> None:
    from app.cli.acting import actor
    from app.paper import feedback_slips

    who = actor(db, args)
    pdf = (
        feedback_slips.answer_letter(db, who, code)
        if answer
        else feedback_slips.acknowledgement(db, who, code)
    )
    write_atomically(Path(target), pdf)
