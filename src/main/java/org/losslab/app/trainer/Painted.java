package org.losslab.app.trainer;

/** A canvas view that repaints on the next pulse when something it shows changed. */
interface Painted {
    void paintIfDirty();
}
