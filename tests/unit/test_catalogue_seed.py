"""The shipped procedure catalogue and the parser that guards it."""

from __future__ import annotations

import copy
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError
from app.office.catalogue_seed import (
    DEFAULT_SEED_PATH,
    SeedCatalogue,
    load_seed,
    parse_catalogue,
)

# Every code of the procedure table in the catalogue spec, written out here
# rather than read from the data so a dropped entry is noticed.
TABLE_CODES = {
    "1.001193", "1.000656", "1.000894", "1.004873", "1.001022", "1.000689", "1.004884",
    "1.004859", "2.000635", "1.004837", "2.000528", "2.000986", "2.000815", "2.000884",
    "2.001035", "2.000913", "2.000927", "2.001019", "2.001406", "2.001016", "2.000908",
    "1.004222", "1.004194", "1.001612", "2.000720", "1.001570", "1.001266", "1.013978",
    "1.001776", "1.014027", "1.001731", "1.011606", "1.013225",
}  # fmt: skip

# code -> (value, unit, received-after-15:00 counts from the next working day)
# Birth and death registration are same-day (next working day only after
# 15:00); marriage is same-day, up to 5 working days when it must be verified.
PROCESSING_SAMPLE = {
    "1.001193": (0, "same_day", True),
    "1.000656": (0, "same_day", True),
    "2.000815": (0, "same_day", True),
    "1.000894": (0, "same_day", False),
    "1.004873": (3, "working_days", False),
    "2.001035": (2, "working_days", False),
    "1.004222": (7, "working_days", False),
    "1.004194": (3, "working_days", False),
    "1.001266": (5, "working_days", False),
    "1.013978": (20, "working_days", False),
}

UNKNOWN_TIME = {"1.000689", "1.004884", "2.000635", "1.004837", "2.000528",
                "1.001776", "1.014027", "1.001731", "1.011606", "1.013225"}  # fmt: skip

# code -> (amount, set_by)
FEE_SAMPLE = {
    "2.000815": (2000, "national"),
    "2.000884": (10000, "national"),
    "2.001035": (50000, "national"),
    "1.004222": (20000, "national"),
    "1.004194": (15000, "national"),
    "1.001612": (0, "province"),
    "1.004837": (0, "none"),
    "2.000908": (0, "none"),
}


@pytest.fixture(scope="module")
def seed() -> SeedCatalogue:
    return load_seed()


# --- the shipped file ---------------------------------------------------------


def test_shipped_file_loads_from_default_path(seed: SeedCatalogue) -> None:
    assert DEFAULT_SEED_PATH.is_file()
    assert seed.version == "2026.12.1"
    assert "thủ tục hành chính" in seed.source
    assert len(seed.procedures) >= 25


def test_shipped_file_is_composed_utf8() -> None:
    text = DEFAULT_SEED_PATH.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert "Đăng ký khai sinh" in text


def test_every_table_code_is_present(seed: SeedCatalogue) -> None:
    codes = {p.code for p in seed.procedures}
    assert codes >= TABLE_CODES
    assert len(codes) == len(seed.procedures)


@pytest.mark.parametrize(("code", "expected"), sorted(PROCESSING_SAMPLE.items()))
def test_processing_times(seed: SeedCatalogue, code: str, expected: tuple[int, str, bool]) -> None:
    procedure = seed.get(code)
    assert procedure is not None
    value, unit, cutoff = expected
    assert procedure.processing_value == value
    assert procedure.processing_unit == unit
    assert procedure.next_day_after_cutoff is cutoff


@pytest.mark.parametrize(("code", "maximum"), [("1.000894", 5), ("1.000656", 3)])
def test_clerk_chosen_times_have_their_legal_maximum(
    seed: SeedCatalogue, code: str, maximum: int
) -> None:
    procedure = seed.get(code)
    assert procedure is not None and procedure.processing_max_value == maximum


