package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.RunSettings;

/** Power iteration on exact Hessian-vector products finds λmax of the network's Hessian. */
class SharpnessTest {

    /** The Hessian assembled column by column from H·e_i, and its eigenvalues, smallest first. */
    static double[] eigenvalues(HessianVector h, double[] theta) {
        int p = theta.length;
        DMatrixRMaj m = new DMatrixRMaj(p, p);
        double[] e = new double[p], hv = new double[p];
        for (int i = 0; i < p; i++) {
            Arrays.fill(e, 0);
            e[i] = 1;
            h.product(theta, e, hv);
            for (int j = 0; j < p; j++) {
                m.set(j, i, hv[j]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, false, true);
        assertTrue(eig.decompose(m));
        double[] lambda = new double[p];
        for (int i = 0; i < p; i++) {
            lambda[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(lambda);
        return lambda;
    }

    @Test
    void powerIterationFindsTheTopEigenvalueOfTheAssembledHessian() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {6, 5}, Activation.TANH,
                Output.SIGMOID, 1, true);
        Dataset d = BackpropTest.data(200, 2, 21);
        double[] theta = HessianVectorTest.perturbed(Init.XAVIER.weights(arch, 2), 4);
        HessianVector h = new HessianVector(arch, d);
        double[] lambda = eigenvalues(h, theta);
        double top = lambda[lambda.length - 1];
        Sharpness.Estimate e = new Sharpness(h, 2000, 1e-13, 1).estimate(theta);
        assertEquals(top, e.lambda(), 1e-9 * top);
        assertTrue(e.converged());
        // The vector is its unit eigenvector: H·v = λv.
        double[] v = e.vector(), hv = new double[v.length];
        h.product(theta, v, hv);
        for (int i = 0; i < v.length; i++) {
            assertEquals(top * v[i], hv[i], 1e-5 * top);
        }
        assertEquals(1, Math.sqrt(HessianVectorTest.dot(v, v)), 1e-12);
    }

    @Test
    void theStoppingRuleMeetsItsToleranceOrSpendsItsBudget() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {8}, Activation.GELU, Output.SOFTMAX, 3, true);
        Dataset d = BackpropTest.data(150, 3, 5);
        double[] theta = HessianVectorTest.perturbed(Init.HE.weights(arch, 3), 6);
        HessianVector h = new HessianVector(arch, d);
        double top = eigenvalues(h, theta)[arch.parameterCount() - 1];
        Sharpness.Estimate capped = new Sharpness(h, 3, 0, 9).estimate(theta);
        assertEquals(3, capped.iterations());
        assertFalse(capped.converged(), "tolerance 0 never stops early");
        Sharpness.Estimate loose = new Sharpness(h, 500, 1e-3, 9).estimate(theta);
        assertTrue(loose.converged() && loose.iterations() < 500);
        // A quotient that changed by less than 1e-3 relative is within a few times that of λmax.
        assertEquals(top, loose.lambda(), 1e-2 * top);
        assertTrue(loose.lambda() <= top * (1 + 1e-12), "a Rayleigh quotient never exceeds λmax");
    }

    @Test
    void warmStartNeedsFewerProductsAlongARun() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {8, 8}, Activation.TANH, Output.SIGMOID, 1, true);
        DataSpec data = new DataSpec(DataKind.MOONS, 200, 0.1, 0.5, 2, false, 0, 3);
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), 100, 0,
                List.of(RunSettings.of(new Sgd.Config(0.5, 0, 0, false, 0))));
        Trainer t = training.trainer(0);
        t.step(50);
        HessianVector h = new HessianVector(arch, training.data().train());
        Sharpness warm = new Sharpness(h, 200, 1e-6, 1);
        warm.estimate(t.weights());
        t.step(1);
        double[] next = t.weights();
        Sharpness.Estimate again = warm.estimate(next);
        Sharpness.Estimate cold = new Sharpness(h, 200, 1e-6, 1).estimate(next);
        assertEquals(cold.lambda(), again.lambda(), 1e-4 * cold.lambda());
        assertTrue(again.iterations() < cold.iterations(), "warm " + again.iterations() + " vs cold " + cold.iterations());
    }

    @Test
    void aDominantNegativeEigenvalueIsShiftedAwayToFindTheTopOne() {
        // A tanh network with large random weights (found by search, kept because it shows the case):
        // its most negative eigenvalue is larger in magnitude than its largest.
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {3}, Activation.TANH, Output.LINEAR, 1, true);
        SplittableRandom r = new SplittableRandom(86);
        int n = 30;
        double[] x1 = new double[n], x2 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = 2 * r.nextDouble() - 1;
            x2[i] = 2 * r.nextDouble() - 1;
            y[i] = 3 * Math.sin(3 * x1[i]);
        }
        HessianVector h = new HessianVector(arch, new Dataset(x1, x2, y, 0));
        double[] theta = new double[arch.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 2.5 * (2 * r.nextDouble() - 1);
        }
        double[] lambda = eigenvalues(h, theta);
        double min = lambda[0], max = lambda[lambda.length - 1];
        assertTrue(-min > 1.5 * max, "the case: λmin = " + min + ", λmax = " + max);
        Sharpness.Estimate e = new Sharpness(h, 5000, 1e-14, 2).estimate(theta);
        assertEquals(max, e.lambda(), 1e-8 * Math.abs(min));
    }

    @Test
    void trainerRecordsSharpnessAtItsCadenceAndReplays() {
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {6}, Activation.TANH, Output.SIGMOID, 1, true);
        DataSpec data = new DataSpec(DataKind.CIRCLES, 120, 0.05, 0.5, 2, false, 0, 2);
        Training training = new Training(arch, data.split(), Init.XAVIER.weights(arch, 1), 30, 0,
                List.of(RunSettings.of(new Sgd.Config(0.3, 0, 0, false, 0))),
                new TrainingOptions(new TrainingOptions.SharpnessRecording(5, 50, 1e-9)));
        Trainer t = training.trainer(0);
        double[] values = new double[31];
        for (int k = 0; k <= 30; k++) {
            values[k] = t.snapshot().sharpness();
            assertEquals(k % 5 == 0, Double.isFinite(values[k]), "measured exactly at multiples of 5: step " + k);
            t.step(1);
        }
        HessianVector h = new HessianVector(arch, training.data().train());
        t.reset();
        t.step(10);
        assertEquals(eigenvalues(h, t.weights())[arch.parameterCount() - 1], values[10], 1e-6 * values[10]);
        // Replay: a reset trainer measures the same values bit for bit.
        t.reset();
        for (int k = 0; k <= 30; k++) {
            assertEquals(values[k], t.snapshot().sharpness(), 0, "step " + k);
            t.step(1);
        }
        // Without the option nothing is measured.
        Trainer plain = training.withOptions(TrainingOptions.NONE).trainer(0);
        assertTrue(Double.isNaN(plain.snapshot().sharpness()));
        // The public cold-start entry point measures the trainer's current weights.
        assertEquals(values[0], Sharpness.of(training.trainer(0), 50, 1e-9).lambda(), 1e-6 * values[0]);
    }
}
