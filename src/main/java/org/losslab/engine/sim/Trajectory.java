package org.losslab.engine.sim;

import java.util.Arrays;
import java.util.List;

/**
 * The points of one run. Filled by one simulation thread through {@link #point}; once the
 * simulation hands it over it is never written again, so views read the arrays without copying or
 * locking.
 *
 * <p>By default every point is kept: step k at index k. A trajectory made by {@link #bounded}
 * keeps at most {@code bound} points whatever the number of steps, by a uniform stride s (a power
 * of two) that doubles when the arrays are full: point i is step i·s, the latest point is always
 * kept (as a last entry off the stride when its step is not a multiple of s), and so are step 0 and
 * the point where the run diverged (nothing follows it). Doubling halves the points in place (keep
 * the even indices), so memory is O(bound) and each point costs O(1) amortized, with no allocation
 * once the arrays reach the bound. A run shorter than the bound keeps every point, with s = 1,
 * exactly as an unbounded trajectory; a run that stops early (diverges, or is cancelled) keeps the
 * finest stride its length allows, whereas a stride fixed in advance from the number of steps
 * ({@link Decimation}) would leave it a handful of points. Because s only ever doubles, the kept
 * steps are always 0, s, 2s, …: a view maps a step to the point at or before it by one division
 * ({@link #indexAt}).
 *
 * <p>What the thinning loses, it summarizes: {@link #gradNormMin(int)} is the least ‖∇f‖ over the
 * steps a point stands for (those after the previous kept point, up to its own), so the first step
 * at which ‖∇f‖ fell under a tolerance is bracketed exactly between two kept points.
 */
public final class Trajectory implements TrajectorySink {
    private double[] x, y, loss, gradNorm, lr;
    /** Least ‖∇f‖ over the steps each point stands for; null when every point given is kept. */
    private double[] gradNormMin;
    private int size;
    private long divergedAt = -1;
    /** Extra series reported by the run's links (slow weights, averages, …), one value per point. */
    private List<String> channelNames = List.of();
    private double[][] channels = new double[0][];
    /** Most points kept; doubling the stride makes room once the arrays reach it. */
    private final int bound;
    /** Point i (but a last entry off the stride) is step i·stride. */
    private long stride;
    /** True when the last entry is the run's latest point, whose step is not a multiple of stride. */
    private boolean offStride;
    private long lastStep = -1;
    /** The least ‖∇f‖ of points dropped by a halving after the last kept one: the next point's interval. */
    private double carried = Double.NaN;

    /** Keeps every point (step k at index k); {@code expectedPoints} presizes the arrays. */
    public Trajectory(long expectedPoints) {
        this(expectedPoints, Integer.MAX_VALUE, 1);
    }

    private Trajectory(long expectedPoints, int bound, long stride) {
        this.bound = bound;
        this.stride = stride;
        int cap = (int) Math.max(Math.min(16, bound), Math.min(Math.min(expectedPoints, 1 << 20), bound));
        x = new double[cap];
        y = new double[cap];
        loss = new double[cap];
        gradNorm = new double[cap];
        lr = new double[cap];
        if (bound != Integer.MAX_VALUE) {
            gradNormMin = new double[cap];
        }
    }

    /**
     * A trajectory of at most {@code bound} points, thinned by a doubling stride as the run goes on
     * (see the class comment). It must be given a run's points in order, step 0, 1, 2, ….
     *
     * @param expectedPoints the run's steps + 1, to presize the arrays (never beyond the bound)
     * @param bound          at most this many points; ≥ 2
     */
    public static Trajectory bounded(long expectedPoints, int bound) {
        if (bound < 2) {
            throw new IllegalArgumentException("bound must be ≥ 2");
        }
        return new Trajectory(expectedPoints, bound, 1);
    }

    /**
     * A trajectory given only steps 0, every, 2·every, … and a last point (a {@link Decimation}'s
     * output), so that {@link #step(int)} names the steps it holds.
     */
    static Trajectory everyKth(long expectedPoints, long every) {
        return new Trajectory(expectedPoints, Integer.MAX_VALUE, every);
    }

