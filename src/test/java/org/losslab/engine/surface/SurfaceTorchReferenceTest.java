package org.losslab.engine.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * f, ∇f and the Hessian of each closed-form surface against PyTorch autograd in float64, at points
 * recorded in {@code surface-reference.csv} by {@code src/test/python/surface_reference.py}. This
 * pins the functions themselves to the spec's formulas (the finite-difference test only shows that
 * each surface's derivatives agree with its own value).
 */
class SurfaceTorchReferenceTest {

    /** The case ids of the generating script and the surfaces they stand for. */
    private static final Map<String, Surface> CASES = Map.ofEntries(
            Map.entry("quadratic", Quadratic.defaults()),
            Map.entry("quadratic-k25-a30", new Quadratic(25, 30)),
            Map.entry("rosenbrock", new Rosenbrock(1, 100)),
            Map.entry("doubleWell", DoubleWell.defaults()),
            Map.entry("doubleWell-custom", new DoubleWell(-1, 0.5, 2, 0.5, 0.8, 0.7, 0.1)),
            Map.entry("saddle", Saddle.defaults()),
            Map.entry("saddle-quartic", new Saddle(0.5, 2, 1.5)),
            Map.entry("monkeySaddle", new MonkeySaddle()),
            Map.entry("beale", new Beale()),
            Map.entry("himmelblau", new Himmelblau()),
            Map.entry("rastrigin", Rastrigin.defaults()),
            Map.entry("ackley", new Ackley()),
            Map.entry("booth", new Booth()),
            Map.entry("sixHumpCamel", new SixHumpCamel()),
            Map.entry("styblinskiTang", new StyblinskiTang()),
            Map.entry("goldsteinPrice", new GoldsteinPrice()));

    @Test
    void everySurfaceAgreesWithTorchAutograd() throws IOException {
        List<String[]> rows = readRows();
        assertEquals(CASES.size() * 24, rows.size(), "rows in the reference");
        double[] g = new double[2], h = new double[3];
        for (String[] r : rows) {
            Surface s = CASES.get(r[0]);
            assertNotNull(s, "unknown case " + r[0]);
            double x = Double.parseDouble(r[1]), y = Double.parseDouble(r[2]);
            double[] want = new double[6];
            for (int k = 0; k < 6; k++) {
                want[k] = Double.parseDouble(r[3 + k]);
            }
            double f = s.valueAndGradient(x, y, 0, g);
            s.hessian(x, y, 0, h);
            double[] got = {f, g[0], g[1], h[0], h[1], h[2]};
            // Same math, different operation order: allow rounding relative to the largest number in
            // play for each order of derivative (a small gradient may be a difference of big terms).
            double fScale = Math.max(1, Math.abs(want[0]));
            double gScale = Math.max(1, Math.max(Math.abs(want[1]), Math.abs(want[2])));
            double hScale = Math.max(1, Math.max(Math.abs(want[3]), Math.max(Math.abs(want[4]), Math.abs(want[5]))));
            double[] tol = {1e-13 * fScale, 1e-12 * Math.max(gScale, hScale), 1e-12 * Math.max(gScale, hScale),
                    1e-11 * hScale, 1e-11 * hScale, 1e-11 * hScale};
            String[] names = {"f", "∂f/∂x", "∂f/∂y", "f_xx", "f_xy", "f_yy"};
            for (int k = 0; k < 6; k++) {
                assertEquals(want[k], got[k], tol[k], names[k] + " of " + r[0] + " at (" + x + ", " + y + ")");
            }
        }
    }

    private static List<String[]> readRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = SurfaceTorchReferenceTest.class.getResourceAsStream("surface-reference.csv")) {
            assertNotNull(in, "surface-reference.csv on the test classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals("case,x,y,f,gx,gy,hxx,hxy,hyy", reader.readLine());
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }
}
