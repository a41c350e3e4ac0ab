package org.racelab;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Run by {@code ./mvnw package} right after the jar is built: writes the class-data-sharing archive that
 * {@link SharedArchiveLaunch} maps, so that even the first {@code java -jar target/racelab.jar} after a build
 * starts fast.
 *
 * <p>No display is needed: a second JVM, which archives every class it loads as it exits, rehearses the window on
 * headless Glass ({@code WindowRehearsal}) and then loads, without initialising, the classes only a real display
 * uses (GTK Glass, the OpenGL pipeline). It must run from the project directory with
 * {@code -cp target/racelab.jar}, the way the README starts the app, because the archive is only valid for the
 * class path as written there. It never fails the build: if anything goes wrong it leaves no archive, and the
 * first start writes one instead.
 */
public final class SharedArchiveTraining {

    static final String LOAD = "--load-window-classes";

    /**
     * Loaded after the rehearsal: what a real display uses that the headless one cannot (GTK Glass, the OpenGL
     * pipeline), and every RaceLab class, including those the rehearsal did not reach.
     */
    private static final List<String> MORE_PACKAGES = List.of("com/sun/glass/ui/gtk/", "com/sun/prism/es2/",
            "org/racelab/");
    private static final long WATCHDOG_SECONDS = 120;

    private SharedArchiveTraining() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(LOAD)) {
            rehearse();
            return;
        }
        try {
            SharedArchiveLaunch.plan(SharedArchiveLaunch.Context.current(), List.of(LOAD))
                    .filter(plan -> plan.pending().isPresent())
                    .ifPresent(plan -> SharedArchiveLaunch.run(plan, false));
        } catch (RuntimeException e) {
            // Never the reason a build fails: without an archive the first start writes one.
        }
    }

    /** In the archiving JVM: exits 0 when the window was rehearsed, 1 (no archive kept) when it was not. */
    private static void rehearse() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(WATCHDOG_SECONDS));
                System.exit(1);
            } catch (InterruptedException e) {
                // The rehearsal finished first.
            }
        }, "racelab-training-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        boolean drawn;
        try {
            drawn = org.racelab.ui.WindowRehearsal.run();
        } catch (InterruptedException e) {
            drawn = false;
        } catch (RuntimeException | LinkageError e) {
            // A jar without the window (the launcher's own tests) or a toolkit that cannot start headless.
            drawn = false;
        }
        loadClasses(MORE_PACKAGES);
        System.exit(drawn || !hasWindow() ? 0 : 1);
    }

    private static boolean hasWindow() {
        return SharedArchiveTraining.class.getResource("/org/racelab/ui/WindowRehearsal.class") != null;
    }

    /** Loads and links, but never initialises, so nothing asks for the JavaFX toolkit or a display. */
    private static void loadClasses(List<String> packages) {
        String jar = System.getProperty("java.class.path");
        ClassLoader loader = SharedArchiveTraining.class.getClassLoader();
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")
                        && packages.stream().anyMatch(name::startsWith)) {
                    load(name.substring(0, name.length() - ".class".length()).replace('/', '.'), loader);
                }
            }
        } catch (IOException e) {
            // No archive this time; the first start of the window writes one.
        }
    }

    private static void load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // A class for another platform or an optional library: the window never needs it.
        }
    }
}
