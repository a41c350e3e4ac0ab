package org.racelab.ui.part;

/** Style classes the shell gives a meaning to, for parts to put on their nodes. */
public final class PartStyle {

    /** Nodes with this style class disappear (hidden and unmanaged) in presentation mode. */
    public static final String SECONDARY = "secondary-control";

    private PartStyle() {
    }
}
