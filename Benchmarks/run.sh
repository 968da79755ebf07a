#!/usr/bin/env bash
# Benchmarks, release build; writes their section of Benchmarks/RESULTS.md.
#   Benchmarks/run.sh validate     validation of a 20,000-asset plan against libyaml
#   Benchmarks/run.sh run          20,000 scans against the emulator, with and without --state
#   Benchmarks/run.sh limits       a server that allows 3 requests/s, the plan saying 20 or 3;
#                                  600 scans against a strict server at the declared 20/s
#   Benchmarks/run.sh findings     2,000 scans with 50 findings each against the emulator; writing
#                                  every output of 100,000 findings
#   Benchmarks/run.sh simulate     the scheduler core with 100,000 scans in virtual time; reports
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

emulator=""
# Starts `scanplan emulate` (with any command prefix, such as taskset) and sets $url.
start_emulator() {
  log=$(mktemp)
  "$@" >"$log" &
  emulator=$!
  for _ in $(seq 100); do grep -q "emulator at" "$log" && break; sleep 0.1; done
  url=$(sed -n 's/^scanplan emulator at //p' "$log")
  rm -f "$log"
}
stop_emulator() {
  kill "$emulator" 2>/dev/null || true
  wait "$emulator" 2>/dev/null || true
  emulator=""
}
trap 'stop_emulator' EXIT

case "$what" in
validate)
  swift build -c release --product scanplan >/dev/null
  swift build -c release --product ScanplanBenchmarks >/dev/null
  python3 Benchmarks/gen_plan.py 20000 >Benchmarks/data/plan-20000.yaml
  out=$(mktemp)
  {
    echo "## Validation"
    echo
    echo "\`Benchmarks/run.sh validate\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(swift --version 2>&1 | head -1)."
    echo "The plan is \`python3 Benchmarks/gen_plan.py 20000\`; the small plan is \`examples/quickstart.yaml\`."
    echo
    .build/release/ScanplanBenchmarks validate Benchmarks/data/plan-20000.yaml examples/quickstart.yaml \
      .build/release/scanplan 7
    echo
    echo "Pinned to one core (\`taskset -c 0\`, the whole benchmark and the processes it starts):"
    echo
    echo "| measurement | median of 15, interleaved | vs (a) | target |"
    echo "| --- | --- | --- | --- |"
    taskset -c 0 .build/release/ScanplanBenchmarks validate-pinned Benchmarks/data/plan-20000.yaml \
      .build/release/scanplan 15
    echo
    if command -v valgrind >/dev/null; then
      # Instruction counts do not move with the VM's neighbours. valgrind 3.19 cannot read
      # the binary's DWARF 5, so it runs a copy without debug information.
      bench=$(mktemp)
      objcopy --strip-debug .build/release/ScanplanBenchmarks "$bench"
      count() {
        taskset -c 0 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" once "$1" \
          Benchmarks/data/plan-20000.yaml 2>&1 | sed -n 's/.*Collected : //p'
      }
      parse=$(count parse)
      load=$(count load)
      check=$(count validate)
      rm -f "$bench"
      echo "Instructions, pinned to one core (\`valgrind --tool=callgrind\`, \`ScanplanBenchmarks once STEP\`; each count includes the process's start):"
      echo
      echo "| step | instructions | vs (a) |"
      echo "| --- | --- | --- |"
      awk -v p="$parse" -v l="$load" -v c="$check" 'BEGIN {
        printf "| (a) libyaml raw event parse | %.0f M | 1.00x |\n", p / 1e6
        printf "| (c1) loading the YAML tree | %.0f M | %.2fx |\n", l / 1e6, l / p
        printf "| (c) validation, as `validate` does it | %.0f M | %.2fx |\n", c / 1e6, c / p
      }'
      echo
    fi
  } >"$out"
  cat "$out"
  replace_section validate "$out"
  rm -f "$out"
  ;;
