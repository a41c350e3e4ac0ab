package org.racelab.model.scenario;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a scenario file's bytes into text: UTF-8, with or without the byte-order mark Windows editors write;
 * UTF-16, UTF-32 and non-UTF-8 bytes are refused with a message that says which encoding problem it is.
 */
final class TextEncoding {

    private TextEncoding() {
    }

    static String decode(byte[] b) throws ScenarioException {
        int from = 0;
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF) || starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            throw wrongEncoding("UTF-32 (it starts with a UTF-32 byte-order mark)");
        }
        if (starts(b, 0xFE, 0xFF) || starts(b, 0xFF, 0xFE)) {
            throw wrongEncoding("UTF-16 (it starts with a UTF-16 byte-order mark)");
        }
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            from = 3;
        }
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                throw wrongEncoding("UTF-16 or binary (byte " + i + " is a zero byte)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
        CharBuffer out = CharBuffer.allocate(b.length - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = Math.min(in.position(), b.length - 1);
            throw new ScenarioException(String.format(Locale.ROOT,
                    "not a scenario file: it is not UTF-8 text (byte 0x%02X at offset %d); save it as UTF-8",
                    b[at] & 0xFF, at));
        }
        return out.flip().toString();
    }

    private static ScenarioException wrongEncoding(String what) {
        return new ScenarioException("not a scenario file: it is encoded as " + what + "; save it as UTF-8");
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
