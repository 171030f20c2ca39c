"""``office show`` and ``office set``: the names printed on the office's paper."""

from __future__ import annotations

from argparse import Namespace
from dataclasses import asdict

from app.cli.acting import actor
from app.cli.output import Output
from app.office import office_names
from db.engine import Database

_OPTIONS = (
    "governing_body",
    "unit_name",
    "place",
    "signer_title",
    "signer_for",
    "signer_name",
    "office_abbr",
    "unit_abbr",
)


def cmd_office(args: Namespace, db: Database, out: Output) -> int:
    if getattr(args, "office_command", None) == "set":
        values = {key: getattr(args, key) for key in _OPTIONS}
        names = office_names.set_names(db, actor(db, args), kind=args.preset, **values)
    else:
        with db.read() as session:
            names = office_names.load(session)
    data = asdict(names)
    out.emit(
        data,
        [
            out.t("Cơ quan ban hành: ", "Governing body: ") + names.governing_body,
            out.t("Bộ phận Một cửa: ", "One-stop unit: ") + names.unit_name,
            out.t("Địa danh: ", "Place: ") + names.place,
            out.t("Người ký: ", "Signer: ")
            + " / ".join(part for part in (names.signer_for, names.signer_title) if part),
            out.t("Số văn bản: ", "Numbers: ") + f"…/TB-{names.office_abbr}, …/…-{names.unit_abbr}",
        ],
    )
    return 0
