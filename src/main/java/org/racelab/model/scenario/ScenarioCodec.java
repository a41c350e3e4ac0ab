package org.racelab.model.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Set;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;
import org.racelab.model.Schedule;

/**
 * Reads and writes scenario files: a small JSON object such as
 * {@code {"racelab":"scenario","version":1,"threads":2,"increments":1,"start":5,"lock":false,"schedule":"ABBBAA"}}.
 *
 * <p>Reading validates everything it can without the stepper's model (ranges, letters, length); whether each step
 * is allowed (a blocked or finished thread) is checked when the stepper replays it. Every failure is a
 * {@link ScenarioException} with a one-line message; nothing is half-applied.
 */
public final class ScenarioCodec {

    public static final int VERSION = 1;
    /** A scenario is a few hundred bytes; anything far larger is not one. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private static final Set<String> KEYS =
            Set.of("racelab", "version", "threads", "increments", "start", "lock", "schedule");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioCodec() {
    }

    public static String toJson(Scenario scenario) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("racelab", "scenario");
        o.put("version", VERSION);
        RaceConfig c = scenario.config();
        o.put("threads", c.threads());
        o.put("increments", c.increments());
        o.put("start", c.start());
        o.put("lock", c.lock());
        o.put("schedule", scenario.schedule().letters());
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of plain values", e);
        }
    }

    public static Scenario fromJson(String json) throws ScenarioException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ScenarioException("not a scenario file: the JSON is broken or cut short" + where);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("not a scenario file: expected a JSON object with threads, increments, "
                    + "start, lock and schedule");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ScenarioException("unknown key \"" + key + "\" in the scenario file");
            }
        }
        JsonNode version = root.get("version");
        if (version != null && (!version.canConvertToInt() || version.asInt() > VERSION)) {
            throw new ScenarioException("scenario file version " + version + " is newer than this RaceLab reads ("
                    + VERSION + ")");
        }
        RaceRange range = RaceRange.LECTURE;
        int threads = intField(root, "threads", range.minThreads(), range.maxThreads());
        int increments = intField(root, "increments", range.minIncrements(), range.maxIncrements());
        int start = intField(root, "start", range.minStart(), range.maxStart());
        JsonNode lock = root.get("lock");
        if (lock == null || !lock.isBoolean()) {
            throw new ScenarioException("\"lock\" must be true or false");
        }
        JsonNode scheduleNode = root.get("schedule");
        if (scheduleNode == null || !scheduleNode.isTextual()) {
            throw new ScenarioException("\"schedule\" must be a string of thread letters such as \"ABBBAA\"");
        }
        RaceConfig config = new RaceConfig(threads, increments, start, lock.booleanValue());
        Schedule schedule;
        try {
            schedule = Schedule.parse(scheduleNode.textValue());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("schedule: " + e.getMessage());
        }
        for (int i = 0; i < schedule.length(); i++) {
            if (schedule.threadAt(i) >= threads) {
                throw new ScenarioException("schedule step " + (i + 1) + ": there is no thread "
                        + schedule.letters().charAt(i) + " with " + threads + " threads");
            }
        }
        if (schedule.length() > config.scheduleLength()) {
            throw new ScenarioException("the schedule has " + schedule.length() + " steps, but this race is over after "
                    + config.scheduleLength());
        }
        return new Scenario(config, schedule);
    }

    private static int intField(JsonNode root, String key, int min, int max) throws ScenarioException {
        JsonNode n = root.get(key);
        if (n == null) {
            throw new ScenarioException("\"" + key + "\" is missing");
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            throw new ScenarioException("\"" + key + "\" must be a whole number from " + min + " to " + max
                    + ", not " + n);
        }
        return n.intValue();
    }

    public static Scenario read(Path file) throws ScenarioException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ScenarioException("not a scenario file: " + file.getFileName() + " is far too large");
            }
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + file.getFileName() + ": " + describe(e), e);
        }
    }

    /** Writes through a temporary file and a rename, so a failed save never leaves half a file behind. */
    public static void write(Path file, Scenario scenario) throws ScenarioException {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".racelab-", ".tmp");
            try {
                Files.writeString(tmp, toJson(scenario), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ScenarioException("cannot save " + file.getFileName() + ": " + describe(e), e);
        }
    }

    public static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }
}
