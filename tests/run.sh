#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs them all.
# Python packages go to .venv; the browser test uses Debian's chromium (installed when root).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji fonts-noto-cjk >/dev/null
  else
    echo "The browser test needs Debian's chromium: sudo apt-get install -y chromium" >&2
  fi
fi
exec .venv/bin/python -m pytest -q "$@"
