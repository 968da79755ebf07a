#!/usr/bin/env bash
# Benchmarks, release build; writes their section of Benchmarks/RESULTS.md.
#   Benchmarks/run.sh validate     validation of a 20,000-asset plan against libyaml
#   Benchmarks/run.sh run          1,500 scans against the emulator at 50 requests/s per vendor
# Not part of CI: the figures mean something only on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-validate}
mkdir -p Benchmarks/data

replace_section() {  # name, content file
  local name=$1 body=$2 results=Benchmarks/RESULTS.md
  [ -f "$results" ] || printf '# Benchmark results\n\nWritten by `Benchmarks/run.sh`; each section says the command that produced it.\n' >"$results"
  python3 - "$results" "$name" "$body" <<'PY'
import sys, re
path, name, body = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(path).read()
start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
block = f"{start}\n{body}{end}"
if start in text:
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
}

case "$what" in
validate)
  swift build -c release --product scanplan >/dev/null
  swift build -c release --product ScanplanBenchmarks >/dev/null
  python3 ../shared/bench/gen_plan.py 20000 >Benchmarks/data/plan-20000.yaml
  out=$(mktemp)
  {
    echo "## Validation"
    echo
    echo "\`Benchmarks/run.sh validate\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(swift --version 2>&1 | head -1)."
    echo "The plan is \`python3 ../shared/bench/gen_plan.py 20000\`; the small plan is \`examples/quickstart.yaml\`."
    echo
    .build/release/ScanplanBenchmarks validate Benchmarks/data/plan-20000.yaml examples/quickstart.yaml \
      .build/release/scanplan 7
    echo
  } >"$out"
  cat "$out"
  replace_section validate "$out"
  rm -f "$out"
  ;;
run)
  swift build -c release --product scanplan >/dev/null
  bin=.build/release/scanplan
  log=$(mktemp)
  "$bin" emulate --port 0 --rate-limit 50 --scan-seconds 5:15 --seed 7 >"$log" &
  emulator=$!
  trap 'kill $emulator 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q "emulator at" "$log" && break; sleep 0.1; done
  url=$(sed -n 's/^scanplan emulator at //p' "$log")
  # The emulator enforces no published trigger limit here: the request budget is measured.
  python3 ../shared/bench/gen_plan.py 1000 --base-url "$url" --poll 1s:4s --triggers-per-minute 6000 \
    >Benchmarks/data/plan-run.yaml
  report=Benchmarks/data/run-report.json
  # `run` exits 1 when a gate fails, which the generated plan's gates against the
  # emulator's random findings make likely; the figures are what is measured here.
  stats=$( { /usr/bin/time -f "%e %M" env S4E_API_TOKEN=sandbox-s4e-token INVICTI_API_TOKEN=sandbox-invicti-token \
    "$bin" run Benchmarks/data/plan-run.yaml --report "$report" >/dev/null || true; } 2>&1 | tail -1)
  emulator_stats=$(curl -s "$url/_emulator/stats")
  kill $emulator
  out=$(mktemp)
  python3 - "$report" "$stats" "$emulator_stats" >"$out" <<'PY'
import json, sys, datetime
report = json.load(open(sys.argv[1]))
wall, peak_kb = sys.argv[2].split()
wall = float(wall)
emulator = json.loads(sys.argv[3])
scans = len(report["scans"])
statuses = {}
for scan in report["scans"]:
    statuses[scan["status"]] = statuses.get(scan["status"], 0) + 1
requests = sum(p["requests"] for p in report["providers"])
print("## Run")
print()
print("`Benchmarks/run.sh run` on %s: `scanplan emulate --rate-limit 50 --scan-seconds 5:15` in its own process," % datetime.date.today())
print("and `scanplan run` of `gen_plan.py 1000 --base-url URL --poll 1s:4s --triggers-per-minute 6000` (1,500 scans, two providers at 50 requests/s each), release build.")
print()
print("| measurement | value | target |")
print("| --- | --- | --- |")
print("| scans | %d (%s) | |" % (scans, ", ".join("%d %s" % (v, k) for k, v in sorted(statuses.items()))))
print("| wall time | %.1f s | |" % wall)
print("| requests sent | %d (%.2f per scan) | |" % (requests, requests / scans))
print("| 429s seen by the emulator | %d | 0 |" % (emulator["s4e"]["throttled"] + emulator["invicti"]["throttled"]))
created = emulator["s4e"]["scans"] + emulator["invicti"]["scans"]
print("| scans the emulator created | %d | %d, one per scan |" % (created, scans))
print("| exit code | %d (Invicti `fail_on: { critical: 1 }` gates against random severities) | |" % report["exit_code"])
for p in report["providers"]:
    overall = p["requests"] / (p["requests_per_second"] * wall)
    due = p["backlogged_requests"] / (p["requests_per_second"] * p["backlogged_seconds"]) if p["backlogged_seconds"] > 0 else 0
    print("| %s: requests / (50 x wall) | %.1f %% | |" % (p["name"], overall * 100))
    print("| %s: utilization while requests were due (%d requests in %.1f s backlogged) | %.1f %% | at least 90 %% |" % (p["name"], p["backlogged_requests"], p["backlogged_seconds"], due * 100))
print("| peak memory of `scanplan run` | %.1f MiB | under 64 MB |" % (int(peak_kb) / 1024))
print()
PY
  cat "$out"
  replace_section run "$out"
  rm -f "$out" "$log"
  ;;
*)
  echo "usage: Benchmarks/run.sh validate|run" >&2
  exit 64
  ;;
esac
