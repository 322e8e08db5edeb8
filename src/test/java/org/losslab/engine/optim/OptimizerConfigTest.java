package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Defaults and names from the spec's optimizer table; torch's hyperparameter checks. */
class OptimizerConfigTest {

    @Test
    void defaultsAreTheSpecs() {
        assertEquals(new RmsProp.Config(0.01, 0.99, 1e-8, 0, false, 0), RmsProp.Config.defaults());
        assertEquals(new Adagrad.Config(0.01, 0, 1e-10, 0, 0), Adagrad.Config.defaults());
        assertEquals(new NAdam.Config(0.002, 0.9, 0.999, 1e-8, 0.004, 0), NAdam.Config.defaults());
        assertEquals(new Lbfgs.Config(1, 10, Lbfgs.LineSearch.NONE, 1e-7, 1e-9), Lbfgs.Config.defaults());
        assertEquals(new Newton.Config(1, 0, false), Newton.Config.defaults());
    }

    @Test
    void typesAndWithLr() {
        List<OptimizerConfig> all = List.of(RmsProp.Config.defaults(), Adagrad.Config.defaults(),
                NAdam.Config.defaults(), Lbfgs.Config.defaults(), Newton.Config.defaults());
        assertEquals(List.of("rmsprop", "adagrad", "nadam", "lbfgs", "newton"), all.stream().map(OptimizerConfig::type).toList());
        for (OptimizerConfig c : all) {
            OptimizerConfig d = c.withLr(0.123);
            assertEquals(0.123, d.lr());
            assertEquals(c.getClass(), d.getClass());
            assertEquals(c, d.withLr(c.lr()), "withLr changes nothing else");
        }
    }

    @Test
    void lineSearchNames() {
        assertEquals(Lbfgs.LineSearch.NONE, Lbfgs.LineSearch.of("none"));
        assertEquals(Lbfgs.LineSearch.STRONG_WOLFE, Lbfgs.LineSearch.of("strongWolfe"));
        assertEquals("strongWolfe", Lbfgs.LineSearch.STRONG_WOLFE.key());
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.LineSearch.of("strong_wolfe"));
    }

    @Test
    void torchsChecksNameTheKey() {
        assertRejects("lr", () -> new RmsProp.Config(-1, 0.99, 1e-8, 0, false, 0));
        assertRejects("alpha", () -> new RmsProp.Config(0.01, -0.1, 1e-8, 0, false, 0));
        assertRejects("momentum", () -> new RmsProp.Config(0.01, 0.99, 1e-8, -0.9, false, 0));
        assertRejects("lrDecay", () -> new Adagrad.Config(0.01, -1, 1e-10, 0, 0));
        assertRejects("initialAccumulatorValue", () -> new Adagrad.Config(0.01, 0, 1e-10, -1, 0));
        assertRejects("beta1", () -> new NAdam.Config(0.002, 1.0, 0.999, 1e-8, 0.004, 0));
        assertRejects("beta2", () -> new NAdam.Config(0.002, 0.9, Double.NaN, 1e-8, 0.004, 0));
        assertRejects("momentumDecay", () -> new NAdam.Config(0.002, 0.9, 0.999, 1e-8, -0.004, 0));
        assertRejects("weightDecay", () -> new NAdam.Config(0.002, 0.9, 0.999, 1e-8, 0.004, -1));
        assertRejects("historySize", () -> new Lbfgs.Config(1, 0, Lbfgs.LineSearch.NONE, 1e-7, 1e-9));
        assertRejects("lineSearch", () -> new Lbfgs.Config(1, 10, null, 1e-7, 1e-9));
        assertRejects("damping", () -> new Newton.Config(1, -1, false));
    }

    @Test
    void aBatchHasOneType() {
        assertThrows(IllegalArgumentException.class,
                () -> OptimizerConfig.create(2, 2, List.of(RmsProp.Config.defaults(), Adagrad.Config.defaults())));
        Optimizer perRun = OptimizerConfig.create(2, 3, List.of(Lbfgs.Config.defaults(), Lbfgs.Config.defaults()));
        assertInstanceOf(PerRun.class, perRun);
        assertFalse(perRun.needsHessian());
        assertTrue(OptimizerConfig.create(2, Newton.Config.defaults()).needsHessian());
    }

    private static void assertRejects(String key, Executable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertTrue(e.getMessage().startsWith(key + " "), e.getMessage());
    }
}
