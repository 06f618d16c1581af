#!/usr/bin/env bash
# Benchmarks (Release build). Usage: bash bench/run.sh [SHARED_DIR [--findings N]]   (default: ../shared beside the repo)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-$(cd .. && pwd)/shared}"
dotnet run -c Release --project bench/Ctem.Bench -- "$shared" "${@:2}"
