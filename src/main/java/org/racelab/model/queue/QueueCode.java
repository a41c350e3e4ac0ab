package org.racelab.model.queue;

import java.util.List;

/**
 * The code each thread runs, as the slide's Python and as the Java of the real run, line by line, and which line
 * a thread's next operation is on, so a view can highlight it.
 */
public final class QueueCode {

    /** Which code to show. */
    public enum Language { PYTHON, JAVA }

    /** The lines and the highlighted one. */
    public record Listing(List<String> lines, int current) {
    }

    private QueueCode() {
    }

    public static Listing listing(QueueState s, int thread, Language lang) {
        QueueConfig c = s.config();
        boolean java = lang == Language.JAVA;
        boolean list = c.mistake() == QueueMistake.SHARED_LIST;
        QueueOp op = s.nextOp(thread);
        boolean finished = s.finished(thread);
        if (c.isProducer(thread)) {
            List<String> lines = java
                    ? List.of("for (int n : myItems) {", "  Integer item = produce(n);",
                            list ? "  items.add(item);" : "  q.put(item);", "}")
                    : List.of("for n in my_items:", "    item = produce(n)",
                            list ? "    items.append(item)" : "    q.put(item)", "# thread ends");
            return new Listing(lines, finished ? -1 : switch (op) {
                case PRODUCE -> 1;
                case PUT -> 2;
                default -> 3;
            });
        }
        if (c.isConsumer(thread)) {
            return consumer(c, op, finished, java, list);
        }
        List<String> lines = java
                ? List.of("for (Thread p : producers)", "  p.join();", list ? "// a list has no join()" : "tasks.join();",
                        list ? "items.add(NONE);" : "q.put(NONE);", "// main ends")
                : List.of("for p in producers:", "    p.join()", list ? "# a list has no join()" : "q.join()",
                        list ? "items.append(None)" : "q.put(None)", "# main ends");
        return new Listing(lines, finished ? -1 : switch (op) {
            case JOIN_PRODUCERS -> 1;
            case JOIN -> 2;
            case PUT_SENTINEL -> 3;
            default -> 4;
        });
    }

    private static Listing consumer(QueueConfig c, QueueOp op, boolean finished, boolean java, boolean list) {
        boolean reput = c.mistake() != QueueMistake.NO_REPUT;
        boolean taskDone = c.mistake() != QueueMistake.NO_TASK_DONE;
        List<String> lines;
        if (list) {
            lines = java
                    ? List.of("while (true) {", "  if (!items.isEmpty()) {", "    Integer item = items.remove(last);",
                            "    if (item == NONE) {", "      items.add(NONE); break; }", "    process(item); } }")
                    : List.of("while True:", "    if items:", "        item = items.pop()", "        if item is None:",
                            "            items.append(None); break", "        process(item)");
            return new Listing(lines, finished ? -1 : switch (op) {
                case CHECK -> 1;
                case POP -> 2;
                case REPUT_SENTINEL, EXIT -> 4;
                default -> 5;
            });
        }
        lines = java
                ? List.of("while (true) {", "  Integer item = q.take();", "  if (item == NONE) {",
                        reput ? "    q.put(NONE);" : "    // no q.put(NONE)", "    break; }", "  process(item);",
                        taskDone ? "  tasks.done(); }" : "  /* no tasks.done() */ }")
                : List.of("while True:", "    item = q.get()", "    if item is None:",
                        reput ? "        q.put(None)" : "        # no q.put(None)", "        break",
                        "    process(item)", taskDone ? "    q.task_done()" : "    # no q.task_done()");
        return new Listing(lines, finished ? -1 : switch (op) {
            case GET -> 1;
            case REPUT_SENTINEL -> 3;
            case EXIT -> 4;
            case PROCESS -> 5;
            case TASK_DONE -> 6;
            default -> 0;
        });
    }
}
