package org.racelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.function.Consumer;
import org.racelab.model.RaceConfig;
import picocli.CommandLine.Option;

/** The shared {@code --format table|json} option, and the one place where results are written as JSON. */
public final class FormatOption {

    /** One mapper for the whole CLI; BigInteger values are written as exact JSON integers. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.json;
    }

    /** A fresh JSON object whose keys keep their insertion order. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A fresh JSON object that starts with a race's settings: threads, increments, start, lock. */
    public static ObjectNode object(RaceConfig config) {
        ObjectNode o = object();
        o.put("threads", config.threads());
        o.put("increments", config.increments());
        o.put("start", config.start());
        o.put("lock", config.lock());
        return o;
    }

    /** Writes a JSON value as one line. */
    public static void writeJson(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.flush();
    }

    /** Prints the result as JSON or as a table, whichever the user asked for. */
    public void print(PrintWriter out, Object jsonValue, Consumer<PrintWriter> table) {
        if (json()) {
            writeJson(out, jsonValue);
        } else {
            table.accept(out);
            out.flush();
        }
    }
}
