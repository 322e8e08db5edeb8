package org.losslab.engine.optim;

/**
 * IEEE 754 binary16 ("half", torch.float16): 1 sign bit, 5 exponent bits (bias 15), 10 fraction
 * bits. Finite values run from the subnormal 2⁻²⁴ ≈ 5.96·10⁻⁸ to 65504; the spacing near 1 is
 * 2⁻¹⁰ ≈ 9.8·10⁻⁴. Conversion from float32 rounds to nearest, ties to even (IEEE 754 §4.3.1), with
 * gradual underflow to the subnormals and overflow to ±∞ from 65520 (the midpoint between 65504 and
 * 2¹⁶) up, as c10::Half and the F16C instructions do. Java 17 has no {@code Float.floatToFloat16},
 * hence this class; {@code Float16Test} checks every one of the 65,536 encodings and every tie.
 */
public final class Float16 {
    /** The largest finite value, (2 − 2⁻¹⁰)·2¹⁵. */
    public static final float MAX_VALUE = 65504f;
    /** The smallest positive (subnormal) value, 2⁻²⁴. */
    public static final float MIN_VALUE = 0x1p-24f;

    private Float16() {
    }

    /** The binary16 encoding nearest to {@code f} (ties to even); NaN stays NaN (quiet), ±∞ stay ±∞. */
    public static short fromFloat(float f) {
        int b = Float.floatToRawIntBits(f);
        int sign = (b >>> 16) & 0x8000;
        int exp = (b >>> 23) & 0xff;
        int mant = b & 0x7fffff;
        if (exp == 0xff) {
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            // Below 2⁻¹⁴ the result is subnormal: the significand, implicit bit included, shifted so that
            // its units are 2⁻²⁴, rounded on the bits shifted out. Under 2⁻²⁵ everything rounds to ±0.
            if (e < -10) {
                return (short) sign;
            }
            int m = mant | 0x800000;
            int shift = 14 - e;
            int h = m >>> shift;
            int rest = m & ((1 << shift) - 1);
            int half = 1 << (shift - 1);
            if (rest > half || (rest == half && (h & 1) != 0)) {
                h++;
            }
            return (short) (sign | h);
        }
        int h = (e << 10) | (mant >>> 13);
        int rest = mant & 0x1fff;
        // A carry out of the fraction steps the exponent, which is the right next value (up to ∞).
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1) != 0)) {
            h++;
        }
        return (short) (sign | h);
    }

    /** The value of a binary16 encoding, exactly (every binary16 value is a float32 value). */
    public static float toFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int e = (h >>> 10) & 0x1f;
        int m = h & 0x3ff;
        if (e == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (m << 13));
        }
        if (e == 0) {
            float v = m * MIN_VALUE;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((e - 15 + 127) << 23) | (m << 13));
    }

    /**
     * {@code f} rounded to the nearest binary16 value, as a float: {@code toFloat(fromFloat(f))}. In
     * binary16's normal range (2⁻¹⁴ ≤ |f| &lt; 2¹⁶) this rounds the float's bits in place, as
     * {@link BFloat16} does: add 0xFFF plus the lowest kept bit and clear the 13 dropped bits (a
     * carry steps the exponent; one past 2¹⁵·1.x is ∞). Elsewhere (subnormals, zero, ∞, NaN) it
     * goes through the encoding.
     */
    public static float round(float f) {
        int b = Float.floatToRawIntBits(f);
        int exp = (b >>> 23) & 0xff;
        if (exp >= 127 - 14 && exp <= 127 + 15) {
            int r = (b + 0xfff + ((b >>> 13) & 1)) & ~0x1fff;
            return ((r >>> 23) & 0xff) > 127 + 15 ? (b < 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY)
                    : Float.intBitsToFloat(r);
        }
        return toFloat(fromFloat(f));
    }
}
