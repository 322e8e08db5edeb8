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

    /** Where a run's last point lies. */
    public enum End { START_BASIN, OTHER_BASIN, DIVERGED }

    /**
     * The runs at one temperature.
     *
     * @param temperature T
     * @param passage     per run: its first-passage time in updates, or −1 if it never escaped
     * @param end         per run: the basin its last point is in
     */
    public record AtTemperature(double temperature, int[] passage, End[] end) {
        public AtTemperature {
            passage = passage.clone();
            end = end.clone();
        }

        @Override
        public int[] passage() {
            return passage.clone();
        }

        @Override
        public End[] end() {
            return end.clone();
        }

        public int runs() {
            return passage.length;
        }

        /** The first-passage times of the runs that escaped, ascending. */
        public int[] passages() {
            return java.util.Arrays.stream(passage).filter(p -> p >= 0).sorted().toArray();
        }

        private int count(End e) {
            int n = 0;
            for (End x : end) {
                n += x == e ? 1 : 0;
            }
            return n;
        }

        /** Runs whose last point is in the basin they started in. */
        public int inStart() {
            return count(End.START_BASIN);
        }

        /** Runs whose last point is in the other basin. */
        public int inOther() {
            return count(End.OTHER_BASIN);
        }

        public int diverged() {
            return count(End.DIVERGED);
        }

        public int escaped() {
            int n = 0;
            for (int p : passage) {
                n += p >= 0 ? 1 : 0;
            }
            return n;
        }

        /** The fraction of runs that escaped within the horizon. */
        public double escapedFraction() {
            return (double) escaped() / runs();
        }

        /**
         * The mean first-passage time in updates, by maximum likelihood for exponentially distributed
         * escape times observed up to a horizon H: (Σ escape times + H · runs not escaped) / escaped.
         * Unlike the plain mean of the escapes, it is not biased low when some runs never escape.
         * NaN when none escaped.
         */
        public double meanPassage(long horizon) {
            int escaped = escaped();
            if (escaped == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (int k = 0; k < passage.length; k++) {
                if (passage[k] >= 0) {
                    sum += passage[k];
                } else if (end[k] != End.DIVERGED) {
                    sum += horizon;
                }
            }
            return sum / escaped;
        }

        /** Counts of passages in {@code bins} equal bins over [0, maxStep]. */
        public int[] histogram(int bins, double maxStep) {
            int[] h = new int[bins];
            for (int p : passages()) {
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
