package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.losslab.engine.optim.Sgd;
import org.losslab.engine.update.RunSettings;

class CurriculumTest {
    static Training training(DataSpec spec, int batch, TrainingOptions options) {
        DataSpec.Split split = spec.split();
        Architecture arch = new Architecture(List.of(Feature.X1, Feature.X2), new int[] {8}, Activation.TANH,
                spec.classCount() == 0 ? Output.LINEAR : spec.classCount() == 2 ? Output.SIGMOID : Output.SOFTMAX,
                spec.classCount() == 0 ? 1 : spec.classCount() == 2 ? 1 : spec.classCount(), true);
        RunSettings run = RunSettings.of(new Sgd.Config(0.1, 0.9, 0, false, 0));
        if (batch > 0) {
            run = run.withBatchSize(batch);
        }
        return new Training(arch, split, Init.XAVIER.weights(arch, 1), 100, 5, List.of(run), options);
    }

    @Test
    void byCentreDistanceTheTypicalPointsOfEachClassComeFirst() {
        Training t = training(new DataSpec(DataKind.BLOBS, 300, 0.05, 0.3, 3, false, 0, 4), 0, TrainingOptions.NONE);
        Curriculum.Settings s = new Curriculum.Settings(Curriculum.Score.CENTRE_DISTANCE, 0.2, 50, 0);
        Dataset d = t.data().train();
        double[] cx = new double[3], cy = new double[3];
        int[] count = new int[3];
        for (int i = 0; i < d.size(); i++) {
            cx[d.label(i)] += d.x1(i);
            cy[d.label(i)] += d.x2(i);
            count[d.label(i)]++;
        }
        int[] order = new Curriculum(t, s, 16, 1).order();
        assertEquals(d.size(), order.length);
        assertEquals(d.size(), new HashSet<>(java.util.Arrays.stream(order).boxed().toList()).size(), "a permutation");
        double last = -1;
        for (int i : order) {
            int y = d.label(i);
            double r = Math.hypot(d.x1(i) - cx[y] / count[y], d.x2(i) - cy[y] / count[y]);
            assertTrue(r >= last, "sorted by distance from the class centre");
            last = r;
        }
    }

    @Test
    void byMarginTheFlippedLabelsComeLast() {
        DataSpec noisy = new DataSpec(DataKind.MOONS, 800, 0.15, 0.5, 2, false, 0.25, 2);
        DataSpec clean = new DataSpec(DataKind.MOONS, 800, 0.15, 0.5, 2, false, 0, 2);
        Dataset n = noisy.split().train(), c = clean.split().train();
        Training t = training(noisy, 16, TrainingOptions.NONE);
        int[] order = new Curriculum(t, new Curriculum.Settings(Curriculum.Score.MARGIN, 0.2, 50, 300), 16, 1).order();
        int size = order.length, flippedLate = 0, flippedEarly = 0, flipped = 0;
        for (int k = 0; k < size; k++) {
            int i = order[k];
            assertEquals(c.x1(i), n.x1(i), "the same points");
            boolean f = c.label(i) != n.label(i);
            flipped += f ? 1 : 0;
            flippedEarly += f && k < size / 2 ? 1 : 0;
            flippedLate += f && k >= size - size / 4 ? 1 : 0;
        }
        assertTrue(flipped > 0.2 * size && flipped < 0.3 * size, "a quarter flipped: " + flipped);
        assertTrue(flippedLate > 0.7 * (size / 4), "the hardest quarter is mostly flipped labels: " + flippedLate + " of " + size / 4);
        assertTrue(flippedEarly < 0.05 * (size / 2), "the easier half is almost clean: " + flippedEarly);
    }

