package org.racelab.model.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.racelab.model.RaceConfig;
import org.racelab.model.RaceRange;
import org.racelab.model.MachineState;
import org.racelab.model.RaceProgram;
import org.racelab.model.Schedule;
import org.racelab.model.SwitchRule;

/**
 * Reads and writes scenario files: a small JSON object such as
 * {@code {"racelab":"scenario","version":1,"threads":2,"increments":1,"start":5,"lock":false,"schedule":"ABBBAA"}},
 * with {@code "program"} (count, call, sleep) and {@code "switches"} (any, cpython) written only when they are not
 * the slides' {@code count += 1} at any point, so files of the slides' model read the same in older versions.
 *
 * <p>The format is strict, by Jackson's own features: one document and nothing after it, no duplicate or unknown
 * keys, no coercion between types. Reading validates everything it can without the stepper's model (marker,
 * version, ranges, letters, length); whether each step is allowed is checked when the stepper replays it. Every
 * failure is a {@link ScenarioException} with a one-line message under 200 characters; nothing is half-applied.
 */
public final class ScenarioCodec {

    public static final int VERSION = 1;
    /** The stepper's range: the model allows more, the lecture UI offers this. */
    private static final RaceRange RANGE = RaceRange.LECTURE;
    /** A scenario is a few hundred bytes; anything larger is refused without reading it. */
    public static final long MAX_FILE_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = strictMapper();

    private ScenarioCodec() {
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        mapper.coercionConfigDefaults().setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
                CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** The file's fields after the marker and version, bound by Jackson with every coercion off. */
    private record Fields(String racelab, JsonNode version, int threads, int increments, int start, boolean lock,
            String schedule) {
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
        if (scenario.program() != RaceProgram.COUNT || scenario.rule() != SwitchRule.ANY) {
            o.put("program", scenario.program().cliName());
            o.put("switches", scenario.rule().cliName());
        }
        o.put("schedule", scenario.schedule().letters());
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of plain values", e);
        }
    }

    /** Reads a scenario from a file's raw bytes: UTF-8, with or without a byte-order mark. */
    public static Scenario fromBytes(byte[] bytes) throws ScenarioException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScenarioException("not a scenario file: it is larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        return fromJson(TextEncoding.decode(bytes));
    }

    public static Scenario fromJson(String json) throws ScenarioException {
        if (json.length() > MAX_FILE_BYTES) {
            throw new ScenarioException("not a scenario file: it is larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ScenarioException("not a scenario file: the JSON is broken or cut short" + where(e) + why(e));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("not a scenario file: expected a JSON object such as "
                    + "{\"racelab\":\"scenario\",\"version\":1,...}");
        }
        JsonNode marker = root.get("racelab");
        if (marker == null) {
            throw new ScenarioException("not a RaceLab scenario: the marker \"racelab\":\"scenario\" is missing");
        }
        if (!marker.isTextual() || !marker.textValue().equals("scenario")) {
            throw new ScenarioException("not a RaceLab scenario: \"racelab\" must be \"scenario\", not "
                    + shown(marker));
        }
        checkVersion(root.get("version"));
        for (String key : List.of("threads", "increments", "start", "lock", "schedule")) {
            if (!root.has(key)) {
                throw new ScenarioException("\"" + key + "\" is missing");
            }
        }
        RaceProgram program = optional(root, "program", RaceProgram::parse, RaceProgram.COUNT, "count, call or sleep");
        SwitchRule rule = optional(root, "switches", SwitchRule::parse, SwitchRule.ANY, "any or cpython");
        ObjectNode required = ((ObjectNode) root).deepCopy();
        required.remove(List.of("program", "switches"));
        Fields f;
        try {
            f = MAPPER.treeToValue(required, Fields.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException("unknown key " + InputText.quote(e.getPropertyName()) + " in the scenario file");
        } catch (JacksonException e) {
            throw typeError(root, fieldOf(e));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("not a scenario file: a value has the wrong type");
        }
        int threads = ranged("threads", f.threads(), RANGE.minThreads(), RANGE.maxThreads());
        int increments = ranged("increments", f.increments(), RANGE.minIncrements(), RANGE.maxIncrements());
        int start = ranged("start", f.start(), RANGE.minStart(), RANGE.maxStart());
        RaceConfig config = new RaceConfig(threads, increments, start, f.lock());
        Schedule schedule;
        try {
            schedule = ScheduleText.parse(f.schedule(), threads);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("schedule " + e.getMessage());
        }
        int length = MachineState.initial(config, program, rule).scheduleLength();
        if (schedule.length() > length) {
            throw new ScenarioException("the schedule has " + schedule.length() + " steps, but this race is over after "
                    + length);
        }
        return new Scenario(config, program, rule, schedule);
    }

    /** The optional key's value by its name, {@code fallback} when absent, or a one-line refusal. */
    private static <T> T optional(JsonNode root, String key, java.util.function.Function<String,
            java.util.Optional<T>> parse, T fallback, String names) throws ScenarioException {
        JsonNode value = root.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new ScenarioException("\"" + key + "\" must be " + names + ", not " + shown(value));
        }
        return parse.apply(value.textValue()).orElseThrow(() -> new ScenarioException("\"" + key + "\" must be "
                + names + ", not " + shown(value)));
    }

