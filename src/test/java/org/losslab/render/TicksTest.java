package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tick values and labels of log axes, and the short numbers of the pictures. */
class TicksTest {
    @Test
    void logAxesTickWholeDecadesOrOneTwoFive() {
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2, 1e-1}, Ticks.logValues(8e-5, 0.12, 6), 1e-18);
        // Eight decades for about four ticks: every second one.
        assertArrayEquals(new double[] {1e-6, 1e-4, 1e-2, 1, 100}, Ticks.logValues(1e-6, 200, 4), 1e-18);
        // One power of ten inside: 1, 2 and 5 of each decade.
        assertArrayEquals(new double[] {2, 5, 10, 20}, Ticks.logValues(1.5, 30, 6), 1e-12);
        // Within one decade's tenth: evenly spaced values, so there are still ticks to read.
        double[] narrow = Ticks.logValues(9.4, 10.6, 3);
        assertArrayEquals(new double[] {9.5, 10, 10.5}, narrow, 1e-12);
        Axes.Scale s = Axes.Scale.log(9.4, 10.6);
        assertEquals("9.5", s.label(9.5, 3));
        assertEquals("10.0", s.label(10, 3));
        assertEquals("10", Axes.Scale.log(1.5, 30).label(10, 6));
    }

    @Test
    void logLabelsWriteOutPowersOfTenNearOne() {
        assertEquals("1e-3", Ticks.logLabel(1e-3));
        assertEquals("0.01", Ticks.logLabel(0.01));
        assertEquals("1", Ticks.logLabel(1));
        assertEquals("1000", Ticks.logLabel(1000));
        assertEquals("1e4", Ticks.logLabel(1e4));
        assertEquals("5e-4", Ticks.logLabel(5e-4));
        assertEquals("20", Ticks.logLabel(20));
    }

    @Test
    void shortNumbers() {
        assertEquals("0.807", Ticks.brief(0.80724));
        assertEquals("1500", Ticks.brief(1500));
        assertEquals("1e-8", Ticks.brief(1e-8));
        assertEquals("-2.5", Ticks.brief(-2.5));
        assertEquals("0", Ticks.brief(0));
        assertEquals("1.235e4", Ticks.significant(12345.6, 4));
        assertEquals("0.1", Ticks.significant(0.1, 4));
        assertEquals("-3.333e-7", Ticks.significant(-1 / 3e6, 4));
    }

    @Test
    void scalesFitTheDataWithAMargin() {
        Axes.Scale lin = Axes.Scale.fit(0, 10, false, 0.05);
        assertEquals(-0.5, lin.lo(), 1e-12);
        assertEquals(10.5, lin.hi(), 1e-12);
        Axes.Scale log = Axes.Scale.fit(1, 100, true, 0.1);
        assertEquals(Math.pow(10, -0.2), log.lo(), 1e-12);
        assertEquals(Math.pow(10, 2.2), log.hi(), 1e-9);
        assertEquals(0.5, log.fraction(10), 1e-12);
        assertEquals(10, log.value(0.5), 1e-9);
        // One value: half a decade either side on a log axis.
        Axes.Scale one = Axes.Scale.fit(10, 10, true, 0.1);
        assertEquals(Math.pow(10, 0.5), one.lo(), 1e-12);
        assertEquals(Math.pow(10, 1.5), one.hi(), 1e-9);
    }
}
