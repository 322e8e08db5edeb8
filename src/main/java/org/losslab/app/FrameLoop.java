package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import org.losslab.app.model.Playback;

/**
 * One timer for the window: each pulse advances playback by the elapsed time and repaints the
 * views that were marked dirty since the last pulse, so any number of changes within a frame cost
 * one redraw.
 */
final class FrameLoop extends AnimationTimer {
    /** A view that paints on demand. */
    interface Painted {
        /** Paints if something changed since the last call. */
        void paintIfDirty();
    }

    private final Playback playback;
    private final List<Painted> views = new ArrayList<>();
    private long last = -1;

    FrameLoop(Playback playback) {
        this.playback = playback;
    }

    void add(Painted v) {
        views.add(v);
    }

    void remove(Painted v) {
        views.remove(v);
    }

    @Override
    public void handle(long now) {
        if (last >= 0) {
            // Long gaps (a dragged window, a debugger) must not jump playback ahead.
            playback.advance(Math.min(0.1, (now - last) / 1e9));
        }
        last = now;
        for (Painted v : List.copyOf(views)) {
            v.paintIfDirty();
        }
    }
}
