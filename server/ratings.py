"""Satisfaction ratings on the server: stored once per dossier and stage, counted per office.

Ratings arrive from stations (a pushed ``dossier.rated`` event) and from the
public status page. Whichever comes first for a stage is kept; a second one
for the same stage is refused with a reason, a replay of the same rating
(same UUID) is acknowledged without storing it again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from app.domain import satisfaction
from server.common import now
from server.models import Dossier, Office, SatisfactionRating


class AlreadyRated(Exception):
    """This dossier's stage holds another rating already; the new one is not stored."""


def _stage_text(stage: str) -> str:
    return satisfaction.STAGES.get(stage, stage)


def store(
    session: Session,
    dossier: Dossier,
    *,
    rating_uuid: uuid.UUID,
    stage: str,
    score: int,
    criteria: dict[str, int],
    channel: str,
    rated_at: datetime,
) -> bool:
    """Keep the rating; ``False`` when this very rating is stored already.

    Raises :class:`AlreadyRated` when another rating holds the stage, and
    ``ValueError`` when ``rating_uuid`` belongs to some other dossier's rating.
    """
    if inspect(dossier).pending:
        session.flush()  # received earlier in this same batch: write it first
    same = session.scalar(select(SatisfactionRating).where(SatisfactionRating.uuid == rating_uuid))
    if same is not None:
        if same.dossier_id == dossier.id and same.stage == stage:
            return False
        raise ValueError("rating_uuid is used by another rating")
    taken = session.scalar(
        select(SatisfactionRating.id).where(
            SatisfactionRating.dossier_id == dossier.id, SatisfactionRating.stage == stage
        )
    )
    if taken is not None:
        raise AlreadyRated(
            f"Hồ sơ {dossier.code} đã được đánh giá ở bước {_stage_text(stage)}; "
            "mỗi bước chỉ đánh giá một lần."
        )
    session.add(
        SatisfactionRating(
            uuid=rating_uuid,
            office_id=dossier.office_id,
            dossier_id=dossier.id,
            stage=stage,
            score=score,
            criteria=dict(criteria),
            channel=channel,
            rated_at=rated_at,
            recorded_at=now(),
        )
    )
    session.flush()
    return True


def rated_stages(session: Session, dossier_id: int) -> set[str]:
    return set(
        session.scalars(
            select(SatisfactionRating.stage).where(SatisfactionRating.dossier_id == dossier_id)
        )
    )


@dataclass(frozen=True)
class RatingRow:
    code: str
    procedure_name: str
    stage: str
    stage_label: str
    score: int
    score_label: str
    criteria: dict[str, int]
    channel: str
    rated_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "procedure_name": self.procedure_name,
            "stage": self.stage,
            "stage_label": self.stage_label,
            "score": self.score,
            "score_label": self.score_label,
            "criteria": self.criteria,
            "channel": self.channel,
            "rated_at": self.rated_at.isoformat(),
        }


@dataclass(frozen=True)
class RatingSummary:
    office_codes: list[str]
    counts: dict[str, dict[str, int]]
    total: int
    satisfied_share: float | None
    ratings: list[RatingRow]

    def to_json(self) -> dict[str, Any]:
        return {
            "offices": self.office_codes,
            "counts": self.counts,
            "total": self.total,
            "satisfied_share": self.satisfied_share,
            "ratings": [row.to_json() for row in self.ratings],
        }


def summary(
    session: Session,
    office_ids: list[int],
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    limit: int = 200,
) -> RatingSummary:
    """Counts per stage and score, and the newest ``limit`` ratings, for the given offices."""
    where = [SatisfactionRating.office_id.in_(office_ids)]
    if date_from is not None:
        where.append(SatisfactionRating.rated_at >= date_from)
    if date_to is not None:
        where.append(SatisfactionRating.rated_at <= date_to)
    counts: dict[str, dict[str, int]] = {
        stage: {str(score): 0 for score in satisfaction.SCORES} for stage in satisfaction.STAGES
    }
    for stage, score, number in session.execute(
        select(SatisfactionRating.stage, SatisfactionRating.score, func.count())
        .where(*where)
        .group_by(SatisfactionRating.stage, SatisfactionRating.score)
    ):
        counts.setdefault(stage, {})[str(score)] = number
    total = sum(sum(by_score.values()) for by_score in counts.values())
    satisfied = sum(by_score.get(str(satisfaction.SATISFIED), 0) for by_score in counts.values())
    rows = session.execute(
        select(SatisfactionRating, Dossier.code, Dossier.procedure_name)
        .join(Dossier, Dossier.id == SatisfactionRating.dossier_id)
        .where(*where)
        .order_by(SatisfactionRating.rated_at.desc(), SatisfactionRating.id.desc())
        .limit(limit)
    ).all()
    codes = list(session.scalars(select(Office.code).where(Office.id.in_(office_ids))))
    return RatingSummary(
        office_codes=sorted(codes),
        counts=counts,
        total=total,
        satisfied_share=satisfied / total if total else None,
        ratings=[
            RatingRow(
                code=code,
                procedure_name=procedure_name,
                stage=rating.stage,
                stage_label=_stage_text(rating.stage),
                score=rating.score,
                score_label=satisfaction.SCORES.get(rating.score, str(rating.score)),
                criteria=dict(rating.criteria or {}),
                channel=rating.channel,
                rated_at=rating.rated_at,
            )
            for rating, code, procedure_name in rows
        ],
    )
