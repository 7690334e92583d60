#!/usr/bin/env bash
# Release build of Bina: the server binary and the size-optimised, precompressed wasm site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh "${1:-build}"
# wasm-opt comes from npm's binaryen (Debian's is too old for what Rust emits).
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# A fresh site folder: --split writes hundreds of content-hashed chunks, and the chunks of
# earlier builds would otherwise pile up beside the current ones.
rm -rf target/site
# --split: each page (a lazy route) becomes its own wasm chunk, loaded when first shown.
cargo leptos build --release --precompress --split
