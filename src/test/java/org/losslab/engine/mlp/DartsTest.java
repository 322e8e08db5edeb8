package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.RunSettings;

class DartsTest {
    static final int K = MixedActivation.K;

    static Architecture arch(Output out, int classes) {
        return new Architecture(List.of(Feature.X1, Feature.X2), new int[] {5, 4}, Activation.TANH, out, out.units(classes), true);
    }

    static double[] randomAlpha(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[2 * K];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }

    static double loss(Architecture arch, Examples ex, double[] theta, double[] alpha, double[] grad, double[] gAlpha) {
        double[] w = new double[alpha.length];
        Darts.softmax(alpha, w);
        Network net = new Network(arch);
        MixedActivation mix = new MixedActivation(w, 5);
        net.mix(mix);
        double f = net.evaluate(theta, ex, null, 0, ex.n, grad);
        if (gAlpha != null) {
            Darts.softmaxBackward(w, mix.gradient(), gAlpha);
        }
        return f;
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void theMixtureBackpropagatesToTheWeightsAndToAlpha(Output out) {
        int classes = out == Output.LINEAR ? 0 : out == Output.SIGMOID ? 2 : 3;
        Architecture arch = arch(out, classes);
        Examples ex = new Examples(arch, BackpropTest.data(300, classes, 5));
        double[] theta = KfacTest.randomWeights(arch, 2), alpha = randomAlpha(3);
        double[] g = new double[theta.length], ga = new double[alpha.length];
        loss(arch, ex, theta, alpha, g, ga);
        double h = 1e-6;
        for (int p = 0; p < theta.length; p++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[p] += h;
            tm[p] -= h;
            double fd = (loss(arch, ex, tp, alpha, null, null) - loss(arch, ex, tm, alpha, null, null)) / (2 * h);
            assertEquals(fd, g[p], 1e-6 * Math.max(1, Math.abs(fd)), "θ_" + p);
        }
        for (int k = 0; k < alpha.length; k++) {
            double[] ap = alpha.clone(), am = alpha.clone();
            ap[k] += h;
            am[k] -= h;
            double fd = (loss(arch, ex, theta, ap, null, null) - loss(arch, ex, theta, am, null, null)) / (2 * h);
            assertEquals(fd, ga[k], 1e-7 * Math.max(1, Math.abs(fd)), "α_" + k);
        }
    }

    @Test
    void aOneHotMixtureIsExactlyTheDiscreteNetwork() {
        for (int choice = 0; choice < K; choice++) {
            Activation act = Darts.CANDIDATES.get(choice);
            Architecture discrete = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {5, 4}, act, Output.SOFTMAX, 3, true);
            Examples ex = new Examples(discrete, BackpropTest.data(300, 3, 9));
            double[] theta = KfacTest.randomWeights(discrete, 4);
            double[] w = new double[2 * K];
            w[choice] = 1;
            w[K + choice] = 1;
            Network mixed = new Network(discrete);
            mixed.mix(new MixedActivation(w, 5));
            double[] gm = new double[theta.length], gd = new double[theta.length];
            double fm = mixed.evaluate(theta, ex, null, 0, ex.n, gm);
            double fd = new Network(discrete).evaluate(theta, ex, null, 0, ex.n, gd);
            assertEquals(fd, fm, 0.0, act.id());
            assertArrayEquals(gd, gm, 0.0, act.id());
        }
        assertEquals(List.of(1, 3), Darts.chosen(new double[] {0.1, 0.6, 0.2, 0.1, 0.2, 0.2, 0.1, 0.5}));
        assertEquals("relu, identity", Darts.describe(List.of(1, 3)));
    }

