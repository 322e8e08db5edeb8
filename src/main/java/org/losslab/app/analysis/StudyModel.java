package org.losslab.app.analysis;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.losslab.app.model.Job;
import org.losslab.app.model.JobThreads;

/**
 * What the analysis panels' models (sweep, escape study, federated study) have in common: a
 * background {@link Job}, its latest result and a one-line message, shown as read-only properties
 * and set only by the model itself, on the FX thread.
 *
 * @param <R> the result a study makes (a snapshot, immutable)
 */
public abstract class StudyModel<R> {
    protected final Job job;
    protected final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>(this, "result");
    protected final ReadOnlyStringWrapper message;

    /**
     * @param threads where the study runs
     * @param publish hands updates to the FX thread
     * @param hint    the message before the first study
     */
    protected StudyModel(JobThreads threads, Consumer<Runnable> publish, String hint) {
        job = new Job(threads, publish);
        message = new ReadOnlyStringWrapper(this, "message", hint);
    }

    /** The latest result (a sweep's is partial, rows not done, while it runs), or null. */
    public final ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What happened last, or what is wrong with the form, in one line. */
    public final ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public final ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public final ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }
}
