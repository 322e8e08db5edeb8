package org.losslab.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link Escape} measured: per temperature the first-passage times and where the runs
 * ended, and the Arrhenius fit across temperatures. Immutable.
 */
public final class EscapeResult {
    private final Escape escape;
    private final List<AtTemperature> rows;

    EscapeResult(Escape escape, List<AtTemperature> rows) {
        this.escape = escape;
        this.rows = List.copyOf(rows);
    }

    /**
     * The runs at one temperature.
     *
     * @param temperature T
     * @param passages    first-passage times (in updates) of the runs that escaped, ascending
     * @param runs        runs at this temperature
     * @param inStart     runs whose last point is in the basin they started in
     * @param inOther     runs whose last point is in the other basin
     * @param diverged    runs that diverged
     */
    public record AtTemperature(double temperature, int[] passages, int runs, int inStart, int inOther, int diverged) {
        public AtTemperature {
            passages = passages.clone();
        }

        @Override
        public int[] passages() {
            return passages.clone();
        }

        public int escaped() {
            return passages.length;
        }

        /** The fraction of runs that escaped within the horizon. */
        public double escapedFraction() {
            return (double) passages.length / runs;
        }

        /**
         * The mean first-passage time in updates, by maximum likelihood for exponentially distributed
         * escape times observed up to a horizon H: (Σ escape times + H · runs not escaped) / escaped.
         * Unlike the plain mean of the escapes, it is not biased low when some runs never escape.
         * NaN when none escaped.
         */
        public double meanPassage(long horizon) {
            if (passages.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (int p : passages) {
                sum += p;
            }
            sum += (double) horizon * (runs - diverged - passages.length);
            return sum / passages.length;
        }

        /** Counts of passages in {@code bins} equal bins over [0, maxStep]. */
        public int[] histogram(int bins, double maxStep) {
            int[] h = new int[bins];
            for (int p : passages) {
                int b = (int) Math.min(bins - 1, Math.floor(p / maxStep * bins));
                h[b]++;
            }
            return h;
        }
    }

    /** ln τ = ln A + ΔE/T fitted by least squares over the temperatures with enough escapes. */
    public record Arrhenius(double barrier, double logPrefactor, double[] inverseTemperature, double[] logMeanTime) {
        /** The fitted log mean escape time (time in units of η·updates) at temperature T. */
        public double predictLog(double temperature) {
            return logPrefactor + barrier / temperature;
        }
    }

    /** Temperatures with fewer escapes than this are left out of the fit (their mean is too noisy). */
    public static final int MIN_ESCAPES = 5;

    public Escape escape() {
        return escape;
    }

    public List<AtTemperature> temperatures() {
        return rows;
    }

    /** The true barrier of the start well, from the surface. */
    public double trueBarrier() {
        return escape.trueBarrier();
    }

    /** The mean escape time at row m in units of time, η·updates (η the run's base learning rate). */
    public double meanTime(int m) {
        return rows.get(m).meanPassage(escape.steps()) * escape.run().optimizer().lr();
    }

    /**
     * The Arrhenius fit: least squares of ln(mean escape time) against 1/T over the temperatures with
     * at least {@link #MIN_ESCAPES} escapes; the slope is the fitted barrier. Null with fewer than two
     * such temperatures.
     */
    public Arrhenius arrhenius() {
        List<double[]> pts = new ArrayList<>();
        for (int m = 0; m < rows.size(); m++) {
            if (rows.get(m).escaped() >= MIN_ESCAPES) {
                pts.add(new double[] {1 / rows.get(m).temperature(), Math.log(meanTime(m))});
            }
        }
        if (pts.size() < 2) {
            return null;
        }
        double mx = 0, my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0, sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        double[] ix = new double[pts.size()], ly = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            ix[i] = pts.get(i)[0];
            ly[i] = pts.get(i)[1];
        }
        return new Arrhenius(slope, my - slope * mx, ix, ly);
    }
}
