"""The data folder's privacy rules, including the Windows path run through a stand-in."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.exc import IntegrityError

from app.protect import hygiene
from db.models import Applicant
from tests.conftest import INTAKE


def test_a_new_folder_on_windows_gets_a_user_only_acl(tmp_path, monkeypatch):
    monkeypatch.setenv("USERNAME", "canbo1")
    calls: list[list[str]] = []
    target = tmp_path / "MotCuaDesk"
    hygiene.private_dir(target, platform="win32", run=calls.append)
    assert calls == [
        [
            "icacls",
            str(target),
            "/inheritance:r",
            "/grant:r",
            "canbo1:(OI)(CI)F",
            "/grant:r",
            "SYSTEM:(OI)(CI)F",
        ]
    ]
    hygiene.private_dir(target, platform="win32", run=calls.append)
    assert len(calls) == 1  # an existing folder keeps the ACL it has


def test_shred_overwrites_before_removing(tmp_path):
    path = tmp_path / "t.tmp"
    path.write_bytes(b"001085012345 Nguyen Van Duc")
    hygiene.shred(path)
    assert not path.exists()


def test_a_database_error_never_carries_a_citizens_data(db):
    with pytest.raises(IntegrityError) as err, db.write() as session:
        for _ in range(2):
            session.add(
                Applicant(
                    uuid="same-uuid",
                    kind="person",
                    id_number=INTAKE["applicant"]["id_number"],
                    full_name=INTAKE["applicant"]["full_name"],
                )
            )
            session.flush()
    text = str(err.value)
    assert INTAKE["applicant"]["id_number"] not in text
    assert INTAKE["applicant"]["full_name"] not in text


def test_a_working_folder_is_shredded_not_just_removed(tmp_path):
    from app.protect import hygiene

    outside = tmp_path / "second-name"
    with hygiene.shredded_tempdir("motcua-ocr-", tmp_path / "data" / "tmp") as work:
        assert work.parent == tmp_path / "data" / "tmp"
        page = work / "in.pdf"
        page.write_bytes(b"%PDF-1.4 " + "Nguyễn Văn Đức 001085012345".encode() * 100)
        # A second name for the same blocks shows what is left on disk afterwards.
        os.link(page, outside)
    assert not work.exists()
    left = outside.read_bytes()
    assert len(left) > 1000 and b"%PDF" not in left and b"001085012345" not in left


def test_stale_working_folders_are_shredded_at_open(tmp_path):
    from app.protect import hygiene

    tmp = tmp_path / "tmp"
    old, fresh = tmp / "motcua-ocr-old", tmp / "motcua-ocr-new"
    for folder in (old, fresh):
        folder.mkdir(parents=True)
        (folder / "in.pdf").write_bytes(b"%PDF-1.4 clear")
    os.utime(old, (0, 0))
    assert hygiene.shred_stale(tmp) == 1
    assert not old.exists() and (fresh / "in.pdf").exists()
