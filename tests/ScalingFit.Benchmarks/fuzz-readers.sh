#!/usr/bin/env bash
# The full fuzz run of the readers (issue 9): CsCheck mutations of valid files of each of 11 formats
# (CSV, TSV, JSON Lines, JSON records, JSON columns, Parquet, gzip CSV, gzip JSON Lines, Python's JSON
# with NaN and Infinity, JSON Lines longer than the sniffed head, gzip of several members), read and
# prepared as the CLI does; only the library's own errors may escape. The test suite runs 400 per
# format; this runs ITERATIONS per format (default 12,500: 137,500 in all).
# Usage: tests/ScalingFit.Benchmarks/fuzz-readers.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-12500}
SCALINGFIT_FUZZ_ITERATIONS=$iterations dotnet test tests/ScalingFit.Tests -c Release --filter "FullyQualifiedName~ReaderFuzzTests" 2>&1 |
  grep -E "Passed!|Failed!|Error Message|seed|Exception" || true
echo "$iterations mutations per format, 11 formats: $((iterations * 11)) in all"
