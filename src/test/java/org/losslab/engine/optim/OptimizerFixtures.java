package org.losslab.engine.optim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test objectives and the torch reference data of src/test/python/optim_reference.py. Each
 * objective is written operation for operation as the Python script writes it, so loss,
 * gradient and Hessian are bit-identical on both sides.
 */
final class OptimizerFixtures {
    private OptimizerFixtures() {
    }

    /** f = ½(A x² + 2B xy + C y²) + D x + E y: a rotated ill-conditioned bowl, κ ≈ 26. */
    private static final double A = 10.5, B = 9.5, C = 10.0, D = -1.0, E = 2.0;

    static final Objective QUAD2 = new Objective() {
        @Override
        public double valueAndGradient(int run, double[] p, double[] g) {
            double x = p[0], y = p[1];
            g[0] = A * x + B * y + D;
            g[1] = B * x + C * y + E;
            return 0.5 * (A * x * x + 2 * B * x * y + C * y * y) + D * x + E * y;
        }

        @Override
        public void hessian(int run, double[] p, double[] h) {
            h[0] = A;
            h[1] = B;
            h[2] = B;
            h[3] = C;
        }
    };

    /** f = Σ_i 100(x_{i+1} − x_i²)² + (1 − x_i)², the chained Rosenbrock function in any dimension. */
    static final Objective ROSEN = new Objective() {
        @Override
        public double valueAndGradient(int run, double[] p, double[] g) {
            int n = p.length;
            double f = 0.0;
            java.util.Arrays.fill(g, 0, n, 0.0);
            for (int i = 0; i < n - 1; i++) {
                double u = 1 - p[i];
                double v = p[i + 1] - p[i] * p[i];
                f = f + (100 * v * v + u * u);
                g[i] = g[i] + (-400 * p[i] * v - 2 * u);
                g[i + 1] = g[i + 1] + 200 * v;
            }
            return f;
        }

        @Override
        public void hessian(int run, double[] p, double[] h) {
            int n = p.length;
            java.util.Arrays.fill(h, 0, n * n, 0.0);
            for (int i = 0; i < n - 1; i++) {
                double v = p[i + 1] - p[i] * p[i];
                h[i * n + i] = h[i * n + i] + (2 - 400 * v + 800 * p[i] * p[i]);
                h[i * n + i + 1] = h[i * n + i + 1] - 400 * p[i];
                h[(i + 1) * n + i] = h[(i + 1) * n + i] - 400 * p[i];
                h[(i + 1) * n + i + 1] = h[(i + 1) * n + i + 1] + 200;
            }
        }
    };

    /** f = ½x² + 0.3xy − ½y² + ¼y⁴: a tilted saddle at the origin between two minima. */
    static final Objective SADDLE2 = new Objective() {
        @Override
        public double valueAndGradient(int run, double[] p, double[] g) {
            double x = p[0], y = p[1];
            g[0] = x + 0.3 * y;
            g[1] = 0.3 * x - y + y * y * y;
            return 0.5 * x * x + 0.3 * x * y - 0.5 * y * y + 0.25 * (y * y * y * y);
        }

        @Override
        public void hessian(int run, double[] p, double[] h) {
            double y = p[1];
            h[0] = 1.0;
            h[1] = 0.3;
            h[2] = 0.3;
            h[3] = -1 + 3 * y * y;
        }
    };

    static Objective objective(String name) {
        return switch (name) {
            case "quad2" -> QUAD2;
            case "rosen2", "rosen5" -> ROSEN;
            case "saddle2" -> SADDLE2;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Loss and gradient of runs 0..n−1 of a batch laid out as {@link Optimizer} says.
     *
     * @param theta the batch's parameters. Not modified.
     * @param grad  gradients, same layout. Modified.
     * @param loss  loss per run. Modified.
     */
    static void evaluate(Objective f, int dim, int stride, int n, double[] theta, double[] grad, double[] loss) {
        double[] p = new double[dim], g = new double[dim];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < dim; c++) {
                p[c] = theta[c * stride + r];
            }
            loss[r] = f.valueAndGradient(r, p, g);
            for (int c = 0; c < dim; c++) {
                grad[c * stride + r] = g[c];
            }
        }
    }

