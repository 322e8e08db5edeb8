package org.losslab.app.model;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The playback position: which step every run is shown at. Time is an argument: {@link #advance}
 * moves by elapsed seconds × speed, so the frame rate never changes what is shown at a given time.
 * When stopped at the end, new results show whole paths.
 */
public final class Playback implements Playable {
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    private final ReadOnlyLongWrapper last = new ReadOnlyLongWrapper(this, "last");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    /** Steps per second. */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 100);
    private double fraction;

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public long step() {
        return step.get();
    }

    public ReadOnlyLongProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean playing() {
        return playing.get();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The number of updates changed: stay at the end if there, else clamp. */
    public void setLast(long n) {
        boolean atEnd = step.get() >= last.get();
        last.set(Math.max(0, n));
        if (atEnd && !playing.get()) {
            step.set(last.get());
        } else {
            step.set(Math.min(step.get(), last.get()));
        }
    }

    public void seek(long s) {
        step.set(Math.max(0, Math.min(last.get(), s)));
        fraction = 0;
    }

    /** Starts playing (from the beginning when at the end). */
    @Override
    public void play() {
        if (step.get() >= last.get()) {
            seek(0);
        }
        playing.set(true);
    }

    @Override
    public void pause() {
        playing.set(false);
    }

    /** One step forward or back (pauses). */
    public void stepBy(long k) {
        pause();
        seek(step.get() + k);
    }

    /** Moves by {@code seconds × speed} steps while playing; stops at the end. */
    public void advance(double seconds) {
        if (!playing.get()) {
            return;
        }
        fraction += seconds * speed.get();
        long whole = (long) fraction;
        fraction -= whole;
        long next = step.get() + whole;
        if (next >= last.get()) {
            next = last.get();
            playing.set(false);
        }
        step.set(next);
    }
}
