#!/usr/bin/env bash
# Adds an EF Core migration for both providers of one module (or of the Host's Identity database).
# usage: build/add-migration.sh <Module|Identity> <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?module name, e.g. Membership or Identity}
name=${2:?migration name, e.g. AddProjects}
if [ "$module" = Identity ]; then
  project=Host/Coordination.Host
  contexts=(SqliteIdentityDb PostgresIdentityDb)
  dir=Identity/Migrations
else
  project=Modules/$module/Coordination.$module
  contexts=(Sqlite${module}DbContext Postgres${module}DbContext)
  dir=Data/Migrations
fi
# Builds (a failed build would leave EF reading the old assembly and writing an empty migration)
# and regenerates the compiled models, which the changed model needs too.
build/compile-models.sh
for context in "${contexts[@]}"; do
  case "$context" in Sqlite*) sub=Sqlite ;; Postgres*) sub=Postgres ;; esac
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project Host/Coordination.Host \
    --context "$context" --output-dir "$dir/$sub"
done
# Module types stay internal (architecture rule); EF finds internal migrations too.
grep -rl "public partial class" "$project/$dir" | xargs -r sed -i 's/public partial class/internal partial class/'
