"""The procedure catalogue in the station database: seeding, listing, fee edits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from app.domain.errors import DomainError
from app.domain.formatting import format_money
from app.domain.text import fold
from app.infra import clock, journal
from app.office import auth
from app.office.auth import Actor
from app.office.catalogue_seed import SeedCatalogue, SeedProcedure, load_seed
from db.engine import Database
from db.models import DossierComponent, Procedure, ProcedureComponent

UNIT_LABELS_VI = {
    "same_day": "trong ngày làm việc",
    "working_days": "ngày làm việc",
    "working_hours": "giờ làm việc",
    "calendar_days": "ngày",
}
UNITS = tuple(UNIT_LABELS_VI)
# What the office may set itself; kept across a catalogue refresh.
EDITABLE = (
    "processing_value",
    "processing_unit",
    "processing_max_value",
    "next_day_after_cutoff",
    "fee_amount",
    "fee_rule",
    "fee_exemptions",
    "result_place",
    "components",
    "portal_url",
)


@dataclass(frozen=True)
class ProcedureSummary:
    code: str
    name: str
    field: str | None
    level: str | None
    processing_value: int | None
    processing_unit: str | None
    next_day_after_cutoff: bool
    fee_amount: int
    fee_set_by: str
    verified: bool
    components: int
    processing_max_value: int | None = None
    fee_rule: dict | None = None
    fee_exemptions: list | None = None
    result_place: str | None = None
    office_edits: list[str] | None = None
    # The procedure's page on the national public-service portal (the guide's QR).
    portal_url: str | None = None

    @property
    def processing_text(self) -> str:
        return processing_text(
            self.processing_value, self.processing_unit, self.processing_max_value
        )

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        data["processing_text"] = self.processing_text
        data["fee_text"] = format_money(self.fee_amount)
        return data


def processing_text(value: int | None, unit: str | None, max_value: int | None = None) -> str:
    if value is None or unit is None:
        return "chưa xác định"
    if unit == "same_day" or (value == 0 and unit in ("working_days", "calendar_days")):
        text = "trong ngày làm việc"
    else:
        text = f"{value:02d} {UNIT_LABELS_VI.get(unit, unit)}"
    if max_value is not None:
        text += f"; tối đa {max_value:02d} ngày làm việc nếu cần xác minh"
    return text


def _apply(row: Procedure, seed: SeedProcedure, keep_fee: bool) -> None:
    row.name = seed.name
    row.name_folded = fold(seed.name)
    row.field = seed.field
    row.level = seed.level
    row.processing_value = seed.processing_value
    row.processing_unit = str(seed.processing_unit) if seed.processing_unit else None
    row.processing_max_value = seed.processing_max_value
    row.processing_note = seed.processing_note
    row.next_day_after_cutoff = seed.next_day_after_cutoff
    if not keep_fee:
        row.fee_amount = seed.fee.amount
        row.fee_set_by = str(seed.fee.set_by)
        row.fee_note = seed.fee.note
    row.fee_rule = seed.fee.rule
    row.fee_exemptions = [dict(e) for e in seed.fee.exemptions]
    row.result_place = seed.result_place
    row.portal_url = seed.portal_url
    row.verified = seed.verified
    row.unverified = list(seed.unverified)
    row.active = True
    # What the office set itself wins over the refreshed catalogue (its components
    # are laid over the seed's once those are in place, in ``import_seed``).
    for key, value in (row.office_edits or {}).items():
        if key in EDITABLE and key != "components":
            setattr(row, key, value)


def set_components(session: Session, row: Procedure, items: list[dict]) -> None:
    """Make ``row``'s components exactly ``items`` (index, name, originals, copies, required).

    Rows are updated in place by index; a component dropped from the list is
    deleted, and the dossiers that listed it keep their own copy of its name.
    """
    current = {c.index: c for c in row.components}
    for item in items:
        target = current.pop(int(item["index"]), None)
        if target is None:
            target = ProcedureComponent(index=int(item["index"]), verified=False)
            row.components.append(target)
        target.name = str(item["name"])
        target.originals = int(item.get("originals", 1))
        target.copies = int(item.get("copies", 0))
        target.required = bool(item.get("required", True))
    if current and row.id is not None:
        stale = [c.id for c in current.values() if c.id is not None]
        if stale:
            session.execute(
                update(DossierComponent)
                .where(DossierComponent.procedure_component_id.in_(stale))
                .values(procedure_component_id=None)
            )
    for gone in current.values():
        row.components.remove(gone)


def components_of(db: Database, code: str) -> list[dict]:
    """The procedure's components as the editor shows them, in order."""
    with db.read() as session:
        row = get(session, code)
        return [
            {
                "index": c.index,
                "name": c.name,
                "originals": c.originals,
                "copies": c.copies,
                "required": c.required,
            }
            for c in sorted(row.components, key=lambda c: c.index)
        ]


