#!/usr/bin/env bash
# Load test of the method bank and search at 100,000 published models (and 1,000 public events) on
# a Release build, with wrk (Debian package): 50 connections for each page, against a bare Kestrel
# endpoint returning the same bytes as the ceiling. SQLite by default; --postgres uses the shared
# test server (build/postgres.sh) with a database of its own, dropped at the end (kept with KEEP=1:
# build/method-bank-on-kept.sh then finds it through <kept folder>/postgres.env).
# Seeding: 200 model cards and 1,000 events go through the API (created and published as
# a user would); the rest of the 100,000 models are copies of those cards made in SQL with new ids
# and numbered titles, through the same table, so the search triggers (SQLite) and the trigram
# index (PostgreSQL) are kept exactly as for saved cards, and their theme rows (ModelThemes) are
# copied with them. Through the API alone it takes an hour.
# usage: build/load-method-bank.sh [--postgres] [seconds per run, default 10] [runs, default 1]
#        (MODELS=n seeds another number of models; KEEP=1 keeps the published build and data folder)
set -euo pipefail
cd "$(dirname "$0")/.."
provider=sqlite
if [ "${1:-}" = --postgres ]; then provider=postgres; shift; fi
seconds=${1:-10}
runs=${2:-1}
models=${MODELS:-100000}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
out=$(mktemp -d)
port=5079
base="http://127.0.0.1:$port"
bareport=5080
dotnet publish Host/Coordination.Host -c Release -o "$out/app" -nologo -v q >/dev/null
settings=(ASPNETCORE_URLS="$base" Coordination__PublicBaseUrl="$base" Coordination__DataDirectory="$out/data" Logging__LogLevel__Default=Warning
  Coordination__Bootstrap__AdminEmail=admin@example.fi Coordination__Bootstrap__AdminPassword=Load-test-2026
  Coordination__RateLimits__PublicFormsPerMinute=100000000)
pg=""
if [ $provider = postgres ]; then
  server=$(build/postgres.sh start)
  pgdb="load_method_bank_$$"
  pg="psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p ${COORDINATION_PG_PORT:-55432} -U postgres"
  $pg -d postgres -c "CREATE DATABASE $pgdb"
  settings+=(Database__Provider=Postgres ConnectionStrings__Coordination="${server/Database=postgres/Database=$pgdb};Maximum Pool Size=100")
  printf 'pgdb=%q\nconnection=%q\n' "$pgdb" "${server/Database=postgres/Database=$pgdb};Maximum Pool Size=100" >"$out/postgres.env"
fi
cleanup() {
  kill "${pid:-}" "${bare:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "kept: $out${pg:+ (and the PostgreSQL database $pgdb: drop it when done)}"; return; fi
  if [ -n "$pg" ]; then $pg -d postgres -c "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" || true; fi
  rm -rf "$out"
}
trap cleanup EXIT
start_app() {
  env "${settings[@]}" dotnet "$out/app/Coordination.Host.dll" >>"$out/log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ]; do sleep 0.1; done
}
start_app

