package org.losslab.io;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * Numbers in files: the shortest decimal that reads back to the same double (Schubfach, Giulietti
 * 2020, as shipped in jackson-core; JDK 17's own {@code Double.toString} is not always shortest),
 * laid out as Python's {@code repr} does, so a CSV exported here and one written by PyTorch compare
 * line by line: {@code 12.5}, {@code 2.0}, {@code 0.0001}, {@code 1e-05}, {@code 1.5e+16},
 * {@code nan}, {@code inf}, {@code -inf}. Always '.' whatever the locale.
 */
public final class Numbers {
    private Numbers() {
    }

    /** A number as people write it in a file or a message: 0.001, 10, 1e-08 (whole numbers without ".0"). */
    public static String plain(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return format(x);
    }

    public static String format(double v) {
        return appendTo(new StringBuilder(24), v).toString();
    }

    /**
     * Appends {@link #format}'s text of {@code v} to {@code sb}, building nothing but Schubfach's
     * own string: a CSV row of numbers is formatted into its reused buffer, so writing millions of
     * rows makes little garbage (the garbage of a string per digit run, per number, made the JVM
     * grow its heap to gigabytes on a long {@code --csv}).
     */
    public static StringBuilder appendTo(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            return sb.append("nan");
        }
        if (Double.isInfinite(v)) {
            return sb.append(v > 0 ? "inf" : "-inf");
        }
        if (v == 0) {
            return sb.append((1 / v < 0) ? "-0.0" : "0.0");
        }
        // Java's form: [-]d+.d+ or [-]d.d+E[-]n. Its digits with the dot left out are digit(0 … n−1).
        String java = DoubleToDecimal.toString(v);
        boolean negative = java.charAt(0) == '-';
        int from = negative ? 1 : 0;
        int e = java.indexOf('E');
        int mantissaEnd = e < 0 ? java.length() : e;
        int exp = 0;
        if (e >= 0) {
            boolean minus = java.charAt(e + 1) == '-';
            for (int i = minus ? e + 2 : e + 1; i < java.length(); i++) {
                exp = 10 * exp + (java.charAt(i) - '0');
            }
            exp = minus ? -exp : exp;
        }
        int dot = java.indexOf('.', from) - from;
        int count = mantissaEnd - from - 1;
        int point = dot + exp; // the decimal point sits after this many digits
        // Normalize: strip leading zeros (moving the point) and trailing zeros.
        int lead = 0;
        while (lead < count - 1 && digit(java, from, dot, lead) == '0') {
            lead++;
        }
        point -= lead;
        int end = count;
        while (end > lead + 1 && digit(java, from, dot, end - 1) == '0') {
            end--;
        }
        int length = end - lead;
        if (length == 2) {
            // Java insists on two significant digits where one would do (4.9e-324 for 5e-324, only
            // among subnormals); Python prints the shortest, so try the nearest single digit.
            int two = 10 * (digit(java, from, dot, lead) - '0') + (digit(java, from, dot, lead + 1) - '0');
            int one = (two + 5) / 10;
            String d1 = one == 10 ? "1" : Integer.toString(one);
            int p1 = one == 10 ? point + 1 : point;
            if (Double.parseDouble((negative ? "-" : "") + d1 + "e" + (p1 - 1)) == v) {
                return layout(sb, negative, d1, 0, 1, 1, p1, 0);
            }
        }
        return layout(sb, negative, java, from, dot, end, point, lead);
    }

    /** Digit i of Java's mantissa starting at {@code from}, its dot after {@code dot} digits left out. */
    private static char digit(String java, int from, int dot, int i) {
        return java.charAt(from + (i < dot ? i : i + 1));
    }

    /**
     * Appends the significant digits {@code lead … end − 1} of the mantissa in {@code s} with the
     * decimal point after {@code point} of them, as Python's repr does: scientific with a signed
     * two-digit exponent below 1e-4 or from 1e16, else positional with at least one digit after
     * the point.
     */
    private static StringBuilder layout(StringBuilder sb, boolean negative, String s, int from, int dot, int end, int point,
                                        int lead) {
        int length = end - lead;
        int sciExp = point - 1;
        if (negative) {
            sb.append('-');
        }
        if (sciExp < -4 || sciExp >= 16) {
            sb.append(digit(s, from, dot, lead));
            if (length > 1) {
                sb.append('.');
                for (int i = lead + 1; i < end; i++) {
                    sb.append(digit(s, from, dot, i));
                }
            }
            sb.append('e').append(sciExp < 0 ? '-' : '+');
            int a = Math.abs(sciExp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (point <= 0) {
            sb.append("0.");
            for (int i = 0; i < -point; i++) {
                sb.append('0');
            }
            for (int i = lead; i < end; i++) {
                sb.append(digit(s, from, dot, i));
            }
        } else if (point >= length) {
            for (int i = lead; i < end; i++) {
                sb.append(digit(s, from, dot, i));
            }
            for (int i = length; i < point; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            for (int i = lead; i < lead + point; i++) {
                sb.append(digit(s, from, dot, i));
            }
            sb.append('.');
            for (int i = lead + point; i < end; i++) {
                sb.append(digit(s, from, dot, i));
            }
        }
        return sb;
    }

    /** Reads what {@link #format} writes, and also Java's {@code NaN}/{@code Infinity}. */
    public static double parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s.trim());
        }
    }
}
