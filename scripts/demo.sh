#!/usr/bin/env bash
# Quick start: set up, then open Facilitator on a fresh copy of the demo event.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/facilitator --demo "$@"
