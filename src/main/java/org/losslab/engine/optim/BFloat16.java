package org.losslab.engine.optim;

/**
 * bfloat16 (brain floating point, torch.bfloat16): the upper half of a float32, 1 sign bit, 8
 * exponent bits (float32's range) and 7 fraction bits, so the spacing near 1 is 2⁻⁷ = 0.0078125 and
 * 0.999 rounds to 1. Conversion from float32 rounds to nearest, ties to even, as c10::BFloat16's
 * {@code round_to_nearest_even}: add 0x7FFF plus the lowest kept bit, then drop the low 16 bits
 * (a carry steps the exponent, up to ∞; float32 subnormals round the same way). NaN maps to the
 * quiet NaN 0x7FC0 as in c10. {@code BFloat16Test} checks every encoding and every tie.
 */
public final class BFloat16 {

    private BFloat16() {
    }

    /** The bfloat16 encoding nearest to {@code f} (ties to even). */
    public static short fromFloat(float f) {
        if (Float.isNaN(f)) {
            return (short) 0x7fc0;
        }
        int b = Float.floatToRawIntBits(f);
        int bias = 0x7fff + ((b >>> 16) & 1);
        return (short) ((b + bias) >>> 16);
    }

    /** The value of a bfloat16 encoding, exactly. */
    public static float toFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** {@code f} rounded to the nearest bfloat16 value, as a float. */
    public static float round(float f) {
        return toFloat(fromFloat(f));
    }
}
