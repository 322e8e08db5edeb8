package org.losslab.render.surface3d;

import java.util.Locale;

/** Short number labels for axes and legends: three significant digits, exponent when needed. */
public final class Labels {
    private Labels() {
    }

    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(Locale.ROOT, "%.2e", v);
            int e = s.indexOf('e');
            String mant = s.substring(0, e).replaceAll("\\.?0+$", "");
            int exp = Integer.parseInt(s.substring(e + 1));
            return mant + "e" + exp;
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /**
     * "Nice" tick values (1, 2 or 5 times a power of ten apart) inside [lo, hi], about
     * {@code count} of them, leaving out those within {@code margin} (a fraction of the range) of
     * either end, where they would collide with the neighbouring axis's labels.
     */
    public static double[] ticks(double lo, double hi, int count, double margin) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return new double[] {lo};
        }
        double raw = span / Math.max(1, count);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        double first = Math.ceil((lo + margin * span) / step) * step;
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (double v = first; v <= hi - margin * span + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
