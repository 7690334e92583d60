#!/usr/bin/env bash
# Runs every test suite of Bina: unit, integration on SQLite and PostgreSQL, and end-to-end
# in headless Chromium (hydrated and without JavaScript). Exits non-zero if any fails.
#
# PostgreSQL: BINA_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432). If nothing
# answers there its suite is skipped with a notice, unless BINA_REQUIRE_POSTGRES=1.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

scripts/build.sh test

pg_url="${BINA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
pg_hostport="${pg_url##*@}"; pg_hostport="${pg_hostport%%/*}"
pg_host="${pg_hostport%%:*}"; pg_port="${pg_hostport##*:}"
if (exec 3<>"/dev/tcp/$pg_host/$pg_port") 2>/dev/null; then
  export BINA_TEST_POSTGRES_URL="$pg_url"
  pg_status="ran"
elif [ "${BINA_REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "PostgreSQL is required (BINA_REQUIRE_POSTGRES=1) but nothing answers at $pg_hostport." >&2
  exit 1
else
  unset BINA_TEST_POSTGRES_URL
  pg_status="SKIPPED: nothing answers at $pg_hostport"
fi

echo "==> unit and integration tests (SQLite; PostgreSQL: $pg_status)"
# --release shares the build with the server binary built above.
cargo test --release -p bina-app -p bina-server

echo "==> end-to-end tests in headless Chromium"
# One server per Playwright project (JavaScript on, JavaScript off), each on its own copy of
# the demo data, so that the flows which change the data run in both.
e2e_dir="target/e2e"
rm -rf "$e2e_dir" && mkdir -p "$e2e_dir"
export BINA_LOG=warn
server_pids=()
trap 'kill "${server_pids[@]}" 2>/dev/null || true' EXIT
start_server() { # name port
  local dir="$e2e_dir/$1"
  mkdir -p "$dir"
  DATABASE_URL="sqlite://$dir/bina.db" target/release/bina seed --demo > "$dir/demo-accounts.txt"
  DATABASE_URL="sqlite://$dir/bina.db" BINA_ADDR="127.0.0.1:$2" BINA_EVIDENCE_DIR="$dir/evidence" \
    target/release/bina serve > "$dir/server.log" 2>&1 &
  server_pids+=($!)
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then break; fi
    sleep 0.2
  done
}
hydrated_port="${BINA_E2E_PORT:-3100}"
start_server hydrated "$hydrated_port"
start_server no-js "$((hydrated_port + 1))"
# The demo data is generated from a fixed seed: both copies have the same accounts.
cmp -s <(grep "^|" "$e2e_dir/hydrated/demo-accounts.txt") <(grep "^|" "$e2e_dir/no-js/demo-accounts.txt")
export BINA_E2E_URL="http://127.0.0.1:$hydrated_port"
export BINA_E2E_NOJS_URL="http://127.0.0.1:$((hydrated_port + 1))"
export BINA_E2E_ACCOUNTS="$PWD/$e2e_dir/hydrated/demo-accounts.txt"
(cd end2end && npx playwright test)

echo "==> all suites passed (PostgreSQL: $pg_status)"
