#!/usr/bin/env bash
# Measures the method bank on a data folder kept by `KEEP=1 build/load-method-bank.sh` (SQLite, or
# the PostgreSQL database named in <folder>/postgres.env by `KEEP=1 build/load-method-bank.sh
# --postgres`), without seeding again: starts the kept build (or a newer one published into <folder>/app) alone on
# it, then prints, for each page, the time of one uncached request (best of 3 after a warm-up; each
# request carries a query parameter of its own, &n=…, so the output cache never answers it) and,
# with a number of seconds, wrk's figures (50 connections; answers after the first come from the
# output cache, as visitors get them).
# usage: build/method-bank-on-kept.sh <kept folder> [wrk seconds per page]
set -euo pipefail
out=${1:?the folder printed by KEEP=1 build/load-method-bank.sh}
seconds=${2:-}
base=http://127.0.0.1:5079
database=()
if [ -f "$out/postgres.env" ]; then
  source "$out/postgres.env"
  "$(dirname "$0")/postgres.sh" start >/dev/null
  database=(Database__Provider=Postgres ConnectionStrings__Coordination="$connection")
fi
env "${database[@]}" ASPNETCORE_URLS=$base Coordination__PublicBaseUrl=$base Coordination__DataDirectory="$out/data" Logging__LogLevel__Default=Warning \
  Coordination__Bootstrap__AdminEmail=admin@example.fi Coordination__Bootstrap__AdminPassword=Load-test-2026 \
  dotnet "$out/app/Coordination.Host.dll" >>"$out/log" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/health/ready)" = 200 ]; do sleep 0.1; done
sleep 5
pages=("/method-bank" "/method-bank?q=ohjaus" "/method-bank?q=ohjaus&page=3" "/method-bank?q=317" "/method-bank?q=ohjaus&theme=Hyvinvointi"
  "/method-bank?theme=Hyvinvointi" "/search?q=ohjaus"
  "/api/v1/dissemination/models" "/api/v1/dissemination/models?q=ohjaus" "/api/v1/dissemination/models?theme=Hyvinvointi"
  "/api/v1/dissemination/search?q=ohjaus" "/method-bank/themes" "/method-bank/themes/Hyvinvointi" "/api/v1/dissemination/themes/Hyvinvointi"
  "/events" "/newsletter")
echo "uptime: $(uptime)"
n=0
printf '%-50s %12s %10s %10s\n' page "uncached ms" "req/s" "p99 ms"
for page in "${pages[@]}"; do
  best=""
  for i in 0 1 2 3; do
    n=$((n + 1))
    case $page in *\?*) url="$base$page&n=$n" ;; *) url="$base$page?n=$n" ;; esac
    ms=$(curl -s -o /dev/null -w '%{time_total}' "$url" | python3 -c 'import sys; print(round(float(sys.stdin.read()) * 1000))')
    if [ "$i" -gt 0 ] && { [ -z "$best" ] || [ "$ms" -lt "$best" ]; }; then best=$ms; fi
  done
  rps=-; p99=-
  if [ -n "$seconds" ]; then
    read -r rps p99 <<<"$(wrk -t2 -c50 -d"${seconds}s" --latency "$base$page" | python3 -c '
import sys, re
text = sys.stdin.read()
p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
print(round(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))), round(float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)], 1))')"
  fi
  printf '%-50s %12s %10s %10s\n' "$page" "$best" "$rps" "$p99"
done
echo "uptime: $(uptime)"
