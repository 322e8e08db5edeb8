package org.losslab.engine.sim;

import java.util.Arrays;
import java.util.List;

/**
 * The points of one run: step k at index k (0 is the start). Filled by one simulation thread
 * through {@link #point}; once the simulation hands it over it is never written again, so views
 * read the arrays without copying or locking.
 */
public final class Trajectory implements TrajectorySink {
    private double[] x, y, loss, gradNorm, lr;
    private int size;
    private long divergedAt = -1;
    /** Extra series reported by the run's links (slow weights, averages, …), one value per point. */
    private List<String> channelNames = List.of();
    private double[][] channels = new double[0][];

    public Trajectory(long expectedPoints) {
        int cap = (int) Math.max(16, Math.min(expectedPoints, 1 << 20));
        x = new double[cap];
        y = new double[cap];
        loss = new double[cap];
        gradNorm = new double[cap];
        lr = new double[cap];
    }

    @Override
    public void point(int run, long step, double px, double py, double f, double gn, double rate) {
        if (size == x.length) {
            int cap = Math.max(size + 1, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
            x = Arrays.copyOf(x, cap);
            y = Arrays.copyOf(y, cap);
            loss = Arrays.copyOf(loss, cap);
            gradNorm = Arrays.copyOf(gradNorm, cap);
            lr = Arrays.copyOf(lr, cap);
            for (int k = 0; k < channels.length; k++) {
                channels[k] = Arrays.copyOf(channels[k], cap);
            }
        }
        x[size] = px;
        y[size] = py;
        loss[size] = f;
        gradNorm[size] = gn;
        lr[size] = rate;
        size++;
        if (!(Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(f) && Double.isFinite(gn))) {
            divergedAt = step;
        }
    }

    @Override
    public void channels(int run, List<String> names) {
        channelNames = List.copyOf(names);
        channels = new double[names.size()][x.length];
    }

    @Override
    public void channelValues(int run, long step, double[] values) {
        for (int k = 0; k < channels.length; k++) {
            channels[k][size - 1] = values[k];
        }
    }

    /** The names of the extra channels of this run (empty for most runs). */
    public List<String> channelNames() {
        return channelNames;
    }

    /** The index of the named channel, or −1. */
    public int channel(String name) {
        return channelNames.indexOf(name);
    }

    /** Channel k's value at point i. */
    public double channel(int k, int i) {
        return channels[k][i];
    }

    /** Number of points (updates + 1, fewer if the run diverged or was cancelled). */
    public int size() {
        return size;
    }

    public double x(int k) {
        return x[k];
    }

    public double y(int k) {
        return y[k];
    }

    public double loss(int k) {
        return loss[k];
    }

    public double gradNorm(int k) {
        return gradNorm[k];
    }

    /** The learning rate of the update that produced point k (NaN at 0). */
    public double lr(int k) {
        return lr[k];
    }

    /** The step at which a value became non-finite, or −1. */
    public long divergedAt() {
        return divergedAt;
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }
}
