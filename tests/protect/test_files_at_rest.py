"""Scanned components and printed-slip archives are encrypted on disk.

The files are real ones written by the capture and printing code into a
real data folder; the raw bytes are grepped for the applicant's name, ID
number and a PDF header. Converting an older folder's plain files is
interrupted by SIGKILL and must leave every file readable.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from app.capture import attachments
from app.capture.store import AttachmentStore
from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.infra import datadir
from app.infra.storage import open_database
from app.paper import archive, printing
from app.protect import filecrypt, keys
from tests.capture.conftest import small_pages
from tests.conftest import INTAKE
from tests.protect.conftest import files_holding_secrets

NOW = datetime(2026, 2, 13, 9, 30)
ROOT = Path(__file__).resolve().parents[2]
APPLICANT = INTAKE["applicant"]


def _scan_of_the_id_card() -> bytes:
    """A file as a clerk picks it from disk: a PDF whose text names the applicant."""
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
        + f"({APPLICANT['full_name']} {APPLICANT['id_number']})".encode()
        + b"\n%%EOF\n"
    )


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]


def test_scans_and_slips_hold_nothing_readable_on_disk(db, data_dir, clerk):
    code = intake_uc.receive(db, clerk, dict(INTAKE), now=NOW).code
    scanned = attachments.attach_component(db, clerk, code, 1, small_pages(2), source="scanner")
    picked = attachments.store_for(db).put(_scan_of_the_id_card())
    printed = printing.print_form(db, clerk, "receipt", code, layout="a4", now=NOW)
    stored = _files(datadir.attachments_dir(data_dir)) + _files(datadir.paper_archive_dir(data_dir))
    assert len(stored) == 3
    for path in stored:
        raw = path.read_bytes()
        assert raw.startswith(filecrypt.MAGIC), path
        assert b"%PDF" not in raw, path
        assert stat.S_IMODE(path.stat().st_mode) == 0o400, path
    assert files_holding_secrets(data_dir) == []

    # The rest of the station sees the plaintext, checked against its name.
    assert attachments.read_component(db, clerk, code, 1)[:5] == b"%PDF-"
    assert attachments.verify(db, clerk, scanned.sha256) == scanned.size
    assert AttachmentStore.for_data_dir(data_dir).read(picked.sha256) == _scan_of_the_id_card()
    digest = hashlib.sha256(printed).hexdigest()
    assert archive.load(data_dir, digest) == printed
    again = printing.print_form(db, clerk, "receipt", code, layout="a4", now=NOW)
    assert again != printed and again[:5] == b"%PDF-"  # the stamped copy of the archived file


def test_a_large_file_is_written_and_checked_in_chunks(db, data_dir):
    data = os.urandom(3 * filecrypt.CHUNK + 12345)
    store = attachments.store_for(db)
    put = store.put(data)
    raw = put.path.read_bytes()
    # Header, four chunks with their tags: never the whole file in one piece.
    assert len(raw) == filecrypt.HEADER_BYTES + len(data) + 4 * filecrypt.TAG
    assert store.verify(put.sha256) == len(data)
    assert store.read(put.sha256) == data


@pytest.mark.parametrize("damage", ["flip", "cut_chunk", "swap", "other_kind", "other_key"])
def test_an_altered_encrypted_file_is_reported_damaged(db, data_dir, tmp_path, damage):
    data = os.urandom(2 * filecrypt.CHUNK + 10)
    store = attachments.store_for(db)
    path = store.put(data).path
    sha = hashlib.sha256(data).hexdigest()
    os.chmod(path, 0o600)
    raw = bytearray(path.read_bytes())
    block = filecrypt.CHUNK + filecrypt.TAG
    first = filecrypt.HEADER_BYTES
    if damage == "flip":
        raw[len(raw) // 2] ^= 0x01
    elif damage == "cut_chunk":
        # Cut exactly at a chunk boundary: what is left still looks like whole chunks.
        raw = raw[: first + 2 * block]
    elif damage == "swap":
        raw[first : first + 2 * block] = (
            raw[first + block : first + 2 * block] + raw[first : first + block]
        )
    elif damage == "other_kind":
        raw = bytearray(filecrypt.encrypt_bytes(db.key, filecrypt.SLIP, data))
    else:
        raw = bytearray(filecrypt.encrypt_bytes(os.urandom(32), filecrypt.ATTACHMENT, data))
    path.write_bytes(bytes(raw))
    with pytest.raises(DomainError) as err:
        store.read(sha)
    assert err.value.code == "attachment_corrupt"
    with pytest.raises(DomainError) as err:
        store.verify(sha)
    assert err.value.code == "attachment_corrupt"
    # Storing the same scan again replaces the damaged copy.
    store.put(data)
    assert store.read(sha) == data


def _plant_plain_files(data_dir: Path, count: int) -> dict[Path, bytes]:
    """Files as an older version left them: plain PDFs named by their SHA-256."""
    planted = {}
    for i in range(count):
        data = _scan_of_the_id_card() + os.urandom(2000 + i)
        sha = hashlib.sha256(data).hexdigest()
        store = AttachmentStore(datadir.attachments_dir(data_dir))
        path = store.path_for(sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.chmod(path, 0o444)
        planted[path] = data
    slip = b"%PDF-1.7 slip of " + APPLICANT["id_number"].encode()
    digest = hashlib.sha256(slip).hexdigest()
    path = datadir.paper_archive_dir(data_dir) / digest[:2] / f"{digest}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(slip)
    planted[path] = slip
    for folder in (datadir.attachments_dir(data_dir), datadir.paper_archive_dir(data_dir)):
        (folder / filecrypt.MARKER).unlink(missing_ok=True)
    return planted


def _assert_all_encrypted_and_readable(data_dir: Path, planted: dict[Path, bytes]) -> None:
    store = AttachmentStore.for_data_dir(data_dir)
    for path, data in planted.items():
        assert path.read_bytes().startswith(filecrypt.MAGIC), path
        sha = hashlib.sha256(data).hexdigest()
        if datadir.attachments_dir(data_dir) in path.parents:
            assert store.read(sha) == data
        else:
            assert archive.load(data_dir, sha) == data
    leftovers = [
        p.name
        for p in data_dir.rglob("*")
        if p.name.endswith((filecrypt.OLD_SUFFIX, ".part")) and p.is_file()
    ]
    assert leftovers == []
    assert files_holding_secrets(data_dir) == []


def test_an_older_folder_is_encrypted_in_place_when_opened(db, data_dir):
    db.dispose()
    planted = _plant_plain_files(data_dir, 5)
    # Plain files are still read (their name is their hash) before the upgrade runs.
    assert AttachmentStore.for_data_dir(data_dir).read(
        hashlib.sha256(next(iter(planted.values()))).hexdigest()
    )
    open_database(data_dir).dispose()
    _assert_all_encrypted_and_readable(data_dir, planted)
    for folder in (datadir.attachments_dir(data_dir), datadir.paper_archive_dir(data_dir)):
        assert (folder / filecrypt.MARKER).exists()


def test_a_crash_between_the_renames_brings_the_plain_file_back(db, data_dir):
    db.dispose()
    planted = _plant_plain_files(data_dir, 1)
    path = next(iter(planted))
    os.replace(path, path.with_name(path.name + filecrypt.OLD_SUFFIX))
    (path.parent / ".x.part").write_bytes(b"half an encrypted file")
    open_database(data_dir).dispose()
    _assert_all_encrypted_and_readable(data_dir, planted)


@pytest.mark.slow
def test_sigkill_while_an_older_folder_is_encrypted_loses_no_file(db, data_dir):
    db.dispose()
    planted = _plant_plain_files(data_dir, 300)
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from app.infra.storage import open_database
        open_database(Path({str(data_dir)!r})).dispose()
        """
    )
    rng = random.Random(14)
    killed = 0
    for _ in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "MOTCUA_KEY_STORE": "file"},
        )
        try:
            proc.wait(timeout=rng.uniform(0.3, 1.5))
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed += 1
        # Every file, at every moment, is either the plain original or its encrypted form.
        for path, data in planted.items():
            live = path if path.exists() else path.with_name(path.name + filecrypt.OLD_SUFFIX)
            got = filecrypt.read_plain(live, keys.load_key(data_dir), _kind(data_dir, path))
            assert got == data, path
        if (datadir.attachments_dir(data_dir) / filecrypt.MARKER).exists():
            break
    assert killed >= 1, "the conversion was never interrupted"
    open_database(data_dir).dispose()
    _assert_all_encrypted_and_readable(data_dir, planted)


def _kind(data_dir: Path, path: Path) -> str:
    if datadir.attachments_dir(data_dir) in path.parents:
        return filecrypt.ATTACHMENT
    return filecrypt.SLIP
