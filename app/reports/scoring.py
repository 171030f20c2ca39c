"""Points per Decision 766 group from the shares an office's data gives.

Pure: it reads only the definitions file (``indicators_766.json``) and the
shares it is handed, so the station's report and the central server score
the same way from the same data (the server installs this module with it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.reports import definitions

# Said of an indicator the data could measure but gave no ratio for.
NO_DOSSIERS = "Không có hồ sơ trong kỳ."


def score(
    shares: Mapping[str, float | None],
    defs: definitions.Definitions | None = None,
    *,
    reasons: Mapping[str, str] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The scored groups and the groups nothing could be scored in, in the data's order.

    An indicator is scored when ``shares`` holds a ratio for its ``measure``
    and its full-marks threshold is known; a group with at least one scored
    indicator is ``partial`` when some of its others are not. ``reasons`` says
    why a measure has no ratio (the report's ``unavailable``); it takes the
    place of the data's ``why_not`` for that measure.
    """
    reasons = reasons or {}
    scores: list[dict[str, Any]] = []
    not_scored: list[dict[str, Any]] = []
    for group in (defs or definitions.load()).groups:
        done, missing = [], []
        for ind in group.indicators:
            value = shares.get(ind.measure) if ind.measure else None
            points = ind.points(value)
            if points is None:
                why = reasons.get(ind.measure) if ind.measure else None
                missing.append({"code": ind.code, "max": ind.max, "why": why or ind.why_not})
            else:
                done.append(
                    {
                        "code": ind.code,
                        "name": ind.name,
                        "ratio": value,
                        "points": points,
                        "max": ind.max,
                        "full_at": ind.full_at,
                        "verified": ind.verified,
                        "sources": list(ind.sources),
                    }
                )
        if not done:
            not_scored.append(
                {
                    "group": group.group,
                    "name": group.name,
                    "group_max": group.max,
                    "group_max_verified": group.max_verified,
                    "why": [m["why"] or NO_DOSSIERS for m in missing],
                }
            )
            continue
        scores.append(
            {
                "group": group.group,
                "name": group.name,
                "points": round(sum(d["points"] for d in done), 2),
                "max": sum(d["max"] for d in done),
                "group_max": group.max,
                "group_max_verified": group.max_verified,
                "partial": len(done) < len(group.indicators),
                "verified": group.verified and all(d["verified"] for d in done),
                "indicators": done,
                "not_computed": missing,
            }
        )
    return scores, not_scored
