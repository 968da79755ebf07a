#!/usr/bin/env bash
# Fuzzes with libFuzzer and AddressSanitizer.
#   Fuzz/run.sh SECONDS [JOBS] [plans|answers]
# plans (the default): loading, validation and rendering of plan files, seeded from
# examples/ and the test fixtures. answers: every vendor's answer readers and the
# scheduler handling scripted answers, seeded by Fuzz/answer_seeds.py. The working
# corpus stays in Fuzz/corpus-work/TARGET (not committed), findings land in
# Fuzz/findings. Exits non-zero when libFuzzer reports a crash, a leak or a hang (over
# 10 s for one input).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: Fuzz/run.sh SECONDS [JOBS] [plans|answers]}
jobs=${2:-1}
target=${3:-plans}

case "$target" in
plans) product=ScanplanFuzz dict=Fuzz/yaml.dict work=Fuzz/corpus-work ;;
answers) product=ScanplanAnswerFuzz dict=Fuzz/answers.dict work=Fuzz/corpus-work/answers ;;
*) echo "usage: Fuzz/run.sh SECONDS [JOBS] [plans|answers]" >&2; exit 64 ;;
esac

# CI's smoke runs build in debug (FUZZ_CONFIGURATION=debug): a cold build takes half as
# long, and a minute's run needs breadth more than speed. Long runs stay in release.
configuration=${FUZZ_CONFIGURATION:-release}
swift build -c "$configuration" --scratch-path .build-fuzz --product "$product" \
  -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
binary=".build-fuzz/$configuration/$product"

seeds=$work/seeds
mkdir -p "$seeds" "$work/generated" Fuzz/findings
if [ "$target" = plans ]; then
  find examples Tests/ScanplanPlanTests/Fixtures Tests/ScanplanCLITests/Goldens -name '*.yaml' -exec cp {} "$seeds"/ \;
else
  python3 Fuzz/answer_seeds.py "$seeds"
  # Every registered vendor's answer shapes, from its emulation. The writer runs once and
  # exits; the fuzz run below is what checks for leaks.
  ASAN_OPTIONS=detect_leaks=0 SCANPLAN_FUZZ_SEEDS="$seeds" "$binary"
fi

args=(
  "$work/generated" "$seeds"
  -dict="$dict" -max_total_time="$seconds" -max_len=65536 -timeout=10
  -rss_limit_mb=2048 -artifact_prefix=Fuzz/findings/ -print_final_stats=1
)
if [ "$jobs" -gt 1 ]; then args+=(-jobs="$jobs" -workers="$jobs"); fi
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=.lsan-suppressions \
  "$binary" "${args[@]}"
