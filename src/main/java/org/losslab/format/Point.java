package org.losslab.format;

/** A point (x, y) of the parameter plane. */
public record Point(double x, double y) {
}
