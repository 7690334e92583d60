#!/usr/bin/env bash
# Performance figures of Bina on the demo data (a benchmark, not a test: it reports, it does
# not judge). Prints, for every page, what a cold cache fetches and how fast it is readable on
# a 400 Kbps link, each beside a bare Leptos page built in the same run; Lighthouse mobile
# scores; server-rendered pages per second with p99 latency; and the server's peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/build.sh test

if ! command -v wrk >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk
fi
tools="target/bench-tools"
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  npm install --no-audit --no-fund --prefix "$tools" lighthouse@12.2.3 >/dev/null
fi

out="target/bench"
rm -rf "$out" && mkdir -p "$out"
port="${BINA_BENCH_PORT:-3200}"
base="http://127.0.0.1:$port"
export DATABASE_URL="sqlite://$out/bina.db" BINA_ADDR="127.0.0.1:$port" BINA_LOG=warn
seed_start=$(date +%s.%N)
target/release/bina seed --demo > "$out/seed.txt"
seed_secs=$(awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
target/release/bina serve > "$out/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done

# Demo logins: one session cookie per role.
nip_of() { awk -F'|' -v role="$1" '{gsub(/ /, "", $2); gsub(/ /, "", $3)} $2 == role {print $3; exit}' "$out/seed.txt"; }
cookie_of() {
  curl -s -c "$out/cookies-$1" -o /dev/null -H 'accept: application/json' \
    --data-urlencode "nip=$(nip_of "$1")" --data-urlencode "password=bina-demo" "$base/api/masuk"
  echo "bina_sesi=$(awk '$6 == "bina_sesi" {print $7}' "$out/cookies-$1")"
}
cookie=$(cookie_of pegawai)
admin_cookie=$(cookie_of admin)
atasan_cookie=$(cookie_of atasan)
pengelola_cookie=$(cookie_of pengelola_opd)
mentor_cookie=$(cookie_of mentor)
mentorship=$(curl -s -H "cookie: $mentor_cookie" "$base/mentoring/permintaan" | grep -o '/mentoring/bimbingan/[0-9]*' | head -n 1)
# The course the demo mentor facilitates, and its first module.
course=$(curl -s -H "cookie: $mentor_cookie" "$base/belajar" | grep -o '/belajar/[0-9]*/kelola' | head -n 1)
module=$(curl -s -H "cookie: $mentor_cookie" "$base${course%/kelola}" | grep -o '/belajar/[0-9]*/modul/[0-9]*' | head -n 1)

kb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1000}'; }
wasm_raw=$(stat -c %s target/site/pkg/bina*.wasm | head -n 1)
wasm_br=$(stat -c %s target/site/pkg/bina*.wasm.br | head -n 1)

# The floor of the stack: a bare Leptos page with one island, built the same way and served
# beside Bina, so that each figure below has the stack's own cost next to it.
floor_port=$((port + 1))
(cd bench/floor && cargo leptos build --release --precompress >"$OLDPWD/$out/floor-build.txt" 2>&1)
(cd bench/floor && LEPTOS_HASH_FILES=true LEPTOS_SITE_ADDR="127.0.0.1:$floor_port" \
  exec target/release/bina-floor >"$OLDPWD/$out/floor.log" 2>&1) &
floor_pid=$!
trap 'kill $pid $floor_pid 2>/dev/null || true' EXIT
floor="http://127.0.0.1:$floor_port/"
for _ in $(seq 1 100); do curl -fs "$floor" >/dev/null && break; sleep 0.1; done

# Every page, with the account that sees it.
node -e '
  const [base, floor, mentorship, course, module, ...cookies] = process.argv.slice(1);
  const [pegawai, atasan, pengelola, mentor, admin] = cookies;
  const pages = [
    ["floor (bare Leptos page, one island)", floor, ""],
    ["login /masuk", "/masuk", ""], ["home /", "/", pegawai], ["gaps /kompetensi", "/kompetensi", pegawai],
    ["plan /rencana", "/rencana", pegawai], ["JP /jp", "/jp", pegawai], ["catalog /katalog", "/katalog", pegawai],
    ["mentoring /mentoring", "/mentoring", pegawai], ["notifications /notifikasi", "/notifikasi", pegawai],
    ["learning /belajar", "/belajar", pegawai], ["applications /belajar/pendaftaran", "/belajar/pendaftaran", pengelola],
    ["course admin " + course, course, mentor], ["module " + module, module, mentor],
    ["account /akun", "/akun", pegawai], ["team /tim", "/tim", atasan], ["approval /persetujuan", "/persetujuan", atasan],
    ["staff /pegawai", "/pegawai", pengelola], ["verify /verifikasi", "/verifikasi", pengelola],
    ["mentor desk /mentoring/permintaan", "/mentoring/permintaan", mentor],
    ["mentor profile /mentoring/profil", "/mentoring/profil", mentor],
    ["mentorship " + mentorship, mentorship, mentor],
    ["dashboard /dasbor", "/dasbor", admin], ["people /dasbor/pegawai", "/dasbor/pegawai?rencana=approved", admin],
    ["mentoring dashboard /dasbor/mentoring", "/dasbor/mentoring", admin],
    ["dictionary /admin/kompetensi", "/admin/kompetensi", admin], ["standards /admin/standar", "/admin/standar", admin],
    ["programs /admin/katalog", "/admin/katalog", admin], ["matching /admin/pencocokan", "/admin/pencocokan", admin],
  ].filter(([, path]) => path);
  console.log(JSON.stringify(pages.map(([name, path, cookie]) =>
    ({ name, url: path.startsWith("http") ? path : base + path, cookie: cookie || undefined }))));
