#!/usr/bin/env bash
# Builds the function app's deployment package, the alternative to `azd deploy`:
#
#   infra/package.sh [package.zip]          (default: artifacts/package/tradingbot-functions.zip)
#   az functionapp deployment source config-zip -g <resource group> -n <function app> --src <package.zip>
#
# `dotnet publish` of src/TradingBot.Functions yields the Functions app root (host.json, <Name>/function.json for every
# function, and TradingBot.Functions, the executable host.json starts: a Native AOT build for linux-x64; with
# PublishAot=false in the environment the self-contained build with one composite ReadyToRun image,
# TradingBot.Functions.r2r.dll, started through its apphost: see src/TradingBot.Functions/TradingBot.Functions.csproj
# and docs/deploy.md). The script checks that layout, then zips the folder's content (paths relative to the root, the
# executable bit kept: the host runs the file as it is).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="$(realpath -m "${1:-$root/artifacts/package/tradingbot-functions.zip}")"
project="$root/src/TradingBot.Functions"
publish="$(mktemp -d)"
trap 'rm -rf "$publish"' EXIT

fail() { echo "error: $*" >&2; exit 1; }

dotnet publish "$project/TradingBot.Functions.csproj" -c Release -o "$publish" -nologo -v quiet

for file in host.json TradingBot.Functions; do
  [[ -f "$publish/$file" ]] || fail "$file is missing from the publish output"
done
[[ -x "$publish/TradingBot.Functions" ]] || fail "TradingBot.Functions is not executable"
[[ ! -e "$publish/TradingBot.Functions.dbg" ]] || fail "the native debug symbols must not be deployed"
for folder in "$project"/Functions/*/; do
  name="$(basename "$folder")"
  [[ -f "$publish/$name/function.json" ]] || fail "$name/function.json is missing from the publish output"
done
# A component assembly of a composite image starts only next to that image (the runtime aborts without it).
if [[ -f "$publish/TradingBot.Functions.runtimeconfig.json" ]] && grep -q '"includedFrameworks"' "$publish/TradingBot.Functions.runtimeconfig.json"; then
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
