package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.losslab.engine.optim.Lbfgs;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.RunSettings;

/** K-FAC against the Fisher and its Kronecker factors computed directly, example by example. */
class KfacTest {
    static double[] randomWeights(Architecture arch, long seed) {
        double[] theta = Init.XAVIER.weights(arch, seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.3 * (r.nextDouble() - 0.5);
        }
        return theta;
    }

    /** The network's outputs (logits with a linear output) at example i, for the Jacobian by differences. */
    static double[] outputs(Network net, double[] theta, Dataset d, int i, int units) {
        double[] out = new double[units];
        net.predict(theta, 1, new double[] {d.x1(i)}, new double[] {d.x2(i)}, out);
        return out;
    }

    @ParameterizedTest(name = "classes={0} bias={1}")
    @CsvSource({"0, true", "0, false", "3, true", "3, false"})
    void onASingleLinearLayerWithMseItIsTheNaturalGradientStep(int classes, boolean bias) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2, Feature.SIN_X2), new int[0], Activation.TANH,
                Output.LINEAR, Output.LINEAR.units(classes), bias);
        // 300 examples: more than one chunk.
        Dataset d = BackpropTest.data(300, classes, 4);
        Examples ex = new Examples(arch, d);
        double[] theta = randomWeights(arch, 7);
        int dim = theta.length, units = arch.outputs();
        Network net = new Network(arch);
        double[] g = new double[dim];
        net.evaluate(theta, ex, null, 0, ex.n, g);

        // The Fisher directly: F = (1/n)·Σ_i J_iᵀ·(∂²ℓ/∂z²)·J_i with J_i = ∂z/∂θ by central differences
        // (exact here: z is linear in θ) and ∂²ℓ/∂z² = (2/units)·I for MSE.
        double[] fisher = new double[dim * dim];
        double h = 1e-3, curvature = 2.0 / units;
        double[][] jac = new double[units][dim];
        for (int i = 0; i < d.size(); i++) {
            for (int p = 0; p < dim; p++) {
                double[] tp = theta.clone(), tm = theta.clone();
                tp[p] += h;
                tm[p] -= h;
                double[] zp = outputs(net, tp, d, i, units), zm = outputs(net, tm, d, i, units);
                for (int u = 0; u < units; u++) {
                    jac[u][p] = (zp[u] - zm[u]) / (2 * h);
                }
            }
            for (int p = 0; p < dim; p++) {
                for (int q = 0; q < dim; q++) {
                    double s = 0;
                    for (int u = 0; u < units; u++) {
                        s += jac[u][p] * jac[u][q];
                    }
                    fisher[p * dim + q] += curvature * s / d.size();
                }
            }
        }
        DMatrixRMaj step = new DMatrixRMaj(dim, 1);
        assertTrue(CommonOps_DDRM.solve(DMatrixRMaj.wrap(dim, dim, fisher), DMatrixRMaj.wrap(dim, 1, g.clone()), step));

        Kfac kfac = new Kfac(arch, new Kfac.Settings(0, 0.95, 1));
        double[] natural = new double[dim];
        kfac.precondition(theta, ex, null, 0, ex.n, g, natural);
        double scale = 0;
        for (double v : step.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertArrayEquals(step.data, natural, 1e-9 * scale);

        // In the trainer, SGD at rate η steps θ ← θ − η·F⁻¹∇L.
        Training training = new Training(arch, new DataSpec.Split(d, d.subset(new int[0], 0, 0)), theta, 1, 0,
                List.of(RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0))),
                TrainingOptions.NONE.withKfac(0, new Kfac.Settings(0, 0.95, 1)));
        Trainer t = training.trainer(0, Runnable::run);
        t.step(1);
        double[] after = t.weights();
        for (int p = 0; p < dim; p++) {
            assertEquals(theta[p] - 0.1 * step.get(p), after[p], 1e-9 * Math.max(1, scale));
        }
    }

    /**
     * For one hidden tanh layer, the factors directly: A_l = mean ā āᵀ, G_out = mean ∂²ℓ/∂z², and
     * G_hidden = mean D·W₂ᵀ·(∂²ℓ/∂z²)·W₂·D with D = diag(1 − h²).
     */
    @ParameterizedTest(name = "{0} classes={1}")
    @CsvSource({"SIGMOID, 2", "SOFTMAX, 3", "LINEAR, 3", "LINEAR, 0"})
    void theFactorsAreTheInputMomentsAndTheBackpropagatedOutputCurvature(Output output, int classes) {
        int hidden = 4;
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {hidden}, Activation.TANH, output,
                output.units(classes), true);
        Dataset d = BackpropTest.data(300, classes, 8);
        Examples ex = new Examples(arch, d);
        double[] theta = randomWeights(arch, 3);
        int units = arch.outputs();
        Network net = new Network(arch);
        double[] a0 = new double[9], a1 = new double[25], g0 = new double[hidden * hidden], g1 = new double[units * units];
        int w2 = arch.weightOffset(1);
        for (int i = 0; i < d.size(); i++) {
            double[][] act = net.activations(theta, d.x1(i), d.x2(i));
            double[] x = {d.x1(i), d.x2(i), 1}, hb = new double[hidden + 1];
            System.arraycopy(act[1], 0, hb, 0, hidden);
            hb[hidden] = 1;
            double[] z = act[2];
            double[][] c = new double[units][units];
            if (output == Output.SIGMOID) {
                double p = MlpMath.sigmoid(z[0]);
                c[0][0] = p * (1 - p);
            } else if (output == Output.SOFTMAX) {
                double max = java.util.Arrays.stream(z).max().getAsDouble(), s = 0;
                double[] p = new double[units];
                for (int k = 0; k < units; k++) {
                    p[k] = Math.exp(z[k] - max);
                    s += p[k];
                }
                for (int k = 0; k < units; k++) {
                    for (int j = 0; j < units; j++) {
                        c[k][j] = (k == j ? p[k] / s : 0) - p[k] / s * p[j] / s;
                    }
                }
            } else {
                for (int k = 0; k < units; k++) {
                    c[k][k] = 2.0 / units;
                }
            }
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    a0[j * 3 + k] += x[j] * x[k] / d.size();
                }
            }
            for (int j = 0; j <= hidden; j++) {
                for (int k = 0; k <= hidden; k++) {
                    a1[j * (hidden + 1) + k] += hb[j] * hb[k] / d.size();
                }
            }
            for (int j = 0; j < units; j++) {
                for (int k = 0; k < units; k++) {
                    g1[j * units + k] += c[j][k] / d.size();
                }
            }
            for (int j = 0; j < hidden; j++) {
                for (int k = 0; k < hidden; k++) {
                    double s = 0;
                    for (int u = 0; u < units; u++) {
                        for (int v = 0; v < units; v++) {
                            s += theta[w2 + u * hidden + j] * c[u][v] * theta[w2 + v * hidden + k];
                        }
                    }
                    g0[j * hidden + k] += (1 - hb[j] * hb[j]) * s * (1 - hb[k] * hb[k]) / d.size();
                }
            }
        }
        Kfac kfac = new Kfac(arch, new Kfac.Settings(1e-3, 0.95, 1));
        double[] grad = new double[theta.length];
        net.evaluate(theta, ex, null, 0, ex.n, grad);
        kfac.precondition(theta, ex, null, 0, ex.n, grad, new double[theta.length]);
        assertArrayEquals(a0, kfac.factorA(0), 1e-12);
        assertArrayEquals(a1, kfac.factorA(1), 1e-12);
        assertArrayEquals(g0, kfac.factorG(0), 1e-12);
        assertArrayEquals(g1, kfac.factorG(1), 1e-12);
    }

    @Test
    void theDampedStepInvertsTheDampedKroneckerProductLayerByLayer() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {5}, Activation.TANH, Output.SOFTMAX,
                3, true);
        Dataset d = BackpropTest.data(200, 3, 2);
        Examples ex = new Examples(arch, d);
        double[] theta = randomWeights(arch, 9);
        double[] grad = new double[theta.length], natural = new double[theta.length];
        new Network(arch).evaluate(theta, ex, null, 0, ex.n, grad);
        double gamma = 0.05;
        Kfac kfac = new Kfac(arch, new Kfac.Settings(gamma, 0.95, 1));
        kfac.precondition(theta, ex, null, 0, ex.n, grad, natural);
        for (int l = 0; l < 2; l++) {
            int nIn = arch.inputsOf(l), nOut = arch.unitsOf(l), dA = nIn + 1;
            DMatrixRMaj a = DMatrixRMaj.wrap(dA, dA, kfac.factorA(l)), g = DMatrixRMaj.wrap(nOut, nOut, kfac.factorG(l));
            double pi = Math.sqrt((CommonOps_DDRM.trace(a) / dA) / (CommonOps_DDRM.trace(g) / nOut));
            for (int i = 0; i < dA; i++) {
                a.add(i, i, pi * Math.sqrt(gamma));
            }
            for (int i = 0; i < nOut; i++) {
                g.add(i, i, Math.sqrt(gamma) / pi);
            }
            // vec (column-major) of X = [∇W | ∇b]: (A ⊗ G)·vec X = vec(G·X·A).
            DMatrixRMaj k = new DMatrixRMaj(dA * nOut, dA * nOut);
            CommonOps_DDRM.kron(a, g, k);
            DMatrixRMaj x = new DMatrixRMaj(dA * nOut, 1), v = new DMatrixRMaj(dA * nOut, 1);
            int w = arch.weightOffset(l), b = arch.biasOffset(l);
            for (int j = 0; j < nOut; j++) {
                for (int c = 0; c < dA; c++) {
                    x.set(c * nOut + j, 0, c < nIn ? grad[w + j * nIn + c] : grad[b + j]);
                }
            }
            assertTrue(CommonOps_DDRM.solve(k, x, v));
            for (int j = 0; j < nOut; j++) {
                for (int c = 0; c < dA; c++) {
                    double got = c < nIn ? natural[w + j * nIn + c] : natural[b + j];
                    assertEquals(v.get(c * nOut + j), got, 1e-10 * Math.max(1, Math.abs(got)), "layer " + l);
                }
            }
        }
    }

    @Test
    void runningAveragesBlendTheBatchesAndInversesWaitForTheirStep() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {3}, Activation.TANH, Output.SIGMOID, 1, true);
        Dataset d = BackpropTest.data(100, 2, 6);
        Examples ex = new Examples(arch, d);
        double[] theta = randomWeights(arch, 1);
        int[] idx = new int[100];
        for (int i = 0; i < 100; i++) {
            idx[i] = i;
        }
        int dim = theta.length;
        double[] g1 = new double[dim], g2 = new double[dim], out = new double[dim], expected = new double[dim];
        Network net = new Network(arch);
        net.evaluate(theta, ex, idx, 0, 50, g1);
        net.evaluate(theta, ex, idx, 50, 100, g2);
        Kfac first = new Kfac(arch, new Kfac.Settings(0.01, 0.5, 1)), second = new Kfac(arch, new Kfac.Settings(0.01, 0.5, 1));
        first.precondition(theta, ex, idx, 0, 50, g1, out);
        second.precondition(theta, ex, idx, 50, 100, g2, out);
        Kfac both = new Kfac(arch, new Kfac.Settings(0.01, 0.5, 2));
        both.precondition(theta, ex, idx, 0, 50, g1, out);
        both.precondition(theta, ex, idx, 50, 100, g2, out);
        for (int l = 0; l < 2; l++) {
            double[] a1 = first.factorA(l), a2 = second.factorA(l), ab = both.factorA(l);
            for (int i = 0; i < ab.length; i++) {
                assertEquals(0.5 * a1[i] + 0.5 * a2[i], ab[i], 1e-15);
            }
        }
        // inverseEvery 2: the second update still uses the first batch's inverses.
        first.precondition(theta, ex, idx, 0, 50, g2, expected);
        // (first now averaged batch 1 with itself: the same factors, and its inverse recomputed from them.)
        assertArrayEquals(expected, out, 1e-12);
    }

    @Test
    void methodsWithGradientsOfTheirOwnAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.checkKfac(RunSettings.of(new Lbfgs.Config(1, 10, Lbfgs.LineSearch.NONE, 1e-7, 1e-9))));
        assertThrows(IllegalArgumentException.class, () -> Trainer.checkKfac(RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0)).withSamRho(0.05)));
        Trainer.checkKfac(RunSettings.of(new Sgd.Config(0.1, 0.9, 0, false, 0)));
        // Normalization or dropout between the layers: refused in words, not by an internal class's check.
        for (HiddenBlock block : List.of(new HiddenBlock(Normalization.BATCH, 0), new HiddenBlock(Normalization.NONE, 0.3))) {
            Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {3}, Activation.TANH,
                    Output.SIGMOID, 1, true, block);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.checkKfac(arch));
            assertTrue(e.getMessage().startsWith("K-FAC's Kronecker factors are those of a plain MLP; remove "), e.getMessage());
        }
        Trainer.checkKfac(new Architecture(List.of(Feature.X1, Feature.X2), new int[] {3}, Activation.TANH, Output.SIGMOID, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new Kfac.Settings(-1, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> new Kfac.Settings(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Kfac.Settings(0, 0.5, 0));
    }
}
