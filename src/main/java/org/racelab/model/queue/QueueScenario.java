package org.racelab.model.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The queue part's scenario file:
 * {@code {"racelab":"queue","version":1,"producers":1,"consumers":3,"items":2,"maxsize":2,"mistake":"none",
 * "schedule":["P1","C1","M"]}}. Reading checks every key, type and range, then replays the schedule, so a file
 * either reopens the same run or is refused with one line.
 */
public final class QueueScenario {

    public static final String KIND = "queue";
    public static final int VERSION = 1;
    private static final Set<String> KEYS =
            Set.of("racelab", "version", "producers", "consumers", "items", "maxsize", "mistake", "schedule");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private QueueScenario() {
    }

    public static String toJson(QueueTrace trace) {
        QueueConfig c = trace.config();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("racelab", KIND);
        o.put("version", VERSION);
        o.put("producers", c.producers());
        o.put("consumers", c.consumers());
        o.put("items", c.items());
        o.put("maxsize", c.maxsize());
        o.put("mistake", c.mistake().cliName());
        ArrayNode s = o.putArray("schedule");
        trace.schedule().forEach(s::add);
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of plain values", e);
        }
    }

    /**
     * Reads and replays a queue scenario.
     *
     * @throws IllegalArgumentException with a one-line reason when the document is broken or cannot be replayed
     */
    public static QueueTrace fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a queue scenario: the JSON is broken (line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a queue scenario: expected a JSON object");
        }
        if (!KIND.equals(root.path("racelab").asText(null))) {
            throw new IllegalArgumentException("not a queue scenario: \"racelab\" must be \"queue\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" in the queue scenario");
            }
        }
        if (integer(root, "version") != VERSION) {
            throw new IllegalArgumentException("queue scenario version " + root.get("version") + " is not supported");
        }
        JsonNode m = root.get("mistake");
        if (m == null || !m.isTextual()) {
            throw new IllegalArgumentException("\"mistake\" must be a text such as \"none\"");
        }
        QueueMistake mistake = QueueMistake.parse(m.asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown mistake \"" + m.asText() + "\""));
        QueueConfig config = new QueueConfig(integer(root, "producers"), integer(root, "consumers"),
                integer(root, "items"), integer(root, "maxsize"), mistake);
        JsonNode s = root.get("schedule");
        if (s == null || !s.isArray()) {
            throw new IllegalArgumentException("\"schedule\" must be a list of thread names such as [\"P1\",\"C1\"]");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : s) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("\"schedule\" must hold thread names, not " + n);
            }
            names.add(n.asText());
        }
        try {
            return QueueTrace.replay(config, names);
        } catch (QueueScheduleException e) {
            throw new IllegalArgumentException("the schedule cannot be replayed: " + e.getMessage());
        }
    }

    private static int integer(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || !n.isInt()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
        }
        return n.asInt();
    }
}