    private static void checkVersion(JsonNode version) throws ScenarioException {
        if (version == null) {
            throw new ScenarioException("\"version\" is missing (this RaceLab reads version " + VERSION + ")");
        }
        if (version.isIntegralNumber() && version.bigIntegerValue().equals(java.math.BigInteger.valueOf(VERSION))) {
            return;
        }
        if (version.isIntegralNumber() && version.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(VERSION)) > 0) {
            throw new ScenarioException("scenario file version " + shown(version) + " was made by a newer RaceLab "
                    + "(this one reads version " + VERSION + ")");
        }
        throw new ScenarioException("\"version\" " + shown(version) + " is not a version (expected " + VERSION + ")");
    }

    private static int ranged(String key, int value, int min, int max) throws ScenarioException {
        if (value < min || value > max) {
            throw new ScenarioException(mustBe(key) + ", not " + value);
        }
        return value;
    }

    private static String mustBe(String key) {
        return switch (key) {
            case "threads" -> "\"threads\" must be a whole number from " + RANGE.minThreads() + " to " + RANGE.maxThreads();
            case "increments" -> "\"increments\" must be a whole number from " + RANGE.minIncrements() + " to "
                    + RANGE.maxIncrements();
            case "start" -> "\"start\" must be a whole number from " + RANGE.minStart() + " to "
                    + RANGE.maxStart();
            case "lock" -> "\"lock\" must be true or false";
            case "schedule" -> "\"schedule\" must be a string of thread letters such as \"ABBBAA\"";
            default -> "a value has the wrong type";
        };
    }

    private static ScenarioException typeError(JsonNode root, String key) {
        if (key == null || !List.of("threads", "increments", "start", "lock", "schedule").contains(key)) {
            return new ScenarioException("not a scenario file: a value has the wrong type");
        }
        JsonNode value = root.get(key);
        return new ScenarioException(value == null ? "\"" + key + "\" is missing" : mustBe(key) + ", not " + shown(value));
    }

    /** The field a binding error is about: from the path, or from the parser for a number out of int range. */
    private static String fieldOf(JacksonException e) {
        if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
            return d.getPath().get(d.getPath().size() - 1).getFieldName();
        }
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p) {
            try {
                return p.currentName();
            } catch (IOException | RuntimeException ignored) {
                return null;
            }
        }
        return null;
    }

    /** A JSON value as it would appear in the file, cut to a quotable length. */
    private static String shown(JsonNode value) {
        return value.isTextual() ? InputText.quote(value.textValue())
                : value.isContainerNode() ? (value.isArray() ? "a list" : "an object")
                : InputText.shorten(value.toString());
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String why(JacksonException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Duplicate field")) {
            return ": a key appears twice";
        }
        if (m.startsWith("Trailing token")) {
            return ": there is more after the end of the object";
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return ": nested too deeply";
        }
        return "";
    }

    /** Reads a scenario file off the caller's thread, refusing anything but a small regular file within 2 s. */
    public static Scenario read(Path file) throws ScenarioException {
        return ScenarioFileReader.read(file, ScenarioFileReader.DEFAULT_TIMEOUT);
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
            throw new ScenarioException("cannot save " + InputText.shorten(String.valueOf(file.getFileName())) + ": "
                    + describe(e), e);
        }
    }

    /** An I/O failure in a few words, e.g. "NoSuchFile /tmp/x.json", cut to one short line. */
    public static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " " + InputText.shorten(e.getMessage());
    }
}
