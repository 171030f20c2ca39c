"""Office names, document numbers and the signer's name, through the real CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.clikit import init_station, ok_json, run
from tests.conftest import INTAKE


def _init(data_dir: Path, *extra: str) -> None:
    init_station(data_dir, *extra, office_name="Ủy ban nhân dân phường Tân Lập")


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _refusal(data_dir: Path, tmp_path: Path) -> str:
    intake_file = tmp_path / "hoso.json"
    intake_file.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    code = ok_json(data_dir, "receive", "--file", str(intake_file))["code"]
    out = tmp_path / "tuchoi.pdf"
    ok_json(data_dir, "print", "refusal", code, "--reason", "Thiếu giấy tờ", "--out", str(out))
    return _text(out)


def test_office_set_names_and_init_full_name_reach_the_slip(tmp_path: Path):
    data_dir = tmp_path / "data"
    _init(data_dir, "--admin-full-name", "Lê Văn An")
    names = ok_json(data_dir, "office", "set", "--preset", "ward", "--place", "Tân Lập")
    assert names["unit_name"] == "Trung tâm Phục vụ hành chính công phường Tân Lập"
    assert names["governing_body"] == "Ủy ban nhân dân phường Tân Lập"
    assert names["signer_for"] == "TM. Ủy ban nhân dân"
    proc = run(data_dir, "office", "set", "--unit-name", "  ")
    assert proc.returncode == 1 and "không được để trống" in proc.stderr
    assert ok_json(data_dir, "office", "show")["place"] == "Tân Lập"

    refusal = _refusal(data_dir, tmp_path)
    assert "Số: 01/PTC-TTPVHCC" in refusal
    assert "Tân Lập, ngày" in refusal
    assert "Trung tâm Phục vụ hành chính công phường Tân Lập tiếp nhận hồ sơ của" in refusal
    assert "Lê Văn An" in refusal
    guide = tmp_path / "huongdan.pdf"
    ok_json(data_dir, "print", "guide", "1.001193", "--layout", "80mm", "--out", str(guide))
    assert "HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH" in _text(guide)


def test_init_without_a_full_name_never_prints_a_placeholder(tmp_path: Path):
    data_dir = tmp_path / "data"
    _init(data_dir)
    assert "Quản trị hệ thống" not in _refusal(data_dir, tmp_path)
