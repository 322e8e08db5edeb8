package org.losslab.format.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Cancellation;
import org.losslab.engine.sim.Trajectory;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;
import org.losslab.format.SurfaceCatalog;

/**
 * Every scenario in sample-landscapes/ loads, survives a save and reload unchanged, runs, keeps its
 * surviving runs in view, and tells the story its description tells: each story's claim is checked
 * on the trajectories the app would draw.
 */
class SampleLandscapesTest {
    private static final Path DIR = Path.of("sample-landscapes");

    /** The story samples whose runs were tuned to stay in view (diverging runs excepted). */
    private static final List<String> STORIES = List.of(
            "ackley-funnel.json",
            "basins-of-attraction.json",
            "beale-plateau.json",
            "cmaes-rastrigin-population.json",
            "cosine-vs-exponential.json",
            "default.json",
            "float16-stalls-in-a-shallow-valley.json",
            "gradient-clipping.json",
            "ill-conditioned-valley.json",
            "minibatch-noise.json",
            "momentum-overshoot.json",
            "monkey-saddle.json",
            "newton-finds-the-maximum.json",
            "non-smooth-kink.json",
            "rastrigin-ripples.json",
            "saddle-escape.json",
            "sharp-vs-flat-minima.json",
            "stability-edge.json",
            "warmup-early-curvature.json",
            "clip-value-vs-norm.json",
            "adam-l2-vs-adamw.json",
            "asam-scale-invariance.json",
            "swa-averages-the-noise.json",
            "es-smooths-ripples.json");

