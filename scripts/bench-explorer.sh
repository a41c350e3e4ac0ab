#!/usr/bin/env bash
# Times whole `java -jar target/racelab.jar explore` runs (JVM start included) with GNU time:
# wall time and peak resident memory, heap capped at 1 GiB. Build first: ./mvnw -B -q -DskipTests package
# Usage: scripts/bench-explorer.sh [repeats]   (prints a Markdown table; best and worst of the repeats)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
jar=target/racelab.jar
run() { # args: label, explore args...
  local label="$1"; shift
  local walls=() rss=()
  for ((i = 0; i < repeats; i++)); do
    local out
    out=$( { /usr/bin/time -f "%e %M" java -Xmx1g -jar "$jar" explore "$@" --format json >/dev/null; } 2>&1 | tail -1)
    walls+=("${out% *}"); rss+=("${out#* }")
  done
  local best worst peak
  best=$(printf '%s\n' "${walls[@]}" | sort -n | head -1)
  worst=$(printf '%s\n' "${walls[@]}" | sort -n | tail -1)
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  printf '| %s | `%s` | %s | %s | %d |\n' "$label" "explore $*" "$best" "$worst" "$((peak / 1024))"
}
echo "| case | command (java -Xmx1g -jar target/racelab.jar ...) | best wall s | worst wall s | peak RSS MiB |"
echo "|---|---|---|---|---|"
for lock in "" "--lock"; do
  for c in "3 3" "4 3" "3 5" "4 4" "4 5" "5 2" "5 3"; do
    set -- $c
    run "$1×$2${lock:+ lock}" --threads "$1" --increments "$2" $lock
  done
done
# One page (50 schedules) of the largest UI case, from the middle of the most common outcome.
run "4×5 + page of 50" --threads 4 --increments 5 --outcome 6 --list 50 --first 500000000000000000000000000000001
run "4×3 + page of 50" --threads 4 --increments 3 --outcome 5 --list 50 --first 1000000000000000001
