#!/usr/bin/env bash
# Adds an EF Core migration for both providers of one module (or of the Host's Identity database).
# usage: build/add-migration.sh <Module|Identity> <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?module name, e.g. Membership or Identity}
name=${2:?migration name, e.g. AddProjects}
dotnet tool restore >/dev/null
if [ "$module" = Identity ]; then
  project=Host/Coordination.Host
  contexts=(SqliteIdentityDb PostgresIdentityDb)
  dir=Identity/Migrations
else
  project=Modules/$module/Coordination.$module
  contexts=(Sqlite${module}DbContext Postgres${module}DbContext)
  dir=Data/Migrations
fi
# A failed build would leave EF reading the old assembly and writing an empty migration.
if ! dotnet build Host/Coordination.Host -v q -nologo > /tmp/add-migration-build.log 2>&1; then
  grep -E "error" /tmp/add-migration-build.log | sort -u | head -20
  exit 1
fi
for context in "${contexts[@]}"; do
  case "$context" in Sqlite*) sub=Sqlite ;; Postgres*) sub=Postgres ;; esac
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project Host/Coordination.Host \
    --context "$context" --output-dir "$dir/$sub"
done
# Module types stay internal (architecture rule); EF finds internal migrations too.
grep -rl "public partial class" "$project/$dir" | xargs -r sed -i 's/public partial class/internal partial class/'
# A changed model needs its compiled model again (SQLite; CompiledModelTests checks it).
build/compile-models.sh --no-build