run)
  # 20,000 scans at 300 requests/s per vendor against an emulator that allows 400, with
  # and without --state, then with --state pinned to one core (the emulator on the other).
  swift build -c release --product scanplan >/dev/null
  bin=.build/release/scanplan
  python3 Benchmarks/gen_plan.py 13333 --base-url URL --rps 300 --poll 1s:4s \
    --triggers-per-minute 60000 >Benchmarks/data/plan-run.template.yaml
  out=$(mktemp)
  {
    echo "## Run"
    echo
    echo "\`Benchmarks/run.sh run\` on $(date -u +%Y-%m-%d), $(nproc) cores, release build: \`scanplan emulate --rate-limit 400 --scan-seconds 5:15\` in its own process, and \`scanplan run\` of \`gen_plan.py 13333 --rps 300 --poll 1s:4s --triggers-per-minute 60000\` (20,000 scans, two providers at 300 requests/s each), with \`--report\`, \`--junit\` and \`--html\`, and \`--state\` where shown. \"one core\" pins \`scanplan run\` to core 0 with \`taskset -c 0\` and the emulator to core 1. CPU is user + system time of \`scanplan run\`."
    echo
    echo "| run | wall | CPU | requests | 429s | scans created | peak memory | wall vs without --state |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  } >"$out"
  base_wall=""
  for variant in plain state onecore; do
    pin_emulator=() pin_run=()
    if [ "$variant" = onecore ]; then pin_emulator=(taskset -c 1) pin_run=(taskset -c 0); fi
    start_emulator "${pin_emulator[@]}" "$bin" emulate --port 0 --rate-limit 400 --scan-seconds 5:15 --seed 7
    sed "s#URL#$url#" Benchmarks/data/plan-run.template.yaml >Benchmarks/data/plan-run.yaml
    state=Benchmarks/data/run.state
    rm -f "$state"
    # Every flag the README recommends for CI: --report, --junit and --html, and --state.
    flags=(--report Benchmarks/data/run-report.json --junit Benchmarks/data/run-junit.xml --html Benchmarks/data/run.html)
    if [ "$variant" != plain ]; then flags+=(--state "$state"); fi
    stats=$( { /usr/bin/time -f "%e %U %S %M" env S4E_API_TOKEN=sandbox-s4e-token INVICTI_API_TOKEN=sandbox-invicti-token \
      "${pin_run[@]}" "$bin" run Benchmarks/data/plan-run.yaml "${flags[@]}" >/dev/null || true; } 2>&1 | tail -1)
    emulator_stats=$(curl -s "$url/_emulator/stats")
    stop_emulator
    label=$([ "$variant" = plain ] && echo "without --state" || ([ "$variant" = state ] && echo "with --state" || echo "with --state, one core"))
    python3 - "$label" "$stats" "$emulator_stats" "${base_wall:-0}" Benchmarks/data/run-report.json >>"$out" <<'PY'
import json, sys
label, stats, emulator, base, report = sys.argv[1], sys.argv[2].split(), json.loads(sys.argv[3]), float(sys.argv[4]), json.load(open(sys.argv[5]))
wall, user, system, peak = float(stats[0]), float(stats[1]), float(stats[2]), int(stats[3])
requests = sum(v["requests"] for v in emulator.values() if isinstance(v, dict) and "requests" in v)
throttled = sum(v["throttled"] for v in emulator.values() if isinstance(v, dict) and "throttled" in v)
created = sum(v["scans"] for v in emulator.values() if isinstance(v, dict) and "scans" in v)
statuses = {}
for scan in report["scans"]:
    statuses[scan["status"]] = statuses.get(scan["status"], 0) + 1
ratio = "1.00x" if base == 0 else "%.2fx" % (wall / base)
print("| %s | %.1f s | %.1f s | %d | %d | %d of %d (%s) | %.0f MiB | %s |" % (
    label, wall, user + system, requests, throttled, created, len(report["scans"]),
    ", ".join("%d %s" % (v, k) for k, v in sorted(statuses.items())), peak / 1024, ratio))
PY
    if [ "$variant" = plain ]; then base_wall=$(echo "$stats" | cut -d' ' -f1); fi
  done
  echo >>"$out"
  echo "Target: with \`--state\` within 1.15x of the run without it; one scan created per scan; no 429." >>"$out"
  echo >>"$out"
  cat "$out"
  replace_section run "$out"
  rm -f "$out"
  ;;
limits)
  # A server that allows 3 requests/s per vendor; the plan says 20 (misdeclared), 3
  # (right), and 20 against a server that tells its limit in RateLimit headers. Then 600
  # scans at 20/s against a strict server that allows exactly 20 in any second, no burst.
  swift build -c release --product scanplan >/dev/null
  bin=.build/release/scanplan
  out=$(mktemp)
  {
    echo "## A server's real limit"
    echo
    echo "\`Benchmarks/run.sh limits\` on $(date -u +%Y-%m-%d), $(nproc) cores, release build: \`scanplan emulate --rate-limit R --scan-seconds 5:15\` (per vendor: a token bucket of R requests/s that holds a fifth of a second's, or with \`--strict-rate-limit\` at most R in any second and no burst; 429 with \`Retry-After: 1\` when refused) and \`scanplan run\` of \`gen_plan.py ASSETS --poll 1s:4s --triggers-per-minute 6000\` with the \`--rps\` shown (60 assets are 90 scans, 400 are 600). \"Time the limit needs\" is the requests the server took, over R a second, for the busier vendor; \"use while due\" is the requests sent while some were due, over R times that time. CPU is user + system time of \`scanplan run\`."
    echo
    echo "| plan says | server | scans | wall | CPU | 429 share | time the limit needs | use of the budget (needs / wall) | use while due | target |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  } >"$out"
  for case in "20 3 plain 60" "3 3 plain 60" "20 3 headers 60" "20 20 strict 400"; do
    set -- $case
    rps=$1 limit=$2 mode=$3 assets=$4
    extra=()
    if [ "$mode" = headers ]; then extra=(--rate-limit-headers); fi
    if [ "$mode" = strict ]; then extra=(--strict-rate-limit); fi
    start_emulator "$bin" emulate --port 0 --rate-limit "$limit" --scan-seconds 5:15 --seed 7 "${extra[@]}"
    python3 Benchmarks/gen_plan.py "$assets" --base-url "$url" --rps "$rps" --poll 1s:4s --triggers-per-minute 6000 \
      >Benchmarks/data/plan-limits.yaml
    stats=$( { /usr/bin/time -f "%e %U %S" env S4E_API_TOKEN=sandbox-s4e-token INVICTI_API_TOKEN=sandbox-invicti-token \
      "$bin" run Benchmarks/data/plan-limits.yaml --report Benchmarks/data/limits-report.json >/dev/null || true; } 2>&1 | tail -1)
    emulator_stats=$(curl -s "$url/_emulator/stats")
    stop_emulator
    python3 - "$rps" "$limit" "$mode" "$stats" "$emulator_stats" Benchmarks/data/limits-report.json >>"$out" <<'PY'
import json, sys
rps, limit, mode, stats, emulator, report = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4].split(), json.loads(sys.argv[5]), json.load(open(sys.argv[6]))
wall, cpu = float(stats[0]), float(stats[1]) + float(stats[2])
vendors = [v for v in emulator.values() if isinstance(v, dict) and "requests" in v and v["requests"] > 0]
requests = sum(v["requests"] for v in vendors)
throttled = sum(v["throttled"] for v in vendors)
needed = max((v["requests"] - v["throttled"]) / limit for v in vendors)
uses = []
for p in report["providers"]:
    if p["backlogged_seconds"] > 0:
        uses.append("%s %.0f %%" % (p["name"], 100 * p["backlogged_requests"] / (limit * p["backlogged_seconds"])))