    /** The scenario files (other file kinds in the folder, such as sweeps, have their own tests). */
    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> Scenario.FORMAT.equals(topLevelFormat(p)))
                    .sorted().toList().stream();
        }
    }

    /** The file's own "format" (sweep and escape specs embed a scenario with its format inside). */
    private static String topLevelFormat(Path p) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(read(p)).path("format").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void loadsSavesAndReloadsEqual(Path file, @TempDir Path tmp) throws Exception {
        Scenario s = ScenarioReader.read(file);
        assertFalse(s.title().isBlank(), "title");
        assertFalse(s.description().isBlank(), "description");
        Path copy = tmp.resolve("copy.json");
        ScenarioWriter.write(s, copy);
        assertEquals(s, ScenarioReader.read(copy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void runsWithoutException(Path file) throws Exception {
        Scenario s = ScenarioReader.read(file);
        List<Trajectory> runs = s.simulation().run(Runnable::run, Cancellation.NEVER);
        assertEquals(s.runs().size(), runs.size());
    }

    static Stream<String> stories() {
        return STORIES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stories")
    void storyRunsStayInView(String name) throws Exception {
        Scenario s = ScenarioReader.read(DIR.resolve(name));
        Surface surface = s.buildSurface();
        Window w = s.viewOrDefault(surface);
        List<Trajectory> runs = s.simulation(surface).run(Runnable::run, Cancellation.NEVER);
        assertEquals(s.runs().size(), runs.size());
        for (int r = 0; r < runs.size(); r++) {
            Trajectory t = runs.get(r);
            assertTrue(t.size() >= 2, "run " + r + " made no update");
            if (t.diverged()) {
                continue;
            }
            assertEquals(s.steps() + 1, t.size(), "run " + r);
            for (int k = 0; k < t.size(); k++) {
                double x = t.x(k), y = t.y(k);
                assertTrue(x >= w.xMin() && x <= w.xMax() && y >= w.yMin() && y <= w.yMax(),
                        s.labels().get(r) + " leaves the view at step " + k + ": (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void enoughSamplesAndEverySurfaceHasOne() throws Exception {
        List<Path> files = scenarios().toList();
        assertTrue(files.size() >= 14, "only " + files.size() + " samples");
        Set<String> types = new HashSet<>();
        for (Path f : files) {
            types.add(ScenarioReader.read(f).surface().type());
        }
        assertTrue(types.containsAll(SurfaceCatalog.types()), "no sample for " + SurfaceCatalog.types().stream()
                .filter(t -> !types.contains(t)).toList());
        assertTrue(Files.exists(DIR.resolve("default.json")));
    }

    // --- The stories. ---

    private record Outcome(Scenario scenario, List<Trajectory> runs) {
        Trajectory run(int i) {
            return runs.get(i);
        }

        double finalLoss(int i) {
            Trajectory t = runs.get(i);
            return t.loss(t.size() - 1);
        }

        double finalX(int i) {
            Trajectory t = runs.get(i);
            return t.x(t.size() - 1);
        }

        double finalY(int i) {
            Trajectory t = runs.get(i);
            return t.y(t.size() - 1);
        }

        double finalGradNorm(int i) {
            Trajectory t = runs.get(i);
            return t.gradNorm(t.size() - 1);
        }

        double distanceFinal(int i, double x, double y) {
            return Math.hypot(finalX(i) - x, finalY(i) - y);
        }

        /** Path length of run i over its last m updates. */
        double lastTravel(int i, int m) {
            Trajectory t = runs.get(i);
            double d = 0;
            for (int k = t.size() - m; k < t.size(); k++) {
                d += Math.hypot(t.x(k) - t.x(k - 1), t.y(k) - t.y(k - 1));
            }
            return d;
        }

        /** Root-mean-square distance of run i's last m points from their mean. */
        double spread(int i, int m) {
            Trajectory t = runs.get(i);
            double mx = 0, my = 0;
            for (int k = t.size() - m; k < t.size(); k++) {
                mx += t.x(k) / m;
                my += t.y(k) / m;
            }
            double s = 0;
            for (int k = t.size() - m; k < t.size(); k++) {
                s += ((t.x(k) - mx) * (t.x(k) - mx) + (t.y(k) - my) * (t.y(k) - my)) / m;
            }
            return Math.sqrt(s);
        }

        void finite(int... rs) {
            for (int r : rs) {
                assertFalse(runs.get(r).diverged(), scenario.labels().get(r) + " diverged");
            }
        }
    }

    private static Outcome run(String name) throws Exception {
        Scenario s = ScenarioReader.read(DIR.resolve(name));
        List<Trajectory> runs = s.simulation().run(Runnable::run, Cancellation.NEVER);
        assertNotNull(runs);
        return new Outcome(s, runs);
    }

    @Test
    void defaultRaceReachesTheMinimum() throws Exception {
        Outcome o = run("default.json");
        o.finite(0, 1, 2, 3);
        assertTrue(o.scenario().runs().size() >= 3 && o.scenario().runs().size() <= 4);
        assertTrue(o.finalLoss(3) < 1e-6, "L-BFGS reaches (1, 1)");
        assertTrue(o.finalLoss(1) < 1e-2, "Adam nearly there");
        assertTrue(o.finalLoss(0) > o.finalLoss(1), "momentum still crawling along the floor");
    }

    @Test
    void illConditionedValleyGradientDescentZigZagsAndMomentumWins() throws Exception {
        Outcome o = run("ill-conditioned-valley.json");
        o.finite(0, 1, 2);
        // The coordinate across the valley, v = −x sin θ + y cos θ (θ = 30°), flips sign every step.
        Trajectory gd = o.run(0);
        double s = Math.sin(Math.toRadians(30)), c = Math.cos(Math.toRadians(30));
        for (int k = 1; k < 10; k++) {
            double v0 = -gd.x(k - 1) * s + gd.y(k - 1) * c, v1 = -gd.x(k) * s + gd.y(k) * c;
            assertTrue(v0 * v1 < 0, "zig-zag at step " + k);
        }
        assertTrue(o.finalLoss(1) < o.finalLoss(0) / 1000, "momentum far ahead of gradient descent");
    }

    @Test
    void stabilityEdgeBelowConvergesAboveDiverges() throws Exception {
        Outcome o = run("stability-edge.json");
        o.finite(0);
        assertTrue(o.finalLoss(0) < 1e-20);
        assertTrue(o.run(1).diverged(), "lr above 2/λ diverges");
    }

    @Test
    void momentumOvershootsAndGradientDescentDoesNot() throws Exception {
        Outcome o = run("momentum-overshoot.json");
        o.finite(0, 1, 2);
        Trajectory gd = o.run(0), hb = o.run(1), nag = o.run(2);
        double hbMax = Double.NEGATIVE_INFINITY, nagMax = Double.NEGATIVE_INFINITY;
        boolean hbRises = false;
        for (int k = 1; k < gd.size(); k++) {
            assertTrue(gd.loss(k) <= gd.loss(k - 1), "gradient descent's loss never rises");
            assertTrue(gd.x(k) <= 1 + 1e-9, "gradient descent never passes x = 1");
            hbRises |= hb.loss(k) > hb.loss(k - 1);
            hbMax = Math.max(hbMax, hb.x(k));
            nagMax = Math.max(nagMax, nag.x(k));
        }
        assertTrue(hbRises, "heavy ball's loss goes up on the way");
        assertTrue(hbMax > 3, "heavy ball sails past the minimum at x = 1");
        assertTrue(nagMax < hbMax, "Nesterov overshoots less");
    }

    @Test
    void saddleGradientDescentStallsOthersEscapeNewtonIsAttracted() throws Exception {
        Outcome o = run("saddle-escape.json");
        o.finite(0, 1, 2, 3, 4);
        assertTrue(o.finalLoss(0) > -0.01, "gradient descent still at the saddle");
        for (int r = 1; r <= 3; r++) {
            assertTrue(o.finalLoss(r) < -0.2, o.scenario().labels().get(r) + " reaches a valley");
        }
        assertTrue(o.distanceFinal(4, 0, 0) < 1e-9, "Newton sits on the saddle");
    }

    @Test
    void sharpVersusFlatMinima() throws Exception {
        Outcome o = run("sharp-vs-flat-minima.json");
        o.finite(0, 1, 2, 3, 4);
        assertTrue(o.finalX(0) < -1, "small-lr gradient descent stays in the sharp well");
        assertTrue(o.finalX(1) > 0.5, "lr above 2/λ of the sharp well ends in the flat well");
        assertTrue(o.finalX(2) > 0.5, "Langevin noise ends in the flat well");
        assertTrue(o.finalX(3) < -1, "SAM in the sharp well stays near it");
        assertTrue(o.finalLoss(3) > o.finalLoss(0) + 0.05, "but bounces above its bottom");
        assertTrue(Math.abs(o.finalLoss(4) - o.finalLoss(1)) < 1e-3, "SAM settles at the flat minimum");
    }

    @Test
    void warmupSurvivesWhereNoWarmupDiverges() throws Exception {
        Outcome o = run("warmup-early-curvature.json");
        assertTrue(o.run(0).diverged(), "no warmup diverges");
        o.finite(1, 2);
        assertTrue(o.finalLoss(1) < 1e-6, "warmup converges");
        assertTrue(o.finalLoss(2) > 0.01, "the small constant rate crawls");
    }

    @Test
    void cosineAndExponentialEndInDifferentBasins() throws Exception {
        Outcome o = run("cosine-vs-exponential.json");
        o.finite(0, 1);
        // Styblinski–Tang's four minima sit at x, y ∈ {−2.90, 2.75}: the quadrant names the basin.
        for (int r = 0; r < 2; r++) {
            assertTrue(o.finalGradNorm(r) < 1e-3, "run " + r + " ends at a minimum");
        }
        assertNotEquals(Math.signum(o.finalX(0)) + 2 * Math.signum(o.finalY(0)),
                Math.signum(o.finalX(1)) + 2 * Math.signum(o.finalY(1)));
        assertTrue(o.finalLoss(0) < o.finalLoss(1), "the cosine run ends deeper");
    }

    @Test
    void newtonClimbsOntoTheMaximum() throws Exception {
        Outcome o = run("newton-finds-the-maximum.json");
        o.finite(0, 1, 2);
        assertTrue(o.finalLoss(0) > 180 && o.finalGradNorm(0) < 1e-9, "Newton at Himmelblau's maximum (181.6)");
        assertTrue(o.finalLoss(1) < 1e-10 && o.finalLoss(2) < 1e-10, "the others at a minimum");
    }

    @Test
    void smallerMinibatchesJitterMore() throws Exception {
        Outcome o = run("minibatch-noise.json");
        o.finite(0, 1, 2);
        assertTrue(o.spread(0, 100) < 1e-3, "full batch is all but still");
        assertTrue(o.spread(1, 100) > 0.02, "batch of 8 jitters");
        assertTrue(o.spread(2, 100) > 2 * o.spread(1, 100), "batch of 1 jitters more");
    }

    @Test
    void clippingSurvivesTheCliffs() throws Exception {
        Outcome o = run("gradient-clipping.json");
        assertTrue(o.run(0).diverged(), "unclipped SGD blows up");
        o.finite(1, 2);
        assertTrue(o.finalLoss(1) < 40 && o.finalLoss(2) < 40, "both reach the local minimum of 30");
    }

    @Test
    void clipValueBendsThePathClipNormDoesNot() throws Exception {
        Outcome o = run("clip-value-vs-norm.json");
        o.finite(0, 1, 2);
        Trajectory sgd = o.run(0), norm = o.run(1), value = o.run(2);
        // Early steps: norm clipping keeps SGD's direction, value clipping steps along the diagonal.
        double dirSgd = Math.atan2(sgd.y(1) - sgd.y(0), sgd.x(1) - sgd.x(0));
        assertEquals(dirSgd, Math.atan2(norm.y(1) - norm.y(0), norm.x(1) - norm.x(0)), 1e-12);
        assertEquals(0.02, value.x(1) - value.x(0), 1e-12);
        assertEquals(-0.02, value.y(1) - value.y(0), 1e-12);
        assertTrue(o.finalLoss(2) < 1e-2 && o.finalLoss(1) < 0.1, "both reach the bottom");
    }

    @Test
    void adamWIsNotAdamPlusL2() throws Exception {
        Outcome o = run("adam-l2-vs-adamw.json");
        o.finite(0, 1, 2, 3);
        assertTrue(o.distanceFinal(0, 2, 1.5) < 1e-9, "Adam: the data's minimum");
        assertTrue(o.distanceFinal(1, 1, 15.0 / 11) < 1e-9, "Adam + L2: the penalized minimum");
        assertTrue(o.distanceFinal(2, 1, 1) < 0.1 && o.distanceFinal(2, 1, 15.0 / 11) > 0.3, "AdamW: toward (1, 1)");
        assertTrue(o.distanceFinal(3, 1, 1.4) < 1e-6, "SGD + L1: soft thresholding");
    }

    @Test
    void asamDriftsLessAlongTheRescalingValley() throws Exception {
        Outcome o = run("asam-scale-invariance.json");
        o.finite(0, 1, 2);
        assertTrue(o.distanceFinal(0, 3.5, 0.285) < 0.01, "GD stops where it meets the valley");
        assertTrue(o.distanceFinal(1, 1, 1) < 0.05, "SAM slides to the balanced minimum");
        assertTrue(o.finalX(2) > 2 && o.finalLoss(2) < 0.01, "ASAM stays far from it, still in the valley");
    }

    @Test
    void lookaheadConvergesWhereItsFastStepsAreUnstable() throws Exception {
        Outcome o = run("lookahead-jumps-back.json");
        assertTrue(Math.abs(o.run(0).y(60)) > 50, "SGD zigzags out");
        assertTrue(o.finalLoss(1) < 1e-3, "Lookahead's slow weights converge: " + o.finalLoss(1));
        Trajectory la = o.run(1);
        int sx = la.channel("lookahead.x");
        assertEquals(la.x(10), la.channel(sx, 10), "the jump back lands on φ");
    }

    @Test
    void swaAverageSitsNearTheMinimumTheIterateJittersAround() throws Exception {
        Outcome o = run("swa-averages-the-noise.json");
        o.finite(0, 1);
        Trajectory t = o.run(0);
        int ax = t.channel("swa.x"), ay = t.channel("swa.y");
        double mx = o.finalX(1), my = o.finalY(1);
        double average = Math.hypot(t.channel(ax, 600) - mx, t.channel(ay, 600) - my);
        double iterate = 0;
        for (int k = 300; k <= 600; k++) {
            iterate += Math.hypot(t.x(k) - mx, t.y(k) - my) / 301;
        }
        assertTrue(average < iterate / 4, "average " + average + " from the minimum, iterates " + iterate + " on average");
    }

    @Test
    void esWithABroadPopulationSeesPastTheRipples() throws Exception {
        Outcome o = run("es-smooths-ripples.json");
        o.finite(0, 1, 2);
        assertTrue(o.finalLoss(0) > 15 && o.finalLoss(1) > 15, "exact and narrow ES stay in the dimple by the start");
        assertTrue(o.distanceFinal(2, 0, 0) < 0.3, "σ = 0.8 reaches the global basin");
        assertTrue(o.run(2).channel("es.x19") >= 0, "the population of 20 is drawn");
    }

    @Test
    void float16StallsAndMasterWeightsRescueIt() throws Exception {
        Outcome o = run("float16-stalls-in-a-shallow-valley.json");
        o.finite(0, 1, 2, 3);
        Trajectory f16 = o.run(1);
        int stalled = f16.channel("precision.stalled");
        long steps = f16.size() - 1;
        double lostUpdates = f16.channel(stalled, f16.size() - 1);
        assertTrue(o.finalLoss(0) < 1e-3, "float64 reaches the minimum");
        assertTrue(o.finalLoss(1) > 100 * o.finalLoss(0), "float16 stops far from it");
        assertTrue(lostUpdates > steps / 2, "most of float16's updates are lost");
        assertEquals(0, o.lastTravel(1, 1000), "and it no longer moves at all");
        assertTrue(o.finalLoss(2) < 2 * o.finalLoss(0) + 1e-6, "master weights reach the minimum as float64 does");
        assertTrue(o.finalLoss(3) < 2 * o.finalLoss(0) + 1e-5, "bfloat16 with master weights too");
        Trajectory m = o.run(2);
        assertTrue(m.channel(m.channel("precision.stalled"), m.size() - 1) > 0,
                "the model holds still for some updates while the master copy adds them up");
    }

    @Test
    void kinkNeedsADecayingStep() throws Exception {
        Outcome o = run("non-smooth-kink.json");
        o.finite(0, 1);
        assertTrue(o.finalLoss(0) > 0.1, "constant lr chatters");
        assertTrue(o.finalLoss(1) < 1e-3, "cosine settles");
    }

    @Test
    void noiseGetsPastRastriginsRipples() throws Exception {
        Outcome o = run("rastrigin-ripples.json");
        o.finite(0, 1, 2);
        assertTrue(o.finalGradNorm(0) < 1e-3 && o.finalLoss(0) > 20, "gradient descent stuck in a dimple");
        assertTrue(o.finalLoss(1) < o.finalLoss(0) / 2, "the noisy run ends much lower");
        assertTrue(o.distanceFinal(2, o.finalX(0), o.finalY(0)) < 0.1, "NAdam caught in the same dimple");
    }

    @Test
    void cmaesPopulationLooksPastRastrigensRipples() throws Exception {
        Outcome o = run("cmaes-rastrigin-population.json");
        o.finite(0, 1, 2, 3);
        for (int r : new int[] {0, 1}) {
            assertTrue(o.finalLoss(r) > 15 && o.distanceFinal(r, 3, -3) < 0.1, o.scenario().labels().get(r) + " stays in the dimple by the start");
        }
        assertTrue(o.finalLoss(2) > 1 && o.finalLoss(2) < o.finalLoss(0) / 2, "λ = 6 gets part of the way in, then freezes");
        assertTrue(o.distanceFinal(3, 0, 0) < 1e-6, "λ = 40 reaches the global minimum");
        // The drawn ellipse: σ first grows (the population feels the bowl), then the ellipse collapses onto the minimum.
        Trajectory big = o.run(3);
        int sigma = big.channel("cmaes.sigma");
        assertEquals(2.0, big.channel(sigma, 0));
        double peak = 0;
        for (int k = 0; k < 20; k++) {
            peak = Math.max(peak, big.channel(sigma, k));
        }
        assertTrue(peak > 2.5, "σ widens first: " + peak);
        // The sampling variance σ²C (σ alone need not shrink: with 40 samples in 2-D, C learns the scale too).
        int last = big.size() - 1;
        double spread = Math.pow(big.channel(sigma, last), 2) * Math.max(big.channel(sigma + 1, last), big.channel(sigma + 3, last));
        assertTrue(spread < 1e-12, "then collapses onto the minimum: " + spread);
        assertEquals(-1, o.run(0).channel("cmaes.sigma"), "gradient runs report no ellipse");
    }

    @Test
    void monkeySaddleFixedRateIsNotAFixedStep() throws Exception {
        Outcome o = run("monkey-saddle.json");
        assertTrue(o.run(0).diverged(), "gradient descent is flung off");
        o.finite(1, 2);
        assertTrue(o.lastTravel(1, 10) > o.lastTravel(2, 10), "Adam keeps its pace, Adagrad slows");
    }

    @Test
    void bealeAdamCrossesThePlateau() throws Exception {
        Outcome o = run("beale-plateau.json");
        o.finite(0, 1, 2);
        assertTrue(o.distanceFinal(1, 3, 0.5) < 0.05, "Adam reaches (3, 0.5)");
        assertTrue(o.distanceFinal(0, 3, 0.5) > 0.2, "SGD + momentum dawdles");
        assertTrue(Math.hypot(o.finalX(2), o.finalY(2)) < Math.hypot(o.finalX(1), o.finalY(1)),
                "AdamW stops short, nearer the origin");
    }

    @Test
    void ackleyMomentumRollsIntoTheFunnel() throws Exception {
        Outcome o = run("ackley-funnel.json");
        o.finite(0, 1, 2);
        assertTrue(o.finalLoss(1) < 1e-4, "heavy ball reaches the origin");
        assertTrue(o.finalLoss(0) > 1 && o.finalLoss(2) > 1, "the others caught by bumps");
    }

    @Test
    void sixHumpCamelStartDecides() throws Exception {
        Outcome o = run("basins-of-attraction.json");
        o.finite(0, 1, 2, 3);
        assertTrue(o.finalLoss(0) < -1.03 && o.finalLoss(1) < -1.03, "two global minima");
        assertTrue(o.finalLoss(2) > -0.5 && o.finalLoss(3) > -0.5, "two side pockets");
        Set<String> ends = new HashSet<>();
        for (int r = 0; r < 4; r++) {
            ends.add(Math.round(o.finalX(r) * 100) + "," + Math.round(o.finalY(r) * 100));
        }
        assertEquals(4, ends.size(), "four different minima");
    }

    // ---- training samples (losslab-train/1): each tells its story on the curves the trainer draws ----

    /** Every snapshot of every run of a training sample, in step order. */
    record Trained(org.losslab.format.train.TrainConfig config, org.losslab.engine.mlp.Training training,
                   List<List<org.losslab.engine.mlp.TrainSnapshot>> runs) {
        List<org.losslab.engine.mlp.TrainSnapshot> run(int r) {
            return runs.get(r);
        }

        org.losslab.engine.mlp.TrainSnapshot last(int r) {
            return runs.get(r).get(runs.get(r).size() - 1);
        }

        /** The measured sharpness of run r from step {@code from} on, each divided by its 2/lr. */
        double[] sharpnessOverLimit(int r, long from) {
            return run(r).stream().filter(s -> s.step() >= from && s.step() > 0 && Double.isFinite(s.sharpness()))
                    .mapToDouble(s -> s.sharpness() / (2 / s.lr())).toArray();
        }
    }

    static Trained train(String name, long every) throws Exception {
        var config = org.losslab.format.train.TrainConfigReader.read(DIR.resolve(name));
        assertFalse(config.title().isBlank(), name + ": title");
        assertFalse(config.description().isBlank(), name + ": description");
        var training = config.training();
        List<List<org.losslab.engine.mlp.TrainSnapshot>> runs = new java.util.ArrayList<>();
        for (int r = 0; r < training.runs().size(); r++) {
            runs.add(new java.util.ArrayList<>());
        }
        assertTrue(training.run((r, s) -> runs.get(r).add(s), every, Cancellation.NEVER));
        return new Trained(config, training, runs);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    @Test
    void bfloat16LosesSmallUpdatesAndMasterWeightsKeepThem() throws Exception {
        Trained t = train("mlp-bfloat16-lost-updates.json", 3000);
        double f64 = t.last(0).trainLoss(), bf16 = t.last(1).trainLoss(), f16 = t.last(2).trainLoss();
        assertTrue(bf16 > 3 * f64, "bfloat16 stalls well above float64: " + bf16 + " vs " + f64);
        assertTrue(f16 < bf16 && f16 > f64, "float16 trains partway: " + f16);
        assertTrue(t.last(3).trainLoss() < 1.05 * f64, "master weights train like float64: " + t.last(3).trainLoss());
        var first = t.run(1).get(0);
        int unchanged = 0;
        for (int i = 0; i < first.weightCount(); i++) {
            unchanged += first.weight(i) == t.last(1).weight(i) ? 1 : 0;
        }
        assertTrue(unchanged > 0.4 * first.weightCount(), "about half the bfloat16 weights never change: " + unchanged + " of "
                + first.weightCount());
    }

    @Test
    void networkSharpnessRisesToTwoOverEtaAndHovers() throws Exception {
        Trained t = train("mlp-edge-of-stability.json", 25);
        for (int r = 0; r < 2; r++) {
            assertFalse(t.last(r).diverged(), "run " + r);
        }
        // η = 0.5: far below 2/η at first, then progressive sharpening up to the edge.
        double start = t.run(0).get(0).sharpness(), edge = 2 / 0.5;
        assertTrue(start < 0.4 * edge, "starts well below 2/η: " + start);
        double[] late = t.sharpnessOverLimit(0, 1000);
        assertTrue(Math.abs(median(late) - 1) < 0.1, "hovers at 2/η from step 1000: median λ/(2/η) " + median(late));
        double[] lateFast = t.sharpnessOverLimit(1, 1000);
        assertTrue(Math.abs(median(lateFast) - 1) < 0.1, "η = 2 sits at its own limit: " + median(lateFast));
        // At the edge the loss still falls over the long run, though not monotonically.
        List<org.losslab.engine.mlp.TrainSnapshot> slow = t.run(0);
        assertTrue(t.last(0).trainLoss() < 0.2 * slow.get(0).trainLoss(), "the loss keeps falling: " + t.last(0).trainLoss());
        boolean rose = false;
        for (int k = 1; k < slow.size(); k++) {
            rose |= slow.get(k).trainLoss() > slow.get(k - 1).trainLoss() * 1.05;
        }
        assertTrue(rose, "non-monotone: the loss spikes where the sharpness overshoots");
    }

    @Test
    void whiteningMakesStretchedInputsTrainable() throws Exception {
        Trained t = train("mlp-whitening-stretched.json", 600);
        assertTrue(t.config().options().whiten());
        for (int r = 0; r < 2; r++) {
            assertTrue(t.last(r).testAccuracy() >= 0.95, "whitened, SGD separates the moons: run " + r + " " + t.last(r).testAccuracy());
        }
        // The same runs on the raw points: x1 around 40 saturates the tanh units and SGD learns nothing.
        var raw = t.config().training().withOptions(t.config().options().withWhiten(false));
        var rawData = t.config().data().split(t.config().imported());
        raw = new org.losslab.engine.mlp.Training(raw.architecture(), rawData, raw.initial(), raw.steps(), raw.seed(), raw.runs());
        for (int r = 0; r < 2; r++) {
            var trainer = raw.trainer(r);
            trainer.step(600);
            assertTrue(trainer.snapshot().trainLoss() > 0.6, "raw run " + r + ": " + trainer.snapshot().trainLoss());
        }
    }

    /** The first reported step of run r whose training loss is below {@code level}, or −1. */
    static long stepBelow(Trained t, int r, double level) {
        return t.run(r).stream().filter(s -> s.trainLoss() < level).mapToLong(org.losslab.engine.mlp.TrainSnapshot::step)
                .findFirst().orElse(-1);
    }

    @Test
    void kfacReachesTheLossInFewerStepsThanSgdOnTwoSpirals() throws Exception {
        Trained t = train("mlp-kfac-spirals.json", 1);
        assertEquals(3, t.config().options().kfac().keySet().iterator().next(), "K-FAC is the last run");
        long kfac = stepBelow(t, 3, 0.1), heavyBall = stepBelow(t, 1, 0.1), adam = stepBelow(t, 2, 0.1);
        assertTrue(kfac > 0 && heavyBall > 0 && adam > 0, kfac + " " + heavyBall + " " + adam);
        assertEquals(-1, stepBelow(t, 0, 0.1), "plain SGD does not get there");
        assertTrue(kfac < 0.6 * heavyBall, "K-FAC " + kfac + " steps, SGD + momentum " + heavyBall);
        assertTrue(kfac < adam, "K-FAC " + kfac + " steps, Adam " + adam);
        assertTrue(t.last(3).testAccuracy() > 0.95, "and it generalizes: " + t.last(3).testAccuracy());
    }

    @Test
    void aCurriculumKeepsTheFlippedLabelsOutWhileItLasts() throws Exception {
        Trained t = train("mlp-curriculum-noisy-moons.json", 50);
        // Steps 500 to 700: the pool is the easiest 60–76%, which holds almost none of the flipped labels.
        for (int r = 1; r <= 2; r++) {
            double curriculum = 0, random = 0;
            for (long step = 500; step <= 700; step += 50) {
                curriculum += testLossAt(t, r, step);
                random += testLossAt(t, 0, step);
            }
            assertTrue(curriculum < 0.5 * random, "run " + r + ": test loss " + curriculum / 5 + " against random order's " + random / 5);
            assertTrue(trainLossAt(t, r, 500) > trainLossAt(t, 0, 500), "the hard (flipped) examples are not yet learnt");
        }
        // Once every example is in play the lead is gone.
        for (int r = 1; r <= 2; r++) {
            assertTrue(t.last(r).testLoss() > 0.8 * t.last(0).testLoss(), "run " + r + " at the end: " + t.last(r).testLoss());
        }
    }

    static double testLossAt(Trained t, int r, long step) {
        return t.run(r).stream().filter(s -> s.step() == step).findFirst().orElseThrow().testLoss();
    }

    static double trainLossAt(Trained t, int r, long step) {
        return t.run(r).stream().filter(s -> s.step() == step).findFirst().orElseThrow().trainLoss();
    }

    @Test
    void dartsChoosesReluThenIdentityForXorAndTheChoiceRetrainsWell() throws Exception {
        Trained t = train("mlp-darts-xor.json", 100);
        double[] start = t.run(0).get(0).mixture(), end = t.last(0).mixture();
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25}, start, 1e-15, "α starts at 0");
        assertTrue(end[1] > 0.9 && end[7] > 0.9, "layer 1 ReLU, layer 2 identity: " + java.util.Arrays.toString(end));
        List<Integer> chosen = org.losslab.engine.mlp.Darts.chosen(end);
        assertEquals(List.of(1, 3), chosen);
        List<org.losslab.engine.mlp.TrainSnapshot> retrained = new java.util.ArrayList<>();
        org.losslab.engine.mlp.Darts.retrainAll(t.training(), List.of(t.last(0)), (run, s) -> retrained.add(s), 100);
        var last = retrained.get(retrained.size() - 1);
        assertEquals(1000, last.step());
        assertTrue(last.testAccuracy() >= 0.97 && t.last(0).testAccuracy() >= 0.97,
                "the discrete choice does as well as the mixture: " + last.testAccuracy() + " " + t.last(0).testAccuracy());
    }
}
