#!/usr/bin/env bash
# Builds MotCua Desk for installation.
#
#   bash installer/build.sh bundle    # dist/motcua-desk/ (PyInstaller, one folder)
#   bash installer/build.sh deb       # dist/motcua-desk_<version>_<arch>.deb (builds the bundle first)
#   bash installer/build.sh update    # dist/motcua-desk-<version>-<platform>.tar.gz, the update payload
#   bash installer/build.sh nsis      # dist/MotCuaDesk-<version>-setup.exe (needs a Windows bundle in dist/)
#
# Environment: MOTCUA_UPDATE_ROOT=FILE puts the update repository's root.json
# in the bundle (trusted first root for signed updates); MOTCUA_REUSE_BUNDLE=1
# makes `deb` reuse an existing dist/motcua-desk/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/installer/build
DIST=$ROOT/dist
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

say() { printf '== %s\n' "$*" >&2; }

build_bundle() {
    python3 -c 'import PyInstaller' 2>/dev/null || python3 -m pip install -q -e ".[build]"
    mkdir -p "$BUILD"
    say "translations"
    python3 scripts/build_translations.py >/dev/null
    say "icons"
    python3 installer/render_icons.py "$BUILD" >/dev/null
    rm -rf "$BUILD/update"
    if [[ -n "${MOTCUA_UPDATE_ROOT:-}" ]]; then
        mkdir -p "$BUILD/update"
        cp "$MOTCUA_UPDATE_ROOT" "$BUILD/update/root.json"
    fi
    say "PyInstaller (one folder)"
    local start=$SECONDS
    python3 -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$BUILD/work" installer/motcua-desk.spec
    # The version the updater compares against; beside the executable.
    echo "$VERSION" >"$DIST/motcua-desk/version.txt"
    say "bundle: $DIST/motcua-desk ($(du -sh "$DIST/motcua-desk" | cut -f1), $((SECONDS - start)) s)"
}

build_deb() {
    if [[ "${MOTCUA_REUSE_BUNDLE:-}" != 1 || ! -x "$DIST/motcua-desk/motcua-desk" ]]; then
        build_bundle
    fi
    python3 installer/render_icons.py "$BUILD" >/dev/null
    python3 installer/linux/make_deb.py --bundle "$DIST/motcua-desk" --version "$VERSION" \
        --icons "$BUILD" --out "$DIST"
}

build_update() {
    [[ -x "$DIST/motcua-desk/motcua-desk" || -f "$DIST/motcua-desk/motcua-desk.exe" ]] || build_bundle
    python3 -m app.update.pack "$DIST/motcua-desk" --version "$VERSION" --out "$DIST"
}

build_nsis() {
    command -v makensis >/dev/null || { echo "makensis not found (Debian package nsis)" >&2; exit 1; }
    python3 installer/render_icons.py "$BUILD" >/dev/null
    local bundle=${MOTCUA_WINDOWS_BUNDLE:-$DIST/motcua-desk}
    makensis -V2 -DVERSION="$VERSION" -DBUNDLE="$bundle" -DICON="$BUILD/motcua-desk.ico" \
        -DOUTFILE="$DIST/MotCuaDesk-$VERSION-setup.exe" installer/windows/motcua-desk.nsi
}

case "${1:-}" in
bundle) build_bundle ;;
deb) build_deb ;;
update) build_update ;;
nsis) build_nsis ;;
*)
    echo "usage: bash installer/build.sh bundle|deb|update|nsis" >&2
    exit 2
    ;;
esac
