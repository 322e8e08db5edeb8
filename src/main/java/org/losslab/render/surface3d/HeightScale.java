package org.losslab.render.surface3d;

/** How loss values become heights (and colours) in the 3-D views. */
public enum HeightScale {
    /** Height proportional to f − f_min. */
    LINEAR,
    /** Height proportional to log(1 + (f − f_min)/ε): compresses surfaces whose values span decades. */
    LOG,
    /** {@link #LOG} when most of the window would otherwise be squashed flat, else {@link #LINEAR}. */
    AUTO
}
