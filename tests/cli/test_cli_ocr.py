"""``attach --ocr`` and ``ocr``: the text layer from the command line, real Tesseract.

A station without OCR is made by running the CLI with a PATH that holds no
``tesseract``. Where OCR is really missing the tests that need it skip,
except under CI, where they fail (CI installs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from app.capture import ocr
from app.capture.store import AttachmentStore
from tests.capture.test_capture_ocr import form_page
from tests.conftest import INTAKE, snapshot

ROOT = Path(__file__).resolve().parents[2]
HEADING = "Cộng hòa xã hội chủ nghĩa Việt Nam"


def run(data_dir: Path, *args: str, lang: str = "vi_VN.UTF-8", **extra_env: str):
    env = dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES="", **extra_env)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def ok_json(data_dir: Path, *args: str, **extra_env: str):
    proc = run(data_dir, "--json", *args, **extra_env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def real_ocr() -> None:
    lacks = ocr.missing()
    if lacks:
        what = "OCR (" + ", ".join(lacks) + ")"
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required under CI (.ci/debian-packages, pip extra 'ocr')")
        pytest.skip(f"{what} is not installed")


@pytest.fixture
def no_ocr_path(tmp_path: Path) -> str:
    """A PATH without Tesseract: how a station without OCR looks to the CLI."""
    empty = tmp_path / "no-ocr-bin"
    empty.mkdir()
    return str(empty)


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> tuple[Path, Path]:
    """An initialised data folder with a dossier code and a scanned form (PNG, 200 dpi)."""
    base = tmp_path_factory.mktemp("cli-ocr")
    data_dir = base / "data"
    proc = run(
        data_dir,
        "init",
        "--office-code",
        "000.00.24.H47",
        "--office-name",
        "UBND xã Tân Lập",
        "--station",
        "1",
        "--admin-user",
        "quantri",
        "--admin-password",
        "matkhau-123",
    )
    assert proc.returncode == 0, proc.stderr
    form = base / "to-khai.png"
    form_page().save(form, dpi=(200, 200))
    return data_dir, form


@pytest.fixture
def code(station, tmp_path: Path) -> str:
    """A freshly received dossier (components 1 and 2 on paper)."""
    data_dir, _ = station
    intake_file = tmp_path / "hoso.json"
    intake_file.write_text(json.dumps(INTAKE, ensure_ascii=False), encoding="utf-8")
    return ok_json(data_dir, "receive", "--file", str(intake_file))["code"]


def stored(data_dir: Path, sha: str) -> Path:
    return data_dir / "attachments" / sha[:2] / sha[2:4] / f"{sha}.pdf"


def text_of(path: Path) -> str:
    # The file on disk is encrypted: the station's store hands out the PDF.
    sha = path.name.removesuffix(".pdf")
    data = AttachmentStore.for_data_dir(path.parents[3]).read(sha)
    doc = pdfium.PdfDocument(data)
    try:
        return unicodedata.normalize("NFC", doc[0].get_textpage().get_text_range())
    finally:
        doc.close()


def test_attach_with_ocr_stores_the_searchable_file(station, code, real_ocr):
    data_dir, form = station
    got = ok_json(data_dir, "attach", code, "--component", "1", str(form), "--ocr")
    assert got["ocr"]["status"] == "done" and got["ocr"]["code"] is None
    assert got["ocr"]["seconds"] >= 0
    assert (got["code"], got["component"], got["pages"], got["dpi"]) == (code, 1, 1, 200)
    assert HEADING in text_of(stored(data_dir, got["sha256"]))

    human = run(data_dir, "attach", code, "--component", "2", str(form), "--ocr")
    assert human.returncode == 0, human.stderr
    assert f"Đã số hóa hồ sơ {code}, thành phần 2: 1 trang" in human.stdout
    assert "Nhận dạng chữ (OCR): xong sau" in human.stdout
    assert human.stderr == ""


def test_attach_with_ocr_on_a_station_without_it_still_attaches(station, code, no_ocr_path):
    data_dir, form = station
    got = ok_json(
        data_dir, "attach", code, "--component", "1", str(form), "--ocr", PATH=no_ocr_path
    )
    assert got["ocr"] == {
        "status": "skipped",
        "code": "ocr_unavailable",
        "seconds": None,
        "message": "Máy chưa cài nhận dạng chữ (OCR): thiếu tesseract-ocr.",
    }
    assert text_of(stored(data_dir, got["sha256"])).strip() == ""

    human = run(data_dir, "attach", code, "--component", "2", str(form), "--ocr", PATH=no_ocr_path)
    assert human.returncode == 0, human.stderr
    assert f"Đã số hóa hồ sơ {code}, thành phần 2" in human.stdout
    assert (
        "Nhận dạng chữ (OCR): bỏ qua — Máy chưa cài nhận dạng chữ (OCR): thiếu tesseract-ocr."
    ) in human.stdout
    english = run(
        data_dir,
        "attach",
        code,
        "--component",
        "2",
        str(form),
        "--ocr",
        lang="en_US.UTF-8",
        PATH=no_ocr_path,
    )
    assert english.returncode == 0, english.stderr
    assert (
        "Text recognition (OCR): skipped — Text recognition (OCR) is not installed: "
        "missing tesseract-ocr."
    ) in english.stdout


def test_ocr_adds_the_text_layer_to_an_attached_component(station, code, real_ocr):
    data_dir, form = station
    plain = ok_json(data_dir, "attach", code, "--component", "1", str(form))
    assert "ocr" not in plain
    assert text_of(stored(data_dir, plain["sha256"])).strip() == ""

    # --json is also taken after the subcommand, as scripts tend to write it.
    proc = run(data_dir, "ocr", code, "--component", "1", "--json")
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["sha256"] != plain["sha256"]
    assert (got["component"], got["pages"], got["dpi"], got["source"]) == (1, 1, 200, "file")
    assert got["ocr"]["status"] == "done"
    assert HEADING in text_of(stored(data_dir, got["sha256"]))
    # The image-only file stays in the store, as every replaced capture does.
    assert stored(data_dir, plain["sha256"]).is_file()

    again = run(data_dir, "ocr", code, "--component", "1")
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.strip() == (
        f"Thành phần 1 của hồ sơ {code} đã có lớp chữ tìm kiếm được; không cần nhận dạng lại."
    )

    ok_json(data_dir, "attach", code, "--component", "2", str(form))
    human = run(data_dir, "ocr", code, "--component", "2")
    assert human.returncode == 0, human.stderr
    assert human.stdout.startswith(f"Đã thêm lớp chữ cho hồ sơ {code}, thành phần 2: 1 trang")
    assert "Nhận dạng chữ (OCR): xong sau" in human.stdout


def test_ocr_refuses_without_ocr_or_without_a_file(station, code, no_ocr_path):
    data_dir, form = station
    not_yet = run(data_dir, "ocr", code, "--component", "1")
    assert not_yet.returncode == 1
    assert f"Thành phần 1 của hồ sơ {code} chưa được số hóa." in not_yet.stderr
    unknown = run(data_dir, "ocr", code, "--component", "9")
    assert unknown.returncode == 1 and "không có thành phần số 9" in unknown.stderr

    ok_json(data_dir, "attach", code, "--component", "1", str(form))
    before = snapshot(data_dir / "motcua.sqlite3")
    missing = run(data_dir, "--json", "ocr", code, "--component", "1", PATH=no_ocr_path)
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.strip() == "Máy chưa cài nhận dạng chữ (OCR): thiếu tesseract-ocr."
    assert snapshot(data_dir / "motcua.sqlite3") == before
