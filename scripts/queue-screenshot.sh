#!/bin/sh
# Renders the queue part's README pictures under Xvfb: ./scripts/queue-screenshot.sh (after ./mvnw test-compile).
set -eu
cd "$(dirname "$0")/.."
cp=target/queue-classpath.txt
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat "$cp")"
shot() {
    xvfb-run -a -s "-screen 0 ${2}x${3}x24" java -cp "$CP" 'org.racelab.ui.queue.QueueScreenshot$Main' "$@"
}
shot assets/queue.png 1024 768 true LIGHT BACKPRESSURE 5 0
shot assets/queue-deadlock.png 1920 1080 true DARK NO_REPUT
shot assets/queue-run.png 1280 800 false LIGHT run
