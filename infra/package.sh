#!/usr/bin/env bash
# Builds the function app's deployment package, the alternative to `azd deploy`:
#
#   infra/package.sh [package.zip]          (default: artifacts/package/tradingbot-functions.zip)
#   az functionapp deployment source config-zip -g <resource group> -n <function app> --src <package.zip>
#
# `dotnet publish` of src/TradingBot.Functions yields the Functions app root (host.json, <Name>/function.json for every
# function, TradingBot.Functions.dll and its dependencies; self-contained for linux-x64 with one composite ReadyToRun
# image, TradingBot.Functions.r2r.dll, still started as `dotnet TradingBot.Functions.dll`: see
# src/TradingBot.Functions/TradingBot.Functions.csproj and docs/deploy.md). The script checks that layout, then zips the
# folder's content (paths relative to the root).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="$(realpath -m "${1:-$root/artifacts/package/tradingbot-functions.zip}")"
project="$root/src/TradingBot.Functions"
publish="$(mktemp -d)"
trap 'rm -rf "$publish"' EXIT

fail() { echo "error: $*" >&2; exit 1; }

dotnet publish "$project/TradingBot.Functions.csproj" -c Release -o "$publish" -nologo -v quiet

for file in host.json TradingBot.Functions.dll TradingBot.Functions.runtimeconfig.json; do
  [[ -f "$publish/$file" ]] || fail "$file is missing from the publish output"
done
for folder in "$project"/Functions/*/; do
  name="$(basename "$folder")"
  [[ -f "$publish/$name/function.json" ]] || fail "$name/function.json is missing from the publish output"
done
# A component assembly of a composite image starts only next to that image (the runtime aborts without it).
if grep -q '"includedFrameworks"' "$publish/TradingBot.Functions.runtimeconfig.json"; then
  [[ -f "$publish/TradingBot.Functions.r2r.dll" ]] || fail "TradingBot.Functions.r2r.dll (the composite image) is missing from the self-contained publish output"
fi
[[ ! -e "$publish/local.settings.json" ]] || fail "local.settings.json must never be deployed"
[[ ! -e "$publish/Functions" ]] || fail "function.json files must sit at <Name>/function.json, not under Functions/"

mkdir -p "$(dirname "$package")"
rm -f "$package"
if command -v zip >/dev/null 2>&1; then
  (cd "$publish" && zip -q -r -X "$package" .)
else
  python3 - "$publish" "$package" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, root))
PY
fi

echo "$package"
