"""The dossiers behind one figure of a report, for the drill-down list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.status import Status
from db.engine import Database

_SQL = """
SELECT d.id, d.code, p.code, p.name, a.full_name, d.received_at, d.due_at, d.returned_at, d.status
  FROM dossier d
  JOIN procedure p ON p.id = d.procedure_id
  JOIN applicant a ON a.id = d.applicant_id
 WHERE d.id IN ({})
"""


@dataclass(frozen=True)
class DossierLine:
    code: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    received_at: datetime
    due_at: datetime | None
    returned_at: datetime | None
    status: int

    @property
    def status_label(self) -> str:
        return Status(self.status).label_vi


def dossiers(db: Database, ids: list[int], limit: int = 5000) -> list[DossierLine]:
    """The first ``limit`` of ``ids`` (in receipt order) as list lines."""
    chosen = sorted(ids)[:limit]
    out: list[DossierLine] = []
    with db.read() as session:
        conn = session.connection()
        for lo in range(0, len(chosen), 500):
            sql = _SQL.format(",".join(str(int(i)) for i in chosen[lo : lo + 500]))
            for row in conn.exec_driver_sql(sql):
                out.append(
                    DossierLine(
                        code=row[1],
                        procedure_code=row[2],
                        procedure_name=row[3],
                        applicant_name=row[4],
                        received_at=datetime.fromisoformat(row[5]),
                        due_at=datetime.fromisoformat(row[6]) if row[6] else None,
                        returned_at=datetime.fromisoformat(row[7]) if row[7] else None,
                        status=row[8],
                    )
                )
    out.sort(key=lambda line: (line.received_at, line.code))
    return out
