#!/bin/sh
# Renders the queue and pool parts' README pictures in the whole window, headless (Monocle, no display needed):
# ./scripts/queue-screenshot.sh (after ./mvnw test-compile). See src/test/java/org/racelab/ui/queue/PartShots.java.
set -eu
cd "$(dirname "$0")/.."
cp=target/queue-classpath.txt
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat "$cp")"
shots() {
    java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=2560x1600-32 \
        -Djava.awt.headless=true -Dracelab.prefs.node=racelab-screenshots "$@"
}
# Backpressure stepped 5 times, then P1 refused: the queue is full.
shots -cp "$CP" org.racelab.ui.queue.PartShots 4 1024x768 present 100 assets/queue.png=BACKPRESSURE/5/0
shots -Dshots.theme=DARK -cp "$CP" org.racelab.ui.queue.PartShots 4 1920x1080 present 100 \
    assets/queue-deadlock.png=NO_REPUT
shots -cp "$CP" org.racelab.ui.queue.PartShots 4 1280x800 window 100 assets/queue-run.png=run
# Sequential, then 10 workers, then a sweep of the classroom preset: the Gantt chart beside the sweep.
shots -cp "$CP" org.racelab.ui.queue.PartShots 5 1280x800 window 100 assets/pool.png=showcase