    /** The vector whose torch L1 norm l1sums.csv holds (optim_reference.py's l1_vector). */
    static double[] l1Vector(int n) {
        double[] scale = {0.01, 0.1, 1.0, 10.0, 100.0};
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 3 == 0 ? -1 : 1) * ((((long) i * 7919) % 1000 + 1) / 997.0) * scale[i % 5];
        }
        return x;
    }

    /** A row of cases.csv. */
    record Case(String name, String objective, String type, Map<String, String> params, double[] start) {
        OptimizerConfig config() {
            return OptimizerFixtures.config(type, params);
        }

        int dim() {
            return start.length;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A row of trajectories.csv: θ after update {@code step}, made with rate {@code lr}. */
    record Point(int step, double lr, double[] theta) {
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String[] row : csv("cases.csv")) {
            Map<String, String> params = new LinkedHashMap<>();
            for (String kv : row[3].split(";")) {
                String[] p = kv.split("=", 2);
                params.put(p[0], p[1]);
            }
            String[] s = row[4].split(";");
            double[] start = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                start[i] = Double.parseDouble(s[i]);
            }
            out.add(new Case(row[0], row[1], row[2], params, start));
        }
        return out;
    }

    /** The expected trajectory of a case, step 0 (the start) first. */
    static List<Point> trajectory(Case c) {
        List<Point> out = new ArrayList<>();
        for (String[] row : csv("trajectories.csv")) {
            if (!row[0].equals(c.name())) {
                continue;
            }
            double[] theta = new double[c.dim()];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = Double.parseDouble(row[3 + i]);
            }
            out.add(new Point(Integer.parseInt(row[1]), row[2].isEmpty() ? Double.NaN : Double.parseDouble(row[2]), theta));
        }
        return out;
    }

    /** Data rows of a CSV resource next to this class (no quoting in these files). */
    static List<String[]> csv(String name) {
        try (InputStream in = OptimizerFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The config of an optimizer from the spec's type and camelCase keys, defaults for the rest. */
    static OptimizerConfig config(String type, Map<String, String> p) {
        switch (type) {
            case "sgd": {
                Sgd.Config d = Sgd.Config.defaults();
                return new Sgd.Config(num(p, "lr", d.lr()), num(p, "momentum", d.momentum()),
                        num(p, "dampening", d.dampening()), bool(p, "nesterov", d.nesterov()),
                        num(p, "weightDecay", d.weightDecay()));
            }
            case "adam":
            case "adamw": {
                Adam.Config d = type.equals("adam") ? Adam.Config.adam() : Adam.Config.adamW();
                return new Adam.Config(num(p, "lr", d.lr()), num(p, "beta1", d.beta1()), num(p, "beta2", d.beta2()),
                        num(p, "eps", d.eps()), num(p, "weightDecay", d.weightDecay()), bool(p, "amsgrad", d.amsgrad()),
                        d.decoupled());
            }
            case "rmsprop": {
                RmsProp.Config d = RmsProp.Config.defaults();
                return new RmsProp.Config(num(p, "lr", d.lr()), num(p, "alpha", d.alpha()), num(p, "eps", d.eps()),
                        num(p, "momentum", d.momentum()), bool(p, "centered", d.centered()),
                        num(p, "weightDecay", d.weightDecay()));
            }
            case "adagrad": {
                Adagrad.Config d = Adagrad.Config.defaults();
                return new Adagrad.Config(num(p, "lr", d.lr()), num(p, "lrDecay", d.lrDecay()), num(p, "eps", d.eps()),
                        num(p, "initialAccumulatorValue", d.initialAccumulatorValue()),
                        num(p, "weightDecay", d.weightDecay()));
            }
            case "nadam": {
                NAdam.Config d = NAdam.Config.defaults();
                return new NAdam.Config(num(p, "lr", d.lr()), num(p, "beta1", d.beta1()), num(p, "beta2", d.beta2()),
                        num(p, "eps", d.eps()), num(p, "momentumDecay", d.momentumDecay()),
                        num(p, "weightDecay", d.weightDecay()));
            }
            case "lbfgs": {
                Lbfgs.Config d = Lbfgs.Config.defaults();
                return new Lbfgs.Config(num(p, "lr", d.lr()), (int) num(p, "historySize", d.historySize()),
                        p.containsKey("lineSearch") ? Lbfgs.LineSearch.of(p.get("lineSearch")) : d.lineSearch(),
                        num(p, "tolGrad", d.tolGrad()), num(p, "tolChange", d.tolChange()));
            }
            case "newton": {
                Newton.Config d = Newton.Config.defaults();
                return new Newton.Config(num(p, "lr", d.lr()), num(p, "damping", d.damping()),
                        bool(p, "saddleFree", d.saddleFree()));
            }
            default:
                throw new IllegalArgumentException(type);
        }
    }

    private static double num(Map<String, String> p, String key, double dflt) {
        return p.containsKey(key) ? Double.parseDouble(p.get(key)) : dflt;
    }

    private static boolean bool(Map<String, String> p, String key, boolean dflt) {
        return p.containsKey(key) ? Boolean.parseBoolean(p.get(key)) : dflt;
    }
}