def import_seed(session: Session, catalogue: SeedCatalogue | None = None) -> int:
    """Insert or refresh procedures; a fee the office edited itself is kept."""
    catalogue = catalogue or load_seed()
    existing = {
        p.code: p
        for p in session.scalars(select(Procedure).options(selectinload(Procedure.components)))
    }
    for seed in catalogue.procedures:
        row = existing.get(seed.code)
        if row is None:
            row = Procedure(code=seed.code, fee_edited=False)
            session.add(row)
        _apply(row, seed, keep_fee=row.fee_edited)
        own = (row.office_edits or {}).get("components")
        if own:
            # The office's own list stands; the seed's is not laid in between.
            set_components(session, row, own)
            continue
        current = {c.index: c for c in row.components}
        for comp in seed.components:
            target = current.pop(comp.index, None) or ProcedureComponent(index=comp.index)
            target.name = comp.name
            target.originals = comp.originals
            target.copies = comp.copies
            target.required = comp.required
            target.verified = comp.verified
            if target not in row.components:
                row.components.append(target)
        for stale in current.values():
            row.components.remove(stale)
    session.flush()
    return len(catalogue.procedures)


def _summary(p: Procedure) -> ProcedureSummary:
    return ProcedureSummary(
        code=p.code,
        name=p.name,
        field=p.field,
        level=p.level,
        processing_value=p.processing_value,
        processing_unit=p.processing_unit,
        next_day_after_cutoff=p.next_day_after_cutoff,
        fee_amount=p.fee_amount,
        fee_set_by=p.fee_set_by,
        verified=p.verified,
        components=len(p.components),
        processing_max_value=p.processing_max_value,
        fee_rule=p.fee_rule,
        fee_exemptions=p.fee_exemptions,
        result_place=p.result_place,
        office_edits=sorted(p.office_edits or {}),
        portal_url=p.portal_url,
    )


def list_procedures(db: Database, query: str = "") -> list[ProcedureSummary]:
    """Active procedures, filtered by folded words of the name or a code prefix."""
    words = fold(query).split()
    with db.read() as session:
        rows = session.scalars(
            select(Procedure)
            .where(Procedure.active.is_(True))
            .options(selectinload(Procedure.components))
            .order_by(Procedure.field, Procedure.code)
        ).all()
        return [
            _summary(p)
            for p in rows
            if all(w in p.name_folded or p.code.startswith(w) for w in words)
        ]


def get(session: Session, code: str) -> Procedure:
    row = session.scalar(
        select(Procedure)
        .where(Procedure.code == code.strip())
        .options(selectinload(Procedure.components))
    )
    if row is None:
        raise DomainError(
            "unknown_procedure",
            f"Không có thủ tục mã “{code}” trong danh mục.",
            f"No procedure with code “{code}” in the catalogue.",
            field="procedure",
        )
    return row


def set_fee(db: Database, actor: Actor, code: str, amount: int, note: str | None = None) -> None:
    """Record the fee the province set; kept across catalogue refreshes."""
    auth.require(actor, "catalogue.edit_fee")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= 1_000_000_000:
        raise DomainError(
            "bad_fee",
            "Lệ phí phải là số nguyên không âm (đồng).",
            "The fee must be a non-negative whole number of dong.",
            field="fee",
        )
    now = clock.now()
    with db.write() as session:
        row = get(session, code)
        old = row.fee_amount
        row.fee_amount = amount
        row.fee_edited = True
        if note is not None:
            row.fee_note = note
        journal.audit(
            session, actor.username, "catalogue.fee", row.code, now, {"from": old, "to": amount}
        )
