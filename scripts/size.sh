#!/usr/bin/env bash
# Raw and gzip (-9) bytes of every file in dist/, and the total.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run make dist first"; exit 1; }
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' file raw gzip
while IFS= read -r f; do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
awk -v b="$total_gz" 'BEGIN { printf "total gzip: %.1f KB\n", b / 1024 }'
