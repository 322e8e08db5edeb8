package org.losslab.app;

import org.losslab.AppEntry;

/** The app's {@link AppEntry}, listed in META-INF/services for {@link java.util.ServiceLoader}. */
public final class LossLabEntry implements AppEntry {

    @Override
    public void open(String[] args) {
        LossLabApp.launchApp(args);
    }
}
