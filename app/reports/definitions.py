"""The Decision 766/QĐ-TTg score groups and indicators, loaded from data.

Weights (``max``) and the ratio at which an indicator earns full marks
(``full_at``) are read from ``indicators_766.json`` so that a changed decision
or guidance is an edit of that file. Each entry names its sources and says
whether it was confirmed against the decision or its guidance (``verified``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("indicators_766.json")


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    max: float
    # Ratio (0..1) at or above which the indicator earns ``max``; below it the
    # points are proportional. None: the threshold is not known.
    full_at: float | None
    sources: tuple[str, ...]
    verified: bool
    # Key of the figure this station computes for it, or None when it cannot.
    measure: str | None
    why_not: str | None

    def points(self, ratio: float | None) -> float | None:
        """Full marks at ``full_at``, proportional below; None when unknown."""
        if ratio is None or self.full_at is None or self.full_at <= 0:
            return None
        return round(self.max * min(1.0, ratio / self.full_at), 2)


@dataclass(frozen=True)
class Group:
    group: str
    name: str
    max: float
    sources: tuple[str, ...]
    verified: bool
    indicators: tuple[Indicator, ...]
    # The group's share of the 100 points confirmed by ``max_sources``; its
    # indicators' weights and thresholds may still be unconfirmed (``verified``).
    max_verified: bool = False
    max_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Definitions:
    decision: str
    sources: dict[str, dict[str, str]]
    groups: tuple[Group, ...]

    def group(self, key: str) -> Group:
        for g in self.groups:
            if g.group == key:
                return g
        raise KeyError(key)


def parse(data: dict) -> Definitions:
    groups = []
    for g in data["groups"]:
        indicators = tuple(
            Indicator(
                code=i["code"],
                name=i["name"],
                max=float(i["max"]),
                full_at=None if i.get("full_at") is None else float(i["full_at"]),
                sources=tuple(i.get("source", ())),
                verified=bool(i.get("verified", False)),
                measure=i.get("measure"),
                why_not=i.get("why_not"),
            )
            for i in g["indicators"]
        )
        total = sum(i.max for i in indicators)
        if abs(total - float(g["max"])) > 1e-9:
            raise ValueError(f"group {g['group']}: indicators add up to {total}, not {g['max']}")
        for code, named in [(i.code, i.sources) for i in indicators] + [
            (g["group"], tuple(g.get("max_source", ())))
        ]:
            unknown = set(named) - set(data["sources"])
            if unknown:
                raise ValueError(f"{code}: unknown sources {sorted(unknown)}")
        groups.append(
            Group(
                group=g["group"],
                name=g["name"],
                max=float(g["max"]),
                sources=tuple(g.get("source", ())),
                verified=bool(g.get("verified", False)),
                indicators=indicators,
                max_verified=bool(g.get("max_verified", False)),
                max_sources=tuple(g.get("max_source", ())),
            )
        )
    return Definitions(decision=data["decision"], sources=data["sources"], groups=tuple(groups))


@cache
def load(path: Path = DATA_FILE) -> Definitions:
    return parse(json.loads(Path(path).read_text(encoding="utf-8")))
