#!/usr/bin/env bash
# Builds Bina, prepares a SQLite database with the demo data of Kota Palu (once), and serves
# it on http://127.0.0.1:3000 (BINA_ADDR changes that).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export DATABASE_URL="${DATABASE_URL:-sqlite://data/bina.db}"
target/release/bina migrate
target/release/bina seed --demo
exec target/release/bina serve
