#!/usr/bin/env bash
# The project's test command (README). Installs what the tests need on a fresh Debian machine
# (Chromium's headless shell, PostgreSQL, aiosmtpd), builds with warnings as errors, starts PostgreSQL on
# loopback, runs every test project on SQLite and PostgreSQL, prints each project's time, and
# ends with "N passed, N failed, N skipped". Exits non-zero on any failure.
# usage: build/test.sh [--fast] [extra dotnet test arguments, e.g. --filter TestCategory!=Postgres]
#   --fast  a quick local loop: leaves out the Postgres category and the browser tests
#           (ignored in CI: CI=true always runs everything)
# COORDINATION_TEST_JOBS: how many test projects run at once (default 3).
set -uo pipefail
cd "$(dirname "$0")/.."

fast=false
args=()
filter=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=true ;;
    --filter) filter="$2"; shift ;;
    --filter=*) filter="${1#--filter=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [ "${CI:-}" = true ] && [ "$fast" = true ]; then
  echo "CI=true: running every test (--fast ignored)."
  fast=false
fi
if [ "$fast" = true ]; then
  filter="${filter:+($filter)&}TestCategory!=Postgres"
fi
[ -n "$filter" ] && args+=(--filter "$filter")

need=()
[ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}…"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

started=$(date +%s)
echo "Building…"
# The compiler server (VBCSCompiler) keeps one warm compiler for all 20 projects instead of a new
# csc process per project: a fresh clone built in 133-138 s instead of 229-283 s (2026-12-02,
# issue 27). The sandbox's environment turns it off (UseSharedCompilation=false); a command-line
# property wins over it. The server is stopped after the build so its ~740 MiB go to the tests.
built_ok=true
dotnet build Coordination.sln -nologo -v q -p:UseSharedCompilation=true > build/.build.log 2>&1 || built_ok=false
dotnet build-server shutdown > /dev/null 2>&1 || true
if [ "$built_ok" = false ]; then
  grep -E "error|Error" build/.build.log | sort -u | head -50
  echo "0 passed, 1 failed"
  exit 1
fi
built=$(date +%s)

if [ "$fast" = false ]; then
  if pg=$(build/postgres.sh start); then
    export COORDINATION_TEST_POSTGRES="$pg"
  else
    echo "PostgreSQL did not start: the Postgres category will fail."
  fi
fi

# Every test project (those with the NUnit adapter), the longest known ones first (as last
# measured) so that the short ones fill in beside them. --fast leaves out the browser tests
# (their own project).
projects=()
for p in Dissemination Browser Membership Host Monitoring Surveys Host.Process Events PeerReview $(grep -l "Include=\"NUnit3TestAdapter\"" tests/*/*.csproj | sed -E 's#tests/Coordination\.(.*)\.Tests/.*#\1#'); do
  [ -f "tests/Coordination.$p.Tests/Coordination.$p.Tests.csproj" ] || continue
  [[ " ${projects[*]} " == *" $p "* ]] && continue
  [ "$fast" = true ] && [ "$p" = Browser ] && continue
  projects+=("$p")
done

# Test processes start dozens of hosts and then end: re-JIT-ing hot methods at the optimised tier
# (call counting) never paid back. Off, the Events tests JIT 58,846 methods instead of 96,138 and
# Dissemination's take 157 CPU-s instead of 221; loops still get on-stack replacement.
export DOTNET_TC_CallCounting=0
# Three test projects (and the hosts and browsers they start) share two cores: a thread-pool
# thread that found no work spins before it sleeps, on a core another process wants. Without the
# spin, Monitoring, Host and Membership side by side took 378-389 CPU-s instead of 436-466, and
# their slowest 264-267 s instead of 293-315 (2026-12-02, issue 27).
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
# A background collector (concurrent GC) runs beside the tests' threads on a core they want, and a
# test process never lives long enough to profit: without it, the Membership tests took 33.6-38.6
# CPU-s instead of 38.9-42.5 and the Events tests 33.2-35.5 instead of 35.0-37.1 (runs
# interleaved, 2026-12-03, issue 27). Host processes the tests start inherit it; the site keeps its own.
export DOTNET_gcConcurrent=0

echo "Testing…"
logs=build/.test-logs
rm -rf "$logs"; mkdir -p "$logs"
run_project() {
  local name="Coordination.$1.Tests" begin end
  begin=$(date +%s.%N)
  # CPU seconds too: on this 2-core machine the suite is CPU-bound, so they say what a project
  # costs whatever runs beside it. A cpuacct cgroup (v1, as root) counts every process the tests
  # start (hosts, Chromium, the SMTP server); PostgreSQL's server is shared and not counted.
  local group=/sys/fs/cgroup/cpuacct/coordination-tests-$1
  if [ -f /sys/fs/cgroup/cpuacct/cpuacct.usage ] && { [ -d "$group" ] || mkdir "$group" 2>/dev/null; } && echo 0 > "$group/cpuacct.usage" 2>/dev/null && echo "$BASHPID" > "$group/tasks" 2>/dev/null; then :; else group=; fi
  dotnet test "tests/$name/bin/Debug/net10.0/$name.dll" "${args[@]}" > "$logs/$1.log" 2>&1
  echo $? > "$logs/$1.status"
  [ -n "$group" ] && awk '{printf "%.0f\n", $1 / 1e9}' "$group/cpuacct.usage" > "$logs/$1.cpu"
  end=$(date +%s.%N)
  echo "$begin $end" | awk '{printf "%.0f\n", $2 - $1}' > "$logs/$1.seconds"
  grep -E "^\s*(Failed|Passed!|Failed!|Skipped)|error|Test Run Aborted" "$logs/$1.log" | grep -v "^\s*Passed " | head -100
}
# Test projects run side by side (each in its own process, so Hangfire's process-wide storage is
# never shared between them); inside a project, fixtures run in parallel (tests/TestAssembly.cs).
jobs_at_once=${COORDINATION_TEST_JOBS:-3}
trap 'kill $(jobs -p) 2>/dev/null; exit 130' INT TERM
for p in "${projects[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]; do wait -n; done
  run_project "$p" &
done
wait
finished=$(date +%s)
rmdir /sys/fs/cgroup/cpuacct/coordination-tests-* 2>/dev/null

cat "$logs"/*.log > build/.test.log
status=0
for s in "$logs"/*.status; do [ "$(cat "$s")" -eq 0 ] || status=1; done

echo
echo "Time per test project (wall clock and CPU user+sys, seconds; projects run ${jobs_at_once} at a time):"
for p in "${projects[@]}"; do
  printf "  %-14s %5s s wall %6s s CPU\n" "$p" "$(cat "$logs/$p.seconds" 2>/dev/null || echo '?')" \
    "$(cat "$logs/$p.cpu" 2>/dev/null || echo '?')"
done
echo "  build $((built - started)) s, tests $((finished - built)) s, in all $((finished - started)) s"

# VSTest prints one summary line per test assembly and no total: add them up.
read -r passed failed skipped assemblies < <(grep -hE "(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$logs"/*.log \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3; n++} END {print p+0, f+0, s+0, n+0}')
expected=${#projects[@]}
# With a --filter, an assembly may rightly have nothing to run.
unmatched=$(cat "$logs"/*.log | grep -c "No test matches the given testcase filter" || true)
assemblies=$((assemblies + unmatched))
if [ "$assemblies" -lt "$expected" ]; then
  echo "Only $assemblies of $expected test assemblies reported a result (a crash or abort?)."
  failed=$((failed + expected - assemblies))
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
