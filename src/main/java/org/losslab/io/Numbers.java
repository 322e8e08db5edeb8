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
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        String java = DoubleToDecimal.toString(v);
        boolean negative = java.charAt(0) == '-';
        String body = negative ? java.substring(1) : java;
        int e = body.indexOf('E');
        String mantissa = e < 0 ? body : body.substring(0, e);
        int exp = e < 0 ? 0 : Integer.parseInt(body.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exp; // the decimal point sits after this many digits
        // Normalize: strip leading zeros (moving the point) and trailing zeros.
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        point -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (digits.length() == 2) {
            // Java insists on two significant digits where one would do (4.9e-324 for 5e-324, only
            // among subnormals); Python prints the shortest, so try the nearest single digit.
            int two = Integer.parseInt(digits);
            int one = (two + 5) / 10;
            String d1 = one == 10 ? "1" : Integer.toString(one);
            int p1 = one == 10 ? point + 1 : point;
            if (Double.parseDouble((negative ? "-" : "") + d1 + "e" + (p1 - 1)) == v) {
                digits = d1;
                point = p1;
            }
        }
        int sciExp = point - 1;
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        if (sciExp < -4 || sciExp >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
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
            sb.append(digits);
        } else if (point >= digits.length()) {
            sb.append(digits);
            for (int i = digits.length(); i < point; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return sb.toString();
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
