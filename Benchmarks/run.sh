#!/usr/bin/env bash
# Benchmarks, release build; writes their section of Benchmarks/RESULTS.md.
#   Benchmarks/run.sh validate     validation of a 20,000-asset plan against libyaml
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
*)
  echo "usage: Benchmarks/run.sh validate" >&2
  exit 64
  ;;
esac
