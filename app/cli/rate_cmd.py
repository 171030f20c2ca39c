"""``rate``: record a citizen's satisfaction rating of a dossier's intake or hand-over."""

from __future__ import annotations

import argparse
from argparse import Namespace
from typing import TYPE_CHECKING

from app.cli.output import Output
from app.domain.errors import DomainError
from app.domain.satisfaction import STAGES, STAGES_EN

if TYPE_CHECKING:
    # The parser imports this module for its options: the database layer and
    # the ratings load only when the command runs.
    from db.engine import Database


def add_parsers(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser(
        "rate", help="ghi nhận đánh giá mức độ hài lòng của người dân (mỗi bước một lần)"
    )
    s.add_argument("code", help="mã hồ sơ")
    # Checked by the use case, not by argparse, so a wrong value gets a Vietnamese reason.
    s.add_argument("--stage", required=True, help="intake (tiếp nhận) hoặc return (trả kết quả)")
    s.add_argument("--score", required=True, help="1 Không hài lòng, 2 Bình thường, 3 Hài lòng")
    s.add_argument(
        "--criterion",
        action="append",
        default=[],
        metavar="KEY=SCORE",
        help="điểm một tiêu chí cơ quan đang dùng (thiết lập rating_criteria), vd attitude=3",
    )
    s.add_argument(
        "--channel",
        default="cli",
        help="nơi người dân đánh giá: screen, keypad hoặc cli (mặc định)",
    )


def _criteria(items: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise DomainError(
                "bad_criterion",
                f"Tiêu chí “{item}” cần dạng KHÓA=ĐIỂM, vd attitude=3.",
                f"Criterion “{item}” must be KEY=SCORE, e.g. attitude=3.",
                field="criteria",
            )
        result[key.strip()] = value.strip()
    return result


def cmd_rate(args: Namespace, db: Database, out: Output) -> int:
    from app.cli.acting import actor
    from app.dossiers import ratings

    receipt = ratings.record(
        db,
        actor(db, args),
        args.code,
        args.stage,
        args.score,
        _criteria(args.criterion),
        channel=args.channel,
    )
    out.emit(
        receipt.to_json(),
        [
            out.t(
                f"Đã ghi nhận đánh giá hồ sơ {receipt.code}, bước {STAGES[receipt.stage]}: "
                f"{receipt.score_label}.",
                f"Rating of dossier {receipt.code} recorded, {STAGES_EN[receipt.stage]}: "
                f"{receipt.score}.",
            )
        ],
    )
    return 0