server = {"plain": "%g/s", "headers": "%g/s, tells it in RateLimit headers", "strict": "%g/s strict, no burst"}[mode] % limit
target = {"20 plain": "429s at most 4 %, wall within 1.5x (aim 1.3x)", "3 plain": "no 429, use at least 95 %",
          "20 headers": "no 429", "20 strict": "429s at most 1 %, use at least 0.93"}[rps + " " + mode]
print("| %s/s | %s | %d | %.1f s | %.1f s | %.1f %% (%d of %d) | %.1f s | %.2f (%.2fx) | %s | %s |" % (
    rps, server, len(report["scans"]), wall, cpu, 100 * throttled / requests, throttled, requests, needed,
    needed / wall, wall / needed, ", ".join(uses), target))
PY
  done
  {
    echo
    echo "Against the strict server, \"use while due\" is the pacing's own figure: requests go at 97 % of the declared rate (the headroom that keeps arrival jitter from bringing one in too early), and a lone 429 would pause for its \`Retry-After\` and keep the rate. \"Needs / wall\" adds the run's start and its tail: the second scan of each S4E asset starts only when the first has ended, and the last scans run 5 to 15 s after their trigger, polled while the budget has little else to send."
    echo
  } >>"$out"
  cat "$out"
  replace_section limits "$out"
  rm -f "$out"
  ;;
