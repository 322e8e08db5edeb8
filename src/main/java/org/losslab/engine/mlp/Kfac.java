package org.losslab.engine.mlp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * K-FAC, Kronecker-factored approximate curvature (Martens and Grosse 2015, "Optimizing neural
 * networks with Kronecker-factored approximate curvature"): the gradient of each layer is
 * preconditioned by the inverse of a Kronecker-factored block of the Fisher, before the run's
 * optimizer (SGD, with momentum as the paper's) takes its step with it.
 *
 * <p>Layer l computes z = W̄·ā with W̄ = [W | b] and ā = (a_{l−1}, 1). The Fisher block of W̄ is
 * approximated as a Kronecker product of two small matrices,
 * <pre>
 *   F_l = E[ā āᵀ ⊗ g gᵀ] ≈ A_l ⊗ G_l,   A_l = E[ā āᵀ],  G_l = E[g gᵀ],  g = ∂ℓ/∂z_l
 * </pre>
 * so (A ⊗ G)⁻¹ vec(∇W̄) = vec(G⁻¹·∇W̄·A⁻¹) costs two small inverses. g is the gradient under targets
 * drawn from the model's predictive distribution, which makes E[g gᵀ] the true Fisher's factor; here
 * the expectation over those targets is taken exactly (the curvature columns of {@link
 * Network#kroneckerFactors}) instead of by one sample, so the factors, and the test against the
 * directly computed natural gradient, are deterministic. (For the sigmoid + BCE, softmax +
 * cross-entropy and MSE outputs the Fisher equals the Gauss–Newton matrix, Martens 2014.)
 *
 * <p>Each update: the factors of the update's batch enter running averages
 * Â ← (1 − w)·Â + w·A_batch, w = max(1 − decay, 1/k) at the k-th update (so the average starts as a
 * plain mean, the paper's ε = min(1 − 1/k, 0.95)); every {@code inverseEvery} updates (and at the
 * first) the damped inverses are recomputed by Cholesky (EJML) with the paper's factored Tikhonov
 * damping (§6.3),
 * <pre>
 *   (Â + π√γ·I)⁻¹,  (Ĝ + (√γ/π)·I)⁻¹,   π = √((tr Â / dim Â) / (tr Ĝ / dim Ĝ))
 * </pre>
 * and the preconditioned gradient of each layer is (Ĝ + …)⁻¹·∇W̄·(Â + …)⁻¹. The optimizer then
 * steps θ with it in place of the gradient. On a single linear layer with MSE, A ⊗ G is the Fisher
 * exactly (g does not depend on ā), so with γ = 0 the step is the natural-gradient step.
 *
 * <p>All buffers are allocated in the constructor; an update allocates nothing (EJML's Cholesky
 * solver is made once per factor size). Not thread-safe: one per trainer.
 */
public final class Kfac {
    /**
     * @param damping      γ ≥ 0, Tikhonov damping of the Fisher (shared between the factors by π)
     * @param decay        weight of the old running average, 0 ≤ decay &lt; 1 (the paper's 0.95)
     * @param inverseEvery recompute the inverses every this many updates, ≥ 1
     */
    public record Settings(double damping, double decay, int inverseEvery) {
        public static final double DEFAULT_DAMPING = 1e-3, DEFAULT_DECAY = 0.95;
        public static final int DEFAULT_INVERSE_EVERY = 10;

        public Settings {
            if (!(damping >= 0 && Double.isFinite(damping)) || !(decay >= 0 && decay < 1) || inverseEvery < 1) {
                throw new IllegalArgumentException("K-FAC needs damping ≥ 0, 0 ≤ decay < 1 and inverseEvery ≥ 1: "
                        + damping + ", " + decay + ", " + inverseEvery);
            }
        }
    }

    private final Settings settings;
    private final Network net;
    private final int layers;
    private final int[] in, out, dA, wOff, bOff;
    private final double[][] aBatch, gBatch, aAvg, gAvg, aInv, gInv;
    private final DMatrixRMaj[] aWork, gWork, aInvM, gInvM;
    private final LinearSolverDense<DMatrixRMaj>[] aSolver, gSolver;
    /** ∇W̄·A⁻¹ of one layer. */
    private final double[] xa;
    private long updates;

    @SuppressWarnings("unchecked")
    public Kfac(Architecture arch, Settings settings) {
        this.settings = settings;
        net = new Network(arch);
        layers = arch.layerCount();
        in = new int[layers];
        out = new int[layers];
        dA = new int[layers];
        wOff = new int[layers];
        bOff = new int[layers];
        aBatch = new double[layers][];
        gBatch = new double[layers][];
        aAvg = new double[layers][];
        gAvg = new double[layers][];
        aInv = new double[layers][];
        gInv = new double[layers][];
        aWork = new DMatrixRMaj[layers];
        gWork = new DMatrixRMaj[layers];
        aInvM = new DMatrixRMaj[layers];
        gInvM = new DMatrixRMaj[layers];
        aSolver = new LinearSolverDense[layers];
        gSolver = new LinearSolverDense[layers];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            in[l] = arch.inputsOf(l);
            out[l] = arch.unitsOf(l);
            dA[l] = in[l] + (arch.bias() ? 1 : 0);
            wOff[l] = arch.weightOffset(l);
            bOff[l] = arch.biasOffset(l);
            int a = dA[l] * dA[l], g = out[l] * out[l];
            aBatch[l] = new double[a];
            gBatch[l] = new double[g];
            aAvg[l] = new double[a];
            gAvg[l] = new double[g];
            aWork[l] = new DMatrixRMaj(dA[l], dA[l]);
            gWork[l] = new DMatrixRMaj(out[l], out[l]);
            aInvM[l] = new DMatrixRMaj(dA[l], dA[l]);
            gInvM[l] = new DMatrixRMaj(out[l], out[l]);
            aInv[l] = aInvM[l].data;
            gInv[l] = gInvM[l].data;
            aSolver[l] = LinearSolverFactory_DDRM.symmPosDef(dA[l]);
            gSolver[l] = LinearSolverFactory_DDRM.symmPosDef(out[l]);
            widest = Math.max(widest, out[l] * dA[l]);
        }
        xa = new double[widest];
        reset();
    }

    public Settings settings() {
        return settings;
    }

    /** Forgets the running averages and inverses (the inverses are identities until the first update). */
    public void reset() {
        updates = 0;
        for (int l = 0; l < layers; l++) {
            identity(aInv[l], dA[l]);
            identity(gInv[l], out[l]);
        }
    }

    private static void identity(double[] m, int n) {
        java.util.Arrays.fill(m, 0.0);
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1;
        }
    }

    /**
     * One K-FAC update: the factors of the batch {@code idx[from..to)} of {@code ex} at θ into the
     * running averages, the inverses when due, and the preconditioned gradient.
     *
     * @param theta the weights. Not modified.
     * @param grad  the gradient of the batch loss at θ. Not modified.
     * @param out   the preconditioned gradient, in θ's layout. Modified.
     */
    void precondition(double[] theta, Examples ex, int[] idx, int from, int to, double[] grad, double[] out) {
        net.kroneckerFactors(theta, ex, idx, from, to, aBatch, gBatch);
        updates++;
        double w = Math.max(1 - settings.decay(), 1.0 / updates);
        for (int l = 0; l < layers; l++) {
            blend(aAvg[l], aBatch[l], w);
            blend(gAvg[l], gBatch[l], w);
        }
        if ((updates - 1) % settings.inverseEvery() == 0) {
            invert();
        }
        for (int l = 0; l < layers; l++) {
            apply(l, grad, out);
        }
    }

    private static void blend(double[] avg, double[] batch, double w) {
        for (int i = 0; i < avg.length; i++) {
            avg[i] = (1 - w) * avg[i] + w * batch[i];
        }
    }

    /**
     * The damped inverses of the running factors. A factor whose damped form is not positive
     * definite (only possible with γ = 0: a unit that never fires) keeps its previous inverse.
     */
    private void invert() {
        double root = Math.sqrt(settings.damping());
        for (int l = 0; l < layers; l++) {
            double ta = trace(aAvg[l], dA[l]) / dA[l], tg = trace(gAvg[l], out[l]) / out[l];
            double pi = Math.sqrt(ta / tg);
            if (!(pi > 0 && Double.isFinite(pi))) {
                pi = 1;
            }
            damped(aAvg[l], dA[l], pi * root, aWork[l]);
            damped(gAvg[l], out[l], root / pi, gWork[l]);
            if (aSolver[l].setA(aWork[l])) {
                aSolver[l].invert(aInvM[l]);
            }
            if (gSolver[l].setA(gWork[l])) {
                gSolver[l].invert(gInvM[l]);
            }
        }
    }

    private static double trace(double[] m, int n) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += m[i * n + i];
        }
        return t;
    }

    private static void damped(double[] m, int n, double add, DMatrixRMaj dst) {
        System.arraycopy(m, 0, dst.data, 0, n * n);
        for (int i = 0; i < n; i++) {
            dst.data[i * n + i] += add;
        }
    }

    /** out_l = G⁻¹·[∇W | ∇b]·A⁻¹ for layer l, read from and written to θ's layout. */
    private void apply(int l, double[] grad, double[] dst) {
        int nIn = in[l], nOut = out[l], d = dA[l], w = wOff[l], b = bOff[l];
        double[] ai = aInv[l], gi = gInv[l];
        // xa = X·A⁻¹, X row j = (∇W_j, ∇b_j).
        for (int j = 0; j < nOut; j++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int k = 0; k < nIn; k++) {
                    s += grad[w + j * nIn + k] * ai[k * d + c];
                }
                if (b >= 0) {
                    s += grad[b + j] * ai[nIn * d + c];
                }
                xa[j * d + c] = s;
            }
        }
        for (int j = 0; j < nOut; j++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int r = 0; r < nOut; r++) {
                    s += gi[j * nOut + r] * xa[r * d + c];
                }
                if (c < nIn) {
                    dst[w + j * nIn + c] = s;
                } else {
                    dst[b + j] = s;
                }
            }
        }
    }

    /** The running factor Â of layer l (row-major, a copy), for tests and the app. */
    public double[] factorA(int l) {
        return aAvg[l].clone();
    }

    /** The running factor Ĝ of layer l (row-major, a copy). */
    public double[] factorG(int l) {
        return gAvg[l].clone();
    }
}
