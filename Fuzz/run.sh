#!/usr/bin/env bash
# Fuzzes loading, validation and rendering with libFuzzer and AddressSanitizer.
#   Fuzz/run.sh SECONDS [JOBS]
# The seed corpus is examples/ and the test fixtures; the working corpus stays in
# Fuzz/corpus-work (not committed), findings land in Fuzz/findings. Exits non-zero when
# libFuzzer reports a crash, a leak or a hang (over 10 s for one input).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: Fuzz/run.sh SECONDS [JOBS]}
jobs=${2:-1}

swift build -c release --scratch-path .build-fuzz --product ScanplanFuzz \
  -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null

seeds=Fuzz/corpus-work/seeds
mkdir -p "$seeds" Fuzz/corpus-work/generated Fuzz/findings
find examples Tests/ScanplanPlanTests/Fixtures Tests/ScanplanCLITests/Goldens -name '*.yaml' -exec cp {} "$seeds"/ \;

args=(
  Fuzz/corpus-work/generated "$seeds"
  -dict=Fuzz/yaml.dict -max_total_time="$seconds" -max_len=65536 -timeout=10
  -rss_limit_mb=2048 -artifact_prefix=Fuzz/findings/ -print_final_stats=1
)
if [ "$jobs" -gt 1 ]; then args+=(-jobs="$jobs" -workers="$jobs"); fi
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=.lsan-suppressions \
  .build-fuzz/release/ScanplanFuzz "${args[@]}"
