#!/bin/sh
# Queue run mode vs a bare loop over the same ArrayBlockingQueue, in one JVM:
#   ./mvnw -B -q -o test-compile && scripts/bench-queue.sh [items] [maxsize] [rounds]
set -eu
cd "$(dirname "$0")/.."
cp=target/queue-classpath.txt
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat "$cp")" org.racelab.lab.queue.QueueBench "$@"
