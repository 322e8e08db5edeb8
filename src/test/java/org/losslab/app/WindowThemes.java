package org.losslab.app;

/** Sets a window's theme from programs outside this package (the screenshot tools), as View ▸ Dark does. */
public final class WindowThemes {
    private WindowThemes() {
    }

    public static void dark(MainController c) {
        c.setTheme(Theme.DARK);
    }
}
