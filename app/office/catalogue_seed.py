"""The procedure catalogue an office starts with, and the parser that checks it.

The seed ships with the application as JSON. The central server later sends
updated catalogues in the same shape, so `parse_catalogue` works on plain
decoded data and never assumes it came from the shipped file.

Entries the national database did not confirm are kept, but marked: a
procedure is `verified` only when nothing is listed in `unverified`, and the
counter shows the difference so staff check those entries before relying on
them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn, cast

from app.domain import fees
from app.domain.errors import DomainError
from app.domain.portal import check_portal_url

ProcessingUnit = Literal["same_day", "working_days", "working_hours", "calendar_days"]
FeeSetBy = Literal["national", "province", "none"]

PROCESSING_UNITS: tuple[ProcessingUnit, ...] = (
    "same_day",
    "working_days",
    "working_hours",
    "calendar_days",
)
FEE_SET_BY: tuple[FeeSetBy, ...] = ("national", "province", "none")
# Parts of a procedure that can be flagged as not yet confirmed.
UNVERIFIED_PARTS: tuple[str, ...] = ("code", "level", "processing", "fee", "components")


def _default_seed_path() -> Path:
    # The repository (and the desktop) keeps the seed in resources/; the
    # server's own distribution ships it beside this module.
    here = Path(__file__).resolve()
    beside = here.with_name("procedures.json")
    if beside.exists():
        return beside
    return here.parents[2] / "resources" / "catalogue" / "procedures.json"


DEFAULT_SEED_PATH = _default_seed_path()

# ASCII digits only: `\d` would also accept other scripts' digits.
_CODE_RE = re.compile(r"[0-9]\.[0-9]{6}")

_ERROR_CODE = "bad_catalogue"


@dataclass(frozen=True, slots=True)
class SeedComponent:
    """One paper of a dossier, with how many originals and copies are expected."""

    index: int
    name: str
    originals: int
    copies: int
    required: bool
    verified: bool


@dataclass(frozen=True, slots=True)
class SeedFee:
    """Fee per case; `amount` is 0 for provincial fees until the office enters its own."""

    amount: int
    set_by: FeeSetBy
    note: str
    # Per-copy or per-page rule (``app.domain.fees``); None = ``amount`` per dossier.
    rule: dict | None = None
    # Exemption categories the clerk may choose at intake: ({"code", "label"}, ...).
    exemptions: tuple[dict, ...] = ()


@dataclass(frozen=True, slots=True)
class SeedProcedure:
    """One administrative procedure as the counter offers it."""

    code: str
    name: str
    field: str
    level: str | None
    # Both None when the legal processing time is not known; 0 = same working day.
    processing_value: int | None
    processing_unit: ProcessingUnit | None
    processing_note: str | None
    next_day_after_cutoff: bool
    fee: SeedFee
    result_place: str
    verified: bool
    unverified: tuple[str, ...]
    components: tuple[SeedComponent, ...]
    note: str | None = None
    # "The clerk chooses within a maximum": the longest time, in working days,
    # when conditions must be verified (kết hôn: same day, up to 5).
    processing_max_value: int | None = None
    # Papers the applicant shows at the counter but does not leave in the dossier.
    shown_documents: tuple[str, ...] = ()
    # The procedure's page on the national public-service portal, where known.
    portal_url: str | None = None


@dataclass(frozen=True, slots=True)
class SeedCatalogue:
    """A whole catalogue, as shipped or as sent by the central server."""

    version: str
    procedures: tuple[SeedProcedure, ...]
    source: str = ""

    def get(self, code: str) -> SeedProcedure | None:
        """The procedure with this national code, or None."""
        return next((p for p in self.procedures if p.code == code), None)


def load_seed(path: Path | None = None) -> SeedCatalogue:
    """Read and validate a catalogue file (the shipped seed by default)."""
    target = path or DEFAULT_SEED_PATH
    try:
        raw = target.read_bytes()
    except OSError as exc:
        raise DomainError(
            _ERROR_CODE,
            f"Không đọc được tệp danh mục thủ tục {target}: {exc.strerror or exc}.",
            f"Cannot read the procedure catalogue file {target}: {exc.strerror or exc}.",
        ) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DomainError(
            _ERROR_CODE,
            f"Tệp danh mục thủ tục {target} không phải JSON UTF-8 hợp lệ: {exc}.",
            f"The procedure catalogue file {target} is not valid UTF-8 JSON: {exc}.",
        ) from exc
    return parse_catalogue(data)


def parse_catalogue(data: Mapping[str, Any]) -> SeedCatalogue:
    """Validate decoded catalogue data and build the typed catalogue.

    Keys this version does not know are ignored, so a newer central server can
    add fields without breaking offices that have not upgraded yet; everything
    this version relies on is checked strictly.
    """
    top = _Where("", "", "")
    if not isinstance(data, Mapping):
        top.fail("dữ liệu phải là một đối tượng JSON", "the data must be a JSON object")
    version = _text(top, data, "version", "phiên bản", "version")
    source = _optional_text(top, data, "source", "nguồn", "source") or ""
    items = data.get("procedures")
    if not isinstance(items, list) or not items:
        top.fail(
            "thiếu danh sách thủ tục (procedures) hoặc danh sách rỗng",
            "the procedure list is missing or empty",
            "procedures",
        )
    procedures: list[SeedProcedure] = []
    seen: set[str] = set()
    for position, item in enumerate(items):
        procedure = _parse_procedure(item, position)
        if procedure.code in seen:
            _Where.of(procedure, position).fail(
                "mã thủ tục bị trùng với một thủ tục khác trong danh mục",
                "the code is used by another procedure in the catalogue",
                "code",
            )
        seen.add(procedure.code)
        procedures.append(procedure)
    return SeedCatalogue(version=version, procedures=tuple(procedures), source=source)


@dataclass(frozen=True, slots=True)
class _Where:
    """Which procedure a message is about, in both languages, and its data path."""

    vi: str
    en: str
    base: str

    @staticmethod
    def of(procedure: SeedProcedure, position: int) -> _Where:
        return _Where(
            f"thủ tục {procedure.code} ({procedure.name})",
            f"procedure {procedure.code} ({procedure.name})",
            f"procedures[{position}]",
        )

    def fail(self, problem_vi: str, problem_en: str, key: str | None = None) -> NoReturn:
        path = ".".join(part for part in (self.base, key) if part) or None
        head_vi = "Danh mục thủ tục không hợp lệ: " + (f"{self.vi}: " if self.vi else "")
        head_en = "Invalid procedure catalogue: " + (f"{self.en}: " if self.en else "")
        raise DomainError(
            _ERROR_CODE, f"{head_vi}{problem_vi}.", f"{head_en}{problem_en}.", field=path
        )

    def nested(self, key: str) -> _Where:
        return _Where(self.vi, self.en, f"{self.base}.{key}" if self.base else key)


def _parse_procedure(item: Any, position: int) -> SeedProcedure:
    base = f"procedures[{position}]"
    where = _Where(f"thủ tục thứ {position + 1}", f"procedure #{position + 1}", base)
    if not isinstance(item, Mapping):
        where.fail("phải là một đối tượng JSON", "must be a JSON object")

    code = _text(where, item, "code", "mã thủ tục", "code")
    if not _CODE_RE.fullmatch(code):
        where.fail(
            f"mã thủ tục '{code}' sai định dạng (phải như 1.001193)",
            f"code '{code}' is malformed (expected like 1.001193)",
            "code",
        )
    where = _Where(f"thủ tục {code}", f"procedure {code}", base)
    name = _text(where, item, "name", "tên thủ tục", "name")
    # From here on the message names the procedure the way staff know it.
    where = _Where(f"thủ tục {code} ({name})", f"procedure {code} ({name})", base)

    field = _text(where, item, "field", "lĩnh vực", "field")
    level = _optional_text(where, item, "level", "cấp thực hiện", "level", required=True)
    value, unit = _parse_processing(where, item)
    max_value = None
    if isinstance(item.get("processing"), Mapping) and "max_value" in item["processing"]:
        max_value = _count(
            where.nested("processing"),
            item["processing"],
            "max_value",
            "thời hạn tối đa (ngày làm việc)",
            "maximum processing time (working days)",
        )
    processing_note = _optional_text(
        where, item, "processing_note", "ghi chú thời hạn", "processing note"
    )
    cutoff = _flag(
        where, item, "next_day_after_cutoff", "quy tắc nhận sau 15 giờ", "after-cut-off rule"
    )
    fee = _parse_fee(where.nested("fee"), item.get("fee"))
    result_place = _text(where, item, "result_place", "nơi trả kết quả", "result place")
    note = _optional_text(where, item, "note", "ghi chú", "note")
    portal_url = _optional_text(where, item, "portal_url", "đường dẫn Cổng DVC", "portal link")
    try:
        portal_url = check_portal_url(portal_url)
    except DomainError:
        where.fail(
            "đường dẫn Cổng Dịch vụ công không phải địa chỉ web (https://…)",
            "the portal link is not a web address (https://…)",
            "portal_url",
        )
    shown = _text_list(where, item, "shown_documents")
    verified = _flag(where, item, "verified", "cờ đã xác minh", "verified flag")
    unverified = _parse_unverified(where.nested("unverified"), item.get("unverified"))
    components = _parse_components(where.nested("components"), item.get("components"))

    _check_flags(
        where,
        verified=verified,
        unverified=unverified,
        level=level,
        has_processing=value is not None,
        components=components,
    )
    return SeedProcedure(
        code=code,
        name=name,
        field=field,
        level=level,
        processing_value=value,
        processing_unit=unit,
        processing_note=processing_note,
        next_day_after_cutoff=cutoff,
        fee=fee,
        result_place=result_place,
        verified=verified,
        unverified=unverified,
        components=components,
        note=note,
        shown_documents=shown,
        processing_max_value=max_value,
        portal_url=portal_url,
    )


def _parse_processing(
    where: _Where, item: Mapping[str, Any]
) -> tuple[int | None, ProcessingUnit | None]:
    if "processing" not in item:
        where.fail(
            "thiếu thời hạn giải quyết (processing; ghi null nếu chưa rõ)",
            "processing time is missing (use null when unknown)",
            "processing",
        )
    processing = item["processing"]
    if processing is None:
        return None, None
    at = where.nested("processing")
    if not isinstance(processing, Mapping):
        at.fail(
            "thời hạn giải quyết phải là đối tượng {value, unit} hoặc null",
            "processing must be an object {value, unit} or null",
        )
    value = _count(at, processing, "value", "số thời hạn giải quyết", "processing value")
    unit = processing.get("unit")
    if unit not in PROCESSING_UNITS:
        allowed = ", ".join(PROCESSING_UNITS)
        at.fail(
            f"đơn vị thời hạn '{unit}' không hợp lệ (chỉ nhận {allowed})",
            f"processing unit '{unit}' is invalid (allowed: {allowed})",
            "unit",
        )
    return value, cast(ProcessingUnit, unit)


def _parse_fee(where: _Where, fee: Any) -> SeedFee:
    if not isinstance(fee, Mapping):
        where.fail("thiếu thông tin phí, lệ phí (fee)", "fee is missing or not an object")
    amount = _count(where, fee, "amount", "mức phí", "fee amount")
    set_by = fee.get("set_by")
    if set_by not in FEE_SET_BY:
        allowed = ", ".join(FEE_SET_BY)
        where.fail(
            f"nơi quy định phí '{set_by}' không hợp lệ (chỉ nhận {allowed})",
            f"fee set_by '{set_by}' is invalid (allowed: {allowed})",
            "set_by",
        )
    note = fee.get("note", "")
    if not isinstance(note, str):
        where.fail("ghi chú phí phải là chuỗi", "fee note must be a string", "note")
    if set_by == "none" and amount != 0:
        where.fail(
            "thủ tục không thu phí nhưng mức phí khác 0",
            "fee is marked as none but the amount is not 0",
            "amount",
        )
    try:
        rule = fees.check_rule(fee.get("rule"))
    except DomainError as exc:
        where.fail(exc.message_vi.rstrip("."), exc.message_en.rstrip("."), "rule")
    exemptions = fee.get("exemptions", [])
    if not isinstance(exemptions, list) or not all(
        isinstance(e, Mapping)
        and isinstance(e.get("code"), str)
        and isinstance(e.get("label"), str)
        for e in exemptions
    ):
        where.fail(
            "danh sách miễn phí (exemptions) phải gồm các đối tượng {code, label}",
            "exemptions must be a list of {code, label} objects",
            "exemptions",
        )
    return SeedFee(
        amount=amount,
        set_by=cast(FeeSetBy, set_by),
        note=_nfc(note.strip()),
        rule=rule,
        exemptions=tuple({"code": e["code"], "label": _nfc(e["label"])} for e in exemptions),
    )


def _parse_unverified(where: _Where, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list):
        where.fail(
            "danh sách phần chưa xác minh (unverified) phải là mảng",
            "unverified must be a list",
        )
    allowed = ", ".join(UNVERIFIED_PARTS)
    parts: list[str] = []
    for part in raw:
        if part not in UNVERIFIED_PARTS:
            where.fail(
                f"phần chưa xác minh '{part}' không hợp lệ (chỉ nhận {allowed})",
                f"unverified part '{part}' is invalid (allowed: {allowed})",
            )
        if part in parts:
            where.fail(
                f"phần chưa xác minh '{part}' bị lặp",
                f"unverified part '{part}' is listed twice",
            )
        parts.append(part)
    return tuple(parts)


def _parse_components(where: _Where, raw: Any) -> tuple[SeedComponent, ...]:
    if not isinstance(raw, list):
        where.fail("thành phần hồ sơ (components) phải là mảng", "components must be a list")
    components: list[SeedComponent] = []
    seen: set[int] = set()
    for position, entry in enumerate(raw):
        at = _Where(where.vi, where.en, f"{where.base}[{position}]")
        if not isinstance(entry, Mapping):
            at.fail(
                f"thành phần hồ sơ thứ {position + 1} phải là đối tượng",
                f"component #{position + 1} must be an object",
            )
        index = _count(at, entry, "index", "số thứ tự thành phần hồ sơ", "component index")
        if index in seen:
            at.fail(
                f"số thứ tự thành phần hồ sơ {index} bị trùng",
                f"component index {index} is used twice",
                "index",
            )
        seen.add(index)
        if index != position + 1:
            at.fail(
                f"thành phần hồ sơ thứ {position + 1} mang số thứ tự {index}; "
                "số thứ tự phải liên tục từ 1 theo đúng thứ tự",
                f"component #{position + 1} has index {index}; indexes must run 1..n in order",
                "index",
            )
        vi, en = f"thành phần hồ sơ số {index}", f"component {index}"
        components.append(
            SeedComponent(
                index=index,
                name=_text(at, entry, "name", f"tên {vi}", f"{en} name"),
                originals=_count(
                    at, entry, "originals", f"số bản chính của {vi}", f"{en} originals"
                ),
                copies=_count(at, entry, "copies", f"số bản sao của {vi}", f"{en} copies"),
                required=_flag(at, entry, "required", f"cờ bắt buộc của {vi}", f"{en} required"),
                verified=_flag(at, entry, "verified", f"cờ đã xác minh của {vi}", f"{en} verified"),
            )
        )
    return tuple(components)


def _check_flags(
    where: _Where,
    *,
    verified: bool,
    unverified: tuple[str, ...],
    level: str | None,
    has_processing: bool,
    components: tuple[SeedComponent, ...],
) -> None:
    # A procedure that claims to be verified while a part is open would let the
    # counter print an unchecked time or fee as if it were the law.
    if verified and unverified:
        listed = ", ".join(unverified)
        where.fail(
            f"đánh dấu đã xác minh nhưng còn phần chưa xác minh: {listed}",
            f"marked verified but lists unverified parts: {listed}",
            "verified",
        )
    if not verified and not unverified:
        where.fail(
            "đánh dấu chưa xác minh nhưng không nêu phần nào chưa xác minh",
            "marked unverified but lists no unverified part",
            "unverified",
        )
    if not has_processing and "processing" not in unverified:
        where.fail(
            "chưa có thời hạn giải quyết nhưng không ghi 'processing' là chưa xác minh",
            "processing time is null but 'processing' is not listed as unverified",
            "unverified",
        )
    if level is None and "level" not in unverified:
        where.fail(
            "chưa có cấp thực hiện nhưng không ghi 'level' là chưa xác minh",
            "level is null but 'level' is not listed as unverified",
            "unverified",
        )
    open_components = ", ".join(str(c.index) for c in components if not c.verified)
    if open_components and "components" not in unverified:
        where.fail(
            f"thành phần hồ sơ số {open_components} chưa xác minh nhưng không ghi "
            "'components' là chưa xác minh",
            f"components {open_components} are unverified but 'components' is not listed "
            "as unverified",
            "unverified",
        )
    if not components and "components" not in unverified:
        where.fail(
            "không có thành phần hồ sơ nào nhưng không ghi 'components' là chưa xác minh",
            "there are no components but 'components' is not listed as unverified",
            "unverified",
        )


# --- field readers ----------------------------------------------------------


def _text(where: _Where, obj: Mapping[str, Any], key: str, label_vi: str, label_en: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        where.fail(
            f"thiếu {label_vi} ({key}) hoặc không phải chuỗi",
            f"{label_en} ({key}) is missing or not a non-empty string",
            key,
        )
    return _nfc(value.strip())


def _optional_text(
    where: _Where,
    obj: Mapping[str, Any],
    key: str,
    label_vi: str,
    label_en: str,
    *,
    required: bool = False,
) -> str | None:
    # `required` means the key must be present even though null is allowed, so a
    # typo in the key is not silently read as "unknown".
    if required and key not in obj:
        where.fail(
            f"thiếu {label_vi} ({key}; ghi null nếu chưa rõ)",
            f"{label_en} ({key}) is missing (use null when unknown)",
            key,
        )
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        where.fail(
            f"{label_vi} ({key}) phải là chuỗi khác rỗng hoặc null",
            f"{label_en} ({key}) must be a non-empty string or null",
            key,
        )
    return _nfc(value.strip())


def _text_list(where: _Where, obj: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        where.fail(
            f"{key} phải là mảng các chuỗi khác rỗng",
            f"{key} must be a list of non-empty strings",
            key,
        )
    return tuple(_nfc(v.strip()) for v in value)


def _count(where: _Where, obj: Mapping[str, Any], key: str, label_vi: str, label_en: str) -> int:
    value = obj.get(key)
    # bool is an int subclass; `true` is never a meaningful count.
    if isinstance(value, bool) or not isinstance(value, int):
        where.fail(
            f"{label_vi} ({key}) phải là số nguyên",
            f"{label_en} ({key}) must be an integer",
            key,
        )
    if value < 0:
        where.fail(
            f"{label_vi} ({key}) không được âm (đang là {value})",
            f"{label_en} ({key}) must not be negative (got {value})",
            key,
        )
    return value


def _flag(where: _Where, obj: Mapping[str, Any], key: str, label_vi: str, label_en: str) -> bool:
    value = obj.get(key)
    if not isinstance(value, bool):
        where.fail(
            f"{label_vi} ({key}) phải là true hoặc false",
            f"{label_en} ({key}) must be true or false",
            key,
        )
    return value


def _nfc(text: str) -> str:
    # Search and comparisons assume composed Vietnamese; a server or editor may
    # send decomposed diacritics that look identical but compare unequal.
    return unicodedata.normalize("NFC", text)
