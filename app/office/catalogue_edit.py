"""The office's own edits to its catalogue: processing time, fees, exemptions, result place.

A supervisor sets what the national catalogue leaves open or what the
province decided. Each edited field is remembered in ``office_edits`` and
re-applied after every catalogue refresh, so the office's values stay until
the office changes them again.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, object_session

from app.domain import fees, processing_text
from app.domain.errors import DomainError
from app.domain.portal import check_portal_url
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from app.office.catalogue import EDITABLE, UNITS, get, set_components
from app.office.catalogue_seed import load_seed
from db.engine import Database
from db.models import Procedure


@dataclass(frozen=True)
class ProcedureEdit:
    """What to change; ``None`` leaves a field as it is."""

    processing: str | None = None
    processing_value: int | None = None
    processing_unit: str | None = None
    processing_max_value: int | None = None
    clear_max: bool = False
    fee: str | None = None
    after_15h: bool | None = None
    result_place: str | None = None
    exemptions: list[dict[str, str]] | None = None
    # The whole list of components (name, originals, copies, required), in order.
    components: list[dict[str, Any]] | None = None
    # The national portal's page of the procedure; "" removes it.
    portal_url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _bad(code: str, vi: str, en: str, field_name: str) -> DomainError:
    return DomainError(code, vi, en, field=field_name)


MAX_COMPONENTS = 50
MAX_COPIES = 100


def _components(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The component list checked and numbered 1…n in the order given."""
    if not items:
        raise _bad(
            "no_components",
            "Thủ tục phải có ít nhất một thành phần hồ sơ.",
            "A procedure needs at least one component.",
            "components",
        )
    if len(items) > MAX_COMPONENTS:
        raise _bad(
            "too_many_components",
            f"Tối đa {MAX_COMPONENTS} thành phần hồ sơ.",
            f"At most {MAX_COMPONENTS} components.",
            "components",
        )
    out = []
    for position, item in enumerate(items, start=1):
        name = " ".join(str(item.get("name") or "").split())
        if not name or len(name) > 1000:
            raise _bad(
                "bad_component_name",
                f"Thành phần thứ {position}: tên phải có 1–1000 ký tự.",
                f"Component {position}: the name must be 1–1000 characters.",
                "components",
            )
        counts = []
        for key, label in (("originals", "bản chính"), ("copies", "bản sao")):
            value = item.get(key, 1 if key == "originals" else 0)
            if isinstance(value, bool) or not isinstance(value, int):
                value = -1
            if not 0 <= value <= MAX_COPIES:
                raise _bad(
                    "bad_component_count",
                    f"Thành phần thứ {position}: số {label} phải từ 0 đến {MAX_COPIES}.",
                    f"Component {position}: {key} must be 0–{MAX_COPIES}.",
                    "components",
                )
            counts.append(value)
        out.append(
            {
                "index": position,
                "name": name,
                "originals": counts[0],
                "copies": counts[1],
                "required": bool(item.get("required", True)),
            }
        )
    return out


def _exemptions(items: list[dict[str, str]]) -> list[dict[str, str]]:
    """Exemption categories (code, label): codes unique, both filled in."""
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for position, item in enumerate(items, start=1):
        code = " ".join(str(item.get("code") or "").split())
        label = " ".join(str(item.get("label") or "").split())
        if not code or not label or len(code) > 40 or len(label) > 300:
            raise _bad(
                "bad_exemption",
                f"Đối tượng miễn, giảm thứ {position}: cần mã (tối đa 40 ký tự) và tên "
                "(tối đa 300 ký tự).",
                f"Exemption {position}: a code (≤40 characters) and a label (≤300) are needed.",
                "fee_exemptions",
            )
        if code in seen:
            raise _bad(
                "duplicate_exemption",
                f"Mã đối tượng miễn, giảm “{code}” bị trùng.",
                f"Exemption code “{code}” is repeated.",
                "fee_exemptions",
            )
        seen.add(code)
        out.append({"code": code, "label": label})
    return out


