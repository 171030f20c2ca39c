"""Packing a frozen bundle folder into the update payload (``build.sh update``).

    python3 -m app.update.pack dist/motcua-desk --version 0.2.0 --out dist

The archive holds the bundle under one top folder, ``motcua-desk/``, with
``version.txt`` beside the executable; ``publish add`` then signs it.
"""

from __future__ import annotations

import argparse
import tarfile
from pathlib import Path

from app.update.layout import VERSION_FILE, platform_tag
from app.update.publish import bundle_name

TOP = "motcua-desk"


def pack(bundle: Path, version: str, out_dir: Path, platform: str | None = None) -> Path:
    (bundle / VERSION_FILE).write_text(version + "\n", encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / bundle_name(version, platform or platform_tag())
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=TOP)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--platform")
    args = parser.parse_args()
    print(pack(args.bundle, args.version, args.out, args.platform))


if __name__ == "__main__":
    main()
