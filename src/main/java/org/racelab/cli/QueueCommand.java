package org.racelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.racelab.lab.queue.QueueRun;
import org.racelab.lab.queue.QueueRunResult;
import org.racelab.lab.queue.QueueRunSettings;
import org.racelab.model.queue.QueueConfig;
import org.racelab.model.queue.QueueMistake;
import org.racelab.model.queue.QueueScheduleException;
import org.racelab.model.queue.QueueStep;
import org.racelab.model.queue.QueueTimeline;
import org.racelab.model.queue.QueueTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code racelab queue}: a real producer–consumer run, or with {@code --schedule} a step-mode run replayed. */
@Command(name = "queue",
        mixinStandardHelpOptions = true,
        description = {"Producers, a bounded queue and consumers (Slides 9-10): real threads, or a replayed schedule.",
            "  racelab queue --producers 2 --consumers 3 --items 100000 --maxsize 10",
            "  racelab queue --producers 1 --consumers 1 --items 2 --maxsize 1 --schedule P1,P1,C1,C1,C1"})
public final class QueueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Option(names = "--producers", paramLabel = "N",
            description = "Producer threads: 1 to 16 (default 2; with --schedule 1 to 4, default 1).")
    Integer producers;

    @Option(names = "--consumers", paramLabel = "N",
            description = "Consumer threads: 1 to 16 (default 3; with --schedule 1 to 4, default 1).")
    Integer consumers;

    @Option(names = "--items", paramLabel = "N",
            description = "Items in all: 1 to 1000000 (default 100000; with --schedule 1 to 20, default 4).")
    Integer items;

    @Option(names = "--maxsize", paramLabel = "N",
            description = "The queue's maxsize, 0 = unbounded: 0 to 1000000 (default 10; with --schedule 0 to 10, "
                    + "default 2).")
    Integer maxsize;

    @Option(names = "--produce-ms", paramLabel = "MS", defaultValue = "0",
            description = "Time to produce one item: 0 to 100 ms (default: ${DEFAULT-VALUE}).")
    int produceMs;

    @Option(names = "--consume-ms", paramLabel = "MS", defaultValue = "0",
            description = "Time to consume one item: 0 to 100 ms (default: ${DEFAULT-VALUE}).")
    int consumeMs;

    @Option(names = "--mistake", paramLabel = "NAME", defaultValue = "none",
            description = "none, shared-list, no-reput, no-task-done or unbounded (default: ${DEFAULT-VALUE}).")
    String mistake;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000",
            description = "A run that hangs ends after this long and says which threads hung where: 1 to 3600000 "
                    + "(default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--schedule", paramLabel = "THREADS",
            description = "Replay a step-mode run instead, e.g. P1,C1,C1,M (thread names, comma-separated).")
    String schedule;

    @Override
    public Integer call() throws InterruptedException {
        QueueMistake m = QueueMistake.parse(mistake).orElseThrow(() -> new UserInputException("--mistake must be "
                + Arrays.stream(QueueMistake.values()).map(QueueMistake::cliName).collect(Collectors.joining(", "))
                + ", not '" + mistake + "'"));
        PrintWriter out = spec.commandLine().getOut();
        if (schedule != null) {
            QueueTrace trace = replay(m);
            format.print(out, traceJson(trace), w -> w.print(trace.asText()));
            return 0;
        }
        QueueRunSettings settings = runSettings(m);
        QueueRunResult r = new QueueRun(settings).call();
        format.print(out, json(r), w -> table(w, r));
        return 0;
    }

    private QueueTrace replay(QueueMistake m) {
        QueueConfig config;
        try {
            config = new QueueConfig(or(producers, 1), or(consumers, 1), or(items, 4), or(maxsize, 2), m);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--" + e.getMessage() + " (with --schedule)");
        }
        List<String> names = QueueTrace.parseSchedule(schedule);
        try {
            return QueueTrace.replay(config, names);
        } catch (QueueScheduleException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private QueueRunSettings runSettings(QueueMistake m) {
        if (timeoutMs < 1 || timeoutMs > 3_600_000) {
            throw new UserInputException("--timeout-ms must be 1 to 3600000, not " + timeoutMs);
        }
        try {
            return new QueueRunSettings(or(producers, 2), or(consumers, 3), or(items, 100_000), or(maxsize, 10),
                    produceMs, consumeMs, m, timeoutMs);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--" + e.getMessage());
        }
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** The JSON, keys in this order. */
    static ObjectNode json(QueueRunResult r) {
        ObjectNode o = FormatOption.object();
        QueueRunSettings s = r.settings();
        o.put("producers", s.producers());
        o.put("consumers", s.consumers());
        o.put("items", s.items());
        o.put("maxsize", s.maxsize());
        o.put("mistake", s.mistake().cliName());
        o.put("produced", r.produced());
        o.put("consumed", r.consumed());
        o.put("lost", r.lost());
        o.put("duplicated", r.duplicated());
        o.put("failedGets", r.failedGets());
        o.put("maxLength", r.maxLength());
        o.put("producerBlockedSeconds", round(r.producerBlockedSeconds()));
        o.put("consumerBlockedSeconds", round(r.consumerBlockedSeconds()));
        o.put("joinReturned", r.joinReturned());
        ArrayNode hung = o.putArray("hung");
        r.hung().forEach(hung::add);
        o.put("seconds", round(r.seconds()));
        o.put("itemsPerSecond", Math.round(r.itemsPerSecond()));
        return o;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    static void table(PrintWriter out, QueueRunResult r) {
        QueueRunSettings s = r.settings();
        out.println("Queue run: " + s.producers() + " producers, " + s.consumers() + " consumers, " + s.items()
                + " items, " + (s.mistake() == QueueMistake.SHARED_LIST ? "a shared ArrayList (no lock)"
                        : s.maxsize() > 0 ? "maxsize " + s.maxsize() + " (ArrayBlockingQueue)"
                                : "unbounded (LinkedBlockingQueue)")
                + ", mistake " + s.mistake().cliName());
        out.println("Produced " + r.produced() + ", consumed " + r.consumed() + ", lost " + r.lost() + ", duplicated "
                + r.duplicated() + ", failed gets " + r.failedGets() + " (checksum of the item numbers taken "
                + (r.checksumMatches() ? "matches" : "does not match") + ")");
        out.println(String.format(Locale.ROOT,
                "Highest length %d; blocked on put %.3f s (producers), on get %.3f s (consumers), summed over threads",
                r.maxLength(), r.producerBlockedSeconds(), r.consumerBlockedSeconds()));
        out.println("join() returned: " + (r.joinReturned() ? "yes" : "no"));
        out.println("Hung: " + (r.hung().isEmpty() ? "none" : String.join(", ", r.hung())
                + " (ended at the " + s.timeoutMs() + " ms timeout)"));
        out.println(String.format(Locale.ROOT, "%.3f s, %.0f items/s", r.seconds(), r.itemsPerSecond()));
    }

    static ObjectNode traceJson(QueueTrace t) {
        ObjectNode o = FormatOption.object();
        QueueConfig c = t.config();
        o.put("producers", c.producers());
        o.put("consumers", c.consumers());
        o.put("items", c.items());
        o.put("maxsize", c.maxsize());
        o.put("mistake", c.mistake().cliName());
        ArrayNode sched = o.putArray("schedule");
        t.schedule().forEach(sched::add);
        ArrayNode steps = o.putArray("steps");
        for (QueueStep s : t.steps()) {
            ObjectNode n = steps.addObject();
            n.put("index", s.index());
            n.put("thread", c.name(s.thread()));
            n.put("op", s.op().label());
            n.put("text", s.text());
            n.put("crash", s.crash());
            n.put("queue", QueueTimeline.queueText(t.state(s.index())));
            n.put("unfinished", t.state(s.index()).unfinishedTasks());
        }
        var end = t.last();
        o.put("put", end.itemsPut());
        o.put("got", end.itemsGot());
        o.put("unfinished", end.unfinishedTasks());
        o.put("length", end.length());
        o.put("maxLength", end.maxLength());
        o.put("finished", end.allFinished());
        t.deadlock().ifPresentOrElse(d -> o.put("deadlock", d), () -> o.putNull("deadlock"));
        return o;
    }
}
