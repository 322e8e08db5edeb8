package org.losslab.engine.optim;

/**
 * The strong-Wolfe line search of torch.optim.LBFGS ({@code _strong_wolfe} and
 * {@code _cubic_interpolate} in torch/optim/lbfgs.py, ported there from Torch7's lswolfe.lua;
 * Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6, eq. 3.59).
 * Along θ + t·d from θ with f = f(θ) and f'(0) = g·d it looks for t with
 * <pre>
 *   f(θ + t·d) ≤ f + c₁·t·f'(0)        and        |∇f(θ + t·d)·d| ≤ −c₂·f'(0),
 * </pre>
 * c₁ = 1e-4, c₂ = 0.9, at most 25 evaluations: first bracketing (steps grow by cubic
 * interpolation between t + 0.01(t − t_prev) and 10t), then zooming into the bracket.
 *
 * <p>Line for line as torch, including a quirk of its number types: a step that is a 0-d tensor
 * (the very first L-BFGS step, and whatever is computed from it) divides a Python float as
 * {@code reciprocal(x)·a}, not {@code a / x}, which can differ in the last bit. Each step value
 * therefore carries a flag "is a tensor", propagated as Python propagates it. The bracket
 * tolerance is the 1e-9 default of {@code _strong_wolfe}: LBFGS.step does not pass its own
 * tolerance_change on.
 */
final class StrongWolfe {
    static final double C1 = 1e-4, C2 = 0.9, TOLERANCE_CHANGE = 1e-9;
    static final int MAX_LS = 25;

    private final int dim;
    private final double[] trial, gNew;
    /** The bracket [a, b]: step, "is a tensor", loss and directional derivative at each end. */
    private final double[] bt = new double[2], bf = new double[2], bgtd = new double[2];
    private final boolean[] bTensor = new boolean[2];
    /** Whether the last value {@link #cubicInterpolate} returned is a tensor. */
    private boolean cubicTensor;

    StrongWolfe(int dim) {
        this.dim = dim;
        trial = new double[dim];
        gNew = new double[dim];
    }