token=$(curl -s -X POST "$base/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"email":"admin@example.fi","password":"Load-test-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
network=$(curl -s "${auth[@]}" -X POST "$base/api/v1/membership/networks" -d '{"name":{"fi":"Kuormitusverkosto"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

echo "Creating 200 model cards and 1,000 public events through the API..."
python3 - "$base" "$token" "$network" <<'PY'
import json, sys, time, random, datetime, urllib.request, urllib.error, concurrent.futures
base, token, network = sys.argv[1:4]
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
def call(path, body=None, method="POST"):
    request = urllib.request.Request(base + path, None if body is None else json.dumps(body).encode(), headers, method=method)
    for _ in range(100):  # other modules learn of the network from NetworkCreated a moment later
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            if e.code != 400: raise
            time.sleep(0.2)
    raise SystemExit(f"{path} kept answering 400")
random.seed(20)
first = ["Opinto", "Työelämä", "Hyvinvointi", "Vertais", "Mentorointi", "Ohjaus", "Arviointi", "Harjoittelu", "Kieli", "Digi", "Yrittäjyys", "Ura"]
second = ["ohjausmalli", "valmennus", "työpaja", "polku", "verkosto", "kysely", "yhteistyö", "johtaminen", "palaute", "tuki"]
themes = ["Ohjaus", "Työelämäyhteistyö", "Hyvinvointi", "Osaaminen", "Digitalisaatio", "Kansainvälisyys", "Opettajuus", "Yrittäjyys"]
filler = "Malli kuvaa, miten oppilaitos ja työelämä suunnittelevat yhdessä opiskelijan polun, seuraavat sitä ja arvioivat tuloksia. " * 4
def card(i):
    name = f"{random.choice(first)}{random.choice(second)} {i}"
    return {"networkId": network, "title": {"fi": name, "sv": f"Modell {i}"}, "summary": {"fi": f"Tiivistelmä: {name}. {filler[:200]}"},
            "challenge": {"fi": filler}, "method": {"fi": f"{name}: {filler}"}, "result": {"fi": filler},
            "themes": random.sample(themes, 2), "links": []}
def model(i):
    created = call("/api/v1/dissemination/models", card(i))
    call(f"/api/v1/dissemination/models/{created['id']}/publish")
def event(i):
    start = datetime.datetime(2030, 1, 1, 8) + datetime.timedelta(hours=6 * i)
    call("/api/v1/events", {"networkId": network, "type": "webinar", "title": {"fi": f"Ohjauksen webinaari {i}"}, "audience": "public",
        "startsAt": start.strftime("%Y-%m-%dT%H:%M"), "endsAt": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"), "capacity": 100, "place": "Verkossa"})
model(0); event(0)
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    list(pool.map(model, range(1, 200)))
    list(pool.map(event, range(1, 1000)))
PY

echo "Copying the cards in SQL to $models published models..."
copies=$(( (models + 199) / 200 - 1 ))
kill "$pid"; wait "$pid" 2>/dev/null || true
columns=$(python3 - "$provider" "$out/data/dissemination.db" <<'PY'
import sys, sqlite3
if sys.argv[1] == "sqlite":
    print(",".join(f'"{r[1]}"' for r in sqlite3.connect(sys.argv[2]).execute("PRAGMA table_info(Models)") if r[1] not in ("Id", "TitleFi", "SearchText")))
PY
)
if [ $provider = sqlite ]; then
  sqlite3 "$out/data/dissemination.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
CREATE TEMP TABLE copies AS
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $copies)
SELECT hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)) AS Id,
       m.Id AS SourceId, n.k AS k
FROM n, Models m WHERE m.Status = 'Published';
INSERT INTO Models (Id, TitleFi, SearchText, $columns)
SELECT c.Id, m.TitleFi || '.' || c.k, m.SearchText || ' ' || c.k, $(echo "$columns" | sed 's/"\([A-Za-z]*\)"/m."\1"/g')
FROM copies c JOIN Models m ON m.Id = c.SourceId;
INSERT INTO ModelThemes (ModelId, Theme) SELECT c.Id, t.Theme FROM copies c JOIN ModelThemes t ON t.ModelId = c.SourceId;
COMMIT;
SQL
  sqlite3 "$out/data/dissemination.db" "SELECT COUNT(*), COUNT(DISTINCT Id) FROM Models WHERE Status = 'Published';"
else
  $pg -d "$pgdb" <<SQL
CREATE TEMP TABLE copies AS
SELECT gen_random_uuid() AS "Id", m."Id" AS "SourceId", n AS k FROM dissemination."Models" m, generate_series(1, $copies) n WHERE m."Status" = 'Published';
INSERT INTO dissemination."Models"
SELECT (r).* FROM (
  SELECT jsonb_populate_record(m, jsonb_build_object('Id', c."Id", 'TitleFi', m."TitleFi" || '.' || c.k, 'SearchText', m."SearchText" || ' ' || c.k)) AS r
  FROM copies c JOIN dissemination."Models" m ON m."Id" = c."SourceId") x;
INSERT INTO dissemination."ModelThemes" ("ModelId", "Theme") SELECT c."Id", t."Theme" FROM copies c JOIN dissemination."ModelThemes" t ON t."ModelId" = c."SourceId";
ANALYZE dissemination."Models";
ANALYZE dissemination."ModelThemes";
SQL
  $pg -d "$pgdb" -t -c "SELECT COUNT(*), COUNT(DISTINCT \"Id\") FROM dissemination.\"Models\" WHERE \"Status\" = 'Published'"
fi
start_app

pages=("/method-bank" "/method-bank?q=ohjaus" "/method-bank?q=ohjaus&page=3" "/method-bank?theme=Hyvinvointi" "/search?q=ohjaus"
  "/api/v1/dissemination/models" "/api/v1/dissemination/models?q=ohjaus" "/api/v1/dissemination/search?q=ohjaus" "/method-bank/themes" "/events" "/newsletter")
bare_body="$out/bare.html"
curl -s "$base/method-bank" -o "$bare_body"
dotnet build build/bare/bare-kestrel.cs -c Release -nologo -v q >/dev/null 2>&1 || true
ASPNETCORE_URLS="http://127.0.0.1:$bareport" dotnet run -c Release --no-build build/bare/bare-kestrel.cs -- "$bare_body" "text/html; charset=utf-8" >"$out/bare.log" 2>&1 &
bare=$!
until curl -s -o /dev/null "http://127.0.0.1:$bareport/"; do sleep 0.2; done

echo "uptime: $(uptime)"
run() {  # prints: requests/s, p99 in ms, non-2xx responses (best of $runs by requests/s)
  local best=""
  for _ in $(seq "$runs"); do
    local result
    result=$(wrk -t2 -c50 -d"${seconds}s" --latency "$1" | python3 -c '
import sys, re
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {ms:.1f} {bad.group(1) if bad else 0}")')
    if [ -z "$best" ] || [ "${result%% *}" -gt "${best%% *}" ]; then best=$result; fi
  done
  echo "$best"
}
printf '%-45s %10s %10s %8s %8s\n' page "req/s" "p99 ms" non-2xx bytes
for page in "${pages[@]}"; do
  size=$(curl -s "$base$page" | wc -c)
  read -r rps p99 bad <<<"$(run "$base$page")"
  printf '%-45s %10s %10s %8s %8s\n' "$page" "$rps" "$p99" "$bad" "$size"
done
read -r rps p99 bad <<<"$(run "http://127.0.0.1:$bareport/")"
printf '%-45s %10s %10s %8s %8s\n' "bare Kestrel (bytes of /method-bank)" "$rps" "$p99" "$bad" "$(wc -c <"$bare_body")"
echo "uptime: $(uptime)"
