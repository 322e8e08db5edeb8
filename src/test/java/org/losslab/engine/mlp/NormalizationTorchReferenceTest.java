package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.update.RunSettings;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.Typed;

/**
 * Batch and layer normalization match PyTorch float64 (cases made by norm_reference.py beside the
 * JSON files, a module of Linear → BatchNorm1d/LayerNorm → activation blocks): the training-mode
 * loss and gradient, the running statistics after one pass, the evaluation-mode loss, gradient and
 * outputs; and a full-batch training run: the evaluation-mode loss and gradient norm after every
 * update, the final weights and running statistics.
 */
class NormalizationTorchReferenceTest {
    static final double TOL = 1e-9;

    static Stream<Path> cases() throws Exception {
        return TorchCases.list("norm-.*\\.json", 5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void matchesPyTorch(Path file) throws Exception {
        JsonNode c = new ObjectMapper().readTree(file.toFile());
        int classes = c.get("classes").asInt();
        List<Feature> features = new ArrayList<>();
        c.get("features").forEach(f -> features.add(Feature.of(f.asText())));
        int[] hidden = new int[c.get("hidden").size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = c.get("hidden").get(i).asInt();
        }
        Output out = Output.of(c.get("output").asText());
        Architecture arch = new Architecture(features, hidden, Activation.of(c.get("activation").asText()), out,
                out.units(classes), true, new HiddenBlock(Normalization.of(c.get("normalization").asText()), 0));
        Dataset data = new Dataset(doubles(c.get("x1")), doubles(c.get("x2")), doubles(c.get("y")), classes);
        double[] initial = doubles(c.get("initial"));
        Examples ex = new Examples(arch, data);

        BlockNetwork net = new BlockNetwork(arch, 0);
        double[] g = new double[initial.length];
        net.train(true);
        net.beginUpdate();
        close(c.get("trainLoss").asDouble(), net.evaluate(initial, ex, null, 0, ex.n, g), "training-mode loss");
        closeAll(doubles(c.get("trainGrad")), g, "training-mode gradient");
        double[] stats = new double[net.runningStatisticsCount()];
        net.runningStatistics(stats);
        closeAll(doubles(c.get("runningAfterOne")), stats, "running statistics after one pass");
        net.train(false);
        close(c.get("evalLoss").asDouble(), net.evaluate(initial, ex, null, 0, ex.n, g), "evaluation-mode loss");
        closeAll(doubles(c.get("evalGrad")), g, "evaluation-mode gradient");
        if (out == Output.LINEAR && arch.outputs() == 1) {
            double[] y = new double[ex.n];
            net.predict(initial, ex.n, doubles(c.get("x1")), doubles(c.get("x2")), y);
            closeAll(doubles(c.get("evalOutput")), y, "evaluation-mode outputs");
        }

        Map<String, Object> opt = new ObjectMapper().convertValue(c.get("optimizer"), Map.class);
        String type = (String) opt.remove("type");
        RunSettings run = RunSettings.of(OptimizerCatalog.build(new Typed(type, opt)));
        int steps = c.get("steps").asInt();
        Dataset none = new Dataset(new double[0], new double[0], new double[0], classes);
        Trainer t = new Training(arch, new DataSpec.Split(data, none), initial, steps, 0, List.of(run)).trainer(0);
        double[] loss = doubles(c.get("loss")), gradNorm = doubles(c.get("gradNorm"));
        for (int k = 0; k <= steps; k++) {
            TrainSnapshot s = t.snapshot();
            close(loss[k], s.trainLoss(), "evaluation-mode loss at step " + k);
            close(gradNorm[k], s.gradNorm(), "evaluation-mode gradient norm at step " + k);
            t.step(1);
        }
        t.reset();
        t.step(steps);
        double[] want = doubles(c.get("final")), got = t.weights();
        for (int i = 0; i < want.length; i++) {
            if (arch.block().normalization() == Normalization.BATCH && feedsBatchNorm(arch, i)) {
                // A bias just before batch normalization has a gradient of rounding noise only (the batch
                // mean cancels it); Adam turns that noise into steps of up to lr·1e-17/ε, so both sides
                // wander apart by up to about 1e-9 absolute however exact each step is.
                assertEquals(want[i], got[i], 1e-7, "final weight " + i + " (bias before batch norm)");
            } else {
                close(want[i], got[i], "final weight " + i);
            }
        }
        // The running means carry those biases too (the variances do not).
        double[] wantStats = doubles(c.get("finalRunning")), gotStats = t.runningStatistics();
        assertEquals(wantStats.length, gotStats.length);
        for (int i = 0; i < wantStats.length; i++) {
            assertEquals(wantStats[i], gotStats[i], 1e-7, "final running statistic " + i);
        }
    }

    /** Is θ_i the bias of a hidden layer (whose output batch normalization centres)? */
    private static boolean feedsBatchNorm(Architecture arch, int i) {
        for (int l = 0; l < arch.layerCount() - 1; l++) {
            int b = arch.biasOffset(l);
            if (i >= b && i < b + arch.unitsOf(l)) {
                return true;
            }
        }
        return false;
    }

    private static void close(double want, double got, String what) {
        assertEquals(want, got, TOL * Math.max(1, Math.abs(want)), what);
    }

    private static void closeAll(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            close(want[i], got[i], what + " [" + i + "]");
        }
    }

    private static double[] doubles(JsonNode a) {
        return TorchCases.doubles(a);
    }
}
