#!/usr/bin/env bash
# Benchmarks (Release build). Usage: bash bench/run.sh [SHARED_DIR [--findings N]]   (default: ../shared beside the repo)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-$(cd .. && pwd)/shared}"

# The whole-process rows time the CLI as users install it: published for this machine's runtime, ReadyToRun.
published="$(mktemp -d -t ctem-bench-cli.XXXXXX)"
trap 'rm -rf "$published"' EXIT
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
dotnet publish src/Ctem.Cli -c Release -r "${rid:-linux-x64}" --self-contained false -o "$published" -v quiet -nologo >/dev/null
export CTEM_BENCH_CTEM="$published/ctem"

dotnet run -c Release --project bench/Ctem.Bench -- "$shared" "${@:2}"