def test_certified_copy_fee_is_per_page_with_a_cap(seed: SeedCatalogue) -> None:
    procedure = seed.get("2.000815")
    assert procedure is not None
    assert procedure.fee.rule == {
        "kind": "per_page",
        "component": 2,
        "first_pages": 2,
        "first_rate": 2000,
        "rate": 1000,
        "cap_per_copy": 200000,
    }


def test_land_registration_time_explains_the_split(seed: SeedCatalogue) -> None:
    procedure = seed.get("1.013978")
    assert procedure is not None and procedure.processing_note
    assert "17" in procedure.processing_note and "3" in procedure.processing_note


def test_unknown_times_are_null_and_unverified(seed: SeedCatalogue) -> None:
    for code in UNKNOWN_TIME:
        procedure = seed.get(code)
        assert procedure is not None, code
        assert procedure.processing_value is None, code
    for procedure in seed.procedures:
        if procedure.processing_value is None:
            assert procedure.processing_unit is None
            assert not procedure.verified, procedure.code
            assert "processing" in procedure.unverified, procedure.code


@pytest.mark.parametrize(("code", "expected"), sorted(FEE_SAMPLE.items()))
def test_fees(seed: SeedCatalogue, code: str, expected: tuple[int, str]) -> None:
    procedure = seed.get(code)
    assert procedure is not None
    assert (procedure.fee.amount, procedure.fee.set_by) == expected
    assert procedure.fee.note


def test_only_the_two_confirmed_procedures_are_verified(seed: SeedCatalogue) -> None:
    verified = {p.code for p in seed.procedures if p.verified}
    assert verified == {"1.001193", "2.000815"}
    for procedure in seed.procedures:
        assert procedure.verified == (not procedure.unverified)
        if not procedure.verified and procedure.code not in {"1.001193", "2.000815"}:
            assert "components" in procedure.unverified
            assert all(not c.verified for c in procedure.components)


def test_birth_registration_components(seed: SeedCatalogue) -> None:
    procedure = seed.get("1.001193")
    assert procedure is not None
    assert procedure.verified and procedure.unverified == ()
    parts = procedure.components
    assert [c.index for c in parts] == list(range(1, len(parts) + 1))
    assert all(c.verified and c.originals == 1 and c.copies == 0 for c in parts)
    assert "Tờ khai đăng ký khai sinh" in parts[0].name and parts[0].required
    assert "Giấy chứng sinh" in parts[1].name and parts[1].required
    proxy = [c for c in parts if "ủy quyền" in c.name]
    assert len(proxy) == 1 and not proxy[0].required
    assert any("bỏ rơi" in c.name and not c.required for c in parts)
    assert any("mang thai hộ" in c.name and not c.required for c in parts)
    assert any("tùy thân" in d for d in procedure.shown_documents)


def test_copy_certification_components(seed: SeedCatalogue) -> None:
    procedure = seed.get("2.000815")
    assert procedure is not None
    assert procedure.verified
    assert [(c.index, c.originals, c.required, c.verified) for c in procedure.components] == [
        (1, 1, True, True),
        (2, 1, True, True),
    ]
    assert "Bản chính" in procedure.components[0].name
    assert "Bản sao" in procedure.components[1].name


def test_residence_is_handled_by_commune_police(seed: SeedCatalogue) -> None:
    for code in ("1.004222", "1.004194"):
        procedure = seed.get(code)
        assert procedure is not None and procedure.result_place == "Công an xã"


def test_load_seed_accepts_an_explicit_path(tmp_path: Path) -> None:
    target = tmp_path / "catalogue.json"
    target.write_text(json.dumps(_valid_document(), ensure_ascii=False), encoding="utf-8")
    catalogue = load_seed(target)
    assert [p.code for p in catalogue.procedures] == ["1.001193"]


def test_load_seed_reports_missing_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as missing:
        load_seed(tmp_path / "none.json")
    assert missing.value.code == "bad_catalogue"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError) as malformed:
        load_seed(broken)
    assert malformed.value.code == "bad_catalogue"


