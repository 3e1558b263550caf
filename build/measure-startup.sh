#!/usr/bin/env bash
# Measures cold start (process start → first 200 on /health/ready, on a new data folder, which a
# published site fills from its database-templates) and the process's memory after start, on a
# Release publish.
# usage: build/measure-startup.sh [runs]   (needs /usr/bin/time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=$(mktemp -d)
dotnet publish Host/Coordination.Host -c Release -o "$out/app" -nologo -v q >/dev/null
port=5077
for i in $(seq "$runs"); do
  data="$out/data-$i"
  start=$(date +%s%N)
  ASPNETCORE_URLS="http://127.0.0.1:$port" Coordination__PublicBaseUrl="http://127.0.0.1:$port" Coordination__DataDirectory="$data" \
    Coordination__Bootstrap__AdminEmail=admin@example.fi Coordination__Bootstrap__AdminPassword=Measure-start-1 \
    /usr/bin/time -v -o "$out/time-$i" dotnet "$out/app/Coordination.Host.dll" >"$out/log-$i" 2>&1 &
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do sleep 0.02; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2
  pid=$(pgrep -f "$out/app/Coordination.Host.dll" | grep -v "^$$" | tail -1)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait || true
  peak=$(awk -F: '/Maximum resident/ {print int($2/1024)}' "$out/time-$i")
  echo "run $i: ready after ${ready} ms; RSS 2 s after start ${rss} MiB; peak RSS ${peak} MiB"
done
rm -rf "$out"
