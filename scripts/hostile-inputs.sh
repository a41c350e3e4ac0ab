#!/usr/bin/env bash
# Runs hostile command-line inputs and hostile scenario files through the real CLI (one JVM each) and counts
# the outcomes: exit 0, a one-line refusal (exit 2), a failed write (exit 1), anything else (multi-line error,
# stack trace, other exit code) and hangs (over 10 s). Usage: scripts/hostile-inputs.sh   (after ./mvnw compile)
# HOSTILE_TIMEOUT=60 scripts/hostile-inputs.sh allows more per input: on a saturated machine a JVM alone can take
# over 10 s to start, and a slow start is not a hang.
set -u
cd "$(dirname "$0")/.."
cp_file=target/hostile-classpath.txt
[ -s "$cp_file" ] || ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
CP="$PWD/target/classes:$(cat "$cp_file")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

declare -A count
total=0
bad=()
try() { # try LABEL ARGS...  (stdout to /dev/null unless LABEL says full)
  local label=$1; shift
  local out=/dev/null; [ "$label" = full ] && out=/dev/full
  timeout "${HOSTILE_TIMEOUT:-10}" java -cp "$CP" org.racelab.Launcher "$@" >"$out" 2>"$work/err" </dev/null
  local code=$? lines
  lines=$(wc -l <"$work/err")
  local kind
  if [ $code -eq 124 ]; then kind=hang
  elif grep -q -E '^\s+at |Exception' "$work/err"; then kind=trace
  elif [ $code -eq 0 ]; then kind=ok
  elif [ $code -eq 2 ] && [ "$lines" -eq 1 ] && [ "$(wc -c <"$work/err")" -le 201 ]; then kind=refused-one-line
  elif [ $code -eq 1 ] && [ "$lines" -eq 1 ]; then kind=failed-one-line
  else kind=other; fi
  count[$kind]=$(( ${count[$kind]:-0} + 1 )); total=$((total + 1))
  case $kind in ok|refused-one-line|failed-one-line) ;; *) bad+=("$kind: $*");; esac
}

long=$(head -c 100000 /dev/zero | tr '\0' x)
# Command-line inputs.
try cli run --threads abc --schedule AB
try cli run --threads ٢ --schedule AB
try cli run --threads １ --schedule AB
try cli run --threads 99999999999999999999 --schedule AB
try cli run --threads -1 --schedule AB
try cli run --threads 2.5 --schedule AB
try cli run --threads "" --schedule AB
try cli run --start 0x10 --schedule AB
try cli run --schedule ß
try cli run --schedule "A😀"
try cli run --schedule "$long"
try cli run --schedule $'A\nB'
try cli run --schedule @/etc/hostname
try cli run --schedule ABC
try cli run --schedule AAAAAAAA
try cli run --lock --schedule ABAB
try cli run
try cli run --"$long"
try cli run --format xml --schedule AB
try cli run --format "" --schedule AB
try cli run --scenario /dev/zero
try cli run --scenario /dev/urandom
try cli run --scenario /nonexistent.json
try cli run --scenario /
try cli run --scenario "$long"
try cli @/dev/zero
try cli @/etc/passwd
try cli "$long"
try cli frobnicate
try cli --frobnicate
try cli explore --threads 7
try cli explore --threads 0
try cli explore --increments 10
try cli explore --list 0
try cli explore --list 3 --first 0
try cli explore --list 3 --first 999999999999999999999999
try cli explore --outcome 99 --list 1
try cli explore --first 3
try cli explore --threads ٣ --increments 1
try cli lab --counter ,
try cli lab --counter all,unsafe
try cli lab --counter fast
try cli lab --counter ßx
try cli lab --counter switchable
try cli lab --counter "$long"
try cli lab --workers 0
try cli lab --workers 65
try cli lab --tasks 0
try cli lab --increments 9223372036854775807
try cli lab --tasks 100000 --increments 100000000
try cli lab --increments -5
try cli lab --workers many
try full run --schedule ABBBAA
try full explore
try full lab --counter atomic --workers 1 --tasks 1 --increments 10
try cli run --schedule ABBBAA
try cli explore --threads 3 --increments 2 --list 5 --first 100
cli_total=$total

# Scenario files.
valid='{"racelab":"scenario","version":1,"threads":2,"increments":1,"start":5,"lock":false,"schedule":"ABBBAA"}'
n=0
scen() { n=$((n + 1)); printf '%s' "$1" >"$work/s$n.json"; try file run --scenario "$work/s$n.json"; }
scen "$valid"
scen "$valid garbage"; scen "$valid}"; scen "$valid]]]"; scen "$valid$valid"
scen "${valid/\"start\":5,/\"start\":5,\"start\":6,}"
for m in '"notascenario"' null '[]' 1 "\"$(head -c 70000 /dev/zero | tr '\0' x)\""; do scen "${valid/\"racelab\":\"scenario\"/\"racelab\":$m}"; done
for v in 0 -1 -2147483648 1.9 '"2"' true null 2 99999999999999999999; do scen "${valid/\"version\":1/\"version\":$v}"; done
for f in '"threads":"2"' '"threads":2.0' '"threads":5' '"increments":0' '"start":2000' '"lock":"yes"' '"schedule":7'; do
  k=${f%%:*}; scen "$(printf '%s' "$valid" | sed -E "s/$k:(\"[^\"]*\"|[^,}]+)/$f/")"
done
scen "${valid/ABBBAA/Aß}"; scen "${valid/ABBBAA/ABC}"; scen "${valid/ABBBAA/AAAAAAA}"; scen "${valid/\}/,\"x\":1\}}"
scen ""; scen "{"; scen "$(head -c 60000 /dev/zero | tr '\0' '[')"
n=$((n + 1)); printf '\xEF\xBB\xBF%s' "$valid" >"$work/s$n.json"; try file run --scenario "$work/s$n.json"
n=$((n + 1)); printf '%s' "$valid" | iconv -t UTF-16 >"$work/s$n.json"; try file run --scenario "$work/s$n.json"
n=$((n + 1)); head -c 70000 /dev/urandom >"$work/s$n.json"; try file run --scenario "$work/s$n.json"
n=$((n + 1)); head -c 300 /dev/urandom >"$work/s$n.json"; try file run --scenario "$work/s$n.json"
mkfifo "$work/fifo.json" && try file run --scenario "$work/fifo.json"

echo "hostile inputs: $total ($cli_total command lines, $((total - cli_total)) scenario files)"
for k in ok refused-one-line failed-one-line other trace hang; do printf '  %-17s %d\n' "$k" "${count[$k]:-0}"; done
for b in "${bad[@]+"${bad[@]}"}"; do echo "  BAD $b" | cut -c1-160; done
[ ${#bad[@]} -eq 0 ]
