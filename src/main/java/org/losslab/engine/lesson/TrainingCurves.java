package org.losslab.engine.lesson;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.Cancellation;
import org.losslab.engine.mlp.TrainSnapshot;
import org.losslab.engine.mlp.Training;

/**
 * What a lesson keeps of a training: per run, the final snapshot's figures and the recorded
 * sharpness series (step, λmax), without the weights.
 */
public final class TrainingCurves {
    /** One run's figures. */
    public record Run(long finalStep, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                      double lr, boolean diverged, long[] sharpnessSteps, double[] sharpness) {
        public Run {
            sharpnessSteps = sharpnessSteps.clone();
            sharpness = sharpness.clone();
        }

        public long[] sharpnessSteps() {
            return sharpnessSteps.clone();
        }

        public double[] sharpness() {
            return sharpness.clone();
        }
    }

    private final List<Run> runs;

    private TrainingCurves(List<Run> runs) {
        this.runs = List.copyOf(runs);
    }

    public List<Run> runs() {
        return runs;
    }

    /**
     * Trains every run of {@code training} to its last step, reporting only the first and last step and
     * the steps whose sharpness is recorded.
     *
     * @return the curves, or null if cancelled
     */
    public static TrainingCurves of(Training training, Cancellation cancel) {
        int n = training.runs().size();
        List<TrainSnapshot> last = new ArrayList<>();
        List<List<long[]>> steps = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            last.add(null);
            steps.add(new ArrayList<>());
            values.add(new ArrayList<>());
        }
        boolean done = training.run((run, s) -> {
            last.set(run, s);
            if (Double.isFinite(s.sharpness())) {
                steps.get(run).add(new long[] {s.step()});
                values.get(run).add(s.sharpness());
            }
        }, Math.max(1, training.steps()), cancel);
        if (!done) {
            return null;
        }
        List<Run> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            TrainSnapshot s = last.get(r);
            long[] st = steps.get(r).stream().mapToLong(a -> a[0]).toArray();
            double[] v = values.get(r).stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new Run(s.step(), s.trainLoss(), s.testLoss(), s.trainAccuracy(), s.testAccuracy(), s.lr(), s.diverged(),
                    st, v));
        }
        return new TrainingCurves(out);
    }
}