# --- validation ---------------------------------------------------------------


def _valid_document() -> dict[str, Any]:
    return {
        "version": "test",
        "procedures": [
            {
                "code": "1.001193",
                "name": "Đăng ký khai sinh",
                "field": "Hộ tịch",
                "level": "Xã",
                "processing": {"value": 1, "unit": "working_days"},
                "next_day_after_cutoff": True,
                "fee": {"amount": 0, "set_by": "province", "note": "HĐND"},
                "result_place": "Bộ phận Một cửa UBND xã",
                "verified": True,
                "unverified": [],
                "components": [
                    {"index": 1, "name": "Tờ khai", "originals": 1, "copies": 0,
                     "required": True, "verified": True},
                    {"index": 2, "name": "Giấy chứng sinh", "originals": 1, "copies": 0,
                     "required": True, "verified": True},
                ],
            }
        ],
    }  # fmt: skip


def _second(doc: dict[str, Any]) -> dict[str, Any]:
    other = copy.deepcopy(doc["procedures"][0])
    other["code"] = "2.000815"
    other["name"] = "Chứng thực bản sao từ bản chính"
    doc["procedures"].append(other)
    return other


def test_valid_document_parses() -> None:
    catalogue = parse_catalogue(_valid_document())
    procedure = catalogue.procedures[0]
    assert procedure.processing_value == 1 and procedure.processing_unit == "working_days"
    assert procedure.fee.set_by == "province"
    assert [c.name for c in procedure.components] == ["Tờ khai", "Giấy chứng sinh"]


def test_unknown_keys_are_ignored_for_forward_compatibility() -> None:
    doc = _valid_document()
    doc["published_at"] = "2026-11-01"
    doc["procedures"][0]["online_level"] = "toàn trình"
    assert parse_catalogue(doc).procedures[0].code == "1.001193"


