#!/usr/bin/env bash
# Startup benchmark, measured from outside: time from launching RaceLab to its window being mapped on the X
# server (visible), for each way of starting it, side by side and interleaved in one run, as a Markdown table.
#   jar            java -jar target/racelab.jar with the `java` on the PATH
#   jar JDK N      the same jar on a JDK 19+ found in /usr/lib/jvm (or $BENCH_JDK), without an archive
#   jar JDK N+CDS  the same with -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=... (written by the warm-up run)
#   app image      target/dist/image/RaceLab/bin/RaceLab (./mvnw -Pdist package), which maps its build-time archive
#   floor          not RaceLab: a window with one label (test class StartupFloor) on the app image's runtime, with
#                  its archive and launcher options: what JavaFX alone costs here, the least any start can take
#   floor, image launcher   the same window started by the app image's launcher (a copy of the image whose
#                  configuration names StartupFloor): the least the app image can take
# Needs a display with a window manager (e.g. Xvfb :55 -screen 0 1280x800x24 & openbox), xev and xdotool.
# Usage: ./mvnw -B -q -Pdist -DskipTests package && DISPLAY=:55 scripts/bench-startup.sh [runs]
# One warm-up round (not counted) fills the file cache and writes the JDK 19+ archive.
# Besides the wall time it reports the CPU time the process had used when its window was mapped (user + system,
# all threads, from /proc/PID/stat): on a machine shared with other work it varies far less than the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
JAR=target/racelab.jar
IMAGE=target/dist/image/RaceLab/bin/RaceLab
[ -n "${DISPLAY:-}" ] || { echo "needs a display: Xvfb :55 -screen 0 1280x800x24 & export DISPLAY=:55" >&2; exit 1; }
command -v xdotool >/dev/null || { echo "needs xdotool" >&2; exit 1; }
command -v xev >/dev/null || { echo "needs xev (x11-utils)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }

java_feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
NEW_JDK=${BENCH_JDK:-}
if [ -z "$NEW_JDK" ]; then
  for j in /usr/lib/jvm/*/bin/java; do
    v=$(java_feature "$j" || echo 0)
    if [ "${v%%.*}" -ge 19 ] 2>/dev/null; then NEW_JDK=$j; fi
  done
fi
ARCHIVE_DIR=$(mktemp -d)
trap 'rm -rf "$ARCHIVE_DIR"' EXIT

NAMES=("jar")
COMMANDS=("java -jar $JAR")
if [ -n "$NEW_JDK" ]; then
  N=$(java_feature "$NEW_JDK")
  NAMES+=("jar JDK $N" "jar JDK $N+CDS")
  COMMANDS+=("$NEW_JDK -jar $JAR"
             "$NEW_JDK -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$ARCHIVE_DIR/racelab.jsa -jar $JAR")
fi
if [ -x "$IMAGE" ]; then
  NAMES+=("app image")
  COMMANDS+=("$IMAGE")
  APPDIR=$(dirname "$IMAGE")/../lib/app
  if [ -d target/test-classes ]; then
    # The launcher's own JVM options (archive, JIT), read from its configuration, so the floor starts alike.
    OPTS=$(sed -n "s|^java-options=||p" "$APPDIR/RaceLab.cfg" | sed "s|\$APPDIR|$APPDIR|g" | tr '\n' ' ')
    NAMES+=("floor: one label")
    COMMANDS+=("$(dirname "$IMAGE")/../lib/runtime/bin/java $OPTS-cp target/test-classes:$(ls "$APPDIR"/racelab-*-app.jar) org.racelab.ui.shell.StartupFloor")
    # The same window started by the image's own launcher: a copy of the image whose configuration names
    # StartupFloor as its main class. What the platform's launcher adds before Java starts is in this row.
    cp -a "$(dirname "$IMAGE")/.." "$ARCHIVE_DIR/floor-image"
    sed -i -e "s|^app.mainclass=.*|app.mainclass=org.racelab.ui.shell.StartupFloor|" \
        -e "0,/^app.classpath=/s|^app.classpath=|app.classpath=$PWD/target/test-classes\napp.classpath=|" \
        "$ARCHIVE_DIR/floor-image/lib/app/RaceLab.cfg"
    NAMES+=("floor: one label, image launcher")
    COMMANDS+=("$ARCHIVE_DIR/floor-image/bin/RaceLab")
  fi
fi

# Launches one command, returns (in MS) the milliseconds until it maps a window and (in CPU) the CPU milliseconds
# the process had used by then, then ends it. The map is seen as an event (xev on the root window), not by polling,
# so the measuring takes no CPU from the start it measures; xdotool then checks the window is the one named RaceLab.
measure() {
  local t0 t1 pid xevpid stat
  while xdotool search --onlyvisible --name '^RaceLab$' >/dev/null 2>&1; do sleep 0.2; done
  exec 3< <(exec xev -root -event substructure)
  xevpid=$!
  sleep 0.3                       # xev is listening before the launch
  t0=$(date +%s%N)
  $1 >/dev/null 2>&1 &
  pid=$!
  if ! timeout 120 grep -m1 -q MapNotify <&3; then echo "no window within 120 s: $1" >&2; exit 1; fi
  t1=$(date +%s%N)
  kill "$xevpid" 2>/dev/null || true
  exec 3<&-
  if ! kill -0 "$pid" 2>/dev/null; then echo "exited before its window showed: $1" >&2; exit 1; fi
  read -r -a stat < "/proc/$pid/stat"
  MS=$(( (t1 - t0) / 1000000 ))
  CPU=$(( (stat[13] + stat[14]) * 1000 / TICKS ))
  sleep 1.5                       # let it finish starting, as a user would, before closing it
  xdotool search --onlyvisible --name '^RaceLab$' >/dev/null 2>&1 || { echo "the window mapped is not RaceLab: $1" >&2; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

TICKS=$(getconf CLK_TCK)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

echo "start: $(date -u +%H:%M) UTC cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) java=$(java -version 2>&1 | head -1) newer=${NEW_JDK:-none}"
for i in "${!NAMES[@]}"; do measure "${COMMANDS[$i]}"; echo "warm-up, ${NAMES[$i]}: $MS ms" >&2; done   # not counted
declare -A TIMES CPUS
for r in $(seq "$RUNS"); do
  for i in "${!NAMES[@]}"; do
    measure "${COMMANDS[$i]}"
    TIMES[$i]="${TIMES[$i]:-} $MS"
    CPUS[$i]="${CPUS[$i]:-} $CPU"
    echo "run $r, ${NAMES[$i]}: $MS ms, CPU $CPU ms (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
done
echo "end: load=$(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M) UTC"
echo
echo "| start | command | runs | launch → window mapped, each run (ms) | median | CPU used by then, median |"
echo "|---|---|--:|---|--:|--:|"
for i in "${!NAMES[@]}"; do
  # shellcheck disable=SC2086
  echo "| ${NAMES[$i]} | \`${COMMANDS[$i]/$ARCHIVE_DIR/\$TMP}\` | $RUNS | $(echo ${TIMES[$i]} | tr ' ' ',') | $(median ${TIMES[$i]}) ms | $(median ${CPUS[$i]}) ms |"
done
