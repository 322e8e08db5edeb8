package org.losslab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.random.Gaussian;
import org.losslab.io.Numbers;

/**
 * CMA-ES against a float64 reference written from Hansen's tutorial in NumPy
 * ({@code cmaes_reference.py} beside the CSVs in the test resources), fed the engine's own standard
 * normal draws ({@code cmaes-draws.csv}, which this class's {@link #main} writes): m, σ and every
 * entry of C after each generation agree to 1e-9 (relative to the entry's size). Also the defaults
 * of Table 1, determinism per seed, and that it needs no gradient.
 */
class CmaEsTest {
    private static final double TOL = 1e-9;

    /** The reference cases: name, n, population (0 default), σ₀, c_m, start, generations, seed. */
    private record Case(String name, int n, int population, double sigma0, double cm, double[] start, int generations,
                        long seed) {
        int lambda() {
            return new CmaEs.Config(cm, population, sigma0).lambda(n);
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("rosenbrock2", 2, 0, 0.5, 1.0, new double[] {-1.2, 1.0}, 30, 42),
            new Case("rosenbrock3", 3, 7, 0.3, 0.7, new double[] {0.5, -0.5, 1.5}, 20, 7));

    /** Chained Rosenbrock with b = 10 (as in the Python reference). */
    private static final Objective ROSENBROCK = new Objective() {
        @Override
        public double valueAndGradient(int run, double[] x, double[] grad) {
            double s = 0;
            for (int i = 0; i + 1 < x.length; i++) {
                s += (1 - x[i]) * (1 - x[i]) + 10 * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]);
            }
            // CMA-ES must not need the gradient: hand it garbage.
            java.util.Arrays.fill(grad, Double.NaN);
            return s;
        }

