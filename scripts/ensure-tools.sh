#!/usr/bin/env bash
# Installs, idempotently, every tool Bina's build and tests need.
# Only crates.io, npm and Debian's packages are used: nothing is downloaded from elsewhere.
#   scripts/ensure-tools.sh build   # Rust toolchain parts, cargo-leptos, wasm-bindgen, wasm-opt
#   scripts/ensure-tools.sh test    # the above plus Chromium and Playwright
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.env

want=${1:-build}
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes on 2 cores, once per machine)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

need_apt=()
if [ "$want" = test ] && [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing from Debian: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}"
fi

# The SCORM 1.2 runtime (npm scorm-again) that the site serves lives in frontend/node_modules.
if [ ! -f frontend/node_modules/scorm-again/package.json ] || [ frontend/package-lock.json -nt frontend/node_modules/.stamp ]; then
  log "installing npm packages of frontend/ (scorm-again)"
  (cd frontend && npm ci --no-audit --no-fund && touch node_modules/.stamp)
fi

# wasm-opt (npm binaryen) and Playwright live in end2end/node_modules.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.stamp ]; then
  log "installing npm packages of end2end/ (binaryen, Playwright)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund && touch node_modules/.stamp)
fi