    /**
     * The step along d that torch's search returns.
     *
     * @param x       the start θ. Not modified.
     * @param t       the first trial step
     * @param tTensor whether torch holds {@code t} as a tensor
     * @param d       the direction. Not modified.
     * @param f       f(θ)
     * @param gtd     g·d at θ (negative)
     */
    double search(int run, Objective objective, double[] x, double t, boolean tTensor, double[] d, double f, double gtd) {
        final double dNorm = Lbfgs.maxAbs(d, dim);
        double fNew = evaluate(run, objective, x, t, d);
        double gtdNew = Lbfgs.dot(gNew, d, dim);

        // Bracketing phase.
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        boolean tPrevTensor = false;
        boolean done = false;
        int lsIter = 0;
        int size = 0;
        while (lsIter < MAX_LS) {
            if (fNew > (f + C1 * t * gtd) || (lsIter > 1 && fNew >= fPrev)) {
                size = setBracket(tPrev, tPrevTensor, fPrev, gtdPrev, t, tTensor, fNew, gtdNew);
                break;
            }
            if (Math.abs(gtdNew) <= -C2 * gtd) {
                bt[0] = t;
                bTensor[0] = tTensor;
                bf[0] = fNew;
                size = 1;
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                size = setBracket(tPrev, tPrevTensor, fPrev, gtdPrev, t, tTensor, fNew, gtdNew);
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            boolean tmpTensor = tTensor;
            t = cubicInterpolate(tPrev, tPrevTensor, fPrev, gtdPrev, t, tTensor, fNew, gtdNew,
                    true, minStep, tTensor || tPrevTensor, maxStep, tTensor);
            tTensor = cubicTensor;
            tPrev = tmp;
            tPrevTensor = tmpTensor;
            fPrev = fNew;
            gtdPrev = gtdNew;
            fNew = evaluate(run, objective, x, t, d);
            gtdNew = Lbfgs.dot(gNew, d, dim);
            lsIter++;
        }
        if (lsIter == MAX_LS) {
            // torch leaves bracket_gtd unset here; the zoom loop below is skipped, so it is never read.
            size = setBracket(0, false, f, Double.NaN, t, tTensor, fNew, Double.NaN);
        }

        // Zoom phase.
        boolean insufProgress = false;
        int low = 0, high = 1;
        // With a NaN loss torch would pick index 1 of a one-point bracket and raise; keep the point.
        if (size == 2 && !(bf[0] <= bf[1])) {
            low = 1;
            high = 0;
        }
        while (!done && lsIter < MAX_LS) {
            if (Math.abs(bt[1] - bt[0]) * dNorm < TOLERANCE_CHANGE) {
                break;
            }
            t = cubicInterpolate(bt[0], bTensor[0], bf[0], bgtd[0], bt[1], bTensor[1], bf[1], bgtd[1],
                    false, 0, false, 0, false);
            tTensor = cubicTensor;

            // Python's max/min of a two-element list keep the first element on ties.
            int iMax = bt[1] > bt[0] ? 1 : 0, iMin = bt[1] < bt[0] ? 1 : 0;
            double tMax = bt[iMax], tMin = bt[iMin];
            double eps = 0.1 * (tMax - tMin);
            boolean epsTensor = bTensor[iMax] || bTensor[iMin];
            if (pyMin(tMax - t, t - tMin) < eps) {
                // Interpolation close to the boundary: step 0.1·|bracket| inside it instead.
                if (insufProgress || t >= tMax || t <= tMin) {
                    if (Math.abs(t - tMax) < Math.abs(t - tMin)) {
                        t = tMax - eps;
                        tTensor = bTensor[iMax] || epsTensor;
                    } else {
                        t = tMin + eps;
                        tTensor = bTensor[iMin] || epsTensor;
                    }
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }

            fNew = evaluate(run, objective, x, t, d);
            gtdNew = Lbfgs.dot(gNew, d, dim);
            lsIter++;

            if (fNew > (f + C1 * t * gtd) || fNew >= bf[low]) {
                // Armijo fails, or no lower than the low end: t becomes the high end.
                bt[high] = t;
                bTensor[high] = tTensor;
                bf[high] = fNew;
                bgtd[high] = gtdNew;
                if (bf[0] <= bf[1]) {
                    low = 0;
                    high = 1;
                } else {
                    low = 1;
                    high = 0;
                }
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * (bt[high] - bt[low]) >= 0) {
                    // The old high end becomes the new low end.
                    bt[high] = bt[low];
                    bTensor[high] = bTensor[low];
                    bf[high] = bf[low];
                    bgtd[high] = bgtd[low];
                }
                bt[low] = t;
                bTensor[low] = tTensor;
                bf[low] = fNew;
                bgtd[low] = gtdNew;
            }
        }
        return bt[low];
    }

    private int setBracket(double t0, boolean tensor0, double f0, double gtd0, double t1, boolean tensor1, double f1,
                           double gtd1) {
        bt[0] = t0;
        bTensor[0] = tensor0;
        bf[0] = f0;
        bgtd[0] = gtd0;
        bt[1] = t1;
        bTensor[1] = tensor1;
        bf[1] = f1;
        bgtd[1] = gtd1;
        return 2;
    }

    /**
     * f at x + t·d (torch's {@code _add_grad}: {@code p.add_(d, alpha=t)}, a fused multiply-add),
     * with the gradient left in {@link #gNew}.
     */
    private double evaluate(int run, Objective objective, double[] x, double t, double[] d) {
        for (int i = 0; i < dim; i++) {
            trial[i] = Math.fma(t, d[i], x[i]);
        }
        return objective.valueAndGradient(run, trial, gNew);
    }

    /**
     * The minimiser of the cubic through (x₁, f₁, f₁') and (x₂, f₂, f₂'), clamped to the bounds
     * (by default the interval between the points); the midpoint if the cubic has no minimiser:
     * <pre>
     *   d₁ = g₁ + g₂ − 3(f₁ − f₂)/(x₁ − x₂),   d₂ = √(d₁² − g₁g₂)
     *   x = x₂ − (x₂ − x₁)·(g₂ + d₂ − d₁)/(g₂ − g₁ + 2d₂)      (x₁ ≤ x₂; mirrored otherwise)
     * </pre>
     * Sets {@link #cubicTensor}. The derivatives g are tensors in torch, so d₁, d₂ and x are.
     */
    private double cubicInterpolate(double x1, boolean x1Tensor, double f1, double g1, double x2, boolean x2Tensor,
                                    double f2, double g2, boolean bounded, double lo, boolean loTensor, double hi,
                                    boolean hiTensor) {
        if (!bounded) {
            if (x1 <= x2) {
                lo = x1;
                loTensor = x1Tensor;
                hi = x2;
                hiTensor = x2Tensor;
            } else {
                lo = x2;
                loTensor = x2Tensor;
                hi = x1;
                hiTensor = x1Tensor;
            }
        }
        double num = 3 * (f1 - f2);
        double den = x1 - x2;
        // float / tensor is Tensor.__rtruediv__: reciprocal(den) * num.
        double quotient = x1Tensor || x2Tensor ? (1 / den) * num : num / den;
        double d1 = g1 + g2 - quotient;
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            // min(max(min_pos, lo), hi) with Python's builtins: a later argument wins only if strictly better.
            double r = minPos;
            boolean rTensor = true;
            if (lo > r) {
                r = lo;
                rTensor = loTensor;
            }
            if (hi < r) {
                r = hi;
                rTensor = hiTensor;
            }
            cubicTensor = rTensor;
            return r;
        }
        cubicTensor = loTensor || hiTensor;
        return (lo + hi) / 2.;
    }

    /** Python's {@code min(a, b)}: b only if strictly smaller (so NaN in b loses, NaN in a stays). */
    private static double pyMin(double a, double b) {
        return b < a ? b : a;
    }
}
