package org.losslab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Numbers#appendTo} (in place, for CSV rows) prints every double exactly as the string
 * building formatter it replaced did, kept here as the reference: random bit patterns of every
 * exponent, subnormals, whole numbers, short decimals, powers of ten and the layout boundaries.
 */
class NumbersAppendTest {

    /** The formatter as it was before {@code appendTo}, verbatim in behaviour. */
    static String reference(double v) {
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
        int point = dot + exp;
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

    private static void same(double v, StringBuilder sb) {
        String want = reference(v);
        assertEquals(want, Numbers.format(v), () -> "format of " + Double.doubleToRawLongBits(v));
        sb.setLength(0);
        sb.append("x,");
        Numbers.appendTo(sb, v);
        assertEquals("x," + want, sb.toString(), () -> "appendTo of " + Double.doubleToRawLongBits(v));
    }

    @Test
    void printsEveryKindOfDoubleAsBefore() {
        StringBuilder sb = new StringBuilder();
        double[] edges = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1, -1, 2, 10, 12.5, 0.1, 0.0001, 0.00001, 1e-5, 1e15, 1e16,
            9999999999999998.0, 1.5e16, 123456789012345680.0, 5e-324, 1e-323, 2.5e-323, 9.9e-324, 1e22, 1e23, 0.3, 100, 1234.5};
        for (double v : edges) {
            same(v, sb);
            same(-v, sb);
        }
        for (int p = -330; p <= 310; p++) {
            same(Math.pow(10, p), sb);
            same(3 * Math.pow(10, p), sb);
            same(-Math.pow(10, p) * 1.25, sb);
        }
        SplittableRandom rnd = new SplittableRandom(12);
        for (int i = 0; i < 400_000; i++) {
            same(Double.longBitsToDouble(rnd.nextLong()), sb);
            same(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 20)), sb);
            same(Math.round(rnd.nextDouble() * 1e6) / Math.pow(10, rnd.nextInt(0, 9)), sb);
            same(Double.longBitsToDouble(rnd.nextLong(0, 1L << 52)), sb);
            same((double) rnd.nextLong(-(1L << 60), 1L << 60) / (1 << rnd.nextInt(0, 30)), sb);
        }
    }
}
