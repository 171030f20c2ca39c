"""The audit log as a tamper-evident chain.

Every entry carries ``hash = SHA-256(canonical entry ‖ previous hash)`` and
``mac = HMAC(day key, hash)``. The day key is replaced by its own SHA-256
when the day changes, so yesterday's key no longer exists anywhere: someone
who copies the database today cannot re-seal yesterday's entries. The chain
head (last id and hash) is kept beside the key, so cutting entries off the
end shows too.

``verify`` recomputes the chain and names the entry that was edited,
deleted or moved.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditKey, AuditLog

# The key is evolved at most this many days in one step (ten years).
MAX_EVOLVE_DAYS = 3700


def canonical(
    entry_id: int,
    at: datetime,
    officer: str | None,
    action: str,
    target: str | None,
    detail: Any,
) -> bytes:
    """The bytes that are hashed: stable across a database round trip."""
    body = {
        "id": entry_id,
        "at": at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"),
        "officer": officer,
        "action": action,
        "target": target,
        "detail": detail,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def link(canon: bytes, previous: str) -> str:
    return hashlib.sha256(canon + previous.encode("ascii")).hexdigest()


def seal(key: bytes, chain_hash: str) -> str:
    return hmac.new(key, chain_hash.encode("ascii"), hashlib.sha256).hexdigest()


def evolve(key: bytes, days: int) -> bytes:
    for _ in range(max(0, min(days, MAX_EVOLVE_DAYS))):
        key = hashlib.sha256(b"motcua audit key evolve" + key).digest()
    return key


def _key_row(session: Session) -> AuditKey:
    row = session.get(AuditKey, 1)
    if row is None:  # a database whose migration row was lost: start a new chain
        row = AuditKey(
            id=1,
            day=date(2000, 1, 1),
            key=os.urandom(32),
            chain_start=session.scalar(select(AuditLog.id).order_by(AuditLog.id.desc())) or 0,
            head_id=0,
            head_hash="",
        )
        row.head_id = row.chain_start
        session.add(row)
    return row


def append(session: Session, entry: AuditLog) -> None:
    """Add ``entry`` to the session, linked to the chain (inside the caller's transaction)."""
    key_row = _key_row(session)
    session.add(entry)
    session.flush()  # the id is part of what is hashed
    today = entry.at.date()
    if today > key_row.day:
        key_row.key = evolve(key_row.key, (today - key_row.day).days)
        key_row.day = today
    detail = json.loads(json.dumps(entry.detail)) if entry.detail is not None else None
    entry.chain_hash = link(
        canonical(entry.id, entry.at, entry.officer, entry.action, entry.target, detail),
        key_row.head_hash,
    )
    entry.chain_mac = seal(key_row.key, entry.chain_hash)
    entry.mac_day = key_row.day
    key_row.head_id = entry.id
    key_row.head_hash = entry.chain_hash


@dataclass(frozen=True)
class Head:
    """The newest entry of the chain: printed on the day's report, sent to the server."""

    id: int
    hash: str
    # HMAC of the hash with that day's key: only this station could have made it.
    seal: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "hash": self.hash, "seal": self.seal}


def head(session: Session) -> Head | None:
    """The chain's head as recorded beside the key; None before the first entry."""
    row = session.get(AuditKey, 1)
    if row is None or not row.head_hash:
        return None
    entry = session.get(AuditLog, row.head_id)
    return Head(row.head_id, row.head_hash, entry.chain_mac if entry is not None else None)


@dataclass
class Problem:
    id: int
    kind: str  # edited | deleted | reordered | truncated | unsealed
    message_vi: str
    message_en: str


