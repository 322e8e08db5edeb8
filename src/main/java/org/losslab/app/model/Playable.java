package org.losslab.app.model;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * What a play button drives: the playback of the paths and the network trainer's session. Space
 * and the ▶/⏸ buttons toggle either the same way.
 */
public interface Playable {
    ReadOnlyBooleanProperty playingProperty();

    void play();

    void pause();

    default void toggle() {
        if (playingProperty().get()) {
            pause();
        } else {
            play();
        }
    }
}
