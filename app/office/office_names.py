"""The names an office prints on its paper, with presets per kind of office.

Since 1/7/2025 (Decree 118/2025/NĐ-CP and two-level local government) the
one-stop unit is a "Trung tâm Phục vụ hành chính công" of the commune, the
ward or the province, or a "Bộ phận Một cửa"; the name, the governing body
and who signs differ by office, so all of them are settings. A preset fills
them for the usual cases; every value can then be changed one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.infra import clock, journal
from app.office import auth, settings, station
from app.office.auth import Actor
from db.engine import Database

KINDS = ("commune", "ward", "province")
KIND_LABELS_VI = {
    "commune": "Ủy ban nhân dân xã",
    "ward": "Ủy ban nhân dân phường",
    "province": "Trung tâm Phục vụ hành chính công tỉnh",
}


@dataclass(frozen=True)
class OfficeNames:
    """What the header, the date line and the signature block print."""

    kind: str
    governing_body: str
    unit_name: str
    place: str
    signer_title: str
    # "TM. Ủy ban nhân dân" above the title; empty when the head signs in
    # their own name (the director of a provincial centre).
    signer_for: str
    office_abbr: str
    unit_abbr: str

    @property
    def letters_by_unit(self) -> bool:
        """A provincial centre issues its letters itself; a commune's come from the UBND."""
        return self.kind == "province"


def preset(kind: str, place: str) -> OfficeNames:
    """The usual names for a commune, a ward or a provincial centre named ``place``."""
    place = " ".join(place.split())
    if kind == "commune":
        level = "xã"
    elif kind == "ward":
        level = "phường"
    elif kind == "province":
        level = "tỉnh"
    else:
        raise DomainError(
            "bad_office_kind",
            f"Loại cơ quan phải là một trong: {', '.join(KINDS)}.",
            f"The office kind must be one of: {', '.join(KINDS)}.",
            field="kind",
        )
    suffix = f" {place}" if place else ""
    if kind == "province":
        return OfficeNames(
            kind=kind,
            governing_body=f"Ủy ban nhân dân tỉnh{suffix}",
            unit_name=f"Trung tâm Phục vụ hành chính công tỉnh{suffix}",
            place=place,
            signer_title="Giám đốc",
            signer_for="",
            office_abbr="TTPVHCC",
            unit_abbr="TTPVHCC",
        )
    return OfficeNames(
        kind=kind,
        governing_body=f"Ủy ban nhân dân {level}{suffix}",
        unit_name=f"Trung tâm Phục vụ hành chính công {level}{suffix}",
        place=place,
        signer_title="Chủ tịch",
        signer_for="TM. Ủy ban nhân dân",
        office_abbr="UBND",
        unit_abbr="TTPVHCC",
    )


def load(session: Session) -> OfficeNames:
    """The names as set, the office's own name standing in for a missing governing body."""
    values = settings.get_all(session)
    info = station.load(session)
    kind = values["office_kind"] if values["office_kind"] in KINDS else "commune"
    fallback = preset(kind, "")
    return OfficeNames(
        kind=kind,
        governing_body=values["governing_body"] or info.office_name,
        unit_name=values["unit_name"] or fallback.unit_name,
        place=values["place_name"] or info.office_name,
        signer_title=values["head_title"] or fallback.signer_title,
        signer_for=values["signer_for"],
        office_abbr=values["office_abbr"] or fallback.office_abbr,
        unit_abbr=values["unit_abbr"] or fallback.unit_abbr,
    )


# ``office set`` option → setting key.
OPTION_KEYS = {
    "governing_body": "governing_body",
    "unit_name": "unit_name",
    "place": "place_name",
    "signer_title": "head_title",
    "signer_for": "signer_for",
    "signer_name": "head_name",
    "office_abbr": "office_abbr",
    "unit_abbr": "unit_abbr",
}


def set_names(
    db: Database, actor: Actor, *, kind: str | None = None, **values: str | None
) -> OfficeNames:
    """Apply a preset (when ``kind`` is given) and then each value given; all or nothing."""
    auth.require(actor, "settings.office")
    unknown = set(values) - set(OPTION_KEYS)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    changes: dict[str, str] = {}
    with db.read() as session:
        current = load(session)
    if kind is not None:
        place = values.get("place")
        base = preset(kind, place if place is not None else current.place)
        changes.update(
            {
                "office_kind": base.kind,
                "governing_body": base.governing_body,
                "unit_name": base.unit_name,
                "place_name": base.place,
                "head_title": base.signer_title,
                "signer_for": base.signer_for,
                "office_abbr": base.office_abbr,
                "unit_abbr": base.unit_abbr,
            }
        )
    for option, value in values.items():
        if value is None:
            continue
        text = " ".join(value.split())
        if len(text) > 300:
            raise DomainError(
                "too_long",
                f"“{option}” dài quá 300 ký tự.",
                f"“{option}” is longer than 300 characters.",
                field=option,
            )
        if not text and option in ("governing_body", "unit_name", "place", "signer_title"):
            raise DomainError(
                "empty_office_name",
                f"“{option}” không được để trống.",
                f"“{option}” must not be empty.",
                field=option,
            )
        changes[OPTION_KEYS[option]] = text
    now = clock.now()
    with db.write() as session:
        for key, value in changes.items():
            settings.put(session, key, value)
        if changes:
            journal.audit(
                session, actor.username, "office.names", None, now, {"keys": sorted(changes)}
            )
        session.flush()
        return load(session)
