package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SleevePolylineTest {

    /** Drawing that keeps the vertices of the path: each {x, y}, a moveTo flagged by a NaN third value. */
    static final class Vertices extends NoDrawing {
        final List<double[]> points = new ArrayList<>();

        @Override
        public void moveTo(double x, double y) {
            points.add(new double[] {x, y, Double.NaN});
        }

        @Override
        public void lineTo(double x, double y) {
            points.add(new double[] {x, y, 0});
        }
    }

    private static List<double[]> draw(double[][] in, double tol) {
        Vertices v = new Vertices();
        SleevePolyline line = new SleevePolyline();
        line.begin(v, tol);
        for (double[] p : in) {
            line.point(p[0], p[1]);
        }
        line.end();
        return v.points;
    }

    /** A chart-like series: columns 0..n−1, some with a range (two vertices at one x), smooth stretches and jumps. */
    private static double[][] series(long seed, int n) {
        Random r = new Random(seed);
        List<double[]> pts = new ArrayList<>();
        double y = 50;
        for (int c = 0; c < n; c++) {
            y += r.nextInt(4) == 0 ? r.nextGaussian() * 20 : r.nextGaussian() * 0.05 + 0.3;
            pts.add(new double[] {c, y});
            if (r.nextInt(5) == 0) {
                pts.add(new double[] {c, y + r.nextDouble() * 10});
            }
        }
        return pts.toArray(double[][]::new);
    }

    /** The vertical distance from (x, y) to the drawn polyline at x (0 on a vertical piece spanning y). */
    private static double distance(List<double[]> drawn, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < drawn.size(); i++) {
            double[] a = drawn.get(i - 1), b = drawn.get(i);
            if (a[0] == b[0]) {
                if (x == a[0]) {
                    double lo = Math.min(a[1], b[1]), hi = Math.max(a[1], b[1]);
                    best = Math.min(best, y < lo ? lo - y : y > hi ? y - hi : 0);
                }
            } else if (x >= a[0] && x <= b[0]) {
                best = Math.min(best, Math.abs(a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]) - y));
            }
        }
        return best;
    }

    @Test
    void everyVertexLeftOutIsWithinTheToleranceOfTheDrawnLine() {
        for (long seed = 1; seed <= 20; seed++) {
            double[][] in = series(seed, 600);
            for (double tol : new double[] {0.25, 1}) {
                List<double[]> out = draw(in, tol);
                assertTrue(out.size() < in.length, "something is left out");
                for (double[] p : in) {
                    assertTrue(distance(out, p[0], p[1]) <= tol + 1e-9, "seed " + seed + " vertex " + p[0] + ", " + p[1]);
                }
                assertEquals(in[0][0], out.get(0)[0]);
                assertEquals(in[0][1], out.get(0)[1]);
                assertEquals(in[in.length - 1][0], out.get(out.size() - 1)[0]);
                assertEquals(in[in.length - 1][1], out.get(out.size() - 1)[1]);
            }
        }
    }

    @Test
    void toleranceZeroDrawsEveryVertexInOrder() {
        double[][] in = series(7, 300);
        List<double[]> out = draw(in, 0);
        assertEquals(in.length, out.size());
        assertTrue(Double.isNaN(out.get(0)[2]));
        for (int i = 0; i < in.length; i++) {
            assertEquals(in[i][0], out.get(i)[0]);
            assertEquals(in[i][1], out.get(i)[1]);
        }
    }

    @Test
    void aStraightRunOfColumnsIsOneSegmentAndABendIsKept() {
        List<double[]> in = new ArrayList<>();
        for (int c = 0; c <= 100; c++) {
            in.add(new double[] {c, 10 + 0.5 * c});
        }
        for (int c = 101; c <= 200; c++) {
            in.add(new double[] {c, 60 - 0.5 * (c - 100)});
        }
        List<double[]> out = draw(in.toArray(double[][]::new), 0.25);
        assertEquals(3, out.size());
        assertEquals(100, out.get(1)[0]);
        assertEquals(60, out.get(1)[1]);
    }
}
