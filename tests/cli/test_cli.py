"""The CLI as office IT staff use it: real subprocesses, real files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.clikit import init_station, ok_json, run
from tests.conftest import INTAKE


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    return init_station(tmp_path_factory.mktemp("cli") / "data", "--place", "Hà Nội", station=2)


def test_counter_flow_init_receive_lookup_status_lookup(station: Path, tmp_path: Path):
    intake_file = tmp_path / "hoso.json"
    intake_file.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    got = ok_json(station, "receive", "--file", str(intake_file))
    # Station 2 owns numbers 1001–2000 of each day.
    assert got["code"] == "000.00.24.H47-260213-1001"
    # Birth registration received at 09:00: the same working day.
    assert got["due_at"] == "2026-02-13T17:30:00"
    assert len(got["lookup_secret"]) == 10

    found = ok_json(station, "lookup", "nguyen van duc")
    assert found["kind"] == "name"
    assert [r["code"] for r in found["results"]] == [got["code"]]
    assert found["results"][0]["status"] == 2

    changed = ok_json(station, "status", got["code"], "--set", "4", "--note", "Chuyển xử lý")
    assert (changed["from_status"], changed["to_status"]) == (2, 4)

    again = ok_json(station, "lookup", got["code"])
    assert again["results"][0]["status"] == 4
    assert again["results"][0]["status_label"] == "Đang xử lý"
    by_qr = ok_json(station, "lookup", got["lookup_url"])
    assert [r["code"] for r in by_qr["results"]] == [got["code"]]


def test_init_refuses_to_overwrite(station: Path):
    proc = run(
        station,
        "init",
        "--office-code",
        "000.00.24.H47",
        "--office-name",
        "Khác",
        "--station",
        "1",
        "--admin-user",
        "khac",
        "--admin-password",
        "matkhau-456",
    )
    assert proc.returncode != 0
    assert "đã được khởi tạo" in proc.stderr
    assert ok_json(station, "catalogue", "list")


def test_catalogue_list_has_the_seed(station: Path):
    items = ok_json(station, "catalogue", "list")
    codes = {p["code"] for p in items}
    assert len(items) >= 25
    assert {"1.001193", "2.000815", "1.004222"} <= codes
    birth = next(p for p in items if p["code"] == "1.001193")
    assert (birth["processing_value"], birth["processing_unit"]) == (0, "same_day")
    assert birth["next_day_after_cutoff"] is True


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--working-days", "1", "--received", "2026-02-13T09:00"), "2026-02-23T09:00:00"),
        (("--procedure", "1.001193", "--received", "2026-02-13T15:30"), "2026-02-23T17:30:00"),
        (("--procedure", "1.001193", "--received", "2026-02-13T15:00"), "2026-02-13T17:30:00"),
        (("--procedure", "1.001193", "--received", "2026-02-13T09:00"), "2026-02-13T17:30:00"),
        (("--procedure", "1.000656", "--received", "2026-03-02T10:00"), "2026-03-02T17:30:00"),
        (("--procedure", "1.004222", "--received", "2026-04-24T10:00"), "2026-05-08T10:00:00"),
    ],
)
def test_due(station: Path, args, expected):
    assert ok_json(station, "due", *args)["due_at"] == expected


def test_due_works_without_a_data_folder(tmp_path: Path):
    got = ok_json(tmp_path / "none", "due", "--working-days", "1", "--received", "2026-02-13T09:00")
    assert got["due_at"] == "2026-02-23T09:00:00"


def test_self_test_passes(station: Path):
    got = ok_json(station, "self-test")
    assert got["passed"] is True
    assert {c["check"] for c in got["checks"]} >= {"database", "fonts", "catalogue", "calendar"}


@pytest.mark.parametrize(
    ("args", "stdin", "vi", "en"),
    [
        (("receive", "--file", "-"), "{ không phải json", "không phải JSON", "not valid JSON"),
        (
            ("status", "000.00.24.H47-260213-9999", "--set", "4"),
            None,
            "Không tìm thấy",
            "No dossier",
        ),
        (
            ("due", "--working-days", "1", "--received", "hôm qua"),
            None,
            "không hợp lệ",
            "Invalid date",
        ),
        (("lookup", "   "), None, "Hãy nhập", "Type a dossier code"),
    ],
)
def test_errors_are_one_line_in_the_users_language(station: Path, args, stdin, vi, en):
    for lang, text in (("vi_VN.UTF-8", vi), ("en_US.UTF-8", en)):
        proc = run(station, *args, lang=lang, stdin=stdin)
        assert proc.returncode == 1
        assert text in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
        assert "Traceback" not in proc.stderr + proc.stdout


def test_bad_intake_leaves_the_database_as_it_was(station: Path, tmp_path: Path):
    from tests.conftest import snapshot

    before = snapshot(station / "motcua.sqlite3")
    bad = dict(INTAKE, applicant=dict(INTAKE["applicant"], birth_date="1985-13-45"))
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(bad), encoding="utf-8")
    proc = run(station, "receive", "--file", str(f))
    assert proc.returncode == 1 and "Ngày sinh" in proc.stderr
    assert snapshot(station / "motcua.sqlite3") == before


def test_commands_on_an_uninitialised_folder_say_so(tmp_path: Path):
    proc = run(tmp_path / "empty", "lookup", "abc")
    assert proc.returncode == 1
    assert "chưa được khởi tạo" in proc.stderr


def test_no_subcommand_without_a_screen_prints_help(tmp_path: Path):
    proc = run(tmp_path, lang="vi_VN.UTF-8", QT_QPA_PLATFORM="offscreen")
    assert proc.returncode == 0
    assert "receive" in proc.stdout


def test_print_receipt_and_logbook_from_the_cli(station: Path, tmp_path: Path):
    intake_file = tmp_path / "hoso.json"
    intake_file.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    got = ok_json(station, "receive", "--file", str(intake_file))
    out = tmp_path / "bien-nhan.pdf"
    printed = ok_json(
        station, "print", "receipt", got["code"], "--out", str(out), "--layout", "80mm"
    )
    assert printed["out"] == str(out) and out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert got["code"] in text and "Nguyễn Văn Đức" in text
    book = tmp_path / "so.pdf"
    ok_json(
        station,
        "print",
        "logbook",
        "--from",
        "2026-02-01",
        "--to",
        "2026-02-28",
        "--out",
        str(book),
    )
    assert (
        got["code"]
        in subprocess.run(["pdftotext", str(book), "-"], capture_output=True, text=True).stdout
    )
    proc = run(station, "print", "refusal", got["code"], "--out", str(tmp_path / "x.pdf"))
    assert proc.returncode == 1 and "lý do" in proc.stderr
    assert not (tmp_path / "x.pdf").exists()
