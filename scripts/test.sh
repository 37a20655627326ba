#!/usr/bin/env bash
# Runs every check Parallax has, in order, and exits non-zero if any failed:
#   setup (installs missing tools), cargo fmt --check, clippy (native and wasm32),
#   cargo test, the release build into dist/ (served under /parallax/ in the tests),
#   a gzipped size report (test-output/sizes.txt), and the browser tests.
# Works from any directory; idempotent; the second run reuses every cache.
# Logs and screenshots go to test-output/ (gitignored).

set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
OUT="$ROOT/test-output"
mkdir -p "$OUT"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

STEPS=()       # "name status seconds"
FAILED_STEPS=0
TESTS_PASSED=0
TESTS_FAILED=0

now() { date +%s; }

# step NAME CMD...: runs CMD, records ok/FAILED and the time it took.
step() {
  local name="$1"
  shift
  local t0 rc
  t0=$(now)
  echo
  echo "==> [$name] $*"
  "$@"
  rc=$?
  local dt=$(($(now) - t0))
  if ((rc == 0)); then
    STEPS+=("$name ok ${dt}s")
    echo "<== [$name] ok (${dt}s)"
  else
    STEPS+=("$name FAILED ${dt}s")
    FAILED_STEPS=$((FAILED_STEPS + 1))
    echo "<== [$name] FAILED with exit code $rc (${dt}s)"
  fi
  return $rc
}

skip() {
  STEPS+=("$1 SKIPPED")
  FAILED_STEPS=$((FAILED_STEPS + 1))
  echo
  echo "==> [$1] SKIPPED: $2"
}

setup() {
  bash "$ROOT/scripts/setup.sh" || return $?
  # The PATH setup.sh sets up: binaryen's wasm-opt and ~/.cargo/bin first.
  export PATH="$ROOT/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
}

cargo_tests() {
  cargo test --workspace --no-fail-fast 2>&1 | tee "$OUT/cargo-test.log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(sed -n 's/^test result: .* \([0-9][0-9]*\) passed; \([0-9][0-9]*\) failed.*/\1/p' "$OUT/cargo-test.log" | awk '{s+=$1} END {print s+0}')
  f=$(sed -n 's/^test result: .* \([0-9][0-9]*\) passed; \([0-9][0-9]*\) failed.*/\2/p' "$OUT/cargo-test.log" | awk '{s+=$1} END {print s+0}')
  TESTS_PASSED=$((TESTS_PASSED + p))
  TESTS_FAILED=$((TESTS_FAILED + f))
  return "$rc"
}

release_build() {
  # The browser tests check the app on the tests' own seed articles, whatever corpus/ holds (a
  # fork publishes its own articles there); the Pages build bundles corpus/.
  PARALLAX_CORPUS=tests/seeds trunk build --release --public-url /parallax/ 2>&1 | tee "$OUT/trunk-build.log"
  local rc=${PIPESTATUS[0]}
  ((rc == 0)) || return "$rc"
  # The post_build hook must have bundled the corpus next to the wasm.
  if [[ ! -s dist/corpus.bin ]]; then
    echo "dist/corpus.bin is missing: the Trunk post_build hook did not run" >&2
    return 1
  fi
}

size_report() {
  # First load: what the page fetches before it can show the landing page. The workers
  # (compare_worker*, ingest_worker*) and the other pages' wasm modules (split_*, chunk_*;
  # src/lazy_pages.rs) are fetched later, so they are listed apart.
  local f raw gz total_raw=0 total_gz=0 report="" later=""
  for f in dist/*.wasm dist/*.js dist/*.css dist/corpus.bin; do
    [[ -f "$f" ]] || continue
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    case "$f" in
      dist/compare_worker*|dist/ingest_worker*|dist/split_*|dist/chunk_*)
        later+=$(printf '%-48s %10d %10d' "${f#dist/}" "$raw" "$gz")$'\n'
        continue
        ;;
    esac
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    report+=$(printf '%-48s %10d %10d' "${f#dist/}" "$raw" "$gz")$'\n'
  done
  if [[ -z "$report" ]]; then
    echo "no .wasm/.js/.css/corpus.bin in dist/" >&2
    return 1
  fi
  {
    echo "Parallax release build (trunk build --release), sizes in bytes"
    printf '%-48s %10s %10s\n' file raw gzip-9
    printf '%s' "$report"
    printf '%-48s %10d %10d\n' "first load (wasm+js+css+corpus.bin)" "$total_raw" "$total_gz"
    echo "loaded later (the workers; the other pages' modules when opened or prefetched):"
    printf '%s' "$later"
  } | tee "$OUT/sizes.txt"
}

browser_tests() {
  node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$OUT/browser-tests.tap" \
    tests/browser/*.test.mjs
  local rc=$?
  local p f
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$OUT/browser-tests.tap" | tail -1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$OUT/browser-tests.tap" | tail -1)
  TESTS_PASSED=$((TESTS_PASSED + ${p:-0}))
  TESTS_FAILED=$((TESTS_FAILED + ${f:-0}))
  echo "browser tests: ${p:-0} passed, ${f:-0} failed; screenshots in test-output/screenshots/"
  return "$rc"
}

T0=$(now)
if step setup setup; then
  step fmt cargo fmt --all --check -- --color=never
  step clippy-native cargo clippy --workspace --all-targets -- -D warnings
  step clippy-wasm cargo clippy -p parallax-app -p parallax-worker --target wasm32-unknown-unknown -- -D warnings
  step cargo-test cargo_tests
  if step release-build release_build; then
    step sizes size_report
    rm -rf "$OUT/screenshots"
    step browser-tests browser_tests
  else
    skip sizes "the release build failed"
    skip browser-tests "the release build failed"
  fi
else
  echo "setup failed; nothing else can run" >&2
fi

echo
echo "steps (total $(($(now) - T0))s):"
for s in "${STEPS[@]}"; do echo "  $s"; done
if ((FAILED_STEPS > 0)); then
  echo "test.sh: FAILED ($FAILED_STEPS step(s) failed or skipped)"
else
  echo "test.sh: all steps passed"
fi
# The plain closing line: tests counted by cargo test and node --test, plus failed steps.
echo "summary: ${TESTS_PASSED} passed, $((TESTS_FAILED + FAILED_STEPS)) failed"
((FAILED_STEPS == 0))
