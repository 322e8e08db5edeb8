package org.losslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact Hessian-vector products match PyTorch's: the loss, the gradient and H·v of the mean loss
 * agree with torch.autograd's double backward in float64 to 1e-9 (cases made by hvp_reference.py
 * beside the JSON files: every activation and output, deep and shallow).
 */
class HessianVectorTorchReferenceTest {
    static final double TOL = 1e-9;

    static Stream<Path> cases() throws Exception {
        return TorchCases.list("hvp-.*\\.json", 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productMatchesAutogradDoubleBackward(Path file) throws Exception {
        JsonNode c = new ObjectMapper().readTree(file.toFile());
        Architecture arch = architecture(c);
        Dataset data = new Dataset(doubles(c.get("x1")), doubles(c.get("x2")), doubles(c.get("y")), c.get("classes").asInt());
        double[] theta = doubles(c.get("theta")), v = doubles(c.get("v"));
        assertEquals(arch.parameterCount(), theta.length, "θ in torch's parameters() order");
        HessianVector h = new HessianVector(arch, data);
        double[] grad = new double[theta.length], hv = new double[theta.length];
        double loss = h.product(theta, v, grad, hv);
        assertClose(c.get("loss").asDouble(), loss, "loss");
        double[] wantGrad = doubles(c.get("grad")), wantHv = doubles(c.get("hv"));
        for (int i = 0; i < theta.length; i++) {
            assertClose(wantGrad[i], grad[i], "gradient " + i);
            assertClose(wantHv[i], hv[i], "H·v " + i);
        }
    }

    static Architecture architecture(JsonNode c) {
        int classes = c.get("classes").asInt();
        List<Feature> features = new ArrayList<>();
        c.get("features").forEach(f -> features.add(Feature.of(f.asText())));
        int[] hidden = new int[c.get("hidden").size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = c.get("hidden").get(i).asInt();
        }
        Output out = Output.of(c.get("output").asText());
        return new Architecture(features, hidden, Activation.of(c.get("activation").asText()), out, out.units(classes), true);
    }

    static void assertClose(double want, double got, String what) {
        assertEquals(want, got, TOL * Math.max(1, Math.abs(want)), what);
    }

    static double[] doubles(JsonNode a) {
        return TorchCases.doubles(a);
    }
}
