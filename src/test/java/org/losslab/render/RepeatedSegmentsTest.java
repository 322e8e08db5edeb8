package org.losslab.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepeatedSegmentsTest {

    @Test
    void aSegmentIsSeenAgainWithinTheSameCellsInEitherDirection() {
        RepeatedSegments s = new RepeatedSegments(0.5);
        assertFalse(s.seen(10.1, 20.1, 40.2, 5.3));
        assertTrue(s.seen(10.2, 20.2, 40.3, 5.4));
        assertTrue(s.seen(40.4, 5.1, 10.4, 20.4), "reversed");
        assertFalse(s.seen(10.6, 20.1, 40.2, 5.3), "one end in the next cell");
        assertFalse(s.seen(10.1, 20.1, 40.2, 6.3));
    }

    @Test
    void clearForgetsAndGrowingKeepsEverySegment() {
        RepeatedSegments s = new RepeatedSegments(1);
        for (int i = 0; i < 5000; i++) {
            assertFalse(s.seen(i, -i, i + 3, 2 * i));
        }
        for (int i = 0; i < 5000; i++) {
            assertTrue(s.seen(i + 0.5, -i + 0.5, i + 3.5, 2 * i + 0.5), "segment " + i);
        }
        s.clear();
        assertFalse(s.seen(0, 0, 3, 0));
        assertTrue(s.seen(3, 0, 0, 0));
        assertFalse(s.seen(-1e5, 1e5, 1e5, -1e5));
        assertTrue(s.seen(1e5, -1e5, -1e5, 1e5));
    }
}
