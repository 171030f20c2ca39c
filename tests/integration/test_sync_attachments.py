"""Scanned pages travel with their dossiers: every file once, whole, resumable."""

from __future__ import annotations

import copy
import hashlib
import random
from datetime import datetime

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from app.capture.attachments import attach_component
from app.capture.pages import page_from_image
from app.capture.store import AttachmentStore
from app.dossiers import intake as intake_uc
from app.sync import credentials, upload
from app.sync.push import push_all
from app.sync.round import run_round
from app.sync.transport import SyncError, Transport
from db.models import Attachment, UploadState
from server.models import Blob, ManifestItem
from server.models import Dossier as ServerDossier
from tests.integration.netproxy import FaultProxy

NOW = datetime(2026, 2, 13, 9, 30)


def _page(seed: int, size=(500, 700), noise: int = 0):
    rng = random.Random(seed)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for line in range(12):
        draw.text((30, 30 + 40 * line), f"Ho so {seed} dong {line} " * 2, fill="black")
    if noise:
        pixels = image.load()
        for _ in range(noise):
            pixels[rng.randrange(size[0]), rng.randrange(size[1])] = (
                rng.randrange(256),
                rng.randrange(256),
                rng.randrange(256),
            )
    return page_from_image(image, source="file", label=f"trang-{seed}.png", dpi=200)


def test_200_offline_dossiers_with_attachments_arrive_whole(
    server, db, data_dir, clerk, intake, enrolled
):
    _, sdb, _ = server
    codes = []
    for i in range(200):
        code = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code
        attach_component(db, clerk, code, 1, [_page(i)], source="file", now=NOW, workers=1)
        codes.append(code)
    with db.read() as session:
        local = dict(session.execute(select(Attachment.sha256, Attachment.size)).all())
    assert len(local) == 200

    report = run_round(db, data_dir)
    assert report.ok, report.errors
    assert report.pending == 0 and report.uploaded_bytes == sum(local.values())
    with sdb.read() as session:
        dossiers = session.scalars(select(ServerDossier).where(ServerDossier.code.in_(codes)))
        dossiers = list(dossiers)
        assert len(dossiers) == 200
        assert all(d.attachments_complete for d in dossiers)
        held = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(list(local)))))
        manifest = session.scalar(
            select(func.count(ManifestItem.id)).where(ManifestItem.sha256.in_(list(local)))
        )
    assert held == set(local) and manifest == 200
    # What the server stored hashes to the names it carries.
    cred = credentials.load(data_dir)
    transport = Transport(cred.server_url, cred.station_token)
    try:
        for sha in list(local)[:20]:
            body = transport.raw("GET", f"/api/v1/attachments/{sha}").content
            assert hashlib.sha256(body).hexdigest() == sha
    finally:
        transport.close()
    again = run_round(db, data_dir)
    assert again.ok and again.uploaded_bytes == 0


def test_interrupted_upload_resumes_and_resends_at_most_one_chunk(
    server, db, data_dir, clerk, intake, enrolled, monkeypatch
):
    proc, sdb, _ = server
    monkeypatch.setattr(upload, "CHUNK", 64 * 1024)
    monkeypatch.setattr(upload, "SAVE_EVERY", 1)
    code = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code
    # Noisy pixels do not compress: a file of several chunks.
    result = attach_component(
        db,
        clerk,
        code,
        1,
        [_page(7, (1600, 2200), noise=400_000)],
        source="file",
        now=NOW,
        workers=1,
    )
    assert result.size > 6 * upload.CHUNK

    proxy = FaultProxy(proc.port)
    cred = credentials.load(data_dir)
    credentials.save(data_dir, credentials.Credential(**{**cred.__dict__, "server_url": proxy.url}))
    sent_before_cut = []

    def cut_after_three(n: int) -> None:
        sent_before_cut.append(n)
        if len(sent_before_cut) == 3:
            proxy.down()

    transport = Transport(proxy.url, cred.station_token)
    try:
        push_all(db, transport)  # the dossier and its manifest reach the server first
        with pytest.raises(SyncError):
            upload.upload_all(
                db, transport, AttachmentStore.for_data_dir(data_dir), progress=cut_after_three
            )
    finally:
        transport.close()
    with db.read() as session:
        state = session.get(UploadState, result.sha256)
        assert state.upload_url and state.uploaded_at is None
    proxy.up()
    resent = []
    transport = Transport(proxy.url, cred.station_token)
    try:
        upload.upload_all(
            db, transport, AttachmentStore.for_data_dir(data_dir), progress=resent.append
        )
    finally:
        transport.close()
        proxy.down()
    total = sum(sent_before_cut) + sum(resent)
    assert total - result.size <= upload.CHUNK, "re-sent at most one chunk"
    with sdb.read() as session:
        assert session.get(Blob, result.sha256) is not None
    credentials.save(data_dir, cred)


def test_small_files_take_one_request_each_and_chunks_grow_on_a_fast_link(
    server, db, data_dir, clerk, intake, enrolled, monkeypatch
):
    monkeypatch.setattr(upload, "CHUNK", 64 * 1024)
    sizes = {}
    for i in range(3):
        code = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code
        small = attach_component(db, clerk, code, 1, [_page(i)], source="file", now=NOW, workers=1)
        sizes[small.sha256] = small.size
    code = intake_uc.receive(db, clerk, copy.deepcopy(intake), now=NOW).code
    big = attach_component(
        db, clerk, code, 1, [_page(9, (1600, 2200), noise=400_000)], source="file", now=NOW
    )
    assert all(size <= upload.CHUNK for size in sizes.values())
    assert big.size > 8 * upload.CHUNK
    calls: list[tuple[str, int]] = []
    real = Transport.raw

    def counted(self, method, url, **kwargs):
        calls.append((method, len(kwargs.get("data") or b"")))
        return real(self, method, url, **kwargs)

    monkeypatch.setattr(Transport, "raw", counted)
    report = run_round(db, data_dir)
    assert report.ok, report.errors
    assert report.uploaded_bytes == sum(sizes.values()) + big.size
    creates = [n for method, n in calls if method == "POST"]
    patches = [n for method, n in calls if method == "PATCH"]
    # Every file starts with its first bytes in the creation; the small ones end there.
    assert sorted(creates) == sorted([*sizes.values(), upload.CHUNK])
    assert sum(patches) == big.size - upload.CHUNK
    # Loopback answers fast: each chunk doubles the next, so far fewer than size / CHUNK.
    assert patches[:2] == [2 * upload.CHUNK, 4 * upload.CHUNK]
    assert len(patches) < big.size // upload.CHUNK // 2
    with db.read() as session:
        states = session.scalars(select(UploadState)).all()
    assert {s.sha256 for s in states} == {*sizes, big.sha256}
    assert all(s.uploaded_at and s.offset == s.size and not s.upload_url for s in states)
