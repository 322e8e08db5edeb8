package org.losslab.engine.schedule;

/**
 * A schedule parameter that torch would reject, or that cannot define a learning rate. The message
 * is a sentence that starts with the parameter's name ({@code "stepSize must be a positive
 * integer"}); {@link #parameter()} is the name alone, a JSON-path tail such as {@code stepSize} or
 * {@code milestones[2]}, so the scenario layer can say {@code $.runs[1].schedule.stepSize}.
 */
public final class ScheduleParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public ScheduleParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The offending parameter, as spelled in the scenario file. */
    public String parameter() {
        return parameter;
    }
}
