package org.racelab.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.racelab.model.RaceConfig;
import org.racelab.model.Schedule;

/**
 * Whatever bytes a scenario file holds, the codec either reads a valid scenario that writes back to itself, or
 * refuses it with a {@link ScenarioException} whose message is one line under 200 characters; never another
 * exception.
 */
class ScenarioCodecFuzzTest {

    private static void readOrRefuse(byte[] bytes) {
        Scenario s;
        try {
            s = ScenarioCodec.fromBytes(bytes);
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(200).doesNotContain("\n").doesNotContain("\r");
            return;
        }
        try {
            assertThat(ScenarioCodec.fromJson(ScenarioCodec.toJson(s))).isEqualTo(s);
        } catch (ScenarioException e) {
            throw new AssertionError("a scenario the codec read does not read back: " + e.getMessage(), e);
        }
    }

    @Property(tries = 2000)
    void randomBytes(@ForAll("bytes") byte[] bytes) {
        readOrRefuse(bytes);
    }

    @Property(tries = 3000)
    void mutationsOfValidFiles(@ForAll("validFiles") String valid, @ForAll("edits") List<Edit> edits) {
        StringBuilder b = new StringBuilder(valid);
        for (Edit e : edits) {
            e.apply(b);
        }
        readOrRefuse(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void deepNesting(@ForAll("depths") int depth, @ForAll boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String body = open.repeat(depth) + "1" + close.repeat(depth);
        readOrRefuse(body.getBytes(StandardCharsets.UTF_8));
        readOrRefuse(ScenarioStrictnessTest.VALID.replace("\"start\":5", "\"start\":" + body)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 50)
    void hugeStrings(@ForAll("hugeLengths") int length, @ForAll("fields") String field) {
        String huge = "\"" + "ß".repeat(length) + "\"";
        String json = ScenarioStrictnessTest.VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]+)",
                "\"" + field + "\":" + huge);
        readOrRefuse(json.getBytes(StandardCharsets.UTF_8));
        try {
            ScenarioCodec.fromJson(json);
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).hasSizeLessThan(200);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<String> validFiles() {
        return Combinators.combine(Arbitraries.integers().between(2, 4), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(-1000, 1000), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 12))
                .as((t, i, s, l, n) -> {
                    StringBuilder letters = new StringBuilder();
                    for (int k = 0; k < n; k++) {
                        letters.append(RaceConfig.threadName(k % t));
                    }
                    return ScenarioCodec.toJson(new Scenario(new RaceConfig(t, i, s, l), new Schedule(letters.toString())));
                });
    }

    /** One edit of a file's text: delete, insert or replace a few characters anywhere. */
    record Edit(int kind, int at, String text) {
        void apply(StringBuilder b) {
            int p = b.length() == 0 ? 0 : Math.floorMod(at, b.length() + 1);
            switch (kind) {
                case 0 -> b.delete(p, Math.min(b.length(), p + text.length()));
                case 1 -> b.insert(p, text);
                default -> b.replace(p, Math.min(b.length(), p + text.length()), text);
            }
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> tokens = Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "1", "-0", "1e999", "2",
                        "\"racelab\":\"scenario\",", "\"version\":1,", "\"x\":1,", "\uFEFF", "\u0000", "ß", "\uD83D"),
                Arbitraries.strings().ofMaxLength(6));
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(), tokens)
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(1, 40_000);
    }

    @Provide
    Arbitrary<Integer> hugeLengths() {
        return Arbitraries.integers().between(41, 10_000_000);
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("racelab", "version", "threads", "lock", "schedule");
    }
}
