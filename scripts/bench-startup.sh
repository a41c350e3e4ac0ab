#!/usr/bin/env bash
# Startup benchmark: time from `java -jar target/racelab.jar` to the window's first frame, as a Markdown table.
# Needs a display (e.g. `Xvfb :47 -screen 0 1920x1080x24 &` and DISPLAY=:47). Each run opens the window, which
# writes its figures to a file and closes itself (racelab.startup.report).
# Usage: ./mvnw -B -q -DskipTests package && scripts/bench-startup.sh [runs] [java options...]
#   scripts/bench-startup.sh 6                       first run after a build writes the class archive, the rest map it
#   scripts/bench-startup.sh 5 -Dracelab.cds=false   the window in the first JVM, no class archive
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-6}
shift || true
JAR=target/racelab.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "needs a display: Xvfb :47 -screen 0 1920x1080x24 & export DISPLAY=:47" >&2; exit 1; }
REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT
field() { sed -n "s/^$1=//p" "$REPORT"; }
echo "cpus=$(nproc) java=$(java -version 2>&1 | head -1) load=$(cut -d' ' -f1-3 /proc/loadavg) options=${*:-none}"
echo
echo "| run | class archive | command → first frame (shell) | command → first frame (app) | \`Application.start\` → first frame | wall incl. exit |"
echo "|--:|---|--:|--:|--:|--:|"
TIMES=()
for i in $(seq "$RUNS"); do
  rm -f "$REPORT"
  T0=$(date +%s%3N)
  java "$@" -Dracelab.startup.report="$REPORT" -jar "$JAR"
  T1=$(date +%s%3N)
  FRAME=$(( $(field first_frame_epoch_ms) - T0 ))
  TIMES+=("$FRAME")
  echo "| $i | $(field class_data_sharing) | $FRAME ms | $(field process_start_to_first_frame_ms) ms |" \
       "$(field application_start_to_first_frame_ms) ms | $(( T1 - T0 )) ms |"
done
echo
printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median command → first frame: %d ms over %d runs\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), NR}'