    @Test
    void oneUpdateStepsAlphaOnTheValidationPartThenTheWeightsOnTheRest() {
        Architecture arch = arch(Output.SIGMOID, 2);
        Dataset all = BackpropTest.data(200, 2, 12);
        double[] theta0 = KfacTest.randomWeights(arch, 6);
        Training t = new Training(arch, new DataSpec.Split(all, all.subset(new int[0], 0, 0)), theta0, 10, 1,
                List.of(RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0))), TrainingOptions.NONE.withDarts(Darts.search(0.05, 0.25)));
        Trainer trainer = t.trainer(0, Runnable::run);
        trainer.step(1);
        int[] idx = new int[200];
        for (int i = 0; i < 200; i++) {
            idx[i] = i;
        }
        // α: the validation part is the last 50 training points; Adam's first step is −lr·g/(|g| + ε).
        Examples val = new Examples(arch, all.subset(idx, 150, 200)), rest = new Examples(arch, all.subset(idx, 0, 150));
        double[] zero = new double[2 * K], ga = new double[2 * K];
        loss(arch, val, theta0, zero, new double[theta0.length], ga);
        double[] alpha1 = new double[2 * K];
        for (int k = 0; k < alpha1.length; k++) {
            alpha1[k] = -0.05 * ga[k] / (Math.abs(ga[k]) + 1e-8);
        }
        double[] w1 = new double[2 * K];
        Darts.softmax(alpha1, w1);
        assertArrayEquals(w1, trainer.snapshot().mixture(), 1e-12);
        // θ: SGD on the other 150 points, with the new mixture.
        double[] g = new double[theta0.length];
        loss(arch, rest, theta0, alpha1, g, null);
        double[] theta1 = trainer.weights();
        for (int p = 0; p < theta0.length; p++) {
            assertEquals(theta0[p] - 0.1 * g[p], theta1[p], 1e-12);
        }
        // Reset replays; retraining fixes the mixture one-hot and trains on every point.
        trainer.reset();
        trainer.step(1);
        assertArrayEquals(theta1, trainer.weights(), 0.0);
        Training re = Darts.retraining(t, List.of(1, 3));
        Trainer r = re.trainer(0, Runnable::run);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0, 1}, r.snapshot().mixture(), 0.0);
        r.step(2);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0, 1}, r.snapshot().mixture(), 0.0);
        assertEquals(2 * 200 / 200.0, r.snapshot().epoch(), 1e-12, "the whole training set each step");
    }

    @Test
    void refusesWhatItCannotSearch() {
        assertThrows(IllegalArgumentException.class, () -> Darts.search(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Darts.search(0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> new Darts(0.01, 0.5, List.of(4)));
        Architecture arch = arch(Output.SIGMOID, 2);
        Dataset all = BackpropTest.data(20, 2, 1);
        Training wrong = new Training(arch, new DataSpec.Split(all, all), KfacTest.randomWeights(arch, 1), 5, 1,
                List.of(RunSettings.of(new Sgd.Config(0.1, 0, 0, false, 0))), TrainingOptions.NONE.withDarts(
                        new Darts(0.01, 0.5, List.of(1))));
        assertThrows(IllegalArgumentException.class, () -> wrong.trainer(0), "one activation named for two hidden layers");
        TrainingOptions searchWithCurriculum = TrainingOptions.NONE.withDarts(Darts.search(0.01, 0.5))
                .withCurriculum(0, new Curriculum.Settings(Curriculum.Score.CENTRE_DISTANCE, 0.5, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Darts.check(searchWithCurriculum));
        Darts.check(searchWithCurriculum.withDarts(new Darts(0.01, 0.5, List.of(1, 1))));
        assertThrows(IllegalArgumentException.class, () -> Darts.check(TrainingOptions.NONE.withDarts(Darts.search(0.01, 0.5))
                .withKfac(0, new Kfac.Settings(1e-3, 0.95, 1))));
        assertThrows(IllegalArgumentException.class, () -> Darts.check(TrainingOptions.NONE.withDarts(Darts.search(0.01, 0.5))
                .withSharpness(TrainingOptions.SharpnessRecording.every(5))));
    }
}
