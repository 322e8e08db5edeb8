package org.losslab.scenario;

/** A point (x, y) of the parameter plane. */
public record Point(double x, double y) {
}
