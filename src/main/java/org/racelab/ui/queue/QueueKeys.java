package org.racelab.ui.queue;

import javafx.scene.input.KeyCode;
import org.racelab.model.queue.QueueConfig;

/** Which key steps which thread: producers Q W E R, consumers A S D F, the main thread M. */
final class QueueKeys {

    static final KeyCode[] PRODUCER_KEYS = {KeyCode.Q, KeyCode.W, KeyCode.E, KeyCode.R};
    static final KeyCode[] CONSUMER_KEYS = {KeyCode.A, KeyCode.S, KeyCode.D, KeyCode.F};
    static final KeyCode MAIN_KEY = KeyCode.M;

    private QueueKeys() {
    }

    static KeyCode key(QueueConfig c, int thread) {
        if (c.isProducer(thread)) {
            return PRODUCER_KEYS[thread];
        }
        if (c.isConsumer(thread)) {
            return CONSUMER_KEYS[thread - c.producers()];
        }
        return MAIN_KEY;
    }

    static String keyName(QueueConfig c, int thread) {
        return key(c, thread).getName();
    }

    /** The thread-colour class: producers in A's colour, consumers in C's, main in D's. */
    static String styleClass(QueueConfig c, int thread) {
        return c.isProducer(thread) ? "thread-a" : c.isConsumer(thread) ? "thread-c" : "thread-d";
    }

    /** The thread a key steps in this run, or -1. */
    static int thread(QueueConfig c, KeyCode code) {
        for (int t = 0; t < c.threads(); t++) {
            if (key(c, t) == code) {
                return t;
            }
        }
        return -1;
    }
}
