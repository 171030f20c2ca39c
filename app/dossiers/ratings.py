"""Recording a citizen's satisfaction rating of a dossier's intake or hand-over.

The citizen rates on the customer screen, a numeric keypad, or the public
page; an officer's session only lets the station write it. The rating never
names that officer (not in its row, its outbox event nor its audit entry),
and once stored it cannot be changed: one rating per dossier per stage.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import satisfaction
from app.domain.codes import parse_code
from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers.views import by_code
from app.infra import clock, journal
from app.office import auth, settings, station
from app.office.auth import Actor
from db.engine import Database
from db.models import Dossier, SatisfactionRating

EVENT_RATED = "dossier.rated"


@dataclass(frozen=True)
class RatingReceipt:
    """What the station confirms back: the rating as the citizen gave it."""

    uuid: str
    code: str
    stage: str
    score: int
    score_label: str
    criteria: dict[str, int]
    channel: str
    rated_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "rating_uuid": self.uuid,
            "code": self.code,
            "stage": self.stage,
            "score": self.score,
            "score_label": self.score_label,
            "criteria": self.criteria,
            "channel": self.channel,
            "rated_at": self.rated_at.isoformat(),
        }


@dataclass(frozen=True)
class RatingQuestion:
    """What the customer screen asks for one dossier and stage."""

    code: str
    stage: str
    criteria: list[tuple[str, str]]
    public_url: str | None


def enabled_criteria(session: Session) -> list[str]:
    return satisfaction.parse_criteria_setting(settings.get(session, "rating_criteria"))


def _own_dossier(session: Session, code: str) -> Dossier:
    text = (code or "").strip().upper()
    try:
        agency = parse_code(text).agency
    except DomainError:
        agency = None
    own = station.load(session).agency_code
    if agency is not None and agency != own:
        raise DomainError(
            "other_office",
            f"Hồ sơ {text} là của cơ quan {agency}, không phải của cơ quan này ({own}); "
            "không ghi nhận đánh giá.",
            f"Dossier {text} belongs to office {agency}, not this one ({own}); "
            "the rating is not recorded.",
            field="code",
        )
    return by_code(session, text)


def _check_stage_allowed(dossier: Dossier, stage: str) -> None:
    if dossier.cancelled_at is not None:
        raise DomainError(
            "cancelled",
            f"Hồ sơ {dossier.code} đã bị hủy (nhập nhầm); không đánh giá được.",
            f"Dossier {dossier.code} was cancelled; it cannot be rated.",
            field="code",
        )
    if stage == "return" and dossier.status != Status.RETURNED:
        raise DomainError(
            "not_returned",
            f"Hồ sơ {dossier.code} chưa trả kết quả; chỉ đánh giá bước trả kết quả sau khi đã trả.",
            f"Dossier {dossier.code} has not been handed over yet; the return stage "
            "is rated after the hand-over.",
            field="stage",
        )


def _already(dossier: Dossier, stage: str) -> DomainError:
    return DomainError(
        "already_rated",
        f"Hồ sơ {dossier.code} đã được đánh giá ở bước {satisfaction.STAGES[stage]}; "
        "mỗi bước chỉ đánh giá một lần và không sửa được.",
        f"Dossier {dossier.code} was already rated for {satisfaction.STAGES_EN[stage]}; "
        "each stage is rated once and cannot be changed.",
        field="stage",
    )


def _is_rated(session: Session, dossier_id: int, stage: str) -> bool:
    return (
        session.scalar(
            select(SatisfactionRating.id).where(
                SatisfactionRating.dossier_id == dossier_id, SatisfactionRating.stage == stage
            )
        )
        is not None
    )


def question(db: Database, actor: Actor, code: str, stage: str) -> RatingQuestion | None:
    """What to ask the citizen about ``code`` at ``stage``, or ``None`` when already rated."""
    auth.require(actor, "dossier.lookup")
    stage = satisfaction.check_stage(stage)
    with db.read() as session:
        dossier = _own_dossier(session, code)
        _check_stage_allowed(dossier, stage)
        if _is_rated(session, dossier.id, stage):
            return None
        keys = enabled_criteria(session)
        base = settings.receipt_link_base(session)
        known = base and dossier.lookup_secret  # none on a dossier taken back after a restore
        url = f"{base}/tra-cuu/{dossier.code}?k={dossier.lookup_secret}#danh-gia" if known else None
        return RatingQuestion(
            dossier.code, stage, [(key, satisfaction.CRITERIA[key]) for key in keys], url
        )


def record(
    db: Database,
    actor: Actor,
    code: str,
    stage: str,
    score: Any,
    criteria: Mapping[str, Any] | None = None,
    channel: str = "screen",
    now: datetime | None = None,
) -> RatingReceipt:
    """Store the citizen's rating with its outbox event, in one transaction.

    ``actor`` is the officer whose session the station runs under; it is
    checked, never stored with the rating.
    """
    auth.require(actor, "dossier.lookup")
    stage = satisfaction.check_stage(stage)
    value = satisfaction.check_score(score)
    channel = satisfaction.check_channel(channel)
    now = now or clock.now()
    with db.write() as session:
        dossier = _own_dossier(session, code)
        _check_stage_allowed(dossier, stage)
        given = satisfaction.check_criteria(criteria, enabled_criteria(session))
        if _is_rated(session, dossier.id, stage):
            raise _already(dossier, stage)
        rating_uuid = str(uuid.uuid4())
        session.add(
            SatisfactionRating(
                uuid=rating_uuid,
                dossier_id=dossier.id,
                stage=stage,
                score=value,
                criteria=given,
                channel=channel,
                rated_at=now,
            )
        )
        journal.add_event(
            session,
            EVENT_RATED,
            {
                "dossier_uuid": dossier.uuid,
                "code": dossier.code,
                "rating_uuid": rating_uuid,
                "stage": stage,
                "score": value,
                "criteria": given,
                "channel": channel,
                "rated_at": clock.to_wire(now),
            },
            now,
            dossier.uuid,
        )
        # No officer and no score in the audit entry: the rating stays anonymous.
        journal.audit(
            session, None, "dossier.rated", dossier.code, now, {"stage": stage, "channel": channel}
        )
        code_text = dossier.code
    return RatingReceipt(
        rating_uuid,
        code_text,
        stage,
        value,
        satisfaction.SCORES[value],
        given,
        channel,
        now,
    )


def from_server(session: Session, dossier: Dossier, data: Mapping[str, Any]) -> int:
    """Keep a rating the citizen gave on the public page (pulled), unless the stage has one.

    No outbox event: the server has it already. Returns 1 when stored.
    """
    try:
        stage = satisfaction.check_stage(data.get("stage"))
        value = satisfaction.check_score(data.get("score"))
        rating_uuid = str(uuid.UUID(str(data.get("rating_uuid"))))
        at = clock.parse_datetime(data["rated_at"], field="rated_at")
    except (DomainError, ValueError, KeyError, TypeError):
        return 0
    known = session.scalar(
        select(SatisfactionRating.id).where(SatisfactionRating.uuid == rating_uuid)
    )
    if known is not None or _is_rated(session, dossier.id, stage):
        return 0
    criteria = {
        key: score
        for key, score in (data.get("criteria") or {}).items()
        if key in satisfaction.CRITERIA and score in satisfaction.SCORES
    }
    session.add(
        SatisfactionRating(
            uuid=rating_uuid,
            dossier_id=dossier.id,
            stage=stage,
            score=value,
            criteria=criteria,
            channel="web",
            rated_at=at,
        )
    )
    journal.audit(
        session, None, "dossier.rated", dossier.code, at, {"stage": stage, "channel": "web"}
    )
    return 1


@dataclass(frozen=True)
class RatingCounts:
    """How many ratings of each score a period holds, per stage; never per officer."""

    by_stage: dict[str, dict[int, int]]

    @property
    def total(self) -> int:
        return sum(sum(scores.values()) for scores in self.by_stage.values())

    @property
    def satisfied(self) -> int:
        return sum(scores.get(satisfaction.SATISFIED, 0) for scores in self.by_stage.values())

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.total if self.total else None


def counts(session: Session, date_from: date, date_to: date) -> RatingCounts:
    """Ratings given from ``date_from`` to ``date_to`` (inclusive), by stage and score."""
    start = datetime.combine(date_from, time.min)
    end = datetime.combine(date_to, time.max)
    by_stage: dict[str, dict[int, int]] = {stage: {} for stage in satisfaction.STAGES}
    rows = session.execute(
        select(SatisfactionRating.stage, SatisfactionRating.score, func.count())
        .where(SatisfactionRating.rated_at.between(start, end))
        .group_by(SatisfactionRating.stage, SatisfactionRating.score)
    )
    for stage, score, number in rows:
        by_stage.setdefault(stage, {})[score] = number
    return RatingCounts(by_stage)
