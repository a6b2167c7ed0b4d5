#!/usr/bin/env bash
# Set up, then run the whole test suite: lint, types, unit, GUI (offscreen), end-to-end
# (Xvfb), the packaged app's smoke test, and the Windows app built and tested under Wine.
# CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
echo "== ruff"; .venv/bin/ruff check src tests benchmarks scripts packaging
echo "== mypy"; .venv/bin/mypy
echo "== import contract"; PYTHONPATH=src .venv/bin/lint-imports
echo "== package"; packaging/build.sh
echo "== Windows package (under Wine)"; packaging/windows/build.sh
# the end-to-end tests start the app cold: its bytecode compiled once here, not against
# their deadlines
.venv/bin/python -m compileall -q src >/dev/null
echo "== pytest"; .venv/bin/pytest "$@"
