#!/usr/bin/env bash
# Lab throughput benchmark: increments per second of every counter kind at 1, 2, 4 and 8 workers,
# and the unsafe counter's lost percentage, as a Markdown table. Each cell is the median of REPEATS runs.
# Usage: ./mvnw -B -q -DskipTests package && scripts/bench-lab.sh [tasks] [increments] [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${1:-8}
INCREMENTS=${2:-20000000}
REPEATS=${3:-3}
JAR=target/racelab.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
echo "tasks=$TASKS increments/task=$INCREMENTS repeats=$REPEATS cpus=$(nproc) java=$(java -version 2>&1 | head -1)"
echo
echo "| workers | unsafe | synchronized | lock | atomic | adder | unsafe lost % (median, min-max) |"
echo "|--:|--:|--:|--:|--:|--:|--:|"
for W in 1 2 4 8; do
  RUNS=$(for r in $(seq "$REPEATS"); do
    java -jar "$JAR" lab --counter all --workers "$W" --tasks "$TASKS" --increments "$INCREMENTS" --format json
  done)
  median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
  ROW="| $W"
  for K in unsafe synchronized lock atomic adder; do
    M=$(echo "$RUNS" | jq -r --arg k "$K" '.runs[] | select(.counter==$k) | .incrementsPerSecond' | median)
    ROW="$ROW | $(awk -v m="$M" 'BEGIN { printf "%.1f M/s", m / 1e6 }')"
  done
  LOST=$(echo "$RUNS" | jq -r '.runs[] | select(.counter=="unsafe") | .lostPercent')
  ROW="$ROW | $(echo "$LOST" | median) ($(echo "$LOST" | sort -n | head -1)-$(echo "$LOST" | sort -n | tail -1)) |"
  echo "$ROW"
done
