"""The dossier-life subcommands as office IT staff script them: real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.clikit import init_station, ok_json, run
from tests.conftest import INTAKE


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    return init_station(tmp_path_factory.mktemp("life") / "data")


def _intake(tmp_path: Path, **extra) -> str:
    data = json.loads(json.dumps(INTAKE))
    data.update(extra)
    path = tmp_path / "hoso.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_supplement_supplied_extend_and_a_late_result_in_show(station: Path, tmp_path: Path):
    got = ok_json(station, "receive", "--file", _intake(tmp_path))
    code = got["code"]
    assert got["due_at"] == "2026-02-13T17:30:00"
    slip = tmp_path / "bosung.pdf"
    sup = ok_json(station, "supplement", code, "--missing", "2", "--out", str(slip))
    assert sup["status"] == 5 and slip.read_bytes().startswith(b"%PDF")
    assert ok_json(station, "show", code)["paused"] is True
    back = ok_json(station, "supplied", code)
    assert (back["from_status"], back["to_status"]) == (5, 2)
    shown = ok_json(station, "show", code)
    assert shown["paused"] is False and shown["paused_working_days"] >= 0
    new_due = "2027-01-04T09:00:00"
    ext = run(station, "--json", "extend", code, "--to", new_due, "--reason", "Cần xác minh")
    assert ext.returncode == 1 and "ngày làm việc" in ext.stderr, "past the legal maximum"
    ok_json(station, "status", code, "--set", "9")
    shown = ok_json(station, "show", code)
    for key in ("timeliness", "overdue", "paused_working_days", "channel", "fee_amount"):
        assert key in shown
    assert shown["original_due_at"] == "2026-02-13T17:30:00"
    assert shown["timeliness"] == "late" and shown["overdue"] is True
    assert shown["channel"] == "counter"


def test_confirm_by_a_supervisor_and_cancel(station: Path, tmp_path: Path):
    intake = _intake(tmp_path, procedure="1.004884", due_at="2026-02-27T16:00:00")
    refused = run(station, "--json", "receive", "--file", intake)
    assert refused.returncode == 1 and "lãnh đạo" in refused.stderr
    got = ok_json(station, "receive", "--file", intake, "--confirm-by", "quantri")
    assert got["due_at"] == "2026-02-27T16:00:00"
    assert ok_json(station, "show", got["code"])["due_confirmed_by"] == "quantri"
    done = ok_json(station, "cancel", got["code"], "--reason", "Nhập nhầm thủ tục")
    assert done["cancelled"] is True
    shown = ok_json(station, "show", got["code"])
    assert shown["cancelled"] and shown["cancel_reason"] == "Nhập nhầm thủ tục"


def test_catalogue_set_and_stop(station: Path, tmp_path: Path):
    edited = ok_json(
        station,
        "catalogue",
        "set",
        "1.000689",
        "--processing",
        "03 ngày làm việc",
        "--fee",
        "15.000 đồng",
        "--after-15h",
        "yes",
    )
    assert (edited["processing_value"], edited["processing_unit"]) == (3, "working_days")
    assert edited["fee_amount"] == 15000 and edited["next_day_after_cutoff"] is True
    bad = run(station, "catalogue", "set", "1.000689", "--processing", "tùy trường hợp")
    assert bad.returncode == 1 and "Không đọc được thời hạn" in bad.stderr
    listed = {p["code"]: p for p in ok_json(station, "catalogue", "list")}
    assert listed["1.000689"]["processing_value"] == 3
    got = ok_json(station, "receive", "--file", _intake(tmp_path))
    stopped = ok_json(station, "stop", got["code"], "--reason", "Công dân đề nghị dừng")
    assert stopped["status"] == 8


def test_catalogue_import_from_the_command_line(station: Path, tmp_path: Path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(("Mã", "Tên", "Lĩnh vực", "Cấp", "Thời hạn", "Phí", "Thành phần"))
    book.active.append(("1.009998", "Thủ tục tỉnh", "Hộ tịch", "Xã", "02 ngày làm việc", "", ""))
    book.active.append(("1.009997", "Thủ tục khác", "Hộ tịch", "Xã", "tùy hồ sơ", "", ""))
    path = tmp_path / "ds.xlsx"
    book.save(path)
    got = ok_json(station, "catalogue", "import", str(path))
    assert (got["created"], got["updated"]) == (2, 0)
    assert [(f["code"], f["field"]) for f in got["flagged"]] == [("1.009997", "processing")]
    bad = tmp_path / "bad.xlsx"
    bad.write_text("không phải bảng tính", encoding="utf-8")
    refused = run(station, "catalogue", "import", str(bad))
    assert refused.returncode == 1 and "Excel" in refused.stderr


def test_catalogue_set_replaces_components_and_exemptions_from_json(station: Path, tmp_path):
    components = tmp_path / "thanh-phan.json"
    components.write_text(
        json.dumps(
            [
                {"name": "Tờ khai theo mẫu", "originals": 1, "copies": 0},
                {"name": "Giấy ủy quyền", "originals": 0, "copies": 1, "required": False},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    exemptions = tmp_path / "mien-giam.json"
    exemptions.write_text(
        json.dumps([{"code": "HN", "label": "Hộ nghèo"}], ensure_ascii=False), encoding="utf-8"
    )
    got = ok_json(
        station,
        "catalogue",
        "set",
        "1.004873",
        "--components",
        str(components),
        "--exemptions",
        str(exemptions),
    )
    assert [(c["index"], c["name"], c["required"]) for c in got["components"]] == [
        (1, "Tờ khai theo mẫu", True),
        (2, "Giấy ủy quyền", False),
    ]
    assert got["fee_exemptions"] == [{"code": "HN", "label": "Hộ nghèo"}]
    assert {"components", "fee_exemptions"} <= set(got["office_edits"])
    components.write_text('[{"name": ""}]', encoding="utf-8")
    bad = run(station, "catalogue", "set", "1.004873", "--components", str(components))
    assert bad.returncode != 0 and "tên phải có" in bad.stderr
    components.write_text("{không phải json", encoding="utf-8")
    bad = run(station, "catalogue", "set", "1.004873", "--components", str(components))
    assert bad.returncode != 0 and "JSON" in bad.stderr


def test_pay_records_how_the_fee_was_paid(station: Path, tmp_path: Path):
    # 2.000815 (certified copies) charges per page: a fee to pay.
    components = [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 0, "copies": 1, "pages": 3},
    ]
    code = ok_json(
        station, "receive", "--file", _intake(tmp_path, procedure="2.000815", components=components)
    )["code"]
    shown = ok_json(station, "show", code)
    assert shown["fee_amount"] > 0 and shown["fee_paid"] is False
    assert shown["fee_payment_method"] is None
    bad = run(station, "--json", "pay", code, "--method", "cheque")
    assert bad.returncode != 0 and ok_json(station, "show", code)["fee_paid"] is False
    paid = ok_json(station, "pay", code, "--method", "transfer")
    assert paid == {"code": code, "fee_paid": True, "fee_payment_method": "transfer"}
    assert ok_json(station, "show", code)["fee_payment_method"] == "transfer"
    # Without --method the payment is recorded, its method not guessed.
    assert ok_json(station, "pay", code)["fee_payment_method"] is None
    assert ok_json(station, "show", code)["fee_payment_method"] is None
    ok_json(station, "pay", code, "--method", "pos")
    undone = ok_json(station, "pay", code, "--unpaid")
    assert undone["fee_paid"] is False
    assert ok_json(station, "show", code)["fee_payment_method"] is None


def test_receive_records_how_a_fee_paid_at_intake_was_paid(station: Path, tmp_path: Path):
    components = [
        {"index": 1, "originals": 1, "copies": 0},
        {"index": 2, "originals": 0, "copies": 1, "pages": 3},
    ]
    paid = dict(procedure="2.000815", components=components, fee_paid=True)
    who = INTAKE["applicant"]["id_number"]
    before = ok_json(station, "lookup", who)
    # An unknown method, or a method for a fee not paid: refused, nothing written.
    for bad in (
        dict(paid, fee_payment_method="cheque"),
        dict(paid, fee_paid=False, fee_payment_method="pos"),
    ):
        refused = run(station, "--json", "receive", "--file", _intake(tmp_path, **bad))
        assert refused.returncode != 0 and "hình thức nộp phí" in refused.stderr.lower()
    assert ok_json(station, "lookup", who) == before
    code = ok_json(
        station, "receive", "--file", _intake(tmp_path, **paid, fee_payment_method="pos")
    )["code"]
    shown = ok_json(station, "show", code)
    assert shown["fee_paid"] is True and shown["fee_payment_method"] == "pos"
    # Paid at intake without saying how: unknown, not cash.
    code = ok_json(station, "receive", "--file", _intake(tmp_path, **paid))["code"]
    assert ok_json(station, "show", code)["fee_payment_method"] is None
