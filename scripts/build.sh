#!/usr/bin/env bash
# Release build of Bina: the server binary and the size-optimised, precompressed wasm site.
# A build whose inputs did not change since the last one is a no-op: the fingerprint of every
# file that goes into the server or the site is kept beside the site, and compared first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh "${1:-build}"
# wasm-opt comes from npm's binaryen (Debian's is too old for what Rust emits).
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# What the server binary and the site are built from (tests and benchmarks are not), and this
# script, whose build command is an input too.
inputs=(Cargo.toml Cargo.lock .cargo app frontend server/Cargo.toml server/src migrations style public
        scripts/versions.env scripts/build.sh)
fingerprint=$(find "${inputs[@]}" -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
stamp=target/site/.inputs
if [ -x target/release/bina ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
  echo "==> server and site are up to date (no input changed since the last build)"
  exit 0
fi

# A fresh site folder: the content-hashed files of earlier builds would otherwise pile up
# beside the current ones.
rm -rf target/site
# Pages render on the server; the wasm holds only the islands (see ARCHITECTURE.md).
cargo leptos build --release --precompress
# Written last: a build that failed or was stopped leaves no stamp, so the next one runs.
echo "$fingerprint" > "$stamp"
