package org.losslab.format;

import java.util.List;

/**
 * Default run colours: Okabe &amp; Ito's palette (2008), distinguishable with every common form of
 * colour blindness; yellow is left out because it vanishes on light backgrounds and on the high
 * end of the height colormap.
 */
public final class Palette {
    public static final List<String> RUNS = List.of(
            "#0072B2", // blue
            "#D55E00", // vermillion
            "#009E73", // bluish green
            "#CC79A7", // reddish purple
            "#E69F00", // orange
            "#56B4E9", // sky blue
            "#000000"); // black

    private Palette() {
    }

    /** The default colour of run i. */
    public static String run(int i) {
        return RUNS.get(Math.floorMod(i, RUNS.size()));
    }
}
