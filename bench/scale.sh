#!/usr/bin/env bash
# Scale benchmarks of annexlint (docs/performance.md): whole checks of synthetic
# bundles with 1k, 10k and 50k SBOM components, the pre-commit-sized run on the
# example bundle, policy compilation, and each SBOM rule alone at 10k components.
# Every benchmark runs COUNT times; the report gives medians (benchstat when the
# module proxy serves it, else the medians computed here).
#
#   bench/scale.sh                      # COUNT=5, everything (50k takes minutes)
#   COUNT=10 BENCH='Check10k' bench/scale.sh
#   OUT=results.txt bench/scale.sh      # keep the raw go test output
#   NOBENCHSTAT=1 bench/scale.sh        # medians computed here, without benchstat
set -uo pipefail
cd "$(dirname "$0")/.."

count=${COUNT:-5}
bench=${BENCH:-'Check1k|Check10k|Check50k|Precommit|Compile'}
rules=${RULES:-'Rules10k'}
out=${OUT:-$(mktemp)}
[ -n "${OUT:-}" ] || trap 'rm -f "$out"' EXIT

echo "# $(date -u +%FT%TZ) $(go version) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
# A failing benchmark (e.g. one that hits the evaluation time limit) is
# reported and the others still summarised; the exit status says it failed.
status=0
go test -run '^$' -bench "$bench" -benchmem -count "$count" -timeout 60m ./internal/check/ | tee -a "$out" || status=1
if [ -n "$rules" ]; then
  go test -run '^$' -bench "$rules" -benchmem -count "$count" -timeout 30m ./internal/sbomquality/ | tee -a "$out" || status=1
fi

echo
if [ -z "${NOBENCHSTAT:-}" ] && go run golang.org/x/perf/cmd/benchstat@latest "$out" 2>/dev/null; then
  exit "$status"
fi
echo "medians over $count runs (benchstat skipped or not available):"
# Benchmark lines are: name iterations, then value-unit pairs (ns/op,
# cpu-ns/op when the benchmark reports it, B/op, allocs/op); columns are
# found by their unit, not their position.
awk '
  /^Benchmark/ {
    name = $1; k = ++n[name]
    for (i = 3; i < NF; i += 2) v[name, $(i+1), k] = $i
    if (!(name in seen)) { seen[name] = 1; order[++names] = name }
  }
  function median(name, unit, k,    i, j, t, x, m) {
    m = 0
    for (i = 1; i <= k; i++) if ((name, unit, i) in v) x[++m] = v[name, unit, i] + 0
    if (m == 0) return -1
    for (i = 2; i <= m; i++) for (j = i; j > 1 && x[j-1] > x[j]; j--) { t = x[j]; x[j] = x[j-1]; x[j-1] = t }
    return (m % 2) ? x[(m+1)/2] : (x[m/2] + x[m/2+1]) / 2
  }
  function dur(t) {
    if (t < 0) return "-"
    if (t >= 1e9) return sprintf("%.3f s", t / 1e9)
    if (t >= 1e6) return sprintf("%.3f ms", t / 1e6)
    if (t >= 1e3) return sprintf("%.3f µs", t / 1e3)
    return sprintf("%.0f ns", t)
  }
  END {
    printf "%-44s %14s %14s %12s %14s %4s\n", "benchmark", "median wall", "median CPU", "median MB", "median allocs", "n"
    for (i = 1; i <= names; i++) {
      name = order[i]; k = n[name]
      b = median(name, "B/op", k); a = median(name, "allocs/op", k)
      printf "%-44s %14s %14s %12s %14s %4d\n", name, dur(median(name, "ns/op", k)), dur(median(name, "cpu-ns/op", k)),
        (b < 0 ? "-" : sprintf("%.1f", b / 1e6)), (a < 0 ? "-" : sprintf("%d", a)), k
    }
  }' "$out"
exit "$status"
