#!/usr/bin/env bash
# The full fuzz run of the readers (issue 9): CsCheck mutations of valid files of each of 8 formats
# (CSV, TSV, JSON Lines, JSON records, JSON columns, Parquet, gzip CSV, gzip JSON Lines), read and
# prepared as the CLI does; only the library's own errors may escape. The test suite runs 400 per
# format; this runs ITERATIONS per format (default 12,500: 100,000 in all).
# Usage: tests/ScalingFit.Benchmarks/fuzz-readers.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-12500}
SCALINGFIT_FUZZ_ITERATIONS=$iterations dotnet test tests/ScalingFit.Tests -c Release --filter "FullyQualifiedName~ReaderFuzzTests" 2>&1 |
  grep -E "Passed!|Failed!|Error Message|seed|Exception" || true
echo "$iterations mutations per format, 8 formats: $((iterations * 8)) in all"