@dataclass
class Report:
    ok: bool
    entries: int
    chained: int
    unchained: int
    macs_checked: int
    head_id: int
    head_hash: str
    problems: list[Problem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def parse_anchor(text: str) -> tuple[int, str]:
    """``ID:HASH`` as printed on a day's summary (the hash may be split by spaces)."""
    entry, _, digest = text.partition(":")
    digest = "".join(digest.split()).lower()
    if not entry.strip().isdigit() or len(digest) != 64:
        raise ValueError(text)
    int(digest, 16)
    return int(entry), digest


def verify(session: Session, anchors: list[tuple[int, str]] | None = None) -> Report:
    """Recompute the chain; ``anchors`` are heads kept elsewhere (printed, on the server).

    The hashes are not secret, so whoever holds the database and today's key
    can rebuild the whole chain after editing an old entry; a head recorded
    before that edit is what still tells.
    """
    key_row = session.get(AuditKey, 1)
    rows = session.execute(
        select(
            AuditLog.id,
            AuditLog.at,
            AuditLog.officer,
            AuditLog.action,
            AuditLog.target,
            AuditLog.detail,
            AuditLog.chain_hash,
            AuditLog.chain_mac,
            AuditLog.mac_day,
        ).order_by(AuditLog.id)
    ).all()
    start = key_row.chain_start if key_row else (rows[-1].id if rows else 0)
    chained = [r for r in rows if r.id > start]
    problems: list[Problem] = []
    index = {r.id: n for n, r in enumerate(chained)}
    previous = ""
    expected_id = start + 1
    macs = 0
    for r in chained:
        if r.id != expected_id:
            missing = f"{expected_id}" if r.id == expected_id + 1 else f"{expected_id}–{r.id - 1}"
            problems.append(
                Problem(
                    expected_id,
                    "deleted",
                    f"Nhật ký bị xóa mục số {missing} (trước mục {r.id}).",
                    f"Audit entry {missing} was deleted (before entry {r.id}).",
                )
            )
        canon = canonical(r.id, r.at, r.officer, r.action, r.target, r.detail)
        if r.chain_hash is None or link(canon, previous) != r.chain_hash:
            kind, vi, en = _classify(r, index, chained, problems, expected_id)
            if kind:
                problems.append(
                    Problem(r.id, kind, f"Mục nhật ký {r.id} {vi}.", f"Audit entry {r.id} {en}.")
                )
        if key_row is not None and r.mac_day == key_row.day and r.chain_hash:
            macs += 1
            resealed = not hmac.compare_digest(seal(key_row.key, r.chain_hash), r.chain_mac or "")
            if resealed and not any(p.id == r.id for p in problems):
                problems.append(
                    Problem(
                        r.id,
                        "edited",
                        f"Mục nhật ký {r.id} bị niêm lại bằng khóa khác.",
                        f"Audit entry {r.id} was re-sealed with another key.",
                    )
                )
        previous = r.chain_hash or ""
        expected_id = r.id + 1
    head_id = chained[-1].id if chained else start
    by_id = {r.id: r.chain_hash for r in chained}
    for anchor_id, anchor_hash in anchors or []:
        if by_id.get(anchor_id) != anchor_hash:
            problems.append(
                Problem(
                    anchor_id,
                    "rewritten",
                    f"Nhật ký đến mục {anchor_id} không còn khớp mã đầu chuỗi đã ghi lại "
                    f"({anchor_hash[:16]}…): các mục đến đó đã bị sửa rồi tính lại chuỗi.",
                    f"The log up to entry {anchor_id} no longer matches the head recorded "
                    f"then ({anchor_hash[:16]}…): entries up to it were edited and the chain "
                    "recomputed.",
                )
            )
    if key_row is not None and (head_id < key_row.head_id or previous != key_row.head_hash):
        if head_id < key_row.head_id:
            problems.append(
                Problem(
                    head_id + 1,
                    "truncated",
                    f"Các mục nhật ký từ số {head_id + 1} đến {key_row.head_id} bị xóa ở cuối.",
                    f"Audit entries {head_id + 1} to {key_row.head_id} were cut off the end.",
                )
            )
        elif not problems:
            problems.append(
                Problem(
                    head_id,
                    "edited",
                    f"Đầu chuỗi nhật ký (mục {head_id}) không khớp với bản ghi đầu chuỗi.",
                    f"The chain head (entry {head_id}) does not match the recorded head.",
                )
            )
    return Report(
        ok=not problems,
        entries=len(rows),
        chained=len(chained),
        unchained=len(rows) - len(chained),
        macs_checked=macs,
        head_id=head_id,
        head_hash=previous,
        problems=problems,
    )


NEAR = 8  # how far away a moved entry is looked for


def _near_hashes(row_id: int, index: dict[int, int], chained) -> list[str]:
    pos = index[row_id]
    return [""] + [
        r.chain_hash for r in chained[max(0, pos - NEAR) : pos + NEAR + 1] if r.chain_hash
    ]


def _classify(r, index, chained, problems, expected_id) -> tuple[str, str, str]:
    """Why entry ``r`` does not link to the one before it."""
    if r.chain_hash is None:
        return "unsealed", "không có dấu niêm chuỗi", "carries no chain seal"
    near = _near_hashes(r.id, index, chained)
    pos = index[r.id]
    for other in chained[max(0, pos - NEAR) : pos + NEAR + 1]:
        if other.id == r.id:
            continue
        canon = canonical(other.id, r.at, r.officer, r.action, r.target, r.detail)
        if any(link(canon, prev) == r.chain_hash for prev in near):
            return (
                "reordered",
                f"bị đổi chỗ (nội dung của mục {other.id})",
                f"was moved (it holds entry {other.id}'s content)",
            )
    own = canonical(r.id, r.at, r.officer, r.action, r.target, r.detail)
    if any(link(own, prev) == r.chain_hash for prev in near):
        return "", "", ""  # intact itself; the entry before it is the one at fault
    if r.id != expected_id and problems and problems[-1].kind == "deleted":
        return "", "", ""  # its predecessor was deleted, which is already said
    return "edited", "bị sửa", "was edited"