    @Test
    void batchesComeFromTheGrowingPoolOfTheEasiest() {
        Training t = training(new DataSpec(DataKind.CIRCLES, 200, 0.05, 0.5, 2, false, 0, 3), 10, TrainingOptions.NONE);
        Curriculum.Settings s = new Curriculum.Settings(Curriculum.Score.CENTRE_DISTANCE, 0.2, 40, 0);
        int n = t.data().train().size();
        assertEquals(20, s.poolAt(0, n));
        assertEquals(60, s.poolAt(20, n));
        assertEquals(n, s.poolAt(40, n));
        assertEquals(n, s.poolAt(1000, n));
        Curriculum c = new Curriculum(t, s, 10, 7);
        int[] order = c.order();
        Set<Integer> seen = new HashSet<>();
        for (long step = 0; step < 60; step++) {
            c.next(step);
            int pool = s.poolAt(step, n);
            assertEquals(pool, c.pool());
            Set<Integer> allowed = new HashSet<>();
            for (int k = 0; k < pool; k++) {
                allowed.add(order[k]);
            }
            assertTrue(c.to() - c.from() >= 1 && c.to() - c.from() <= 10);
            for (int k = c.from(); k < c.to(); k++) {
                assertTrue(allowed.contains(c.indices()[k]), "step " + step + ": only the easiest " + pool);
                if (step >= 40) {
                    seen.add(c.indices()[k]);
                }
            }
        }
        assertEquals(n, seen.size(), "after the ramp, an epoch of 10 batches shows every example");
        // Deterministic: a reset replays the same batches.
        c.reset();
        c.next(0);
        int[] first = java.util.Arrays.copyOfRange(c.indices(), c.from(), c.to());
        Curriculum again = new Curriculum(t, s, 10, 7);
        again.next(0);
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(java.util.Arrays.copyOfRange(again.indices(), again.from(), again.to())));
    }

    @Test
    void aTrainerWithACurriculumTrainsOnItsPoolAndOthersAreUntouched() {
        Curriculum.Settings s = new Curriculum.Settings(Curriculum.Score.CENTRE_DISTANCE, 0.2, 40, 0);
        DataSpec spec = new DataSpec(DataKind.MOONS, 200, 0.1, 0.5, 2, false, 0, 3);
        Training plain = training(spec, 10, TrainingOptions.NONE);
        Training curriculum = training(spec, 10, TrainingOptions.NONE.withCurriculum(0, s));
        Trainer a = plain.trainer(0, Runnable::run), b = curriculum.trainer(0, Runnable::run);
        a.step(30);
        b.step(30);
        assertTrue(!java.util.Arrays.equals(a.weights(), b.weights()));
        assertEquals(30 * 10 / 100.0, b.snapshot().epoch(), 1e-12, "ten examples an update");
        b.reset();
        b.step(30);
        Trainer again = curriculum.trainer(0, Runnable::run);
        again.step(30);
        assertEquals(java.util.Arrays.toString(again.weights()), java.util.Arrays.toString(b.weights()), "reset replays");
        Trainer other = training(spec, 10, TrainingOptions.NONE.withCurriculum(1, s)).trainer(0, Runnable::run);
        other.step(30);
        assertEquals(java.util.Arrays.toString(a.weights()), java.util.Arrays.toString(other.weights()), "run 0 without a curriculum trains as before");
    }

    @Test
    void refusesWhatItCannotRank() {
        Training regression = training(new DataSpec(DataKind.CURVE, 100, 0.05, 0.5, 2, false, 0, 1), 0, TrainingOptions.NONE);
        assertThrows(IllegalArgumentException.class, () -> Curriculum.scores(regression,
                new Curriculum.Settings(Curriculum.Score.CENTRE_DISTANCE, 0.5, 10, 0)));
        double[] byError = Curriculum.scores(regression, new Curriculum.Settings(Curriculum.Score.MARGIN, 0.5, 10, 50));
        assertEquals(regression.data().train().size(), byError.length);
        assertThrows(IllegalArgumentException.class, () -> new Curriculum.Settings(Curriculum.Score.MARGIN, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new Curriculum.Settings(Curriculum.Score.MARGIN, 0.5, 0, 5));
    }
}