findings)
  # 2,000 scans (gen_plan.py 1334: 1,334 S4E and 667 Invicti scans) whose scans list 50
  # findings each, with every flag the README recommends, and again with reading off; then
  # the outputs of 100,000 findings written in process.
  swift build -c release --product scanplan >/dev/null
  swift build -c release --product ScanplanBenchmarks >/dev/null
  bin=.build/release/scanplan
  python3 Benchmarks/gen_plan.py 1334 --base-url URL --rps 100 --poll 1s:4s \
    --triggers-per-minute 60000 >Benchmarks/data/plan-findings.template.yaml
  out=$(mktemp)
  {
    echo "## Findings at scale"
    echo
    echo "\`Benchmarks/run.sh findings\` on $(date -u +%Y-%m-%d), $(nproc) cores, release build: \`scanplan emulate --findings-per-scan 50 --scan-seconds 5:15\` in its own process, and \`scanplan run\` of \`gen_plan.py 1334 --rps 100 --poll 1s:4s --triggers-per-minute 60000\` (2,001 scans, two providers at 100 requests/s each) with \`--state\`, \`--report\`, \`--junit\`, \`--sarif\` and \`--html\`, then the same plan with \`read_findings: false\`. CPU is user + system time of \`scanplan run\`; peak memory its maximum resident set."
    echo
    echo "| run | wall | CPU | requests | of them findings pages | 429s | findings | peak memory |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  } >"$out"
  for variant in read off; do
    start_emulator "$bin" emulate --port 0 --findings-per-scan 50 --scan-seconds 5:15 --seed 7
    sed "s#URL#$url#" Benchmarks/data/plan-findings.template.yaml >Benchmarks/data/plan-findings.yaml
    if [ "$variant" = off ]; then
      sed -i 's/^    requests_per_second: /    read_findings: false\n    requests_per_second: /' Benchmarks/data/plan-findings.yaml
    fi
    rm -f Benchmarks/data/findings.state
    stats=$( { /usr/bin/time -f "%e %U %S %M" env S4E_API_TOKEN=sandbox-s4e-token INVICTI_API_TOKEN=sandbox-invicti-token \
      "$bin" run Benchmarks/data/plan-findings.yaml --state Benchmarks/data/findings.state \
      --report Benchmarks/data/findings-report.json --junit Benchmarks/data/findings.xml \
      --sarif Benchmarks/data/findings.sarif --html Benchmarks/data/findings.html >/dev/null || true; } 2>&1 | tail -1)
    emulator_stats=$(curl -s "$url/_emulator/stats")
    stop_emulator
    python3 - "$variant" "$stats" "$emulator_stats" Benchmarks/data/findings-report.json >>"$out" <<'PY'
import json, sys
variant, stats, emulator, report = sys.argv[1], sys.argv[2].split(), json.loads(sys.argv[3]), json.load(open(sys.argv[4]))
wall, cpu, peak = float(stats[0]), float(stats[1]) + float(stats[2]), int(stats[3])
vendors = [v for v in emulator.values() if isinstance(v, dict) and "requests" in v]
requests = sum(v["requests"] for v in vendors)
throttled = sum(v["throttled"] for v in vendors)
findings = sum(len(s.get("findings") or []) for s in report["scans"])
pages = sum(1 for s in report["scans"] if s.get("findings") is not None) if variant == "read" else 0
label = "findings read" if variant == "read" else "read_findings: false"
print("| %s | %.1f s | %.1f s | %d | %s | %d | %d | %.0f MiB |" % (
    label, wall, cpu, requests, "%d (one page a scan)" % pages if pages else "0", throttled, findings, peak / 1024))
PY
  done
  {
    echo
    echo "Writing every output of a run of 2,000 scans with 50 findings each, in process (\`ScanplanBenchmarks reports 2000 50\`, median of 5):"
    echo
    .build/release/ScanplanBenchmarks reports 2000 50
    echo
    echo "Reading the findings adds one page request per scan (50 findings fit in one page), sent at the budget like every request: the longer wall is those pages at 100 requests/s per provider (polls vary from run to run with the scans' timing). The extra CPU is reading 100,000 findings from the answers and keeping them in the state file; the peak memory is the findings of the run, held for the report."
    echo
    echo "Targets: reading adds only the findings pages, within the budget; writing the report, the SARIF, the JUnit file and the page under 3 s in all; peak memory under 400 MB."
    echo
  } >>"$out"
  cat "$out"
  replace_section findings "$out"
  rm -f "$out"
  ;;
simulate)
  swift build -c release --product ScanplanBenchmarks >/dev/null
  out=$(mktemp)
  {
    echo "## Scale simulation"
    echo
    echo "\`Benchmarks/run.sh simulate\` on $(date -u +%Y-%m-%d), release build: \`ScanplanBenchmarks simulate 100000\`, the scheduler core in virtual time against an in-memory service (20 ms answers, scans of 10 to 60 minutes), and \`ScanplanBenchmarks reports 20000\`, writing the report files of a 20,000-scan run (six polls each on its timeline), then reading the report back to draw the HTML page and the job summary."
    echo
    .build/release/ScanplanBenchmarks simulate 100000
    echo
    .build/release/ScanplanBenchmarks reports 20000
    echo
  } >"$out"
  cat "$out"
  replace_section simulate "$out"
  rm -f "$out"
  ;;
*)
  echo "usage: Benchmarks/run.sh validate|run|limits|findings|simulate" >&2
  exit 64
  ;;
esac
