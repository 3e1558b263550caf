#!/usr/bin/env bash
# Regenerates the EF compiled models of the SQLite databases (Data/CompiledModel in each module,
# Identity/CompiledModel in the Host). EF finds them by itself: a start skips building the models
# (issue 20). Run after any model change (build/add-migration.sh does, and builds through it);
# CompiledModelTests fails while one is out of date.
# usage: build/compile-models.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
if [ "${1:-}" != --no-build ] && ! dotnet build Host/Coordination.Host -v q -nologo > /tmp/compile-models-build.log 2>&1; then
  grep -E "error" /tmp/compile-models-build.log | sort -u | head -20
  exit 1
fi
optimize() { # project context output-dir namespace
  rm -rf "$1/$3"
  dotnet ef dbcontext optimize --no-build --project "$1" --startup-project Host/Coordination.Host \
    --context "$2" --output-dir "$3" --namespace "$4" >/dev/null
  # Module types stay internal (architecture rule); EF finds the model by its assembly attribute.
  grep -rl "public partial class" "$1/$3" | xargs -r sed -i 's/public partial class/internal partial class/'
}
for dir in Modules/*/; do
  module=$(basename "$dir")
  grep -rqs --include='*.cs' "class Sqlite${module}DbContext\b" "$dir/Coordination.$module" || continue
  optimize "$dir/Coordination.$module" "Sqlite${module}DbContext" Data/CompiledModel "Coordination.$module.Data.CompiledModel"
done
optimize Host/Coordination.Host SqliteIdentityDb Identity/CompiledModel Coordination.Host.Identity.CompiledModel
# Every generation draws a new model id: where that is all that changed, keep the committed file.
if git rev-parse --git-dir >/dev/null 2>&1; then
  # The list first: a checkout while the listing git still runs can meet its index lock.
  changed=$(git diff --name-only -- '*/CompiledModel/*')
  for file in $changed; do
    if git diff --quiet -I 'modelId: new Guid' -- "$file"; then git checkout -q -- "$file"; fi
  done
fi
echo "Compiled models regenerated."