    @Override
    public void point(int run, long step, double px, double py, double f, double gn, double rate) {
        double least = gn;
        if (offStride) {
            // The previous latest point was kept only for being the latest: this one replaces it.
            size--;
            offStride = false;
            if (gradNormMin != null) {
                least = min(least, gradNormMin[size]);
            }
        }
        if (size == x.length) {
            makeRoom();
        }
        x[size] = px;
        y[size] = py;
        loss[size] = f;
        gradNorm[size] = gn;
        lr[size] = rate;
        if (gradNormMin != null) {
            gradNormMin[size] = min(least, carried);
            carried = Double.NaN;
        }
        offStride = stride > 1 && step % stride != 0;
        lastStep = step;
        size++;
        if (!(Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(f) && Double.isFinite(gn))) {
            divergedAt = step;
        }
    }

    /** The smaller of two norms, a NaN (a diverged point, or nothing carried) counting as no value. */
    private static double min(double a, double b) {
        return b < a || a != a ? b : a;
    }

    /** Grows the arrays, or at the bound halves the points kept and doubles the stride. */
    private void makeRoom() {
        if (size < bound) {
            int cap = (int) Math.min(bound, Math.max(size + 1L, Math.min(Integer.MAX_VALUE - 8, size * 2L)));
            x = Arrays.copyOf(x, cap);
            y = Arrays.copyOf(y, cap);
            loss = Arrays.copyOf(loss, cap);
            gradNorm = Arrays.copyOf(gradNorm, cap);
            lr = Arrays.copyOf(lr, cap);
            if (gradNormMin != null) {
                gradNormMin = Arrays.copyOf(gradNormMin, cap);
            }
            for (int k = 0; k < channels.length; k++) {
                channels[k] = Arrays.copyOf(channels[k], cap);
            }
            return;
        }
        // Every entry is on the stride (an off-stride last one was taken out): point i is step i·s.
        // Keep the even ones, steps 2j·s = j·(2s); each odd one's interval joins the next kept point.
        int kept = (size + 1) / 2;
        for (int j = 1; j < kept; j++) {
            int from = 2 * j;
            x[j] = x[from];
            y[j] = y[from];
            loss[j] = loss[from];
            gradNorm[j] = gradNorm[from];
            lr[j] = lr[from];
            gradNormMin[j] = min(gradNormMin[from], gradNormMin[from - 1]);
            for (double[] c : channels) {
                c[j] = c[from];
            }
        }
        if (size % 2 == 0) {
            carried = gradNormMin[size - 1];
        }
        size = kept;
        stride *= 2;
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

    /**
     * Number of points kept: updates + 1 when every point is kept (fewer if the run diverged or was
     * cancelled), at most the bound of a {@link #bounded} trajectory.
     */
    public int size() {
        return size;
    }

    /** The step of point i: i when every point is kept. */
    public long step(int i) {
        return offStride && i == size - 1 ? lastStep : i * stride;
    }

    /**
     * The last point at or before {@code step} (0 before the start, the last point after the end):
     * the point a view shows at that playback step. {@code min(step, size − 1)} when every point is
     * kept.
     */
    public int indexAt(long step) {
        if (size == 0 || step <= 0) {
            return 0;
        }
        if (offStride && step >= lastStep) {
            return size - 1;
        }
        int onStride = offStride ? size - 1 : size;
        return (int) Math.min(step / stride, onStride - 1L);
    }

    /** The distance in steps between kept points (a power of two for a {@link #bounded} one); 1 when every point is kept. */
    public long stride() {
        return stride;
    }

    /** True when every point of the run is here (the stride is 1). */
    public boolean complete() {
        return stride == 1;
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

    /**
     * The least finite ‖∇f‖ over the steps point i stands for: those after point i − 1 up to
     * step(i) (NaN or ∞ when none is finite). Just {@link #gradNorm} when every point is kept.
     */
    public double gradNormMin(int i) {
        return gradNormMin == null ? gradNorm[i] : gradNormMin[i];
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
