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
 * Training matches PyTorch: from the same data and initial weights, the training loss and gradient
 * norm after every full-batch update, and the final weights, agree with torch.nn + torch.optim in
 * float64 (cases made by torch_mlp_reference.py beside the JSON files: every activation and output,
 * SAM, clipping, weight decay, L-BFGS with strong Wolfe).
 */
class MlpTorchReferenceTest {
    static final double TOL = 1e-9;

    static Stream<Path> cases() throws Exception {
        return TorchCases.list("mlp-.*\\.json", 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void everyStepMatchesPyTorch(Path file) throws Exception {
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
                out.units(classes), true);
        Dataset data = new Dataset(doubles(c.get("x1")), doubles(c.get("x2")), doubles(c.get("y")), classes);
        Dataset none = new Dataset(new double[0], new double[0], new double[0], classes);
        Map<String, Object> opt = new ObjectMapper().convertValue(c.get("optimizer"), Map.class);
        String type = (String) opt.remove("type");
        RunSettings run = RunSettings.of(OptimizerCatalog.build(new Typed(type, opt))).withSamRho(c.get("samRho").asDouble())
                .withClipNorm(c.get("clipNorm").isNull() ? Double.POSITIVE_INFINITY : c.get("clipNorm").asDouble());
        int steps = c.get("steps").asInt();
        Training training = new Training(arch, new DataSpec.Split(data, none), doubles(c.get("initial")), steps, 0, List.of(run));
        Trainer t = training.trainer(0);
        double[] loss = doubles(c.get("loss")), gradNorm = doubles(c.get("gradNorm"));
        for (int k = 0; k <= steps; k++) {
            TrainSnapshot s = t.snapshot();
            assertClose(loss[k], s.trainLoss(), "loss at step " + k);
            assertClose(gradNorm[k], s.gradNorm(), "grad norm at step " + k);
            t.step(1);
        }
        double[] want = doubles(c.get("final"));
        t.reset();
        t.step(steps);
        double[] got = t.weights();
        for (int i = 0; i < want.length; i++) {
            assertClose(want[i], got[i], "final weight " + i);
        }
    }

    private static void assertClose(double want, double got, String what) {
        assertEquals(want, got, TOL * Math.max(1, Math.abs(want)), what);
    }

    private static double[] doubles(JsonNode a) {
        return TorchCases.doubles(a);
    }
}
