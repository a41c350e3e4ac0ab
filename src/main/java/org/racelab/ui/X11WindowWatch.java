package org.racelab.ui;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Ends the application when its X11 window is destroyed behind the toolkit's back (as {@code xdotool windowclose}
 * does), which JavaFX's GTK backend never reports: without this the JVM would run on with no window.
 *
 * <p>It speaks just enough of the X11 protocol over the display's local socket to ask, twice a second, whether
 * the window still exists. Where that is not possible (no local X display, Monocle, an unreadable cookie) it
 * simply does not start. Thread safety: the watcher runs on one daemon thread; {@link #close()} may be called
 * from any thread and only flips a volatile flag and closes the channel.
 */
final class X11WindowWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(X11WindowWatch.class.getName());
    private static final Pattern LOCAL_DISPLAY = Pattern.compile("^(?:unix)?:(\\d+)(?:\\.\\d+)?$");
    private static final String COOKIE = "MIT-MAGIC-COOKIE-1";
    private static final long POLL_MILLIS = 500;
    private static final int GET_GEOMETRY = 14;

    private final SocketChannel channel;
    private final long windowId;
    private final Runnable onGone;
    private volatile boolean closed;

    private X11WindowWatch(SocketChannel channel, long windowId, Runnable onGone) {
        this.channel = channel;
        this.windowId = windowId;
        this.onGone = onGone;
    }

    /**
     * Starts watching the shown {@code stage}; {@code onGone} runs on the FX thread once its window is destroyed.
     * Must be called on the FX thread after the stage is shown.
     */
    static Optional<X11WindowWatch> start(Stage stage, Runnable onGone) {
        String glass = System.getProperty("glass.platform", "gtk");
        String display = System.getenv("DISPLAY");
        if (!"gtk".equalsIgnoreCase(glass) || display == null) {
            return Optional.empty();
        }
        Matcher m = LOCAL_DISPLAY.matcher(display.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long xid = nativeWindowOf(stage);
            if (xid == 0) {
                return Optional.empty();
            }
            SocketChannel ch = connect(m.group(1));
            X11WindowWatch watch = new X11WindowWatch(ch, xid, onGone);
            Thread t = new Thread(watch::run, "racelab-x11-window-watch");
            t.setDaemon(true);
            t.start();
            return Optional.of(watch);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "not watching the X11 window", e);
            return Optional.empty();
        }
    }

    /** The X window id of the stage, through Glass (on the class path its internal classes are visible). */
    private static long nativeWindowOf(Stage stage) {
        for (com.sun.glass.ui.Window w : com.sun.glass.ui.Window.getWindows()) {
            if (w.getOwner() == null && stage.getTitle() != null && stage.getTitle().equals(w.getTitle())) {
                return w.getNativeWindow();
            }
        }
        return 0;
    }

    private void run() {
        try {
            ByteBuffer request = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer reply = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            while (!closed) {
                request.clear();
                request.put((byte) GET_GEOMETRY).put((byte) 0).putShort((short) 2).putInt((int) windowId).flip();
                while (request.hasRemaining()) {
                    channel.write(request);
                }
                reply.clear();
                while (reply.hasRemaining()) {
                    if (channel.read(reply) < 0) {
                        return; // the X server went away: GTK ends the process itself
                    }
                }
                if (reply.get(0) == 0) { // an error reply: the window no longer exists
                    closed = true;
                    Platform.runLater(onGone);
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | InterruptedException e) {
            LOG.log(Level.FINE, "X11 window watch stopped", e);
        } finally {
            closeQuietly();
        }
    }

    private static SocketChannel connect(String displayNumber) throws IOException {
        Path socket = Path.of("/tmp/.X11-unix/X" + displayNumber);
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            byte[] cookie = cookieFor(displayNumber);
            byte[] name = cookie.length == 0 ? new byte[0] : COOKIE.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer setup = ByteBuffer.allocate(12 + pad(name.length) + pad(cookie.length))
                    .order(ByteOrder.LITTLE_ENDIAN);
            setup.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0)
                    .putShort((short) name.length).putShort((short) cookie.length).putShort((short) 0);
            setup.put(Arrays.copyOf(name, pad(name.length))).put(Arrays.copyOf(cookie, pad(cookie.length))).flip();
            while (setup.hasRemaining()) {
                ch.write(setup);
            }
            ByteBuffer head = readFully(ch, 8);
            int status = head.get(0);
            int extraWords = Short.toUnsignedInt(head.getShort(6));
            readFully(ch, extraWords * 4);
            if (status != 1) {
                throw new IOException("X server refused the connection (status " + status + ")");
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("X server closed the connection");
            }
        }
        return b.flip();
    }

    /** The MIT-MAGIC-COOKIE-1 for this display from the Xauthority file, or none. */
    private static byte[] cookieFor(String displayNumber) throws IOException {
        String file = System.getenv("XAUTHORITY");
        Path path = file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".Xauthority");
        if (!Files.isReadable(path)) {
            return new byte[0];
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(path))) {
            while (in.available() > 0) {
                in.readUnsignedShort(); // family
                readCounted(in); // address
                String number = new String(readCounted(in), StandardCharsets.US_ASCII);
                String name = new String(readCounted(in), StandardCharsets.US_ASCII);
                byte[] data = readCounted(in);
                if (COOKIE.equals(name) && (number.isEmpty() || number.equals(displayNumber))) {
                    return data;
                }
            }
        }
        return new byte[0];
    }

    private static byte[] readCounted(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return b;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the X11 connection", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly();
    }
}
