package org.losslab.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import org.losslab.render.PngExport;

/** Waits for the first complete frame (trajectories and contours drawn) and snapshots the window. */
final class Screenshots {
    private Screenshots() {
    }

    /** Runs {@code then} on the FX thread once the model is idle and a few more frames were drawn. */
    static void whenDrawn(MainController c, Runnable then) {
        new AnimationTimer() {
            private int quietFrames;

            @Override
            public void handle(long now) {
                var m = c.model();
                boolean ready = m.snapshot() != null && m.fieldProperty().get() != null && !m.computingProperty().get()
                        && c.plot().paints() > 0;
                quietFrames = ready ? quietFrames + 1 : 0;
                if (quietFrames >= 3) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    static void write(MainController c, Path file) {
        var img = c.stage().getScene().snapshot(null);
        try {
            PngExport.write(SwingFXUtils.fromFXImage(img, null), file);
        } catch (IOException e) {
            System.err.println("losslab: cannot write screenshot " + file + ": " + e.getMessage());
        }
    }
}