' "$base" "$floor" "$mentorship" "$course" "$module" "$cookie" "$atasan_cookie" "$pengelola_cookie" "$mentor_cookie" "$admin_cookie" > "$out/pages.json"
node end2end/bench/pages.mjs "$out/pages.json" > "$out/pages.jsonl"
page_table=$(node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  const s = (ms) => (ms == null ? "–" : (ms / 1000).toFixed(2) + " s");
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(40)} ${(r.bytes / 1000).toFixed(1).padStart(6)} KB ${String(r.requests).padStart(3)} req` +
      `  hydrated ${s(r.hydrateMs).padStart(7)}  400 Kbps: cold ${s(r.coldLcpMs)}, repeat ${s(r.repeatLcpMs)}`);
  }' "$out/pages.jsonl")

lighthouse() {
  local name="$1" url="$2"; shift 2
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "$url" --quiet \
    --only-categories=performance,accessibility --output=json --output-path="$out/lh-$name.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" "$@" >/dev/null 2>&1 || true
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const c = r.categories, a = r.audits;
    console.log(`perf ${c.performance.score} · a11y ${c.accessibility.score} · LCP ${(a["largest-contentful-paint"].numericValue / 1000).toFixed(2)} s · TBT ${Math.round(a["total-blocking-time"].numericValue)} ms`);
  ' "$out/lh-$name.json" 2>/dev/null || echo "lighthouse failed"
}
with() { echo "--extra-headers={\"Cookie\": \"$1\"}"; }
lh_table=$(
  echo "  floor (bare Leptos page)  $(lighthouse floor "$floor")"
  echo "  login /masuk              $(lighthouse login "$base/masuk")"
  echo "  home /                    $(lighthouse home "$base/" "$(with "$cookie")")"
  echo "  gaps /kompetensi          $(lighthouse gaps "$base/kompetensi" "$(with "$cookie")")"
  echo "  plan /rencana             $(lighthouse plan "$base/rencana" "$(with "$cookie")")"
  echo "  mentoring /mentoring      $(lighthouse mentoring "$base/mentoring" "$(with "$cookie")")"
  echo "  dashboard /dasbor         $(lighthouse dashboard "$base/dasbor" "$(with "$admin_cookie")")"
)

load() {
  wrk -t2 -c32 -d"${BINA_BENCH_SECONDS:-10}"s --latency "$@" > "$out/wrk.txt"
  local rps p99 failed
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")
  # Responses that were not 2xx/3xx, and connections that broke off (a panicking handler).
  failed=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out/wrk.txt")
  echo "$rps req/s, p99 $p99, $failed failed"
}
# The server's peak resident memory so far, in MB.
peak_mb() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$pid/status"; }
load_health=$(load "$base/healthz")
load_home=$(load -H "cookie: $cookie" -H 'accept-encoding: br' "$base/")
# The issue's memory budget is for the home page load; the dashboards below need more.
peak_home_mb=$(peak_mb)

# The planning dashboard on the full demo data: city-wide (the admin) and one OPD.
page_ms() { curl -s -o /dev/null -w '%{time_total}' -H "cookie: $admin_cookie" "$1" | awk '{printf "%.0f", $1 * 1000}'; }
page_ms "$base/dasbor" >/dev/null # warm the caches once
dash_city_ms=$(page_ms "$base/dasbor")
dash_opd_ms=$(page_ms "$base/dasbor?opd=9")
load_dash=$(wrk -t2 -c4 -d"${BINA_BENCH_SECONDS:-10}"s --latency -H "cookie: $admin_cookie" "$base/dasbor" > "$out/wrk-dash.txt"; \
  echo "$(awk '/Requests\/sec/ {print $2}' "$out/wrk-dash.txt") pages/s, p99 $(awk '$1 == "99%" {print $2}' "$out/wrk-dash.txt")")
peak_dash_mb=$(peak_mb)

cat <<REPORT | tee "$out/report.txt"
Bina benchmark ($(nproc) cores, $(date -u +%Y-%m-%d))
seed --demo:              $(printf '%.1f' "$seed_secs") s ($(grep -cE '^\| [a-z_]+ \| [0-9]{18} ' "$out/seed.txt") demo accounts)
wasm of the islands:      $(kb "$wasm_raw") KB raw, $(kb "$wasm_br") KB brotli (fetched only by pages with an island)
pages on a cold cache (bytes on the wire, requests; time until the islands are hydrated;
main content painted on a 400 Kbps / 400 ms link, cold and on a repeat visit):
$page_table
lighthouse (mobile):
$lh_table
load /healthz (32 conn):  $load_health
load home page (32 conn): $load_home
dashboard, city-wide:     $dash_city_ms ms (one request); $load_dash at 4 connections
dashboard, one OPD:       $dash_opd_ms ms (one request)
server peak memory:       $peak_home_mb MB under the home page load; $peak_dash_mb MB after the dashboard load
REPORT
