package org.losslab.engine.schedule;

/** The parameter checks the schedule records share; each throws {@link ScheduleParameterException}. */
final class Checks {
    private Checks() {
    }

    static void horizon(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of updates after warmup must be ≥ 0, got " + n);
        }
    }

    static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new ScheduleParameterException(name, name + " must be a finite number, got " + v);
        }
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw new ScheduleParameterException(name, name + " must be a finite number ≥ 0, got " + v);
        }
    }

    static void positive(String name, double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            throw new ScheduleParameterException(name, name + " must be a finite number > 0, got " + v);
        }
    }

    static void positiveInteger(String name, long v) {
        if (v <= 0) {
            throw new ScheduleParameterException(name, name + " must be a positive integer, got " + v);
        }
    }

    static void nonNegativeInteger(String name, long v) {
        if (v < 0) {
            throw new ScheduleParameterException(name, name + " must be an integer ≥ 0, got " + v);
        }
    }

    static void unitInterval(String name, double v, String why) {
        if (!(v >= 0 && v <= 1)) {
            throw new ScheduleParameterException(name, name + " must be between 0 and 1, got " + v + why);
        }
    }
}
