#!/usr/bin/env bash
# The project's test command (README). Installs what the tests need on a fresh Debian machine
# (Chromium, PostgreSQL, aiosmtpd), builds with warnings as errors, starts PostgreSQL on
# loopback, runs every test project on SQLite and PostgreSQL, and ends with
# "N passed, N failed, N skipped". Exits non-zero on any failure.
# usage: build/test.sh [extra dotnet test arguments, e.g. --filter TestCategory!=Postgres]
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}…"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

echo "Building…"
if ! dotnet build Coordination.sln -nologo -v q > build/.build.log 2>&1; then
  grep -E "error|Error" build/.build.log | sort -u | head -50
  echo "0 passed, 1 failed"
  exit 1
fi

if pg=$(build/postgres.sh start); then
  export COORDINATION_TEST_POSTGRES="$pg"
else
  echo "PostgreSQL did not start: the Postgres category will fail."
fi

echo "Testing…"
log=build/.test.log
dotnet test Coordination.sln --no-build -nologo "$@" 2>&1 | tee "$log" | grep -E "^\s*(Failed|Passed!|Failed!|Skipped)|error|Test Run Aborted" | grep -v "^\s*Passed " | head -200
status=${PIPESTATUS[0]}

# VSTest prints one summary line per test assembly and no total: add them up.
read -r passed failed skipped assemblies < <(grep -E "(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3; n++} END {print p+0, f+0, s+0, n+0}')
expected=$(grep -c "Include=\"NUnit3TestAdapter\"" tests/*/*.csproj | awk -F: '{s+=$2} END {print s}')
# With a --filter, an assembly may rightly have nothing to run.
unmatched=$(grep -c "No test matches the given testcase filter" "$log" || true)
assemblies=$((assemblies + unmatched))
if [ "$assemblies" -lt "$expected" ]; then
  echo "Only $assemblies of $expected test assemblies reported a result (a crash or abort?)."
  failed=$((failed + expected - assemblies))
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
