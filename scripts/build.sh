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
fingerprint=$(find "${inputs[@]}" -path '*/node_modules' -prune -o -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
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
# The SCORM 1.2 runtime and Bina's player script, content-hashed like the wasm (so cached for
# a year) and precompressed; the server reads their names from scorm-assets.txt.
scorm_assets() {
  local pkg=target/site/pkg list=target/site/pkg/scorm-assets.txt
  : > "$list"
  local key source
  for pair in "runtime:frontend/node_modules/scorm-again/dist/scorm12.min.js" \
              "player:frontend/scorm/player.js"; do
    key=${pair%%:*}; source=${pair#*:}
    local base hash name
    base=$([ "$key" = runtime ] && echo scorm-again || echo scorm-player)
    hash=$(sha256sum "$source" | cut -c1-16)
    name="$base.$hash.js"
    cp "$source" "$pkg/$name"
    gzip -9 -k -f "$pkg/$name"
    echo "$key=$name" >> "$list"
  done
}
scorm_assets
# Written last: a build that failed or was stopped leaves no stamp, so the next one runs.
echo "$fingerprint" > "$stamp"
