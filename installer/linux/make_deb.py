"""Assemble the Debian package from the frozen bundle (run by installer/build.sh deb).

    python3 installer/linux/make_deb.py --bundle dist/motcua-desk --version 0.1.0 \
        --icons installer/build --out dist

Layout: the bundle in /opt/motcua-desk, /usr/bin/motcua-desk pointing at it,
a desktop entry, icons and the man page. Nothing is ever written in a user's
data folder, so removing (or purging) the package leaves every station's data.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICON_SIZES = (16, 32, 48, 64, 128, 256)

# What the bundled Qt needs from the system and does not carry itself. PySide6
# 6.10 and later wheels need glibc 2.34 (Debian 12, Ubuntu 22.04 or newer).
DEPENDS = [
    "libc6 (>= 2.34)",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libdbus-1-3",
]
RECOMMENDS = ["cups-client", "sane-utils", "tesseract-ocr-vie", "fonts-dejavu-core"]


def deb_arch() -> str:
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def control(version: str, installed_kib: int) -> str:
    return (
        "Package: motcua-desk\n"
        f"Version: {version}\n"
        f"Architecture: {deb_arch()}\n"
        "Maintainer: MotCua Desk <motcua-desk@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: counter software for one-stop-shop offices (Bo phan Mot cua)\n"
        " MotCua Desk receives dossiers at the counter, prints receipts with the\n"
        " appointment date, looks dossiers up, returns results and digitizes\n"
        " paper components; it works offline and syncs with a central server.\n"
        " .\n"
        " Each user's data stays in ~/.local/share/MotCuaDesk and is never\n"
        " removed with the package.\n"
    )


def stage(root: Path, bundle: Path, icons: Path, version: str) -> None:
    opt = root / "opt" / "motcua-desk"
    opt.parent.mkdir(parents=True)
    shutil.copytree(bundle, opt, symlinks=True)
    (opt / "version.txt").write_text(version + "\n")
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / "motcua-desk").symlink_to("/opt/motcua-desk/motcua-desk")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(HERE / "motcua-desk.desktop", apps / "motcua-desk.desktop")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy(icons / f"motcua-desk-{size}.png", target / "motcua-desk.png")
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(HERE.parent / "assets" / "motcua-desk.svg", scalable / "motcua-desk.svg")
    man = root / "usr" / "share" / "man" / "man1"
    man.mkdir(parents=True)
    with gzip.GzipFile(man / "motcua-desk.1.gz", "wb", mtime=0) as out:
        out.write((HERE / "motcua-desk.1").read_bytes())
    doc = root / "usr" / "share" / "doc" / "motcua-desk"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "MotCua Desk is released under the MIT licence.\n"
        "The bundle carries Qt (LGPLv3) through PySide6, Liberation fonts (OFL)\n"
        "and other libraries under their own licences.\n"
    )
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def installed_size_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def build(bundle: Path, icons: Path, version: str, out: Path, compression: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"motcua-desk_{version}_{deb_arch()}.deb"
    with tempfile.TemporaryDirectory(prefix="motcua-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(root, bundle, icons, version)
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(version, installed_size_kib(root)))
        subprocess.run(
            [
                "dpkg-deb",
                "--root-owner-group",
                f"-Z{compression}",
                "--build",
                str(root),
                str(target),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--icons", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", type=Path, required=True)
    # zstd: 200 MB in 15 s; xz: 150 MB in 4.5 CPU-minutes. dpkg in
    # Debian 12 and Ubuntu 22.04 reads both.
    parser.add_argument(
        "--compression",
        default=os.environ.get("MOTCUA_DEB_COMPRESSION", "zstd"),
        choices=["xz", "zstd", "gzip"],
    )
    args = parser.parse_args()
    print(build(args.bundle, args.icons, args.version, args.out, args.compression))


if __name__ == "__main__":
    main()
