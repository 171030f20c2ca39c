"""``rate``: a citizen's rating through the command line, once per stage, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.clikit import init_station, ok_json, run
from tests.conftest import INTAKE


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    return init_station(tmp_path_factory.mktemp("rate") / "data")


def _receive(station: Path, tmp_path: Path) -> str:
    path = tmp_path / "hoso.json"
    path.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    return ok_json(station, "receive", "--file", str(path))["code"]


def test_rate_prints_the_rating_and_refuses_a_second_one(station: Path, tmp_path: Path):
    code = _receive(station, tmp_path)
    got = ok_json(station, "rate", code, "--stage", "intake", "--score", "3")
    assert {k: got[k] for k in ("code", "stage", "score", "score_label", "channel")} == {
        "code": code,
        "stage": "intake",
        "score": 3,
        "score_label": "Hài lòng",
        "channel": "cli",
    }
    assert len(got["rating_uuid"]) == 36 and got["criteria"] == {}
    again = run(station, "rate", code, "--stage", "intake", "--score", "1", "--json")
    assert again.returncode == 1
    assert "đã được đánh giá ở bước tiếp nhận hồ sơ" in again.stderr
    assert again.stdout == ""
    plain = run(station, "rate", code, "--stage", "return", "--score", "2")
    assert plain.returncode == 1 and "chưa trả kết quả" in plain.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stage", "tiep-nhan", "--score", "3"], "Bước đánh giá “tiep-nhan” không hợp lệ"),
        (["--stage", "intake", "--score", "5"], "1 (Không hài lòng), 2 (Bình thường)"),
        (["--stage", "intake", "--score", "3", "--criterion", "attitude"], "KHÓA=ĐIỂM"),
        (["--stage", "intake", "--score", "3", "--criterion", "attitude=3"], "không được"),
    ],
)
def test_bad_input_gets_a_vietnamese_reason(station: Path, tmp_path: Path, args, message):
    code = _receive(station, tmp_path)
    proc = run(station, "rate", code, *args)
    assert proc.returncode == 1
    assert message in proc.stderr


def test_a_dossier_of_another_office_is_refused(station: Path):
    proc = run(station, "rate", "000.00.99.H01-260213-0001", "--stage", "intake", "--score", "3")
    assert proc.returncode == 1
    assert "là của cơ quan 000.00.99.H01" in proc.stderr
