"""Schemathesis hooks for the fuzz run (loaded through SCHEMATHESIS_HOOKS).

An upload chunk is raw bytes (``application/offset+octet-stream``), a media
type Schemathesis does not generate by itself.
"""

from __future__ import annotations

import schemathesis
from hypothesis import strategies as st

schemathesis.openapi.media_type(
    "application/offset+octet-stream", st.binary(min_size=0, max_size=4096)
)
