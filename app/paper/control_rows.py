"""The control sheet's hand-overs, read from the dossier's status history.

The sheet follows the paper dossier: counter → resolving agency → counter →
citizen. Each step already taken prints with its time, the people's full
names (from the officer records) and, for the result coming back and being
handed over, the early / on time / late mark the dossier recorded (or, for
a history older than those fields, the same rule applied to the step's
time). Steps still to come print with their units named and the rest left
to fill by hand.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.status import Status
from app.domain.timeliness import Timeliness, classify
from app.paper.render.model import HandoverRow, OfficeInfo
from db.models import Dossier, DossierResult, Officer

CITIZEN = "Tổ chức, cá nhân"
_COLLECTOR = re.compile(r"Người nhận:\s*([^.(]+?)\s*(?:\(|\.|$)")


def _names(session: Session, dossier: Dossier) -> dict[str, str]:
    users = {h.officer for h in dossier.history if h.officer}
    if not users:
        return {}
    rows = session.execute(
        select(Officer.username, Officer.full_name).where(Officer.username.in_(users))
    )
    return {username: full_name or "" for username, full_name in rows}


def _mark(recorded: str | None, at, due_at) -> str | None:
    if recorded:
        return Timeliness(recorded).label_vi
    found = classify(at, due_at)
    return found.label_vi if found else None


def _result_note(session: Session, dossier: Dossier) -> str:
    """Which result went to the citizen and how: the hand-over row's note."""
    how = "gửi qua bưu chính" if dossier.return_by_post else "trả trực tiếp"
    kept = session.scalar(select(DossierResult).where(DossierResult.dossier_id == dossier.id))
    if kept is None:
        return f"Kết quả {how}"
    what = kept.kind or "Kết quả"
    if kept.number:
        what += f" số {kept.number}"
    if kept.issued_on:
        what += f" ngày {kept.issued_on:%d/%m/%Y}"
    return f"{what}, {how}; bản số hóa lưu kèm hồ sơ"


def handover_rows(
    session: Session, office: OfficeInfo, dossier: Dossier, resolving: str
) -> tuple[HandoverRow, ...]:
    """Every hand-over made so far, then the ones still to come."""
    names = _names(session, dossier)
    counter = office.unit_name

    def who(username: str | None) -> str | None:
        # An officer on record prints by full name, or not at all (to be
        # written by hand) while the name is missing: never the login. A name
        # the server sent for another office's officer prints as sent.
        if not username:
            return None
        if username in names:
            return names[username] or None
        return username

    rows: list[HandoverRow] = []
    done: set[Status] = set()
    for h in dossier.history:
        status = Status(h.status)
        if status is Status.PROCESSING:
            rows.append(HandoverRow(counter, resolving, h.at, giver=who(h.officer), note=h.note))
        elif status in (Status.SUPPLEMENT, Status.FINANCIAL):
            rows.append(
                HandoverRow(
                    resolving if Status.PROCESSING in done else counter,
                    CITIZEN,
                    h.at,
                    giver=who(h.officer),
                    note="; ".join(p for p in (status.label_vi, h.note) if p),
                )
            )
        elif status in (Status.STOPPED, Status.WITHDRAWN):
            rows.append(
                HandoverRow(
                    resolving,
                    counter,
                    h.at,
                    giver=who(h.officer),
                    note="; ".join(p for p in (status.label_vi, h.note) if p),
                )
            )
        elif status is Status.RESOLVED:
            rows.append(
                HandoverRow(
                    resolving,
                    counter,
                    h.at,
                    giver=who(h.officer),
                    result=_mark(dossier.timeliness, h.at, dossier.due_at),
                    note=h.note,
                )
            )
        elif status is Status.RETURNED:
            collector = _COLLECTOR.search(h.note or "")
            rows.append(
                HandoverRow(
                    counter,
                    CITIZEN,
                    h.at,
                    giver=who(h.officer),
                    receiver=collector.group(1).strip() if collector else None,
                    result=_mark(dossier.return_timeliness, h.at, dossier.due_at),
                    note=_result_note(session, dossier),
                )
            )
        done.add(status)
    if Status(dossier.status) in (Status.STOPPED, Status.WITHDRAWN, Status.REFUSED):
        return tuple(rows)
    if Status.PROCESSING not in done:
        rows.append(HandoverRow(counter, resolving))
    if Status.RESOLVED not in done:
        rows.append(HandoverRow(resolving, counter))
    if Status.RETURNED not in done:
        rows.append(HandoverRow(counter, CITIZEN))
    return tuple(rows)