def changes(edit: ProcedureEdit) -> dict[str, Any]:
    """The catalogue fields ``edit`` sets, validated; raises before anything is written."""
    out: dict[str, Any] = {}
    if edit.processing is not None and edit.processing_value is not None:
        raise _bad(
            "processing_twice",
            "Chỉ nhập thời hạn bằng chữ (--processing) hoặc bằng số (--processing-value).",
            "Give the processing time as text or as a number, not both.",
            "processing",
        )
    if edit.processing is not None:
        parsed = processing_text.parse(edit.processing)
        out["processing_value"] = parsed.value
        out["processing_unit"] = parsed.unit
        out["processing_max_value"] = parsed.max_value
        if edit.after_15h is None and parsed.after_cutoff:
            out["next_day_after_cutoff"] = True
    if edit.processing_value is not None or edit.processing_unit is not None:
        value, unit = edit.processing_value, edit.processing_unit
        if unit == "same_day" and value is None:
            value = 0
        if unit not in UNITS:
            raise _bad(
                "bad_processing_unit",
                f"Đơn vị thời hạn “{unit}” không hợp lệ ({', '.join(UNITS)}).",
                f"Processing unit “{unit}” is invalid ({', '.join(UNITS)}).",
                "processing_unit",
            )
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365:
            raise _bad(
                "bad_processing_value",
                "Thời hạn phải là số nguyên 0–365.",
                "The processing time must be a whole number 0–365.",
                "processing_value",
            )
        out["processing_value"], out["processing_unit"] = value, unit
    if edit.processing_max_value is not None:
        if not 0 <= edit.processing_max_value <= 365:
            raise _bad(
                "bad_processing_value",
                "Thời hạn tối đa phải là số nguyên 0–365 ngày làm việc.",
                "The maximum must be 0–365 working days.",
                "processing_max_value",
            )
        out["processing_max_value"] = edit.processing_max_value
    if edit.clear_max:
        out["processing_max_value"] = None
    if edit.fee is not None:
        amount, rule = fees.parse_fee_text(edit.fee)
        out["fee_amount"], out["fee_rule"] = amount, rule
    if edit.after_15h is not None:
        out["next_day_after_cutoff"] = edit.after_15h
    if edit.result_place is not None:
        place = " ".join(edit.result_place.split())
        if not place or len(place) > 300:
            raise _bad(
                "bad_result_place",
                "Nơi trả kết quả phải có 1–300 ký tự.",
                "The result place must be 1–300 characters.",
                "result_place",
            )
        out["result_place"] = place
    if edit.exemptions is not None:
        out["fee_exemptions"] = _exemptions(edit.exemptions)
    if edit.components is not None:
        out["components"] = _components(edit.components)
    if edit.portal_url is not None:
        out["portal_url"] = check_portal_url(edit.portal_url)
    out.update(edit.extra)
    unknown = set(out) - set(EDITABLE)
    if unknown:
        raise _bad(
            "not_editable",
            f"Không sửa được: {', '.join(sorted(unknown))}.",
            f"Not editable: {', '.join(sorted(unknown))}.",
            "catalogue",
        )
    if not out:
        raise _bad(
            "nothing_to_change",
            "Chưa nhập thay đổi nào.",
            "Nothing to change was given.",
            "catalogue",
        )
    return out


def apply_changes(row: Procedure, values: dict[str, Any]) -> dict[str, Any]:
    """Set ``values`` on ``row`` and remember them as the office's; returns the old values."""
    old: dict[str, Any] = {}
    for key, value in values.items():
        if key == "components":
            old[key] = [
                {"index": c.index, "name": c.name, "originals": c.originals, "copies": c.copies}
                for c in sorted(row.components, key=lambda c: c.index)
            ]
            session = object_session(row)
            assert session is not None, "components are replaced on a row in a session"
            set_components(session, row, value)
            continue
        old[key] = getattr(row, key)
        setattr(row, key, value)
    row.office_edits = {**(row.office_edits or {}), **values}
    if "fee_amount" in values:
        row.fee_edited = True
    return old


def record_edit(session: Session, officer: str, row: Procedure, now: datetime) -> None:
    """Queue the procedure's office edits for the server, which hands them to the office's
    other stations. The whole set goes each time, so the latest edit wins everywhere and
    sending it twice changes nothing."""
    edit_uuid = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "edit_uuid": edit_uuid,
        "procedure_code": row.code,
        "at": clock.to_wire(now),
        "officer": officer,
        "edits": dict(row.office_edits or {}),
    }
    if row.code not in national_codes():
        # The server has no master row to lay the edits on: the procedure goes whole.
        payload["procedure"] = procedure_to_wire(row)
    journal.add_event(session, "catalogue.procedure_set", payload, now, edit_uuid)


@functools.cache
def national_codes() -> frozenset[str]:
    """Codes of the national catalogue shipped with the application."""
    return frozenset(p.code for p in load_seed().procedures)


def procedure_to_wire(row: Procedure) -> dict[str, Any]:
    """The whole procedure as ``protocol.StationProcedure`` carries it."""
    data: dict[str, Any] = {
        key: getattr(row, key)
        for key in (
            "code", "name", "field", "level", "processing_value", "processing_unit",
            "processing_max_value", "processing_note", "next_day_after_cutoff", "fee_amount",
            "fee_set_by", "fee_note", "fee_rule", "fee_exemptions", "result_place",
            "portal_url",
        )
    }  # fmt: skip
    data["verified"] = bool(row.verified)
    data["unverified"] = list(row.unverified or [])
    data["next_day_after_cutoff"] = bool(row.next_day_after_cutoff)
    data["fee_amount"] = int(row.fee_amount or 0)
    data["fee_set_by"] = row.fee_set_by or "none"
    data["components"] = [
        {
            "index": c.index,
            "name": c.name,
            "originals": c.originals,
            "copies": c.copies,
            "required": bool(c.required),
            "verified": bool(c.verified),
        }
        for c in sorted(row.components, key=lambda c: c.index)
    ]
    return data


def set_procedure(
    db: Database, actor: Actor, code: str, edit: ProcedureEdit, now: datetime | None = None
) -> Procedure:
    """Apply a supervisor's edit to one procedure, audited; returns the updated row."""
    auth.require(actor, "catalogue.edit")
    values = changes(edit)
    now = now or clock.now()
    with db.write() as session:
        row = get(session, code)
        old = apply_changes(row, values)
        record_edit(session, actor.username, row, now)
        journal.audit(
            session,
            actor.username,
            "catalogue.edit",
            row.code,
            now,
            {"from": old, "to": values},
        )
        session.flush()
        session.expunge(row)
    return row
