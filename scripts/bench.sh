#!/usr/bin/env bash
# Performance figures of Bina on the demo data (a benchmark, not a test: it reports, it does
# not judge). Prints first-load transfer sizes, Lighthouse mobile scores, server-rendered
# pages per second with p99 latency at 32 connections, and the server's peak memory.
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

nip=$(awk -F'|' '$2 ~ /pegawai/ {gsub(/ /, "", $3); print $3}' "$out/seed.txt")
curl -s -c "$out/cookies" -o /dev/null -H 'accept: application/json' \
  --data-urlencode "nip=$nip" --data-urlencode "password=bina-demo" "$base/api/masuk"
cookie="bina_sesi=$(awk '$6 == "bina_sesi" {print $7}' "$out/cookies")"

kb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1000}'; }
# Bytes on the wire with brotli, as a browser receives them.
br_size() { curl -s -o /dev/null -w '%{size_download}' -H 'accept-encoding: br' "$@"; }
# First load: the page's HTML plus every asset the browser fetched for it on a cold cache
# (Lighthouse's record of the page load), each at its brotli size.
first_load() {
  local name="$1" total=0 html; shift
  for asset in $(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const i of r.audits["network-requests"].details.items) {
      const u = new URL(i.url);
      if (u.pathname.startsWith("/pkg/") || u.pathname === "/favicon.svg") console.log(u.pathname);
    }' "$out/lh-$name.json" | sort -u); do
    total=$((total + $(br_size "$base$asset")))
  done
  html=$(br_size "$@")
  echo "$(kb $((html + total))) KB brotli (HTML $(kb "$html") + assets $(kb "$total"))"
}
# The main module (what every page that needs the app loads) and the lazy chunks of the pages.
wasm_raw=$(stat -c %s target/site/pkg/bina*.wasm | head -n 1)
chunks=$(find target/site/pkg -name '*.wasm' ! -name 'bina*' | wc -l)
chunks_raw=$(find target/site/pkg -name '*.wasm' ! -name 'bina*' -printf '%s\n' | awk '{s += $1} END {print s + 0}')

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
lh_login=$(lighthouse login "$base/masuk")
lh_home=$(lighthouse home "$base/" --extra-headers="{\"Cookie\": \"$cookie\"}")
lh_plan=$(lighthouse plan "$base/rencana" --extra-headers="{\"Cookie\": \"$cookie\"}")
load_login=$(first_load login "$base/masuk")
load_home_page=$(first_load home -H "cookie: $cookie" "$base/")
load_plan=$(first_load plan -H "cookie: $cookie" "$base/rencana")

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
admin_nip=$(awk -F'|' '$2 ~ /admin/ {gsub(/ /, "", $3); print $3}' "$out/seed.txt")
curl -s -c "$out/admin-cookies" -o /dev/null -H 'accept: application/json' \
  --data-urlencode "nip=$admin_nip" --data-urlencode "password=bina-demo" "$base/api/masuk"
admin_cookie="bina_sesi=$(awk '$6 == "bina_sesi" {print $7}' "$out/admin-cookies")"
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
wasm (raw):               $(kb "$wasm_raw") KB main module; $(kb "$chunks_raw") KB in $chunks lazy chunks
first load, login page:   $load_login
first load, home page:    $load_home_page
first load, plan page:    $load_plan (the first page that needs the app)
lighthouse login (mobile): $lh_login
lighthouse home (mobile):  $lh_home
lighthouse plan (mobile):  $lh_plan
load /healthz (32 conn):  $load_health
load home page (32 conn): $load_home
dashboard, city-wide:     $dash_city_ms ms (one request); $load_dash at 4 connections
dashboard, one OPD:       $dash_opd_ms ms (one request)
server peak memory:       $peak_home_mb MB under the home page load; $peak_dash_mb MB after the dashboard load
REPORT
