package org.losslab.app.trainer.model;

import org.losslab.engine.mlp.LossSlice;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * A computed {@link LossSlice.Grid} as a {@link Surface}, so the contour plot and the 3-D view draw
 * the network's landscape from the grid instead of re-running the network per pixel. Between grid
 * points the surface is bilinear: on the cell [x₀, x₁] × [y₀, y₁] with u, v ∈ [0, 1],
 * f = (1−u)(1−v)·f₀₀ + u(1−v)·f₁₀ + (1−u)v·f₀₁ + uv·f₁₁, so it equals the grid exactly at its nodes.
 * Its gradient is that of the bilinear patch; its Hessian has f_xx = f_yy = 0 and the patch's twist
 * f_xy = (f₀₀ − f₁₀ − f₀₁ + f₁₁)/(Δx·Δy) — curvature of a network slice is not read from here.
 */
public final class GridSurface implements Surface {
    private final LossSlice.Grid grid;
    private final double[] loss;
    private final int n;
    private final double dx, dy;

    public GridSurface(LossSlice.Grid grid) {
        this.grid = grid;
        this.loss = grid.loss();
        this.n = grid.n();
        this.dx = (grid.aMax() - grid.aMin()) / (n - 1);
        this.dy = (grid.bMax() - grid.bMin()) / (n - 1);
    }

    public LossSlice.Grid grid() {
        return grid;
    }

    @Override
    public String type() {
        return "networkSliceGrid";
    }

    @Override
    public Window defaultView() {
        return new Window(grid.aMin(), grid.aMax(), grid.bMin(), grid.bMax());
    }

    /** Cell column/row of a coordinate, clamped so points outside use the nearest border cell. */
    private int cell(double v, double min, double d) {
        return Math.max(0, Math.min(n - 2, (int) Math.floor((v - min) / d)));
    }

    @Override
    public void evaluate(int count, int stride, double[] p, double t, double[] f, double[] g) {
        for (int i = 0; i < count; i++) {
            double x = p[i], y = p[stride + i];
            int c = cell(x, grid.aMin(), dx), r = cell(y, grid.bMin(), dy);
            double u = (x - grid.aMin()) / dx - c, v = (y - grid.bMin()) / dy - r;
            double f00 = loss[r * n + c], f10 = loss[r * n + c + 1], f01 = loss[(r + 1) * n + c], f11 = loss[(r + 1) * n + c + 1];
            f[i] = (1 - u) * (1 - v) * f00 + u * (1 - v) * f10 + (1 - u) * v * f01 + u * v * f11;
            g[i] = ((1 - v) * (f10 - f00) + v * (f11 - f01)) / dx;
            g[stride + i] = ((1 - u) * (f01 - f00) + u * (f11 - f10)) / dy;
        }
    }

    @Override
    public void hessian(int count, int stride, double[] p, double t, double[] h) {
        for (int i = 0; i < count; i++) {
            int c = cell(p[i], grid.aMin(), dx), r = cell(p[stride + i], grid.bMin(), dy);
            double f00 = loss[r * n + c], f10 = loss[r * n + c + 1], f01 = loss[(r + 1) * n + c], f11 = loss[(r + 1) * n + c + 1];
            h[i] = 0;
            h[stride + i] = (f00 - f10 - f01 + f11) / (dx * dy);
            h[2 * stride + i] = 0;
        }
    }
}
