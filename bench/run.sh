#!/usr/bin/env bash
# Benchmarks (Release build). Usage: bash bench/run.sh [SHARED_DIR [--findings N]]   (default: ../shared beside the repo)
# CTEM_BENCH_DB=<PostgreSQL connection string>: every part on SQLite, then ingest and the portfolio on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-$(cd .. && pwd)/shared}"

# The whole-process rows time the CLI as users install it: published for this machine's runtime, ReadyToRun.
published="$(mktemp -d -t ctem-bench-cli.XXXXXX)"
trap 'rm -rf "$published"' EXIT
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
dotnet publish src/Ctem.Cli -c Release -r "${rid:-linux-x64}" --self-contained false -o "$published" -v quiet -nologo >/dev/null
export CTEM_BENCH_CTEM="$published/ctem"

if [ -n "${CTEM_BENCH_ONLY:-}" ] || [ -z "${CTEM_BENCH_DB:-}" ]; then
    dotnet run -c Release --project bench/Ctem.Bench -- "$shared" "${@:2}"
    if [ -z "${CTEM_BENCH_ONLY:-}" ]; then
        echo
        echo "portfolio: skipped (PostgreSQL only: set CTEM_BENCH_DB to a server's connection string)"
    fi
else
    # Every part on SQLite, then the parts with a PostgreSQL goal on the server CTEM_BENCH_DB names, each in a
    # database of its own.
    env -u CTEM_BENCH_DB dotnet run -c Release --project bench/Ctem.Bench -- "$shared" "${@:2}"
    echo
    CTEM_BENCH_ONLY=ingest dotnet run -c Release --no-build --project bench/Ctem.Bench -- "$shared" "${@:2}" | tail -n +2
    echo
    CTEM_BENCH_ONLY=portfolio dotnet run -c Release --no-build --project bench/Ctem.Bench -- "$shared" "${@:2}" | tail -n +2
fi
