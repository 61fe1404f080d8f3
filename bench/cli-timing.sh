#!/usr/bin/env bash
# Reproducible end-to-end timing of the CLI (parse CSV + backtest + statistics + table) on 1,000,000 1-minute bars,
# and of a 70-combination optimisation over 10,000 bars. Prints wall time and peak memory (max RSS) per run.
# Usage: bench/cli-timing.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
OUT="artifacts/bench"; mkdir -p "$OUT"
dotnet build src/TradingBot.Cli -c Release -v q -nologo >/dev/null
CLI="dotnet artifacts/bin/TradingBot.Cli/release/tradingbot.dll"
[ -f "$OUT/synth_1m.csv" ] || $CLI data synth --bars 1000000 --seed 1 --out "$OUT/synth_1m.csv" >/dev/null
[ -f "$OUT/synth_10k.csv" ] || $CLI data synth --bars 10000 --seed 1 --out "$OUT/synth_10k.csv" >/dev/null

measure() {
  local label="$1"; shift
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null
    read -r wall rss < "$OUT/time.txt"
    awk -v l="$label" -v i="$i" -v w="$wall" -v r="$rss" 'BEGIN { printf "%-44s run %d: %6.3f s wall, %6.1f MB max RSS\n", l, i, w, r / 1024 }'
  done
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "backtest sma-cross 10/20, 1M bars" $CLI backtest --data "$OUT/synth_1m.csv" --strategy sma-cross --param fast=10 --param slow=20
measure "optimize 70 combinations, 10k bars" $CLI optimize --data "$OUT/synth_10k.csv" --strategy sma-cross \
  --param fast=5..45:5 --param slow=10..100:10 --constraint "fast<slow" --maximize sqn
