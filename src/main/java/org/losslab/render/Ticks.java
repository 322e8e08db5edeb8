package org.losslab.render;

/**
 * "Nice" axis ticks (Heckbert, Graphics Gems 1990): a step of 1, 2 or 5 times a power of ten
 * giving about the number of ticks asked for, and labels with just enough decimals.
 */
public final class Ticks {
    private Ticks() {
    }

    /** The tick step for about {@code count} ticks over [lo, hi]. */
    public static double step(double lo, double hi, int count) {
        double raw = (hi - lo) / Math.max(1, count);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        double nice = m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10;
        return nice * p;
    }

    /** Tick values in [lo, hi] at multiples of the step. */
    public static double[] values(double lo, double hi, int count) {
        double s = step(lo, hi, count);
        double first = Math.ceil(lo / s - 1e-9) * s;
        int n = (int) Math.floor((hi - first) / s + 1e-9) + 1;
        n = Math.max(0, Math.min(n, 1000));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = first + i * s;
            v[i] = Math.abs(x) < s * 1e-9 ? 0 : x;
        }
        return v;
    }

    /** A tick label with as many decimals as the step needs. */
    public static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A short number for legends and hover cards: 4 significant digits. */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (v != 0 && (a >= 1e5 || a < 1e-3)) {
            return String.format(java.util.Locale.ROOT, "%.2e", v).replace("e+0", "e").replace("e-0", "e-")
                    .replace("e+", "e");
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
