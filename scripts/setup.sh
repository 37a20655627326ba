#!/usr/bin/env bash
# Installs what Parallax needs to build, serve and test, and skips what is there.
# Idempotent, non-interactive, works from any directory. Prints one line per tool.
#
#   bash scripts/setup.sh          # install / check everything
#   source scripts/setup.sh        # the same, and keep the PATH it sets up
#
# Tools: the wasm32 target (+ rustfmt, clippy), trunk 0.21.14, wasm-bindgen-cli at the
# version Cargo.lock pins, wasm-split-cli 0.2.4, the npm packages in tests/browser (playwright-core, axe-core,
# binaryen whose wasm-opt Trunk uses), Debian's chromium + chromium-driver.

_parallax_setup() {
  set -euo pipefail
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$root"

  local trunk_version="0.21.14"
  local npm_dir="$root/tests/browser"

  # Tools come first from the project's node_modules (wasm-opt) and ~/.cargo/bin.
  export PATH="$npm_dir/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

  say() { printf 'setup: %-18s %s\n' "$1" "$2"; }

  # --- Rust toolchain pieces -------------------------------------------------------
  if ! command -v cargo >/dev/null 2>&1; then
    say cargo "MISSING: install Rust with rustup first" >&2
    return 1
  fi
  if command -v rustup >/dev/null 2>&1; then
    local installed_targets installed_components missing_components=()
    installed_targets="$(rustup target list --installed)"
    if grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
      say wasm32-target "present"
    else
      rustup target add wasm32-unknown-unknown
      say wasm32-target "installed"
    fi
    installed_components="$(rustup component list --installed)"
    grep -q '^rustfmt' <<<"$installed_components" || missing_components+=(rustfmt)
    grep -q '^clippy' <<<"$installed_components" || missing_components+=(clippy)
    if ((${#missing_components[@]})); then
      rustup component add "${missing_components[@]}"
      say rustfmt+clippy "installed ${missing_components[*]}"
    else
      say rustfmt+clippy "present"
    fi
  else
    say wasm32-target "no rustup; assuming the target is installed"
  fi

  # --- trunk ----------------------------------------------------------------------
  local have
  have="$(trunk --version 2>/dev/null || true)"
  if [[ "$have" == "trunk $trunk_version" ]]; then
    say trunk "$trunk_version present"
  else
    say trunk "installing $trunk_version (found: ${have:-none}); this compiles for ~10 minutes"
    cargo install trunk --version "$trunk_version" --locked --force
    say trunk "$trunk_version installed"
  fi

  # --- wasm-bindgen-cli, exactly the version Cargo.lock pins ----------------------------
  local wb_version
  wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
  if [[ -z "$wb_version" ]]; then
    say wasm-bindgen "cannot read the wasm-bindgen version from Cargo.lock" >&2
    return 1
  fi
  have="$(wasm-bindgen --version 2>/dev/null || true)"
  if [[ "$have" == "wasm-bindgen $wb_version" ]]; then
    say wasm-bindgen-cli "$wb_version present"
  else
    say wasm-bindgen-cli "installing $wb_version (found: ${have:-none})"
    # Not --locked: the CLI's own lockfile does not build with current toolchains.
    cargo install wasm-bindgen-cli --version "$wb_version" --force
    say wasm-bindgen-cli "$wb_version installed"
  fi

  # --- wasm-split-cli: cuts the app's wasm into page modules (scripts/split-wasm.mjs) -----
  # From crates.io's wasm_split_cli_support (the splitter cargo-leptos uses), at the version
  # that reads the split points of the wasm_split_helpers 0.2 that Leptos links in.
  local split_version="0.2.4"
  # The binary has no --version flag: cargo's list of installed packages says which it is.
  have="$(cargo install --list | sed -n 's/^wasm_split_cli_support v\(.*\):$/\1/p')"
  if [[ "$have" == "$split_version" ]] && command -v wasm-split-cli >/dev/null 2>&1; then
    say wasm-split-cli "$split_version present"
  else
    say wasm-split-cli "installing $split_version (found: ${have:-none})"
    cargo install wasm_split_cli_support --version "$split_version" --features build-binary --locked --force
    say wasm-split-cli "$split_version installed"
  fi

  # --- node, npm packages (playwright-core, axe-core, binaryen's wasm-opt) --------------
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say node "missing: installing Debian's nodejs + npm"
    apt-get update -qq
    apt-get install -y -qq nodejs npm
  fi
  local lock_sum stamp="$npm_dir/node_modules/.parallax-lock.sha256"
  lock_sum="$(sha256sum "$npm_dir/package-lock.json" "$npm_dir/package.json" | sha256sum | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" && -x "$npm_dir/node_modules/.bin/wasm-opt" ]]; then
    say npm-packages "up to date (node $(node --version))"
  else
    say npm-packages "running npm ci in tests/browser"
    (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sum" >"$stamp"
    say npm-packages "installed"
  fi
  say wasm-opt "$(wasm-opt --version) at $(command -v wasm-opt)"

  # --- Chromium for the browser tests --------------------------------------------------
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    say chromium "present"
  else
    say chromium "installing Debian's chromium + chromium-driver"
    local sudo=""
    [[ "$(id -u)" != 0 ]] && sudo="sudo -n"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
    say chromium "installed"
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  _parallax_setup "$@"
else
  # Sourced: run in a subshell so that `set -euo pipefail` and the `cd` stay there (a failing
  # step must not close the caller's interactive shell), then keep only the PATH it sets up.
  (_parallax_setup "$@")
  _parallax_setup_rc=$?
  export PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  return "$_parallax_setup_rc"
fi
