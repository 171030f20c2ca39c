"""``attach``, ``scan``, ``batch`` and ``print cover`` as office IT staff run them."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from app.capture.store import AttachmentStore
from tests.capture.synth import encoded, rotated, text_page
from tests.capture.test_capture_sources import _bomb_png
from tests.conftest import INTAKE

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str, cwd: Path | None = None, lang: str = "vi_VN.UTF-8"):
    env = dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES="")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=cwd,
    )


def ok_json(data_dir: Path, *args: str, cwd: Path | None = None):
    proc = run(data_dir, "--json", *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _listing(root: Path, skip: Path) -> set[str]:
    return {
        str(p.relative_to(root)) for p in root.rglob("*") if skip not in p.parents and p != skip
    }


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> tuple[Path, list[str]]:
    data_dir = tmp_path_factory.mktemp("capture-cli") / "data"
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
    intake_file = data_dir.parent / "hoso.json"
    codes = []
    for hour in (9, 10):
        data = dict(INTAKE, received_at=f"2026-02-13T{hour:02d}:00:00+07:00")
        intake_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        codes.append(ok_json(data_dir, "receive", "--file", str(intake_file))["code"])
    return data_dir, codes


def test_attach_files_then_show_the_stored_pdf(station, tmp_path: Path):
    data_dir, (code, _) = station
    files = []
    for i in range(3):
        path = tmp_path / f"trang {i + 1}.jpg"
        page = rotated(
            text_page(200, seed=i, lines=25, stamp=i == 1), 1.5 * i, fill=(247, 244, 236)
        )
        path.write_bytes(encoded(page, "JPEG", quality=85, dpi=(200, 200)))
        files.append(str(path))
    got = ok_json(data_dir, "attach", code, "--component", "1", *files)
    assert (got["code"], got["component"], got["pages"], got["dpi"]) == (code, 1, 3, 200)
    assert got["source"] == "file" and got["warnings"] == []
    stored = AttachmentStore.for_data_dir(data_dir).read(got["sha256"])
    with pikepdf.open(io.BytesIO(stored)) as pdf:
        assert len(pdf.pages) == 3
    human = run(data_dir, "attach", code, "--component", "2", files[0], "--colour", "gray")
    assert human.returncode == 0, human.stderr
    assert f"Đã số hóa hồ sơ {code}, thành phần 2: 1 trang" in human.stdout


def test_print_cover_then_batch_from_the_scanned_stack(station, tmp_path: Path):
    data_dir, (first, second) = station
    covers = {}
    for code in (first, second):
        out = tmp_path / f"bia-{code}.pdf"
        got = ok_json(data_dir, "print", "cover", code, "--out", str(out))
        assert got["form"] == "cover" and out.is_file()
        document = pdfium.PdfDocument(out.read_bytes())
        covers[code] = [
            document[i].render(scale=150 / 72).to_pil().convert("L") for i in range(len(document))
        ]
        document.close()
    stack = [
        covers[first][1],
        text_page(150, seed=1, lines=20).convert("L"),
        covers[second][0],
        text_page(150, seed=2, lines=20).convert("L"),
        text_page(150, seed=3, lines=20).convert("L"),
    ]
    tiff = tmp_path / "xap.tif"
    stack[0].save(
        tiff, save_all=True, append_images=stack[1:], dpi=(150, 150), compression="tiff_deflate"
    )
    got = ok_json(data_dir, "batch", str(tiff))
    parts = {(p["code"], p["component"]): p for p in got["parts"]}
    assert set(parts) == {(first, 2), (second, 1)}
    assert parts[(second, 1)]["pages"] == 2
    assert all(p["source"] == "batch" for p in parts.values())
    # 150 dpi is below the archival floor: the clerk is told.
    assert parts[(first, 2)]["warnings"][0]["code"] == "low_dpi"


@pytest.mark.skipif(
    shutil.which("scanimage") is None and not os.environ.get("CI"),
    reason="scanimage (Debian sane-utils) is not installed",
)
def test_scan_through_the_sane_test_backend(station):
    data_dir, (_, second) = station
    got = ok_json(
        data_dir,
        "scan",
        second,
        "--component",
        "2",
        "--device",
        "test",
        "--feed",
        "adf",
        "--pages",
        "3",
        "--sane-option=--test-picture",
        "--sane-option=Color pattern",
        "--sane-option=-x",
        "--sane-option=150",
        "--sane-option=-y",
        "--sane-option=200",
    )
    assert (got["pages"], got["source"], got["dpi"]) == (3, "scanner", 200)


def test_hostile_files_are_refused_and_nothing_lands_outside_the_data_folder(
    station, tmp_path: Path
):
    data_dir, (code, _) = station
    work = tmp_path / "usb"
    (work / "a" / "b").mkdir(parents=True)
    pdf = pikepdf.Pdf.new()
    for _ in range(10_000):
        pdf.add_blank_page()
    pdf.save(work / "x.pdf")
    jpeg = encoded(text_page(100, seed=1, lines=5), "JPEG")
    (work / "cut.jpg").write_bytes(jpeg[: len(jpeg) // 3])
    (work / "bomb.png").write_bytes(_bomb_png(20_000))
    before = _listing(tmp_path, data_dir) | _listing(data_dir.parent, data_dir)
    before_store = _listing(data_dir, data_dir / "nothing")
    cases = [
        ("../../x.pdf", "10000 trang"),
        ("../../cut.jpg", "bị hỏng hoặc không đầy đủ"),
        ("../../bomb.png", "quá lớn"),
    ]
    for name, message in cases:
        proc = run(data_dir, "attach", code, "--component", "1", name, cwd=work / "a" / "b")
        assert proc.returncode == 1
        assert message in proc.stderr, proc.stderr
        assert proc.stdout == ""
    assert _listing(tmp_path, data_dir) | _listing(data_dir.parent, data_dir) == before
    after_store = _listing(data_dir, data_dir / "nothing")
    assert {p for p in after_store - before_store if not p.endswith(".log")} == set()
    english = run(
        data_dir, "attach", code, "--component", "1", str(work / "x.pdf"), lang="en_US.UTF-8"
    )
    assert "more than the 500-page limit" in english.stderr


def test_scan_and_batch_need_their_arguments(station):
    data_dir, (code, _) = station
    proc = run(data_dir, "scan", code)
    assert proc.returncode == 1 and "--component" in proc.stderr
    proc = run(data_dir, "batch")
    assert proc.returncode == 1 and "--device" in proc.stderr
    proc = run(data_dir, "print", "cover", "--out", "x.pdf")
    assert proc.returncode == 1 and "mã hồ sơ" in proc.stderr


def test_show_reports_the_digitized_component_and_the_pdf_names_its_dossier(
    station, tmp_path: Path
):
    data_dir, (_, second) = station
    path = tmp_path / "to-khai.png"
    path.write_bytes(encoded(text_page(200, seed=8, lines=20), "PNG", dpi=(200, 200)))
    got = ok_json(data_dir, "attach", second, "--component", "1", str(path))
    shown = ok_json(data_dir, "show", second)
    assert [c["digitized"] for c in shown["components"] if c["index"] == 1] == [True]
    stored = AttachmentStore.for_data_dir(data_dir).read(got["sha256"])
    with pikepdf.open(io.BytesIO(stored)) as pdf:
        assert str(pdf.docinfo["/MotCuaDossierCode"]) == second
        assert str(pdf.docinfo["/MotCuaComponent"]) == "1"


def test_return_with_the_result_file_then_show_reports_it(station, tmp_path: Path):
    data_dir, codes = station
    code = codes[1]
    image = tmp_path / "trich-luc.png"
    text_page(200, seed=3, lines=10, noise=0, size=(1169, 1654)).save(image, dpi=(200, 200))
    assert run(data_dir, "result", "attach", code, "--file", str(image)).returncode == 1
    for status in ("4", "9"):
        ok_json(data_dir, "status", code, "--set", status)
    before = ok_json(data_dir, "show", code)
    assert before["result"] is None
    bad = tmp_path / "ket-qua.txt"
    bad.write_text("không phải giấy tờ")
    refused = run(
        data_dir, "return", code, "--collector", "Nguyễn Văn An", "--result-file", str(bad)
    )
    assert refused.returncode == 1 and "ket-qua.txt" in refused.stderr
    assert ok_json(data_dir, "show", code)["status"] == 9
    done = ok_json(
        data_dir, "return", code, "--collector", "Nguyễn Văn An", "--result-file", str(image),
        "--result-number", "12/TLKS", "--result-date", "05/12/2026",
    )  # fmt: skip
    assert done["to_status"] == 10 and done["result"]["pages"] == 1
    shown = ok_json(data_dir, "show", code)
    assert shown["result"]["number"] == "12/TLKS"
    assert shown["result"]["date"] == "2026-12-05"
    assert shown["result"]["digitized"] is True
    stored = data_dir / "attachments"
    assert any(p.name.startswith(shown["result"]["sha256"]) for p in stored.rglob("*"))
