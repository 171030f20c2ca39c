"""Swapping the station's token when the server asks for it, during a sync round.

The server marks its answers with ``X-MotCua-Token-Rotate: 1`` once the
station's token is old; the round then asks for a new one and saves it before
anything else uses it. Should the answer be lost or the save fail, the old
token still works for the server's grace period and the next round tries again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.sync import credentials
from app.sync import protocol as p
from app.sync.credentials import Credential
from app.sync.transport import Transport


def rotate_token(data_dir: Path, cred: Credential, transport: Transport) -> Credential:
    """Get a new token from the server, save it, and use it on ``transport`` from now on."""
    answer = p.TokenRotation.model_validate(transport.call("POST", "/station/token"))
    new = replace(cred, station_token=answer.station_token)
    credentials.save(data_dir, new)
    transport.use_token(answer.station_token)
    return new
