"""A fixture office of a few hundred dossiers, one group per branch of the rules.

Each group is a number of identical dossiers; the expected figures in the
tests are added up by hand from the table below, so a changed rule shows as a
changed number. Times are Vietnam local time; March 2026 has no public
holiday, working hours are the default 07:30–11:30 and 13:30–17:30.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from db.engine import Database
from db.models import (
    Applicant,
    Dossier,
    DossierComponent,
    DossierResult,
    Procedure,
    StatusHistory,
)

FIELD_X = "1.001022"  # Hộ tịch
FIELD_Y = "1.004194"  # Cư trú
# The office published Hộ tịch's guide on the national portal, not Cư trú's:
# one of the two procedures it handles has its public guide complete.
PORTAL_X = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001022"
)


def t(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-{text}")


@dataclass
class Group:
    name: str
    count: int
    procedure: str
    received: str
    due: str | None
    status: int
    # (status, time) after the "received" step
    steps: list[tuple[int, str]] = field(default_factory=list)
    returned: str | None = None
    # channel of the first ``channel_n`` dossiers (others at the counter)
    channel: int = 1
    channel_n: int = 0
    # (digitized, reused) per component; the first ``reuse_n`` dossiers have
    # their second component reused instead of digitized
    components: tuple[tuple[bool, bool], ...] = ((False, False), (False, False))
    reuse_n: int = 0
    fee_paid_n: int = 0
    # how the first of the paid fees were paid; the paid ones after them: not recorded
    methods: tuple[str, ...] = ()
    # no history at all (as a dossier received from the server may have)
    bare: bool = False
    # early / on time / late as the counter recorded it when the result was ready
    recorded: str | None = None
    cancelled: bool = False
    # the first ``result_n`` dossiers have their result kept: the first
    # ``electronic_n`` of them as the resolving body's electronic file
    result_n: int = 0
    electronic_n: int = 0


D = (True, False)
N = (False, False)

GROUPS = [
    # received in March 2026
    Group(
        "A early",
        40,
        FIELD_X,
        "03-09 08:00",
        "03-13 17:30",
        10,
        [(4, "03-10 09:00"), (9, "03-11 10:00"), (10, "03-12 09:00")],
        returned="03-12 09:00",
        channel=2,
        channel_n=10,
        components=(D, D),
        reuse_n=8,
        fee_paid_n=20,
        # 9 without cash, 5 in cash, 6 not recorded
        methods=("transfer",) * 6 + ("online",) * 2 + ("pos",) + ("cash",) * 5,
        result_n=20,
        electronic_n=10,
    ),
    Group(
        "B on time",
        30,
        FIELD_X,
        "03-09 08:00",
        "03-13 17:30",
        9,
        [(4, "03-10 09:00"), (9, "03-13 16:00")],
        channel=3,
        channel_n=5,
        components=(D, N),
    ),
    Group(
        "C late",
        20,
        FIELD_X,
        "03-09 08:00",
        "03-13 17:30",
        9,
        [(4, "03-10 09:00"), (9, "03-16 09:00")],
    ),
    Group(
        "D two supplements",
        12,
        FIELD_X,
        "03-09 08:00",
        "03-20 17:30",
        9,
        [
            (5, "03-10 09:00"),
            (2, "03-10 14:00"),
            (5, "03-11 09:00"),
            (4, "03-11 15:00"),
            (9, "03-12 10:00"),
        ],
        components=(D, D),
    ),
    Group(
        "E on time after the supplement pause",
        15,
        FIELD_X,
        "03-02 08:00",
        "03-04 17:30",
        9,
        [(5, "03-03 07:30"), (4, "03-05 07:30"), (9, "03-06 15:00")],
        components=(D, D),
    ),
    Group("F withdrawn", 10, FIELD_Y, "03-16 08:00", "03-20 17:30", 7, [(7, "03-17 09:00")]),
    Group("G stopped", 8, FIELD_Y, "03-16 08:00", "03-20 17:30", 8, [(8, "03-18 09:00")]),
    Group(
        "H in progress, ready in April",
        18,
        FIELD_Y,
        "03-30 08:00",
        "04-03 17:30",
        9,
        [(4, "03-30 09:00"), (9, "04-02 10:00")],
        channel=2,
        channel_n=6,
        components=(D, D),
        reuse_n=3,
    ),
    Group(
        "I in progress, overdue", 14, FIELD_Y, "03-16 08:00", "03-20 17:30", 4, [(4, "03-16 09:00")]
    ),
    Group(
        "J waiting for the supplement past the date",
        6,
        FIELD_Y,
        "03-16 08:00",
        "03-18 17:30",
        5,
        [(5, "03-17 08:00")],
        components=(D, N),
    ),
    Group(
        "K supplement pause moves the date past the period",
        5,
        FIELD_Y,
        "03-23 08:00",
        "03-25 17:30",
        4,
        [(5, "03-24 07:30"), (4, "03-31 07:30")],
        components=(D, D),
    ),
    Group(
        "R cancelled as entered in error",
        3,
        FIELD_Y,
        "03-10 08:00",
        "03-12 17:30",
        2,
        [],
        cancelled=True,
    ),
    Group(
        "S on time as recorded: the citizen paid the fee in between",
        2,
        FIELD_X,
        "03-09 08:00",
        "03-11 17:30",
        9,
        [(6, "03-10 08:00"), (4, "03-12 08:00"), (9, "03-12 10:00")],
        recorded="on_time",
        components=(N, N),
    ),
    # received before March
    Group(
        "L carried over, on time",
        20,
        FIELD_Y,
        "02-24 08:00",
        "03-03 17:30",
        9,
        [(4, "02-25 09:00"), (9, "03-03 10:00")],
        # paid by transfer, but received in February: not in March's fees
        fee_paid_n=3,
        methods=("transfer",) * 3,
    ),
    Group(
        "M carried over, still overdue",
        9,
        FIELD_Y,
        "02-24 08:00",
        "02-27 17:30",
        4,
        [(4, "02-25 09:00")],
    ),
    Group(
        "N finished before March",
        7,
        FIELD_Y,
        "02-10 08:00",
        "02-13 17:30",
        10,
        [(9, "02-12 10:00"), (10, "02-13 09:00")],
        returned="02-13 09:00",
    ),
    Group(
        "T ready in February, not collected yet",
        4,
        FIELD_Y,
        "02-10 08:00",
        "02-13 17:30",
        9,
        [(9, "02-12 10:00")],
    ),
    Group(
        "O returned without a ready step",
        4,
        FIELD_Y,
        "02-24 08:00",
        "03-06 17:30",
        10,
        [],
        returned="03-05 10:00",
        bare=True,
    ),
    # after March, or never received
    Group("P received in April", 3, FIELD_Y, "04-06 08:00", "04-10 17:30", 4, [(4, "04-06 09:00")]),
    Group(
        "Q submitted online, not received",
        5,
        FIELD_Y,
        "03-10 08:00",
        None,
        1,
        [],
        channel=2,
        channel_n=5,
        bare=True,
    ),
]


def build(db: Database, agency: str = "000.00.24.H47") -> dict[str, list[str]]:
    """Write every group's dossiers; returns the dossier codes of each group."""
    codes: dict[str, list[str]] = {}
    seq = 0
    with db.write() as session:
        applicant = Applicant(
            uuid=str(uuid.uuid4()),
            kind="person",
            id_number="001085012345",
            full_name="Nguyễn Văn Đức",
            updated_at=t("01-01 00:00"),
        )
        session.add(applicant)
        session.flush()
        procs = {
            p.code: p
            for p in session.query(Procedure).filter(Procedure.code.in_([FIELD_X, FIELD_Y]))
        }
        procs[FIELD_X].portal_url = PORTAL_X
        for g in GROUPS:
            codes[g.name] = []
            proc = procs[g.procedure]
            for i in range(g.count):
                seq += 1
                received = t(g.received)
                code = f"{agency}-{received:%y%m%d}-{seq:04d}"
                d = Dossier(
                    uuid=str(uuid.uuid4()),
                    code=code,
                    procedure_id=proc.id,
                    applicant_id=applicant.id,
                    channel=g.channel if i < g.channel_n else 1,
                    status=g.status,
                    received_at=received,
                    due_at=t(g.due) if g.due else None,
                    returned_at=t(g.returned) if g.returned else None,
                    fee_amount=10_000 if i < g.fee_paid_n else 0,
                    fee_paid=i < g.fee_paid_n,
                    fee_payment_method=g.methods[i] if i < len(g.methods) else None,
                    lookup_secret="ABCDEFGHJK",
                    timeliness=g.recorded,
                    cancelled_at=t(g.received) if g.cancelled else None,
                    cancel_reason="Nhập nhầm" if g.cancelled else None,
                )
                session.add(d)
                session.flush()
                codes[g.name].append(code)
                if not g.bare:
                    session.add(StatusHistory(dossier_id=d.id, status=2, at=received))
                    for status, at in g.steps:
                        session.add(StatusHistory(dossier_id=d.id, status=status, at=t(at)))
                if i < g.result_n:
                    session.add(
                        DossierResult(
                            uuid=str(uuid.uuid4()),
                            dossier_id=d.id,
                            kind="Trích lục",
                            sha256=f"{d.id:064x}",
                            size=1000,
                            pages=1,
                            mime="application/pdf",
                            source="electronic" if i < g.electronic_n else "scanner",
                            captured_at=t(g.returned or g.received),
                        )
                    )
                for k, (digitized, reused) in enumerate(g.components, start=1):
                    if k == 2 and i < g.reuse_n:
                        digitized, reused = False, True
                    session.add(
                        DossierComponent(
                            dossier_id=d.id,
                            index=k,
                            name=f"Thành phần {k}",
                            originals=1,
                            digitized=digitized,
                            reused=reused,
                        )
                    )
    return codes
