package org.losslab.engine.mlp;

import java.util.SplittableRandom;
import org.losslab.engine.random.Gaussian;

/**
 * The sharpness of a network, λmax of the Hessian of its training loss, by power iteration on exact
 * Hessian-vector products ({@link HessianVector}): the quantity that gradient descent with rate η
 * drives up to 2/η and then hovers at, the edge of stability (Cohen et al. 2021, "Gradient descent on
 * neural networks typically occurs at the edge of stability").
 *
 * <p>Power iteration (von Mises): from a unit vector v₀,
 * <pre>
 *   w = H·v_k,   λ_k = v_kᵀ·w  (the Rayleigh quotient),   v_{k+1} = w/‖w‖
 * </pre>
 * converging to the eigenvalue of largest magnitude at the rate |λ₂/λ₁| per iteration. The stopping
 * rule: stop after {@code maxIterations} products, or as soon as two successive quotients agree to
 * {@code tolerance} relative, |λ_k − λ_{k−1}| ≤ tolerance·|λ_k| (then {@link Estimate#converged()}).
 * If the dominant eigenvalue is negative (a saddle with more negative than positive curvature), a
 * second run on H − λ·I, whose eigenvalues are all ≥ 0, finds λmax − λ, so the estimate is always the
 * largest eigenvalue; that run has its own budget. Warm start: a {@code Sharpness} object keeps the
 * last top eigenvector and starts the next estimate from it, which along a training run (θ changes
 * little between measurements) converges in a few products; the first estimate starts from a
 * Gaussian vector of the given seed, so estimates replay exactly.
 *
 * <p>A workspace for one thread: {@link #estimate} allocates only its result.
 */
public final class Sharpness {
    /** Most Hessian-vector products of one estimate, unless said otherwise. */
    public static final int DEFAULT_ITERATIONS = 20;
    /** Relative change of the Rayleigh quotient at which an estimate stops, unless said otherwise. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    private final HessianVector h;
    private final int maxIterations;
    private final double tolerance;
    private final Gaussian normal;
    private final double[] v, w;
    private boolean warm;
    /** Of the last {@link #run}: products taken and whether the tolerance was met. */
    private int products;
    private boolean met;

    /**
     * One estimate: the eigenvalue, its unit eigenvector, the products it took, and whether the
     * quotients met the tolerance before the budget ran out.
     */
    public record Estimate(double lambda, double[] vector, int iterations, boolean converged) {
        public Estimate {
            vector = vector.clone();
        }

        @Override
        public double[] vector() {
            return vector.clone();
        }
    }

    /**
     * @param h             the Hessian-vector products (of the loss whose sharpness is wanted)
     * @param maxIterations the most products per estimate (per run when a shift is needed), ≥ 1
     * @param tolerance     relative change of the quotient at which to stop, ≥ 0 (0: use the budget)
     * @param seed          seed of the first start vector
     */
    public Sharpness(HessianVector h, int maxIterations, double tolerance, long seed) {
        if (maxIterations < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("need maxIterations ≥ 1 and tolerance ≥ 0: " + maxIterations + ", " + tolerance);
        }
        this.h = h;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.normal = new Gaussian(new SplittableRandom(seed));
        int p = h.dimension();
        v = new double[p];
        w = new double[p];
    }

    /** λmax of the Hessian of the mean loss over {@code data} at {@code theta}, from a cold start. */
    public static Estimate of(Architecture arch, Dataset data, double[] theta, int maxIterations, double tolerance) {
        return new Sharpness(new HessianVector(arch, data), maxIterations, tolerance, 0).estimate(theta);
    }

    /**
     * λmax of the Hessian of a trainer's full training loss at its current weights, from a cold
     * start (as {@link Trainer#sharpness} records it during training, but on its own workspace).
     */
    public static Estimate of(Trainer trainer, int maxIterations, double tolerance) {
        return trainer.sharpnessNow(maxIterations, tolerance);
    }

    /** The sharpness at {@code theta}, warm-started from the last estimate's eigenvector. Not modified: theta. */
    public Estimate estimate(double[] theta) {
        if (!warm) {
            randomUnit(v);
            warm = true;
        }
        double lambda = run(theta, 0);
        int iterations = products;
        if (lambda < 0) {
            // The dominant eigenvalue is the most negative one, and its eigenvector is a fixed point
            // of H − λI: the top eigenvalue is found on H − λI from a fresh start.
            double shift = -lambda;
            randomUnit(v);
            lambda = run(theta, shift) - shift;
            iterations += products;
        }
        if (!Double.isFinite(lambda)) {
            warm = false;
        }
        return new Estimate(lambda, v, iterations, met);
    }

    /**
     * Power iteration on H + shift·I from the unit vector {@link #v}, left as the last iterate; sets
     * {@link #products} and {@link #met}.
     *
     * @return the last Rayleigh quotient (NaN if H·v stopped being finite)
     */
    private double run(double[] theta, double shift) {
        double[] x = v;
        double previous = Double.NaN, lambda = Double.NaN;
        met = false;
        for (int k = 1; k <= maxIterations; k++) {
            products = k;
            h.product(theta, x, w);
            double q = 0, norm = 0;
            for (int i = 0; i < x.length; i++) {
                double wi = w[i] + shift * x[i];
                w[i] = wi;
                q += x[i] * wi;
                norm += wi * wi;
            }
            lambda = q;
            norm = Math.sqrt(norm);
            if (!Double.isFinite(norm)) {
                return Double.NaN;
            }
            if (norm == 0) {
                met = true;
                return 0;
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = w[i] / norm;
            }
            if (Math.abs(lambda - previous) <= tolerance * Math.abs(lambda)) {
                met = true;
                return lambda;
            }
            previous = lambda;
        }
        return lambda;
    }

    private void randomUnit(double[] x) {
        double n = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = normal.next();
            n += x[i] * x[i];
        }
        n = Math.sqrt(n);
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
    }
}
