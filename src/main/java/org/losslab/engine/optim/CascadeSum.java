package org.losslab.engine.optim;

/**
 * ‖x‖₁ summed in the order of torch's CPU {@code x.abs().sum()} (ATen
 * {@code native/cpu/SumKernel.cpp}, {@code cascade_sum}, as built for AVX2: 4 doubles a vector,
 * 4 accumulators a row, 4 cascade levels). L-BFGS's first step length t = min(1, 1/‖g‖₁)·lr
 * depends on this sum's last bit, so the order is reproduced rather than a plain loop.
 *
 * <p>For n &lt; 4 torch adds the elements one by one. Otherwise the n/4 whole vectors are summed
 * lane-wise by {@code row_sum} (rows of 4 vectors through {@code multi_row_sum}'s cascade, then
 * the leftover vectors, then the 4 row accumulators into the first); the scalar tail is summed
 * on its own, and the 4 lanes are added to it last. Exact for n below torch's parallel grain
 * (32768); larger sums are split across threads by torch and may differ in the last bits.
 */
final class CascadeSum {
    private static final int LANES = 4, ILP = 4, LEVELS = 4;

    /** Lane accumulators: [level][row][lane] for the cascade, then [row][lane] for row_sum. */
    private final double[][][] acc = new double[LEVELS][ILP][LANES];

    /**
     * The sum of |x[0]| … |x[n−1]|.
     *
     * @param x the vector. Not modified.
     */
    double sumAbs(double[] x, int n) {
        if (n < LANES) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(x[i]);
            }
            return s;
        }
        int vectors = n / LANES;
        double[] lanes = rowSum(x, vectors);
        double s = 0;
        for (int i = vectors * LANES; i < n; i++) {
            s += Math.abs(x[i]);
        }
        for (int l = 0; l < LANES; l++) {
            s += lanes[l];
        }
        return s;
    }

    /** torch's row_sum over vectors 0..vectors−1 with ilp_factor 4; returns the lane sums. */
    private double[] rowSum(double[] x, int vectors) {
        int rows = vectors / ILP;
        double[][] partial = multiRowSum(x, rows);
        for (int v = rows * ILP; v < vectors; v++) {
            addVector(partial[0], x, v);
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < LANES; l++) {
                partial[0][l] += partial[k][l];
            }
        }
        return partial[0];
    }

    /**
     * torch's multi_row_sum: row i holds vectors 4i … 4i+3. Rows go into level 0; every
     * level_step rows, level j is folded into level j+1 while the row count is a multiple of
     * level_step^j. Returns level 0 after all levels are folded in.
     */
    private double[][] multiRowSum(double[] x, int rows) {
        for (double[][] level : acc) {
            for (double[] row : level) {
                java.util.Arrays.fill(row, 0);
            }
        }
        final int levelPower = Math.max(4, ceilLog2(rows) / LEVELS);
        final int levelStep = 1 << levelPower;
        final long levelMask = levelStep - 1;
        int i = 0;
        while (i + levelStep <= rows) {
            for (int j = 0; j < levelStep; j++, i++) {
                for (int k = 0; k < ILP; k++) {
                    addVector(acc[0][k], x, i * ILP + k);
                }
            }
            for (int j = 1; j < LEVELS; j++) {
                for (int k = 0; k < ILP; k++) {
                    for (int l = 0; l < LANES; l++) {
                        acc[j][k][l] += acc[j - 1][k][l];
                        acc[j - 1][k][l] = 0;
                    }
                }
                if ((i & (levelMask << (j * levelPower))) != 0) {
                    break;
                }
            }
        }
        for (; i < rows; i++) {
            for (int k = 0; k < ILP; k++) {
                addVector(acc[0][k], x, i * ILP + k);
            }
        }
        for (int j = 1; j < LEVELS; j++) {
            for (int k = 0; k < ILP; k++) {
                for (int l = 0; l < LANES; l++) {
                    acc[0][k][l] += acc[j][k][l];
                }
            }
        }
        return acc[0];
    }

    private static void addVector(double[] into, double[] x, int vector) {
        int o = vector * LANES;
        for (int l = 0; l < LANES; l++) {
            into[l] += Math.abs(x[o + l]);
        }
    }

    /** c10's CeilLog2: 1 for x ≤ 2, else ⌈log₂ x⌉. */
    private static int ceilLog2(int x) {
        if (x <= 2) {
            return 1;
        }
        return 64 - Long.numberOfLeadingZeros(x - 1L);
    }
}
