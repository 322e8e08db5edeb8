package org.losslab.scenario;

/** Small helpers shared by the scenario readers and writers. */
final class Scenarios {
    private Scenarios() {
    }

    /** A number as people write it: 0.001, 10, 1e-08. */
    static String plain(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return org.losslab.io.Numbers.format(x);
    }
}
