#!/usr/bin/env bash
# Runs the fuzz targets in fuzz/ one after another (libFuzzer through cargo-fuzz, nightly),
# each for SECONDS seconds (default 60), niced, and prints the executions per target.
#
#   scripts/fuzz.sh                 # every target, 60 s each
#   SECONDS_PER_TARGET=600 scripts/fuzz.sh parse search   # chosen targets, 10 min each
#   FUZZ_BIN_DIR=/tmp/bins scripts/fuzz.sh   # run copies of built targets (no rebuild when
#                                            # the sources change during a long run)
#
# Seeds come from the real articles in tests/seeds/ (never modified: libFuzzer writes new inputs
# to fuzz/corpus/<target>/, the first corpus directory, and only reads the seeds). Crashes go to
# fuzz/artifacts/<target>/; the run goes on after one (-fork=1 -ignore_crashes=1), and the
# summary counts them. Logs: fuzz/logs/<target>.log.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECS=${SECONDS_PER_TARGET:-60}
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(parse entities compare search url_query bundle)
mkdir -p fuzz/logs fuzz/seeds

# Seeds that are not plain articles, derived from tests/seeds/ at run time.
seed_dir() {
  local t=$1 d="fuzz/seeds/$t"
  mkdir -p "$d"
  case $t in
    parse|entities) echo "tests/seeds" ;;
    compare)
      # Pairs of article openings (2 KB each) joined by 0xFF, the harness's separator.
      local i=0 a b
      for a in tests/seeds/*.txt; do for b in tests/seeds/*.txt; do
        [ "$a" = "$b" ] && continue
        { head -c 2000 "$a"; printf '\377'; head -c 2000 "$b"; } > "$d/pair$i"; i=$((i+1))
      done; done
      echo "$d" ;;
    search|url_query)
      local q i=0
      for q in 'un mission' '"the mission" -armenia' 'karabakh OR garabagh' 'refug*' \
               'outlet:trend after:2023-10 before:2024' 'author:"Ilham Karimli"' 'Nagorno-Karabakh' \
               'q=un+mission&outlet=Trend&mode=passages' 'q=refugees&sort=left&author=x'; do
        printf '%s' "$q" > "$d/q$i"; i=$((i+1))
      done
      echo "$d" ;;
    bundle)
      # Payloads (the bundle without its 21-byte header) of small bundles of real text.
      local tmp; tmp=$(mktemp -d)
      cargo run --quiet -p parallax-cli -- --help > /dev/null || return 1
      local f i=0
      for f in tests/seeds/*.txt; do
        mkdir -p "$tmp/$i"; head -c 1200 "$f" > "$tmp/$i/a.txt"
        cargo run --quiet -p parallax-cli -- bundle "$tmp/$i" -o "$tmp/$i.bin" 2>/dev/null &&
          tail -c +22 "$tmp/$i.bin" > "$d/payload$i"
        i=$((i+1))
      done
      rm -rf "$tmp"
      echo "$d" ;;
  esac
}

max_len() {
  case $1 in
    bundle) echo 16384 ;;
    compare) echo 8192 ;;
    search|url_query) echo 1024 ;;
    *) echo 8192 ;;
  esac
}

printf '%-10s %12s %8s\n' target executions crashes
for t in "${TARGETS[@]}"; do
  seeds=$(seed_dir "$t") || { echo "$t: no seeds"; continue; }
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/logs/$t.log"
  if [ -n "${FUZZ_BIN_DIR:-}" ]; then run=("$FUZZ_BIN_DIR/$t" "corpus/$t" "$ROOT/$seeds")
  else run=(cargo +nightly fuzz run -s none -a "$t" "corpus/$t" "$ROOT/$seeds" --); fi
  (cd fuzz && nice -n 19 "${run[@]}" \
      -max_total_time="$SECS" -max_len="$(max_len "$t")" -fork=1 -ignore_crashes=1 \
      -ignore_timeouts=1 -ignore_ooms=1 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="artifacts/$t/") > "$log" 2>&1
  execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  crashes=$(ls "fuzz/artifacts/$t" 2>/dev/null | grep -c '^crash-' || true)
  printf '%-10s %12s %8s\n' "$t" "${execs:-0}" "$crashes"
done
