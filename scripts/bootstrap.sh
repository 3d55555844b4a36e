#!/usr/bin/env bash
# Sets up everything the site and the tests need, on a fresh machine or an old one:
# Debian's chromium (when missing and running as root), a virtualenv with the pinned
# Python tools, and the pinned npm packages. Each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser="${NEED_BROWSER:-1}"
if [ "$need_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing Debian chromium" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "bootstrap: chromium is missing; install it with: sudo apt-get install chromium" >&2
  fi
fi

stamp=.venv/.stamp-$(cat requirements-dev.txt pyproject.toml | sha256sum | cut -c1-16)
if [ ! -e "$stamp" ]; then
  echo "bootstrap: creating .venv and installing Python tools" >&2
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps -e .
  rm -f .venv/.stamp-*
  touch "$stamp"
fi

# The engine's catalogues: .po in the repository, .mo built here (cheap, so every run).
.venv/bin/python -m sitebuild.catalogues compile >/dev/null

npm_stamp=node_modules/.stamp-$(sha256sum package-lock.json | cut -c1-16)
if [ ! -e "$npm_stamp" ]; then
  echo "bootstrap: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
  touch "$npm_stamp"
fi
