package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every binary16 encoding, every tie between neighbours, the subnormals and the overflow edge. */
class Float16Test {

    @Test
    void everyEncodingRoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Float16.toFloat((short) h);
            short back = Float16.fromFloat(f);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Float16.toFloat(back)), "NaN " + Integer.toHexString(h));
            } else {
                assertEquals(h, back & 0xffff, "encoding " + Integer.toHexString(h) + " = " + f);
            }
        }
    }

    @Test
    void valuesAreExactAgainstTheDefinition() {
        // Normal: (1 + m/1024)·2^(e−15); subnormal: m·2^−24, computed independently in BigDecimal.
        for (int h = 0; h < 0x7c00; h++) {
            int e = h >>> 10, m = h & 0x3ff;
            BigDecimal v = e == 0
                    ? BigDecimal.valueOf(m).multiply(BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(24)))
                    : BigDecimal.valueOf(1024 + m).multiply(pow2(e - 15 - 10));
            assertEquals(0, v.compareTo(new BigDecimal(Float16.toFloat((short) h))), Integer.toHexString(h));
            assertEquals(-Float16.toFloat((short) h), Float16.toFloat((short) (h | 0x8000)));
        }
    }

    private static BigDecimal pow2(int k) {
        return k >= 0 ? BigDecimal.valueOf(2).pow(k) : BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(-k));
    }

    @Test
    void tiesGoToEvenAndEverythingElseToTheNearest() {
        // Between each pair of neighbours a < b (positive finite, and from 65504 to the overflow
        // threshold 2¹⁶), the midpoint is a float32 value: it goes to the one with an even encoding,
        // the floats just below and above it to a and to b.
        for (int h = 0; h < 0x7c00; h++) {
            float a = Float16.toFloat((short) h);
            float b = h == 0x7bff ? 65536f : Float16.toFloat((short) (h + 1));
            float mid = (a + b) / 2;
            assertEquals((a + b) / 2.0, mid, 0.0, "midpoint is exact");
            int even = (h & 1) == 0 ? h : h + 1;
            assertEquals(even, Float16.fromFloat(mid) & 0xffff, "tie at " + mid);
            assertEquals(h, Float16.fromFloat(Math.nextDown(mid)) & 0xffff, "below " + mid);
            assertEquals(h + 1, Float16.fromFloat(Math.nextUp(mid)) & 0xffff, "above " + mid);
            assertEquals(h | 0x8000, Float16.fromFloat(-Math.nextDown(mid)) & 0xffff, "negative");
        }
    }

    @Test
    void roundingInPlaceAgreesWithTheEncodingOnEveryFloatOfASweep() {
        // Every 61st float32 bit pattern, both signs, all exponents: ~70 million values.
        for (long bits = 0; bits <= 0xffffffffL; bits += 61) {
            float f = Float.intBitsToFloat((int) bits);
            float expected = Float16.toFloat(Float16.fromFloat(f));
            float got = Float16.round(f);
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(got)
                    && !(Float.isNaN(expected) && Float.isNaN(got))) {
                assertEquals(expected, got, "round(" + f + ") bits " + Long.toHexString(bits));
            }
        }
        // And around every binary16 value and tie.
        for (int h = 0; h < 0x7c00; h++) {
            float a = Float16.toFloat((short) h);
            for (float f : new float[] {a, Math.nextUp(a), Math.nextDown(a), -a}) {
                assertEquals(Float16.toFloat(Float16.fromFloat(f)), Float16.round(f), 0f, "round(" + f + ")");
            }
            float mid = (a + (h == 0x7bff ? 65536f : Float16.toFloat((short) (h + 1)))) / 2;
            for (float f : new float[] {mid, Math.nextUp(mid), Math.nextDown(mid), -mid}) {
                assertEquals(Float16.toFloat(Float16.fromFloat(f)), Float16.round(f), 0f, "round(" + f + ")");
            }
        }
    }

    @Test
    void overflowUnderflowAndSpecials() {
        assertEquals(65504f, Float16.round(65519.996f));
        assertEquals(Float.POSITIVE_INFINITY, Float16.round(65520f));
        assertEquals(Float.NEGATIVE_INFINITY, Float16.round(-1e6f));
        assertEquals(Float.POSITIVE_INFINITY, Float16.round(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(Float16.round(Float.NaN)));
        assertEquals(0f, Float16.round(0x1p-25f), "the tie with 0 goes to 0");
        assertEquals(0x1p-24f, Float16.round(Math.nextUp(0x1p-25f)));
        assertEquals(0f, Float16.round(1e-8f), "torch's default Adam eps is 0 in float16");
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Float16.round(-1e-9f)));
        assertEquals(0x1p-14f, Float16.round(Math.nextDown(0x1p-14f)), "a subnormal carry gives the least normal");
        assertEquals(1f + 0x1p-10f, Float16.round(1f + 0x1p-10f));
        assertEquals(1f, Float16.round(1f + 0x1p-11f), "1 + half an ulp ties to 1");
        assertEquals(0.99902344f, Float16.round(0.999f));
        assertEquals(Float16.MAX_VALUE, Float16.toFloat((short) 0x7bff));
        assertEquals(Float16.MIN_VALUE, Float16.toFloat((short) 1));
    }
}
