#!/usr/bin/env bash
# Creates (or reuses) the Python virtual environment with OpenSanctions' followthemoney library, which the
# export test uses to validate our FtM output. Idempotent: does nothing when the pinned version is installed.
# Location: $FTM_VENV, default .data/ftm-venv (git-ignored). Needs python3 (>= 3.10) with the venv module.
set -euo pipefail
cd "$(dirname "$0")/.."
FTM_VERSION="4.11.2"
VENV="${FTM_VENV:-.data/ftm-venv}"
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import followthemoney, sys; sys.exit(followthemoney.__version__ != '$FTM_VERSION')" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "followthemoney==$FTM_VERSION"
"$VENV/bin/python" -c "import followthemoney; print('followthemoney', followthemoney.__version__, 'in $VENV')"
