package org.losslab.app.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last few scenario files opened or saved, kept in the user's preferences. */
public final class RecentFiles {
    private static final int MAX = 8;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String s = prefs.get("recent." + i, null);
            if (s != null) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /** Moves {@code p} to the front. */
    public void add(Path p) {
        List<Path> l = new ArrayList<>(list());
        Path abs = p.toAbsolutePath().normalize();
        l.remove(abs);
        l.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < l.size()) {
                prefs.put("recent." + i, l.get(i).toString());
            } else {
                prefs.remove("recent." + i);
            }
        }
    }
}
