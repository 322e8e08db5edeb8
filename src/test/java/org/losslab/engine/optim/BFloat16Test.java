package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every bfloat16 encoding and every tie between neighbours (subnormals included). */
class BFloat16Test {

    @Test
    void everyEncodingRoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float f = BFloat16.toFloat((short) h);
            short back = BFloat16.fromFloat(f);
            if (Float.isNaN(f)) {
                assertEquals(0x7fc0, back & 0xffff);
            } else {
                assertEquals(h, back & 0xffff, "encoding " + Integer.toHexString(h));
                assertEquals(Float.floatToRawIntBits(f), h << 16, "the upper half of the float");
            }
        }
    }

    @Test
    void tiesGoToEvenAndEverythingElseToTheNearest() {
        for (int h = 0; h < 0x7f80; h++) {
            float a = BFloat16.toFloat((short) h), b = BFloat16.toFloat((short) (h + 1));
            // The midpoint's float32 encoding is a's with the bit below the kept ones set.
            float mid = Float.intBitsToFloat((h << 16) | 0x8000);
            if (Float.isFinite(b)) {
                assertEquals((a + (double) b) / 2, mid, 0.0, "midpoint");
            }
            int even = (h & 1) == 0 ? h : h + 1;
            assertEquals(even, BFloat16.fromFloat(mid) & 0xffff, "tie at " + mid);
            assertEquals(h, BFloat16.fromFloat(Math.nextDown(mid)) & 0xffff, "below " + mid);
            assertEquals(h + 1, BFloat16.fromFloat(Math.nextUp(mid)) & 0xffff, "above " + mid);
            assertEquals((h + 1) | 0x8000, BFloat16.fromFloat(-Math.nextUp(mid)) & 0xffff, "negative");
        }
    }

    @Test
    void edges() {
        assertEquals(1f, BFloat16.round(0.999f), "0.999 is 1 in bfloat16: Adam's β₂ does not decay");
        assertEquals(0.8984375f, BFloat16.round(0.9f));
        assertEquals(Float.POSITIVE_INFINITY, BFloat16.round(Float.MAX_VALUE));
        assertTrue(Float.isNaN(BFloat16.round(Float.NaN)));
        assertEquals(1f, BFloat16.round(1f + 0x1p-8f), "1 + half an ulp ties to 1");
        assertEquals(1f + 0x1p-6f, BFloat16.round(1f + 0x1p-7f + 0x1p-8f), "odd + half ties up to even");
    }
}
