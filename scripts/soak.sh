#!/usr/bin/env bash
# Soak benchmark (a benchmark, not a test: it reports, it does not judge). Simulated people,
# each logged in on their own session, go through Bina's everyday flows for a while on the
# release build with the demo data on SQLite: home, the plan page, adding a plan item and
# removing it, mentor recommendations; one in twenty is an HR officer opening the dashboard.
# First a burst of 300 parallel wrong passwords for one NIP (how many reached the password
# hash, the server's memory, the health check meanwhile); then the load tool's report
# (throughput, percentiles per step, errors) and the server's peak memory; last, the figures
# of the fault tests (kill -9 during 1,000 acknowledged writes, thousands of generated bad
# requests), run from the integration suite on SQLite and, if it answers, PostgreSQL.
#   scripts/soak.sh                 # 200 users for 60 s
#   BINA_SOAK_USERS=50 BINA_SOAK_SECS=20 scripts/soak.sh
#   scripts/soak.sh --scenarios pegawai   # other arguments go to the load tool (goose)
#   BINA_SOAK_FAULTS=0 scripts/soak.sh    # without the fault tests at the end
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/build.sh

users="${BINA_SOAK_USERS:-200}"
secs="${BINA_SOAK_SECS:-60}"
if ! command -v sqlite3 >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq sqlite3
fi
(cd bench/soak && cargo build --release --locked --quiet)

out="target/soak"
rm -rf "$out" && mkdir -p "$out"
port="${BINA_SOAK_PORT:-3300}"
base="http://127.0.0.1:$port"
db="$out/bina.db"
export DATABASE_URL="sqlite://$db" BINA_ADDR="127.0.0.1:$port" BINA_LOG=warn
target/release/bina seed --demo > "$out/seed.txt"

# Logins for the simulated people: employees whose plan of this year, if any, is still a
# draft, with the demo accounts' password hash (the demo password).
now=$(date +%s)
year=$(TZ=Asia/Makassar date +%Y)
sqlite3 "$db" <<SQL
INSERT INTO account (employee_id, password_hash, active, created_at, password_changed_at)
SELECT e.id, (SELECT password_hash FROM account ORDER BY id LIMIT 1), 1, $now, $now
FROM employee e
WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.employee_id = e.id)
  AND NOT EXISTS (SELECT 1 FROM dev_plan p WHERE p.employee_id = e.id AND p.year = $year
                  AND p.status <> 'draft')
ORDER BY e.id
LIMIT $users;
SQL
sqlite3 "$db" "SELECT e.nip FROM employee e JOIN account a ON a.employee_id = e.id
               WHERE NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id)
               ORDER BY a.id DESC LIMIT $users" > "$out/nips.txt"
nip_of() { awk -F'|' -v role="$1" '{gsub(/ /, "", $2); gsub(/ /, "", $3)} $2 == role {print $3; exit}' "$out/seed.txt"; }
export BINA_SOAK_NIPS="$out/nips.txt" BINA_SOAK_MANAGERS="$(nip_of admin),$(nip_of pengelola_opd)"

target/release/bina serve > "$out/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done

vmhwm() { awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"; }
echo "==> login burst: 300 parallel wrong passwords for one NIP"
before=$(vmhwm)
seq 1 300 | xargs -P 300 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H 'accept: application/json' \
  --data-urlencode "nip=$(nip_of pegawai)" --data-urlencode "password=tebakan-{}" \
  "$base/api/masuk" > "$out/burst.txt" &
burst=$!
sleep 0.2
health=$(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' --max-time 5 "$base/healthz")
wait $burst
echo "checked against the hash (401): $(grep -c '^401$' "$out/burst.txt"), refused before hashing (429): $(grep -c '^429$' "$out/burst.txt"), other: $(grep -Evc '^(401|429)$' "$out/burst.txt")"
echo "server memory before the burst $before, peak after it $(vmhwm); /healthz during it: $health"

echo "==> $users simulated users for $secs s against $base ($(nproc) cores, $(date -u +%F))"
# Every user starts within 10 s and waits 0.5–2 s between steps, as a person would.
bench/soak/target/release/bina-soak --host "$base" --users "$users" \
  --hatch-rate "$(( (users + 9) / 10 ))" --run-time "${secs}s" \
  --report-file "$out/report.html" --no-reset-metrics --quiet "$@" \
  2>&1 | tee "$out/report.txt"
echo "server peak memory: $(vmhwm)"
kill $pid

[ "${BINA_SOAK_FAULTS:-1}" = 0 ] && exit 0
echo "==> fault figures (integration tests)"
export BINA_TEST_POSTGRES_URL="${BINA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
cargo test --release -p bina-server --test integration -- --nocapture \
  durability::a_killed_server_keeps_every_acknowledged_write random_input 2>&1 \
  | grep -E "^(kill -9|generated requests)|test result"
