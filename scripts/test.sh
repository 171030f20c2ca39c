#!/usr/bin/env bash
# Installs what the test suite needs (Debian tools, PostgreSQL, Python packages) and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg -s "$pkg" >/dev/null 2>&1 || packages+=("$pkg")
done < .ci/debian-packages
command -v pg_ctlcluster >/dev/null 2>&1 || packages+=(postgresql)
if ((${#packages[@]})); then
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}"
fi

# The PostgreSQL tests need a server on 127.0.0.1:5432; start the cluster if it is down.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi

python3 -m pip install -q -e ".[dev]"

# Style and the layer rule first: a violation fails the run before any test.
echo "== ruff check, ruff format --check, lint-imports"
python3 -m ruff check .
python3 -m ruff format --check .
lint-imports --no-cache

exec python3 -m pytest "$@"