        @Override
        public void hessian(int run, double[] theta, double[] hess) {
            throw new AssertionError("CMA-ES asked for a Hessian");
        }
    };

    /** Writes cmaes-draws.csv (the engine's draws per case) into the given folder; the Python script reads it. */
    public static void main(String[] args) throws IOException {
        StringBuilder b = new StringBuilder("case,index,z\n");
        for (Case c : CASES) {
            Gaussian g = new Gaussian(c.seed);
            int count = c.generations * c.lambda() * c.n;
            for (int i = 0; i < count; i++) {
                b.append(c.name).append(',').append(i).append(',').append(Numbers.format(g.next())).append('\n');
            }
        }
        Files.writeString(Path.of(args.length > 0 ? args[0] : ".").resolve("cmaes-draws.csv"), b.toString());
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = CmaEsTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void theDrawsFileIsTheEnginesStream() throws IOException {
        Map<String, List<Double>> draws = new LinkedHashMap<>();
        for (String line : lines("cmaes-draws.csv").subList(1, lines("cmaes-draws.csv").size())) {
            String[] f = line.split(",");
            draws.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Numbers.parse(f[2]));
        }
        for (Case c : CASES) {
            Gaussian g = new Gaussian(c.seed);
            List<Double> z = draws.get(c.name);
            assertEquals(c.generations * c.lambda() * c.n, z.size(), c.name);
            for (double v : z) {
                assertEquals(v, g.next(), 0, c.name);
            }
        }
    }

    @Test
    void everyGenerationMatchesTheTutorialsEquationsInNumPy() throws IOException {
        Map<String, Double> ref = new LinkedHashMap<>();
        List<String> rows = lines("cmaes-reference.csv");
        assertEquals("case,generation,key,value", rows.get(0));
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",");
            ref.put(f[0] + "/" + f[1] + "/" + f[2], Numbers.parse(f[3]));
        }
        double worst = 0;
        int compared = 0;
        for (Case c : CASES) {
            CmaEs es = new CmaEs(c.n, new CmaEs.Config(c.cm, c.population, c.sigma0), c.seed);
            double[] theta = c.start.clone(), grad = new double[c.n];
            for (int g = 1; g <= c.generations; g++) {
                es.step(theta, grad, Double.NaN, c.cm, 0, ROSENBROCK);
                Map<String, Double> got = new LinkedHashMap<>();
                for (int i = 0; i < c.n; i++) {
                    got.put("m" + i, theta[i]);
                    for (int j = 0; j < c.n; j++) {
                        got.put("c" + i + j, es.covariance()[i * c.n + j]);
                    }
                }
                got.put("sigma", es.sigma());
                for (var e : got.entrySet()) {
                    Double want = ref.get(c.name + "/" + g + "/" + e.getKey());
                    assertTrue(want != null, c.name + " generation " + g + " " + e.getKey() + " missing");
                    double err = Math.abs(e.getValue() - want) / Math.max(1, Math.abs(want));
                    worst = Math.max(worst, err);
                    compared++;
                    assertEquals(want, e.getValue(), TOL * Math.max(1, Math.abs(want)), c.name + " generation " + g + " " + e.getKey());
                }
            }
        }
        assertEquals(ref.size(), compared, "every reference value compared");
        System.out.printf("CMA-ES: %d values, worst relative error %.3g%n", compared, worst);
    }

    @Test
    void defaultPopulationAndWeightsAreTable1s() {
        assertEquals(6, CmaEs.Config.defaults().lambda(2));
        assertEquals(7, CmaEs.Config.defaults().lambda(3));
        assertEquals(4 + (int) Math.floor(3 * Math.log(100)), CmaEs.Config.defaults().lambda(100));
        assertEquals(12, new CmaEs.Config(1, 12, 1).lambda(2));
        assertThrows(IllegalArgumentException.class, () -> new CmaEs.Config(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CmaEs.Config(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CmaEs.Config(1.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CmaEs.Config(1, 0, 0));
    }

    @Test
    void aSeedReplaysAndAnotherSeedSamplesOtherPoints() {
        double[] a = runFrom(11), b = runFrom(11), c = runFrom(12);
        assertEquals(a[0], b[0], 0);
        assertEquals(a[1], b[1], 0);
        assertNotEquals(a[0], c[0]);
    }

    private static double[] runFrom(long seed) {
        Optimizer o = OptimizerConfig.create(2, 1, List.of(CmaEs.Config.defaults()), new long[] {seed});
        double[] theta = {-1.2, 1}, grad = new double[2], loss = {0}, lr = {1};
        Objective obj = ROSENBROCK;
        for (int k = 0; k < 5; k++) {
            o.step(1, theta, grad, loss, lr, obj);
        }
        return theta;
    }

    @Test
    void findsTheMinimumOfRosenbrockAndShrinksItsSteps() {
        Optimizer o = OptimizerConfig.create(2, 1, List.of(CmaEs.Config.defaults()), new long[] {5});
        double[] theta = {-1.2, 1}, grad = new double[2], loss = {0}, lr = {1};
        for (int k = 0; k < 400; k++) {
            o.step(1, theta, grad, loss, lr, ROSENBROCK);
        }
        assertEquals(1, theta[0], 1e-6);
        assertEquals(1, theta[1], 1e-6);
        assertEquals(List.of("cmaes.sigma", "cmaes.c11", "cmaes.c12", "cmaes.c22"), o.channels());
        assertTrue(o.channel(0, 0) < 1e-5, "σ " + o.channel(0, 0));
        // Near the minimum C aligns with Rosenbrock's valley y ≈ 2x − 1: positive correlation.
        assertTrue(o.channel(2, 0) > 0, "C12 " + o.channel(2, 0));
        o.reset();
        assertEquals(0.5, o.channel(0, 0));
        assertEquals(1, o.channel(1, 0));
        assertEquals(0, o.channel(2, 0));
    }

    @Test
    void aBrokenCovarianceIsADivergenceNotAHang() {
        CmaEs es = new CmaEs(2, CmaEs.Config.defaults(), 1);
        double[] theta = {0, 0};
        Objective nan = new Objective() {
            @Override
            public double valueAndGradient(int run, double[] x, double[] g) {
                return Double.NaN;
            }

            @Override
            public void hessian(int run, double[] x, double[] h) {
            }
        };
        es.covariance()[0] = Double.POSITIVE_INFINITY;
        es.step(theta, new double[2], 0, 1, 0, nan);
        assertFalse(Double.isFinite(theta[0]));
    }

    @Test
    void symmetricRootsOfAnIllConditionedMatrix() {
        SymmetricRoots r = new SymmetricRoots(3);
        // C = Q·diag(1e-8, 1, 1e4)·Qᵀ for a rotation Q.
        double a = 0.3, b = -1.1;
        double[] q = {Math.cos(a), -Math.sin(a), 0, Math.sin(a) * Math.cos(b), Math.cos(a) * Math.cos(b), -Math.sin(b),
            Math.sin(a) * Math.sin(b), Math.cos(a) * Math.sin(b), Math.cos(b)};
        double[] d = {1e-8, 1, 1e4}, c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i * 3 + j] += q[i * 3 + k] * d[k] * q[j * 3 + k];
                }
            }
        }
        double[] s = new double[9], is = new double[9];
        assertTrue(r.compute(c, s, is));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double ss = 0, si = 0;
                for (int k = 0; k < 3; k++) {
                    ss += s[i * 3 + k] * s[k * 3 + j];
                    si += s[i * 3 + k] * is[k * 3 + j];
                }
                assertEquals(c[i * 3 + j], ss, 1e-11 * 1e4, "C^½·C^½");
                assertEquals(i == j ? 1 : 0, si, 1e-7, "C^½·C^−½");
            }
        }
        assertFalse(r.compute(new double[] {1, 2, 0, 2, 1, 0, 0, 0, 1}, s, is), "indefinite");
    }
}
