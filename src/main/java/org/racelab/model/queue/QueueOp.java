package org.racelab.model.queue;

/** One step at the level of the slide's code. */
public enum QueueOp {
    PRODUCE("produce"),
    PUT("put"),
    GET("get"),
    CHECK("if items:"),
    POP("items.pop()"),
    PROCESS("process"),
    TASK_DONE("task_done()"),
    PUT_SENTINEL("put(None)"),
    REPUT_SENTINEL("re-put None"),
    JOIN_PRODUCERS("join producers"),
    JOIN("join()"),
    EXIT("exit");

    private final String label;

    QueueOp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
