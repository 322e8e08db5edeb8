package org.losslab.app.trainer.model;

import org.losslab.engine.mlp.LossSlice;
import org.losslab.engine.sim.Trajectory;
import org.losslab.render.ContourField;

/**
 * A computed landscape slice through one run's weights, immutable: the grid as a surface and its
 * contour field, the run's recorded weights projected onto the plane as a path (x = α, y = β,
 * loss = training loss at that step), and how the directions were chosen.
 *
 * @param pca       whether the directions are the trajectory's principal components
 * @param explained for PCA, the shares of the trajectory's variance along d₁ and d₂
 * @param step      the step of the centre weights θ*
 */
public record SliceResult(int run, long step, boolean pca, double[] explained, GridSurface surface, ContourField field,
                          Trajectory path) {

    public LossSlice.Grid grid() {
        return surface.grid();
    }

    /** A one-line caption: which plane, through which weights. */
    public String caption(String runLabel) {
        String dirs = pca ? String.format("top PCA directions of the path (%.0f%% + %.0f%% of its variance)",
                100 * explained[0], 100 * explained[1]) : "two filter-normalized random directions";
        return "Training loss on θ* + α·d₁ + β·d₂ (x = α, y = β) through " + runLabel + " at step " + step + ", " + dirs;
    }
}
