package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpMathTest {

    @Test
    void tanhIsWithinFourUlpsOfMathTanh() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double x = (r.nextDouble() - 0.5) * (i % 3 == 0 ? 1.2 : i % 3 == 1 ? 10 : 60);
            double want = Math.tanh(x);
            assertTrue(Math.abs(MlpMath.tanh(x) - want) <= 4 * Math.ulp(want), "tanh(" + x + ")");
        }
        assertEquals(0.0, MlpMath.tanh(0.0));
        assertEquals(1e-300, MlpMath.tanh(1e-300));
        assertEquals(1.0, MlpMath.tanh(1e6));
        assertEquals(-1.0, MlpMath.tanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(MlpMath.tanh(Double.NaN)));
    }

    @Test
    void tanhOverABlockIsBitForBitTheScalarTanh() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 100_003;
        double[] z = new double[n], a = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 5 == 4 ? Double.longBitsToDouble(r.nextLong()) : (r.nextDouble() - 0.5) * (i % 5 == 0 ? 1.2 : i % 5 == 1 ? 3 : 80);
        }
        double[] special = {0.5, -0.5, Math.nextDown(0.5), -Math.nextDown(0.5), 0.0, -0.0, Double.MIN_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 19.1, -400};
        System.arraycopy(special, 0, z, 1, special.length);
        MlpMath.tanh(z, a, 1, n);
        assertEquals(0.0, a[0]);
        for (int i = 1; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(MlpMath.tanh(z[i])), Double.doubleToRawLongBits(a[i]), "tanh(" + z[i] + ")");
        }
        double[] same = z.clone();
        MlpMath.tanh(same, same, 0, n);
        assertEquals(Double.doubleToRawLongBits(a[5]), Double.doubleToRawLongBits(same[5]));
        assertEquals(Double.doubleToRawLongBits(MlpMath.tanh(z[0])), Double.doubleToRawLongBits(same[0]));
    }

    @Test
    void erfMatchesReferenceValues() {
        // erf values from Abramowitz & Stegun Table 7.1 / high-precision references.
        assertEquals(0.0, MlpMath.erf(0), 0);
        assertEquals(0.1124629160182849, MlpMath.erf(0.1), 4e-16);
        assertEquals(0.5204998778130465, MlpMath.erf(0.5), 4e-16);
        assertEquals(0.8427007929497149, MlpMath.erf(1.0), 4e-16);
        assertEquals(0.9953222650189527, MlpMath.erf(2.0), 4e-16);
        assertEquals(0.9999779095030014, MlpMath.erf(3.0), 4e-16);
        assertEquals(-0.8427007929497149, MlpMath.erf(-1.0), 4e-16);
    }

    @Test
    void geluMatchesTorch() {
        // torch.nn.functional.gelu(torch.tensor([...], dtype=torch.float64)), PyTorch 1.13.
        assertEquals(0.841344746068543, MlpMath.gelu(1.0), 1e-15);
        assertEquals(-0.15865525393145702, MlpMath.gelu(-1.0), 1e-15);
        assertEquals(2.99595030590511, MlpMath.gelu(3.0), 1e-15);
        assertEquals(-0.00404969409489031, MlpMath.gelu(-3.0), 1e-15);
    }
}
