#!/usr/bin/env bash
# Builds the app (release) with the bundled corpus and serves it on localhost.
#   bash scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh  # another port; extra arguments go to `trunk serve`
#   PARALLAX_CORPUS=~/articles bash scripts/serve.sh   # another folder of articles than corpus/
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
source "$ROOT/scripts/setup.sh" # installs what is missing, puts wasm-opt and trunk on PATH
cd "$ROOT"
PORT="${PORT:-8080}"
echo
echo "Parallax: building, then serving at  http://127.0.0.1:${PORT}/  (Ctrl-C to stop)"
echo "The corpus is bundled from ${PARALLAX_CORPUS:-corpus/} at every build; edits to src/, style/ or index.html rebuild."
echo
# Its own dist dir (under the gitignored target/), so scripts/test.sh, which builds dist/ for the
# /parallax/ sub-path, can run meanwhile without replacing the files this server serves.
exec trunk serve --release --dist target/serve-dist --address 127.0.0.1 --port "$PORT" "$@"
