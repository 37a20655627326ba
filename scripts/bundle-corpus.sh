#!/bin/sh
# The Trunk post_build hook (Trunk.toml): bundles the site's articles next to the wasm.
#   PARALLAX_CORPUS  the folder of articles (default: corpus/, the site's own articles)
#   PARALLAX_SHARDS  1: write the sharded layout (corpus.bin is then its manifest, with index/
#                    and docs/ beside it; the app fetches the pieces a view needs). For large
#                    corpora: the first result no longer waits for the whole corpus. Without it,
#                    one corpus.bin, which is fastest for a small corpus (one request).
# Example: PARALLAX_CORPUS=~/articles PARALLAX_SHARDS=1 trunk build --release
set -eu
out="${TRUNK_STAGING_DIR:?run by trunk build}"
corpus="${PARALLAX_CORPUS:-corpus}"
if [ "${PARALLAX_SHARDS:-0}" = 1 ]; then
  exec cargo run --quiet --release -p parallax-cli -- bundle "$corpus" --shards "$out"
else
  exec cargo run --quiet --release -p parallax-cli -- bundle "$corpus" -o "$out/corpus.bin"
fi
