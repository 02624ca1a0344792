#!/usr/bin/env bash
# bench/run.sh [CASES]   (default 100000; issue 6 "Benchmarks")
#
# Generates CASES case files once, then runs, alternately, RUNS times (default 3):
#   (a) parse only: the project's reader over the input (compliance-bench parse);
#   (b) parse + evaluate + write: the real `compliance check` (Release);
#   (c) the engine floor: on cases already in memory, the engine with only CSC1001, CSC2001 and
#       CSC3001 against a hand-written C# version of them (compliance-bench floor; the first
#       FLOOR_CASES cases, default 20000, median of 5 alternating passes each, in CPU time). It runs
#       without tiered compilation: both sides are then fully optimised from the first call, and no
#       background recompilation (more of it for the engine, which has more methods) lands in
#       whichever pass is running; CPU time then equals wall time on a quiet machine.
# Ends with two lines: throughput_ratio_vs_parse_only (median throughput of b over that of a,
# wall-clock, process start-up included) and time_ratio_vs_handwritten (median engine time over
# median hand-written time in c).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cases=${1:-100000}
runs=${RUNS:-3}
floor_cases=${FLOOR_CASES:-20000}
as_of=2026-11-20
seed=1

# Case files are about children, even made-up ones: owner-only, removed afterwards.
umask 077
work=$(mktemp -d "${TMPDIR:-/tmp}/compliance-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

dotnet build src/ComplianceRules.Cli -c Release -v q --nologo >&2
dotnet build bench/ComplianceRules.Benchmarks -c Release -v q --nologo >&2
compliance=src/ComplianceRules.Cli/bin/Release/net10.0/compliance
bench=bench/ComplianceRules.Benchmarks/bin/Release/net10.0/compliance-bench
input="$work/cases.ndjson"

echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MB, dotnet $(dotnet --version)"
start=$(date +%s.%N)
"$compliance" generate --cases "$cases" --seed "$seed" --as-of "$as_of" --out "$input"
echo "generated $cases cases ($(du -m "$input" | cut -f1) MB) in $(echo "$(date +%s.%N) - $start" | bc) s"

# Wall-clock seconds of one command, process start-up included; its stdout goes to $work/last.
timed() {
  local before after
  before=$(date +%s.%N)
  "$@" >"$work/last"
  after=$(date +%s.%N)
  echo "$after - $before" | bc
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/a" ; : >"$work/b" ; : >"$work/engine" ; : >"$work/handwritten"
for run in $(seq 1 "$runs"); do
  a=$(timed "$bench" parse "$input")
  echo "$a" >>"$work/a"
  b=$(timed "$compliance" check "$input" --as-of "$as_of" --out "$work/out" --fail-on none)
  echo "$b" >>"$work/b"
  DOTNET_TieredCompilation=0 "$bench" floor "$input" "$as_of" "$floor_cases" 5 >"$work/last"
  engine=$(sed -n 's/^engine_seconds=//p' "$work/last")
  handwritten=$(sed -n 's/^handwritten_seconds=//p' "$work/last")
  echo "$engine" >>"$work/engine"
  echo "$handwritten" >>"$work/handwritten"
  printf 'run %d: (a) parse %.2f s, %.0f cases/s; (b) check %.2f s, %.0f cases/s; (c) %s; CPU: engine %.3f s, hand-written %.3f s\n' \
    "$run" "$a" "$(echo "$cases / $a" | bc -l)" "$b" "$(echo "$cases / $b" | bc -l)" "$(head -1 "$work/last")" "$engine" "$handwritten"
done

throughput_a=$(echo "$cases / $(median <"$work/a")" | bc -l)
throughput_b=$(echo "$cases / $(median <"$work/b")" | bc -l)
printf 'throughput_ratio_vs_parse_only=%.3f\n' "$(echo "$throughput_b / $throughput_a" | bc -l)"
printf 'time_ratio_vs_handwritten=%.3f\n' "$(echo "$(median <"$work/engine") / $(median <"$work/handwritten")" | bc -l)"
