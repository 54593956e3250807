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
# Benchmark lines are: name iterations ns/op B/op allocs/op (with -benchmem).
awk '
  /^Benchmark/ {
    name = $1; n[name]++
    ns[name, n[name]] = $3; bytes[name, n[name]] = $5; allocs[name, n[name]] = $7
    if (!(name in seen)) { seen[name] = 1; order[++names] = name }
  }
  function median(arr, name, k,    i, j, t, v) {
    for (i = 1; i <= k; i++) v[i] = arr[name, i] + 0
    for (i = 2; i <= k; i++) for (j = i; j > 1 && v[j-1] > v[j]; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
    return (k % 2) ? v[(k+1)/2] : (v[k/2] + v[k/2+1]) / 2
  }
  END {
    printf "%-44s %14s %12s %14s %4s\n", "benchmark", "median time", "median MB", "median allocs", "n"
    for (i = 1; i <= names; i++) {
      name = order[i]; k = n[name]
      t = median(ns, name, k)
      unit = "ns"; if (t >= 1e9) { t /= 1e9; unit = "s" } else if (t >= 1e6) { t /= 1e6; unit = "ms" } else if (t >= 1e3) { t /= 1e3; unit = "µs" }
      printf "%-44s %11.3f %-2s %12.1f %14d %4d\n", name, t, unit, median(bytes, name, k) / 1e6, median(allocs, name, k), k
    }
  }' "$out"
exit "$status"
