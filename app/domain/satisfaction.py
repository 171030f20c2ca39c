"""Citizens' satisfaction ratings: the stages, the scale and the criteria an office may ask.

One rating per dossier per stage: when it is received (``intake``) and when
its result is handed over (``return``). The scale is the three-point one the
national portal uses (Không hài lòng / Bình thường / Hài lòng). An office may
also ask about a few criteria, each on the same scale; which ones is a setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from app.domain.errors import DomainError

STAGES: dict[str, str] = {"intake": "tiếp nhận hồ sơ", "return": "trả kết quả"}
STAGES_EN: dict[str, str] = {"intake": "receiving the dossier", "return": "handing the result"}

UNSATISFIED, NEUTRAL, SATISFIED = 1, 2, 3
SCORES: dict[int, str] = {
    UNSATISFIED: "Không hài lòng",
    NEUTRAL: "Bình thường",
    SATISFIED: "Hài lòng",
}
SCORES_EN: dict[int, str] = {UNSATISFIED: "Unsatisfied", NEUTRAL: "Neutral", SATISFIED: "Satisfied"}

# Criteria an office may enable (setting ``rating_criteria``), in screen order.
CRITERIA: dict[str, str] = {
    "attitude": "Thái độ phục vụ của cán bộ",
    "guidance": "Hướng dẫn rõ ràng, đầy đủ",
    "waiting": "Thời gian chờ đợi",
    "on_time": "Trả kết quả đúng hẹn",
    "facilities": "Cơ sở vật chất nơi tiếp nhận",
}

# Where the rating was given.
CHANNELS: dict[str, str] = {
    "screen": "màn hình đánh giá tại quầy",
    "keypad": "bàn phím số tại quầy",
    "web": "trang tra cứu công khai",
    "cli": "dòng lệnh",
}


def check_stage(stage: Any) -> str:
    text = str(stage or "").strip().lower()
    if text not in STAGES:
        raise DomainError(
            "bad_stage",
            f"Bước đánh giá “{stage}” không hợp lệ: chỉ có intake (tiếp nhận) "
            "hoặc return (trả kết quả).",
            f"Rating stage “{stage}” is invalid: intake or return.",
            field="stage",
        )
    return text


def check_score(score: Any, what: str = "Mức đánh giá") -> int:
    value: int | None = None
    if isinstance(score, int) and not isinstance(score, bool):
        value = score
    elif isinstance(score, str) and score.strip().isdigit():
        value = int(score.strip())
    if value not in SCORES:
        raise DomainError(
            "bad_score",
            f"{what} “{score}” không hợp lệ: 1 (Không hài lòng), 2 (Bình thường) "
            "hoặc 3 (Hài lòng).",
            f"Score “{score}” is invalid: 1 (unsatisfied), 2 (neutral) or 3 (satisfied).",
            field="score",
        )
    return value


def check_channel(channel: Any) -> str:
    text = str(channel or "").strip().lower()
    if text not in CHANNELS:
        raise DomainError(
            "bad_channel",
            f"Kênh đánh giá “{channel}” không hợp lệ.",
            f"Rating channel “{channel}” is invalid.",
            field="channel",
        )
    return text


def parse_criteria_setting(value: str | None) -> list[str]:
    """The enabled criteria from the setting's text (``attitude,waiting``); unknown keys dropped."""
    keys = [part.strip().lower() for part in (value or "").replace(";", ",").split(",")]
    return [key for key in CRITERIA if key in keys]


def check_criteria_setting(value: str) -> str:
    """The setting's value normalised, or a refusal naming the unknown criterion."""
    keys = [part.strip().lower() for part in value.replace(";", ",").split(",") if part.strip()]
    for key in keys:
        if key not in CRITERIA:
            raise DomainError(
                "bad_criterion",
                f"Không có tiêu chí đánh giá “{key}”; có: {', '.join(CRITERIA)}.",
                f"No rating criterion “{key}”; known: {', '.join(CRITERIA)}.",
                field="rating_criteria",
            )
    return ",".join(key for key in CRITERIA if key in keys)


def check_criteria(given: Mapping[str, Any] | None, enabled: Iterable[str]) -> dict[str, int]:
    """The criteria scores, each a key the office enabled and a score 1–3.

    Criteria are optional: a citizen may answer only the overall question.
    """
    allowed = list(enabled)
    result: dict[str, int] = {}
    for key, score in (given or {}).items():
        name = str(key).strip().lower()
        if name not in allowed:
            raise DomainError(
                "criterion_not_enabled",
                f"Tiêu chí “{key}” không được cơ quan dùng để đánh giá"
                + (f" (đang dùng: {', '.join(allowed)})." if allowed else "."),
                f"Criterion “{key}” is not one this office asks about.",
                field="criteria",
            )
        result[name] = check_score(score, f"Mức đánh giá tiêu chí “{CRITERIA[name]}”")
    return result
