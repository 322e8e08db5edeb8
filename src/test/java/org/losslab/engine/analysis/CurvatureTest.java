package org.losslab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.surface.Saddle;

class CurvatureTest {

    /**
     * f = ½(u² + κv²) with u along (cos θ, sin θ) and v along (−sin θ, cos θ): H = R diag(1, κ) Rᵀ,
     * eigenvalue 1 on u and κ on v, everywhere.
     */
    @Test
    void eigenpairsOfTheQuadraticAreItsAxes() {
        double[] kappas = {1.5, 2, 3.7, 10, 100, 1e3, 1e5};
        int checked = 0;
        for (double kappa : kappas) {
            for (double angle = -180; angle <= 180; angle += 7.5) {
                Quadratic q = new Quadratic(kappa, angle);
                double th = Math.toRadians(angle);
                double px = Math.sin(kappa + angle), py = Math.cos(3 * angle);
                Curvature c = Curvature.at(q, px, py, 0);
                String where = "κ " + kappa + ", θ " + angle;
                assertEquals(1, c.lambdaMin(), 1e-12 * kappa, where);
                assertEquals(kappa, c.lambdaMax(), 1e-12 * kappa, where);
                assertEquals(kappa, c.conditionNumber(), 1e-9 * kappa, where);
                // Eigenvectors agree with the axes up to sign: |⟨v, axis⟩| = 1.
                assertEquals(1, Math.abs(c.minX() * Math.cos(th) + c.minY() * Math.sin(th)), 1e-9, where);
                assertEquals(1, Math.abs(-c.maxX() * Math.sin(th) + c.maxY() * Math.cos(th)), 1e-9, where);
                assertEquals(0, c.minX() * c.maxX() + c.minY() * c.maxY(), 1e-12, where);
                assertEquals(2 / kappa, c.gdStabilityLimit(), 1e-12, where);
                assertEquals(c.lambdaMax(), Curvature.lambdaMax(c.hxx(), c.hxy(), c.hyy()), 1e-12 * kappa, where);
                assertEquals(Curvature.Kind.BOWL, c.kind());
                checked++;
            }
        }
        assertTrue(checked > 300);
    }

    @Test
    void theQuadraticModelIsExactOnAQuadraticAndNewtonLandsOnTheMinimum() {
        Quadratic q = new Quadratic(25, 33);
        Curvature c = Curvature.at(q, 0.7, -1.3, 0);
        for (double dx = -2; dx <= 2; dx += 0.5) {
            for (double dy = -2; dy <= 2; dy += 0.5) {
                assertEquals(q.value(0.7 + dx, -1.3 + dy, 0), c.model(dx, dy), 1e-12);
            }
        }
        double[] d = c.newtonStep();
        assertEquals(-0.7, d[0], 1e-12);
        assertEquals(1.3, d[1], 1e-12);
    }

    @Test
    void kindsOfCriticalPoint() {
        assertEquals(Curvature.Kind.SADDLE, Curvature.at(new Saddle(1, 1, 0), 0, 0, 0).kind());
        assertEquals(Curvature.Kind.FLAT, Curvature.of(0, 0, 0, 0, 0, 1, 0, 0).kind());
        assertEquals(Curvature.Kind.CAP, Curvature.of(0, 0, 0, 0, 0, -1, 0.2, -3).kind());
        assertEquals(Curvature.Kind.UNDEFINED, Curvature.of(0, 0, 0, 0, 0, Double.NaN, 0, 1).kind());
        assertNull(Curvature.at(new Saddle(1, 1, 0), 0, 0, 0).theory());
        // Rosenbrock's minimum: H = [[802, −400], [−400, 200]], κ ≈ 2508.
        Curvature r = Curvature.at(new Rosenbrock(1, 100), 1, 1, 0);
        assertEquals(2508.0, r.conditionNumber(), 1.0);
        assertEquals(0, r.gradientNorm(), 0);
    }

    @Test
    void heavyBallTheory() {
        HeavyBall hb = new HeavyBall(1, 100);
        assertEquals(2.0 / 101, hb.gdOptimalLr(), 1e-15);
        assertEquals(99.0 / 101, hb.gdRate(), 1e-15);
        assertEquals(Math.pow(9.0 / 11, 2), hb.optimalMomentum(), 1e-15);
        assertEquals(4.0 / 121, hb.optimalMomentumLr(), 1e-15);
        assertEquals(9.0 / 11, hb.momentumRate(), 1e-15);
        // The closed forms are the spectral radius of the iteration at those settings.
        assertEquals(hb.gdRate(), hb.rate(hb.gdOptimalLr(), 0), 1e-12);
        assertEquals(hb.momentumRate(), hb.rate(hb.optimalMomentumLr(), hb.optimalMomentum()), 1e-6);
        // And they are optimal: nearby settings contract more slowly.
        assertTrue(hb.rate(hb.optimalMomentumLr() * 1.05, hb.optimalMomentum()) > hb.momentumRate());
        assertTrue(hb.rate(hb.optimalMomentumLr(), hb.optimalMomentum() * 0.95) > hb.momentumRate());
        // The stability boundary 2(1 + β)/λmax.
        assertTrue(hb.stable(0.99 * hb.maxStableLr(0.5), 0.5));
        assertFalse(hb.stable(1.01 * hb.maxStableLr(0.5), 0.5));
        assertTrue(hb.rate(1.01 * hb.maxStableLr(0.5), 0.5) > 1);
        assertTrue(hb.rate(0.99 * hb.maxStableLr(0.5), 0.5) < 1);
    }
}
