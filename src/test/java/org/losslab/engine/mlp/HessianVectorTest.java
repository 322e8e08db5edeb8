package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The R-operator's H·v against central differences of exact gradients, (∇L(θ + hv) − ∇L(θ − hv))/2h,
 * for every activation and output (the cases of {@link BackpropTest}), and the symmetry of H.
 */
class HessianVectorTest {

    static List<org.junit.jupiter.params.provider.Arguments> cases() {
        return BackpropTest.cases();
    }

    @ParameterizedTest(name = "{0} {1} classes={2}")
    @MethodSource("cases")
    void productMatchesDifferencesOfGradients(Activation act, Output out, int classes) {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2, Feature.X1_X2, Feature.SIN_X2),
                new int[] {5, 4}, act, out, out.units(classes), true);
        // 300 examples: more than one chunk, so the chunked accumulation of H·v is exercised too.
        Dataset d = BackpropTest.data(300, classes, 11);
        double[] theta = perturbed(Init.XAVIER.weights(arch, 5), 3);
        HessianVector h = new HessianVector(arch, d);
        double[] v = gaussian(theta.length, 17), u = gaussian(theta.length, 19);
        double[] hv = new double[theta.length], hu = new double[theta.length], g = new double[theta.length];
        double loss = h.product(theta, v, g, hv);
        h.product(theta, u, hu);

        double[] g0 = new double[theta.length];
        assertEquals(h.gradient(theta, g0), loss, 1e-15, "the product's pass computes the loss");
        for (int p = 0; p < theta.length; p++) {
            assertEquals(g0[p], g[p], 1e-15, "and the gradient");
        }
        double eps = 1e-5;
        double[] gp = new double[theta.length], gm = new double[theta.length];
        h.gradient(axpy(theta, eps, v), gp);
        h.gradient(axpy(theta, -eps, v), gm);
        double worst = 0, scale = 0;
        for (int p = 0; p < theta.length; p++) {
            scale = Math.max(scale, Math.abs(hv[p]));
        }
        for (int p = 0; p < theta.length; p++) {
            double fd = (gp[p] - gm[p]) / (2 * eps);
            worst = Math.max(worst, Math.abs(fd - hv[p]) / scale);
        }
        // ReLU's kinks: a difference is wrong only where a pre-activation lies within eps·|v| of 0.
        double tol = act == Activation.RELU || act == Activation.LEAKY_RELU ? 1e-4 : 1e-7;
        assertTrue(worst < tol, "worst error relative to max|Hv|: " + worst);
        // H is symmetric: uᵀ(Hv) = vᵀ(Hu).
        assertEquals(dot(u, hv), dot(v, hu), 1e-12 * Math.max(1, Math.abs(dot(u, hv))));
    }

    @Test
    void linearRegressionHessianIsTwiceTheInputCovariance() {
        // A linear model with MSE, L = (1/n)Σ(wᵀx + b − y)²: H = (2/n)·Σ x̄x̄ᵀ with x̄ = (x, 1), whatever θ is.
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[0], Activation.TANH, Output.LINEAR, 1, true);
        Dataset d = BackpropTest.data(40, 0, 4);
        HessianVector h = new HessianVector(arch, d);
        double[] theta = {0.3, -0.7, 0.2}, v = {1.5, -2, 0.25}, hv = new double[3];
        h.product(theta, v, hv);
        double[] want = new double[3];
        for (int i = 0; i < d.size(); i++) {
            double[] x = {d.x1(i), d.x2(i), 1};
            double xv = x[0] * v[0] + x[1] * v[1] + x[2] * v[2];
            for (int a = 0; a < 3; a++) {
                want[a] += 2.0 / d.size() * x[a] * xv;
            }
        }
        for (int a = 0; a < 3; a++) {
            assertEquals(want[a], hv[a], 1e-13);
        }
    }

    static double[] perturbed(double[] theta, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = theta.clone();
        for (int i = 0; i < t.length; i++) {
            t[i] += 0.3 * (r.nextDouble() - 0.5); // nonzero biases, away from symmetric points
        }
        return t;
    }

    static double[] gaussian(int n, long seed) {
        org.losslab.engine.random.Gaussian g = new org.losslab.engine.random.Gaussian(new SplittableRandom(seed));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = g.next();
        }
        return v;
    }

    static double[] axpy(double[] x, double a, double[] y) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += a * y[i];
        }
        return r;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
