package org.losslab.engine.optim;

/**
 * Solves A·x = b as torch.linalg.solve does on CPU for a contiguous real A: it factors Aᵀ
 * (A's row-major memory read column-major, saving a copy) as P·Aᵀ = L·U with reference LAPACK's
 * dgetrf2, then solves (L·U)ᵀ·x = P·b with dgetrs, trans = 'T'. Following that order a Newton step
 * agrees with torch to the last bit; EJML's Crout LU of A would agree only to rounding.
 *
 * <p>dgetrf2 is Toledo's recursive LU (LAPACK 3.x factors matrices narrower than its block size
 * of 64 with it): the left half of the columns is factored recursively, its pivots applied to the
 * right half, U₁₂ = L₁₁⁻¹A₁₂ (dtrsm), A₂₂ ← A₂₂ − L₂₁U₁₂ (dgemm), then A₂₂ is factored
 * recursively. A one-column block pivots on the entry of largest magnitude (the first on ties,
 * as idamax) and scales by its reciprocal (dscal by 1/a_kk). An exactly singular A is not
 * reported (torch raises there): the zero pivot makes x infinite or NaN.
 */
final class LuSolver {
    private final int n;
    /** The factors, column-major as LAPACK keeps them: element (i, j) at {@code lu[i + j·n]}. */
    private final double[] lu;
    private final int[] ipiv;

    LuSolver(int n) {
        this.n = n;
        lu = new double[n * n];
        ipiv = new int[n];
    }

    /**
     * x = A⁻¹b.
     *
     * @param matrix A, row-major n × n. Not modified.
     * @param b      the right side. Not modified.
     * @param x      the solution; may be {@code b}. Modified.
     */
    void solve(double[] matrix, double[] b, double[] x) {
        // Row-major A read column-major is Aᵀ: factor it in place, no transposition needed.
        System.arraycopy(matrix, 0, lu, 0, n * n);
        getrf2(0, n, n);
        if (x != b) {
            System.arraycopy(b, 0, x, 0, n);
        }
        // dgetrs 'T': Uᵀ·z = b (dtrsm upper, transposed, non-unit) ...
        for (int i = 0; i < n; i++) {
            double temp = x[i];
            for (int k = 0; k < i; k++) {
                temp -= lu[k + i * n] * x[k];
            }
            x[i] = temp / lu[i + i * n];
        }
        // ... Lᵀ·w = z (dtrsm lower, transposed, unit) ...
        for (int i = n - 1; i >= 0; i--) {
            double temp = x[i];
            for (int k = i + 1; k < n; k++) {
                temp -= lu[k + i * n] * x[k];
            }
            x[i] = temp;
        }
        // ... and x = Pᵀ·w (dlaswp with incx = −1: the interchanges in reverse order).
        for (int i = n - 1; i >= 0; i--) {
            int p = ipiv[i];
            if (p != i) {
                double t = x[i];
                x[i] = x[p];
                x[p] = t;
            }
        }
    }

    /**
     * dgetrf2 on the block of rows k..k+m−1 and columns k..k+cols−1 (it always starts on the
     * diagonal); pivots are stored as absolute row numbers.
     */
    private void getrf2(int k, int m, int cols) {
        if (m == 0 || cols == 0) {
            return;
        }
        if (m == 1) {
            ipiv[k] = k;
            return;
        }
        final int col = k * n;
        if (cols == 1) {
            int p = k;
            double max = Math.abs(lu[k + col]);
            for (int i = k + 1; i < k + m; i++) {
                double v = Math.abs(lu[i + col]);
                if (v > max) {
                    p = i;
                    max = v;
                }
            }
            ipiv[k] = p;
            double pivot = lu[p + col];
            if (pivot != 0) {
                if (p != k) {
                    lu[p + col] = lu[k + col];
                    lu[k + col] = pivot;
                }
                if (Math.abs(pivot) >= Double.MIN_NORMAL) {
                    double r = 1 / pivot;
                    for (int i = k + 1; i < k + m; i++) {
                        lu[i + col] *= r;
                    }
                } else {
                    for (int i = k + 1; i < k + m; i++) {
                        lu[i + col] /= pivot;
                    }
                }
            }
            return;
        }
        final int n1 = Math.min(m, cols) / 2, n2 = cols - n1;
        final int right = k + n1, end = k + cols, bottom = k + m;
        getrf2(k, m, n1);
        swapRows(k, right, right, end);
        for (int j = right; j < end; j++) {
            final int cj = j * n;
            // A12 ← L11⁻¹·A12 (dtrsm, lower, unit, column by column).
            for (int l = k; l < right; l++) {
                double b = lu[l + cj];
                if (b != 0) {
                    for (int i = l + 1; i < right; i++) {
                        lu[i + cj] -= b * lu[i + l * n];
                    }
                }
            }
        }
        for (int j = right; j < end; j++) {
            final int cj = j * n;
            // A22 ← A22 − A21·A12 (dgemm with α = −1, β = 1: temp = −b, c += temp·a).
            for (int l = k; l < right; l++) {
                double temp = -lu[l + cj];
                for (int i = right; i < bottom; i++) {
                    lu[i + cj] += temp * lu[i + l * n];
                }
            }
        }
        getrf2(right, m - n1, n2);
        swapRows(right, k + Math.min(m, cols), k, right);
    }

    /** dlaswp: for pivot rows i in [from, to), swap rows i and ipiv[i] within columns [c0, c1). */
    private void swapRows(int from, int to, int c0, int c1) {
        for (int i = from; i < to; i++) {
            int p = ipiv[i];
            if (p != i) {
                for (int j = c0; j < c1; j++) {
                    double t = lu[i + j * n];
                    lu[i + j * n] = lu[p + j * n];
                    lu[p + j * n] = t;
                }
            }
        }
    }
}