def test_decomposed_text_is_normalised() -> None:
    doc = _valid_document()
    doc["procedures"][0]["name"] = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    assert parse_catalogue(doc).procedures[0].name == "Đăng ký khai sinh"


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A breaker that sets one value, addressed like 'procedures.0.fee.amount'."""

    def apply(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return apply


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return apply


def _duplicate_code(doc: dict[str, Any]) -> None:
    _second(doc)["code"] = "1.001193"


def _unverified_component_not_listed(doc: dict[str, Any]) -> None:
    doc["procedures"][0]["components"][1]["verified"] = False
    doc["procedures"][0]["verified"] = False
    doc["procedures"][0]["unverified"] = ["fee"]


def _null_processing_not_listed(doc: dict[str, Any]) -> None:
    doc["procedures"][0]["processing"] = None
    doc["procedures"][0]["verified"] = False
    doc["procedures"][0]["unverified"] = ["fee"]


def _null_level_not_listed(doc: dict[str, Any]) -> None:
    doc["procedures"][0]["level"] = None
    doc["procedures"][0]["verified"] = False
    doc["procedures"][0]["unverified"] = ["processing"]


BROKEN: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    # codes
    "code_too_short": (_set("procedures.0.code", "1.00119"), "sai định dạng"),
    "code_letters": (_set("procedures.0.code", "1.00119A"), "sai định dạng"),
    "code_extra_group": (_set("procedures.0.code", "1.001193.1"), "sai định dạng"),
    "code_non_ascii_digits": (_set("procedures.0.code", "١.001193"), "sai định dạng"),
    "code_missing": (_drop("procedures.0.code"), "mã thủ tục"),
    "code_duplicate": (_duplicate_code, "bị trùng"),
    # units and values
    "unit_unknown": (_set("procedures.0.processing.unit", "days"), "đơn vị thời hạn"),
    "unit_missing": (_drop("procedures.0.processing.unit"), "đơn vị thời hạn"),
    "processing_negative": (_set("procedures.0.processing.value", -1), "không được âm"),
    "processing_fraction": (_set("procedures.0.processing.value", 1.5), "số nguyên"),
    "processing_key_missing": (_drop("procedures.0.processing"), "thời hạn giải quyết"),
    "processing_not_object": (_set("procedures.0.processing", 3), "thời hạn giải quyết"),
    "fee_negative": (_set("procedures.0.fee.amount", -2000), "không được âm"),
    "fee_set_by_unknown": (_set("procedures.0.fee.set_by", "district"), "nơi quy định phí"),
    "fee_none_with_amount": (
        _set("procedures.0.fee", {"amount": 5000, "set_by": "none", "note": ""}),
        "không thu phí",
    ),
    "fee_missing": (_drop("procedures.0.fee"), "phí"),
    # counts
    "originals_negative": (_set("procedures.0.components.0.originals", -1), "không được âm"),
    "copies_negative": (_set("procedures.0.components.1.copies", -3), "không được âm"),
    "copies_bool": (_set("procedures.0.components.1.copies", True), "số nguyên"),
    # component indexes
    "index_duplicate": (_set("procedures.0.components.1.index", 1), "bị trùng"),
    "index_out_of_order": (_set("procedures.0.components.0.index", 2), "liên tục"),
    "index_gap": (_set("procedures.0.components.1.index", 3), "liên tục"),
    "index_zero_based": (_set("procedures.0.components.0.index", 0), "liên tục"),
    # verified flags
    "verified_with_open_parts": (_set("procedures.0.unverified", ["fee"]), "đã xác minh"),
    "unverified_without_parts": (_set("procedures.0.verified", False), "không nêu phần"),
    "unverified_unknown_part": (
        _set("procedures.0.unverified", ["time"]),
        "phần chưa xác minh 'time'",
    ),
    "unverified_repeated": (_set("procedures.0.unverified", ["fee", "fee"]), "bị lặp"),
    "component_open_not_listed": (_unverified_component_not_listed, "'components'"),
    "processing_null_not_listed": (_null_processing_not_listed, "'processing'"),
    "level_null_not_listed": (_null_level_not_listed, "'level'"),
    "verified_not_bool": (_set("procedures.0.verified", "yes"), "true hoặc false"),
    # shape
    "no_procedures": (_set("procedures", []), "danh sách thủ tục"),
    "version_missing": (_drop("version"), "phiên bản"),
    "name_empty": (_set("procedures.0.name", "  "), "tên thủ tục"),
    "level_key_missing": (_drop("procedures.0.level"), "cấp thực hiện"),
    "components_not_list": (_set("procedures.0.components", {}), "thành phần hồ sơ"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_documents_are_rejected(case: str) -> None:
    breaker, fragment = BROKEN[case]
    doc = _valid_document()
    breaker(doc)
    with pytest.raises(DomainError) as caught:
        parse_catalogue(doc)
    error = caught.value
    assert error.code == "bad_catalogue"
    assert fragment in error.message_vi
    assert error.message_en != error.message_vi


def test_message_names_the_procedure() -> None:
    doc = _valid_document()
    second = _second(doc)
    second["processing"]["unit"] = "weeks"
    with pytest.raises(DomainError) as caught:
        parse_catalogue(doc)
    message = caught.value.message_vi
    assert "2.000815" in message and "Chứng thực bản sao từ bản chính" in message
    assert "weeks" in message
    assert caught.value.field == "procedures[1].processing.unit"


def test_message_names_the_position_when_the_code_is_bad() -> None:
    doc = _valid_document()
    _second(doc)["code"] = "X"
    with pytest.raises(DomainError) as caught:
        parse_catalogue(doc)
    assert "thủ tục thứ 2" in caught.value.message_vi


def test_parse_does_not_touch_the_input() -> None:
    doc = _valid_document()
    before = copy.deepcopy(doc)
    parse_catalogue(doc)
    assert doc == before


def test_not_an_object_is_rejected() -> None:
    with pytest.raises(DomainError):
        parse_catalogue([])  # type: ignore[arg-type]
