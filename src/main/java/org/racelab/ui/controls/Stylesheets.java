package org.racelab.ui.controls;

/** Finds a stylesheet that sits beside a class in the resources, as the URL a scene or parent wants. */
public final class Stylesheets {

    private Stylesheets() {
    }

    /** The stylesheet {@code name} in the package of {@code anchor}; fails loudly if it is missing from the build. */
    public static String url(Class<?> anchor, String name) {
        var url = anchor.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + name + " beside " + anchor.getName());
        }
        return url.toExternalForm();
    }
}
