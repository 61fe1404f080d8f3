#!/usr/bin/env bash
# Handler cold start (issue 6): process start -> first 200 of GET /api/health on loopback, started as the Functions
# host starts it (`./TradingBot.Functions --urls http://127.0.0.1:<port>` in the app root), for
#   slim-floor   a minimal WebApplication.CreateSlimBuilder app with one route, published with Native AOT like the
#                handler (the framework's floor here)
#   handler-r2r  the PublishAot=false publish (self-contained, one composite ReadyToRun image for x86-64-v3; deployed
#                before Native AOT)
#   handler-aot  the Release publish as deployed (Native AOT)
# or, given a baseline publish folder (e.g. another branch's `dotnet publish src/TradingBot.Functions -c Release -o DIR`,
# made once, started as its host.json says), that folder as `baseline` instead of handler-r2r.
# Storage is configured but never called at startup (UseDevelopmentStorage=true; no Azurite needed).
# Usage: bench/handler-coldstart.sh [runs=10] [baseline-publish-folder]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-10}"
BASELINE="${2:+$(cd "$2" && pwd)}"
OUT="$(pwd)/artifacts/bench/coldstart"; rm -rf "$OUT"; mkdir -p "$OUT"
dotnet publish src/TradingBot.Functions -c Release -o "$OUT/handler-aot" -nologo -v q >/dev/null
if [ -n "$BASELINE" ]; then
  if [ -f "$BASELINE/TradingBot.Functions" ]; then
    COMPARE=(-- baseline "$BASELINE" ./TradingBot.Functions --urls 'http://127.0.0.1:{port}')
  else
    COMPARE=(-- baseline "$BASELINE" dotnet TradingBot.Functions.dll --urls 'http://127.0.0.1:{port}')
  fi
else
  dotnet publish src/TradingBot.Functions -c Release -p:PublishAot=false -o "$OUT/handler-r2r" -nologo -v q >/dev/null
  COMPARE=(-- handler-r2r "$OUT/handler-r2r" ./TradingBot.Functions --urls 'http://127.0.0.1:{port}')
fi
SLIM="$(mktemp -d)"; trap 'rm -rf "$SLIM"' EXIT
cat > "$SLIM/slim.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>
</Project>
XML
cat > "$SLIM/Program.cs" <<'CS'
var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/api/health", () => "ok");
app.Run();
CS
dotnet publish "$SLIM/slim.csproj" -c Release -r linux-x64 -p:PublishAot=true -o "$OUT/slim-floor" -nologo -v q >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --list-runtimes | grep -m1 NETCore | cut -d' ' -f1-2)"
export TableConnection=UseDevelopmentStorage=true Logging__LogLevel__Default=Warning
python3 bench/coldstart.py "$RUNS" \
  -- slim-floor "$OUT/slim-floor" ./slim --urls 'http://127.0.0.1:{port}' \
  "${COMPARE[@]}" \
  -- handler-aot "$OUT/handler-aot" ./TradingBot.Functions --urls 'http://127.0.0.1:{port}'
