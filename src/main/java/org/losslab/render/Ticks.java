package org.losslab.render;

import java.util.Arrays;
import java.util.Locale;

/**
 * "Nice" axis ticks (Heckbert, Graphics Gems 1990): a step of 1, 2 or 5 times a power of ten
 * giving about the number of ticks asked for, and labels with just enough decimals. On a log₁₀ axis
 * the same rule picks a step in whole decades; an axis showing less than two decades also marks 2
 * and 5 times each power of ten, so it never has fewer than two ticks.
 */
public final class Ticks {
    /** The marks of a short log axis within each decade. */
    private static final int[] MANTISSAS = {1, 2, 5};
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

    /**
     * Tick values (data values, not exponents) of a log₁₀ axis over [lo, hi], 0 &lt; lo &lt; hi: powers
     * of ten a whole number of decades apart, about {@code count} of them, or 1, 2 and 5 times each
     * power when fewer than two powers of ten lie inside, or evenly spaced values as on a linear axis
     * where even those are fewer than two.
     */
    public static double[] logValues(double lo, double hi, int count) {
        double e0 = Math.log10(lo), e1 = Math.log10(hi);
        if (!(e1 > e0) || !Double.isFinite(e0) || !Double.isFinite(e1)) {
            return Double.isFinite(e0) && lo > 0 ? new double[] {lo} : new double[0];
        }
        if (Math.floor(e1 + 1e-9) - Math.ceil(e0 - 1e-9) < 1) {
            double[] some = oneTwoFive(lo, hi);
            return some.length >= 2 ? some : values(lo, hi, count);
        }
        double step = Math.max(1, Math.ceil(step(e0, e1, count) - 1e-9));
        double first = Math.ceil(e0 / step - 1e-9) * step;
        int n = Math.max(0, Math.min(1000, (int) Math.floor((e1 - first) / step + 1e-9) + 1));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.pow(10, Math.round(first + i * step));
        }
        return v;
    }

    /**
     * Does a log₁₀ axis over [lo, hi] span so little (less than two of 1, 2, 5 × 10ᵏ) that
     * {@link #logValues} spaces its ticks evenly? Then they are labelled as on a linear axis.
     */
    public static boolean logIsEven(double lo, double hi) {
        return hi > lo && lo > 0 && Math.floor(Math.log10(hi) + 1e-9) - Math.ceil(Math.log10(lo) - 1e-9) < 1
                && oneTwoFive(lo, hi).length < 2;
    }

    /** 1, 2 and 5 times the powers of ten within [lo, hi]. */
    private static double[] oneTwoFive(double lo, double hi) {
        int k0 = (int) Math.floor(Math.log10(lo)), k1 = (int) Math.ceil(Math.log10(hi));
        double[] out = new double[3 * (k1 - k0 + 1)];
        int n = 0;
        for (int e = k0; e <= k1; e++) {
            for (int m : MANTISSAS) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    out[n++] = v;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** A label on a log₁₀ axis: powers of ten from 0.01 to 1000 written out, others as 1e−k; 2 and 5 times them in short. */
    public static String logLabel(double v) {
        long k = Math.round(Math.log10(v));
        if (Math.abs(v - Math.pow(10, k)) < 1e-9 * v && (k < -2 || k > 3)) {
            return "1e" + k;
        }
        return brief(v);
    }

    /**
     * A short number for a picture's titles, legends and colour bars: 3 significant digits, whole
     * numbers below a million written out.
     */
    public static String brief(double v) {
        double a = Math.abs(v);
        if (a >= 100 && a < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return significant(v, 3);
    }

    /**
     * v to {@code digits} significant digits without trailing zeros, in exponent form (1.5e-7) below
     * 0.001 and from 100,000 on; infinities and NaN as Java writes them.
     */
    public static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        String s = a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%." + digits + "g", v)
                : String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        return e < 0 ? stripZeros(s) : stripZeros(s.substring(0, e)) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private static String stripZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A tick label with as many decimals as the step needs. */
    public static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
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
            return String.format(Locale.ROOT, "%.2e", v).replace("e+0", "e").replace("e-0", "e-")
                    .replace("e+", "e");
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
