#!/usr/bin/env bash
# The source distribution passes its own tests: build it, unpack it, install it with its test
# extra into the current environment, and run its test suite from the unpacked folder (nothing of
# the checkout is used but the built archive). Usage: bash scripts/check_sdist.sh [PYTEST ARGS]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python -m pip install -q build
python -m build --sdist -o "$WORK" . >/dev/null
tar xzf "$WORK"/jcreport-*.tar.gz -C "$WORK"
SRC="$(echo "$WORK"/jcreport-*/)"
python -m pip install -q --force-reinstall --no-deps "$SRC"   # this jcreport, whatever was installed before
python -m pip install -q "$SRC[test]"
python -c "import jcreport, sys; sys.exit(0 if jcreport.__file__.startswith(sys.prefix) else 'jcreport not from the sdist')"
cd "$SRC" && python -m pytest -q -p no:cacheprovider "$@"
