package org.losslab;

/**
 * The desktop app as {@link Main} starts it: implemented in {@code org.losslab.app} and found with
 * {@link java.util.ServiceLoader}, because {@link AppLauncher} may load the app's classes with a
 * class loader of their own (one that sees JavaFX as named modules).
 */
public interface AppEntry {

    /** Opens the main window; returns when the app exits. */
    void open(String[] args);
}
