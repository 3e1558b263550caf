#!/usr/bin/env bash
# Load test of Events on the embedded default (SQLite), Release build, with wrk (Debian package):
# registrations per second with 50 concurrent clients, and the latency of the public event list
# with 1,000 upcoming events: the HTML page as visitors get it (output-cached) and uncached (each
# request with a query parameter of its own: the cache varies by every query key, so none is answered
# from it), and the API (not cached).
# usage: build/load-events.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
out=$(mktemp -d)
port=5078
base="http://127.0.0.1:$port"
dotnet publish Host/Coordination.Host -c Release -o "$out/app" -nologo -v q >/dev/null
ASPNETCORE_URLS="$base" Coordination__PublicBaseUrl="$base" Coordination__DataDirectory="$out/data" Logging__LogLevel__Default=Warning \
  Coordination__Bootstrap__AdminEmail=admin@example.fi Coordination__Bootstrap__AdminPassword=Load-test-2026 \
  Coordination__RateLimits__PublicFormsPerMinute=100000000 \
  dotnet "$out/app/Coordination.Host.dll" >"$out/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$out"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ]; do sleep 0.1; done

token=$(curl -s -X POST "$base/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"email":"admin@example.fi","password":"Load-test-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
network=$(curl -s "${auth[@]}" -X POST "$base/api/v1/membership/networks" -d '{"name":{"fi":"Kuormitusverkosto"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

echo "Creating 1,000 public events..."
python3 - "$base" "$token" "$network" <<'PY'
import json, sys, urllib.request, urllib.error, datetime, concurrent.futures
base, token, network = sys.argv[1:4]
import time
def post(request):
    for _ in range(100):  # Events learns of the network from NetworkCreated a moment later
        try:
            return json.load(urllib.request.urlopen(request))
        except urllib.error.HTTPError as e:
            if e.code != 400: raise
            time.sleep(0.2)
    raise SystemExit("the network never reached Events")
def create(i):
    start = datetime.datetime(2030, 1, 1, 8) + datetime.timedelta(hours=6 * i)
    body = json.dumps({"networkId": network, "type": "webinar", "title": {"fi": f"Webinaari {i}"}, "audience": "public",
        "startsAt": start.strftime("%Y-%m-%dT%H:%M"), "endsAt": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": 1000000 if i == 0 else 100, "place": "Verkossa"}).encode()
    request = urllib.request.Request(base + "/api/v1/events", body, {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return post(request)["id"]
create(0)
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    list(pool.map(create, range(1, 1000)))
PY
first=$(curl -s "$base/api/v1/events?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

cat >"$out/register.lua" <<'LUA'
local thread_id = 0
local counter = 0
function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end
function request()
  counter = counter + 1
  local body = string.format('{"name":"Kuormitus Testaaja","email":"load-%s-%d@example.fi","organisation":"Opisto"}', id, counter)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
function response(status, headers, body)
  if status ~= 201 then io.stderr:write("status " .. status .. "\n") end
end
LUA
# Threads share no Lua state: each numbers its requests after a prefix of its own.
cat >"$out/uncached.lua" <<'LUA'
local threads = 0
local counter = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", tostring(threads))
end
function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?n=" .. prefix .. "-" .. counter)
end
LUA

echo "uptime: $(uptime)"
echo; echo "== Registrations: 50 concurrent clients, ${seconds} s (POST /api/v1/events/{id}/registrations) =="
wrk -t4 -c50 -d"${seconds}s" --latency -s "$out/register.lua" "$base/api/v1/events/$first/registrations" 2>&1 | sed -n '1,20p'
# Each page is warmed for 40 s at full load first, so that the measured run is at the rate a
# server has after its first minute: a new process reaches it only after about 30 s of load on two
# busy cores (uncached page in consecutive 10 s windows after seeding, 2026-12-02: 925, 1,257,
# 1,944, then 2,098–2,152 requests/s; with 20 s of warming the measured run fell in the third).
warm() { wrk -t4 -c50 -d40s "$@" >/dev/null 2>&1 || true; }
echo; echo "== Public event list page (HTML, 20 of 1,000 upcoming), 50 connections, ${seconds} s =="
warm "$base/events"
wrk -t4 -c50 -d"${seconds}s" --latency "$base/events" | sed -n '1,20p'
echo; echo "== Public event list page, uncached (?n=<unique> per request), 50 connections, ${seconds} s =="
warm -s "$out/uncached.lua" "$base/events"
wrk -t4 -c50 -d"${seconds}s" --latency -s "$out/uncached.lua" "$base/events" | sed -n '1,20p'
echo; echo "== Public event list API (GET /api/v1/events), 50 connections, ${seconds} s =="
warm "$base/api/v1/events"
wrk -t4 -c50 -d"${seconds}s" --latency "$base/api/v1/events" | sed -n '1,20p'
echo; echo "uptime: $(uptime)"
