package org.losslab.engine.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * An optimizer stepping one or many runs over a flat parameter vector.
 *
 * <p>Layout (structure of arrays): a batch holds up to {@code stride} runs of {@code dim}
 * coordinates each; coordinate {@code c} of run {@code r} is {@code theta[c * stride + r]}. A single
 * 2-D run or an MLP is the case {@code stride = 1}; a sweep row steps hundreds of runs through the
 * same loops. Hyperparameters are per run, so a grid over learning rate and momentum is one batch.
 *
 * <p>Every update rule follows the torch.optim class of the same name (PyTorch 1.13 semantics,
 * single-tensor path) including its defaults and its order of operations; each subclass states its
 * equations. State is allocated once at construction: {@link #step} allocates nothing.
 *
 * <p>Subclasses declare their arrays through the helpers below ({@link #hyper}, {@link #state},
 * …), which record what each array is, so that moving a run to another slot (compaction of a
 * batch) and resetting to a fresh optimizer are done here, once, for every array: a method cannot
 * forget to move one of its buffers.
 */
public abstract class Optimizer {
    /** Coordinates per run. */
    protected final int dim;
    /** Run capacity of the batch, the distance between consecutive coordinates of one run. */
    protected final int stride;
    /** Updates taken so far (torch's {@code state['step']}); shared by every run of the batch. */
    protected long steps;
    /** Set by {@link #ratesAreConstant}: the {@code lr} array of every step holds the same values. */
    protected boolean ratesConstant;
    /** Set by {@link #computeIn}: some slot's update is computed in a format other than float64. */
    protected boolean lowPrecision;
    /** Each slot's format of θ and state ({@link #computeIn}); null while every slot is float64. */
    private Precision[] precision;

    /** Per-run values (hyperparameters, scalar state, scratch read after a step), moved with their run. */
    private final List<double[]> perRun = new ArrayList<>();
    private final List<boolean[]> perRunFlags = new ArrayList<>();
    /** Per-coordinate arrays in θ's layout, moved with their run. */
    private final List<double[]> perCoordinate = new ArrayList<>();
    /** State reset by {@link #reset}: the array and its initial value per run (null: 0). */
    private final List<double[]> resetArrays = new ArrayList<>();
    private final List<double[]> resetValues = new ArrayList<>();
    private final List<double[]> resetScalars = new ArrayList<>();
    private final List<Double> resetScalarValues = new ArrayList<>();

    protected Optimizer(int dim, int stride) {
        if (dim < 1 || stride < 1) {
            throw new IllegalArgumentException("dim and stride must be positive: " + dim + ", " + stride);
        }
        this.dim = dim;
        this.stride = stride;
    }

    public final int dim() {
        return dim;
    }

    public final int stride() {
        return stride;
    }

    /** Updates taken since construction or the last {@link #reset()}. */
    public final long steps() {
        return steps;
    }

    /**
     * One update of runs {@code 0 <= r < n}.
     *
     * @param theta     parameters, updated in place. Modified.
     * @param grad      the gradient at {@code theta} (after SAM and clipping). Not modified.
     * @param loss      the loss at {@code theta} per run, {@code loss[r]} (L-BFGS reads it). Not modified.
     * @param lr        this update's learning rate per run, {@code lr[r]}. Not modified.
     * @param objective the loss itself, for methods that need more than the gradient.
     */
    public abstract void step(int n, double[] theta, double[] grad, double[] loss, double[] lr, Objective objective);

    /**
     * Moves run {@code from}'s hyperparameters and state to slot {@code to} (compaction of a batch):
     * every array declared through the helpers below.
     */
    public void moveRun(int from, int to) {
        for (double[] a : perRun) {
            a[to] = a[from];
        }
        for (boolean[] a : perRunFlags) {
            a[to] = a[from];
        }
        for (double[] a : perCoordinate) {
            moveState(a, from, to);
        }
        if (precision != null) {
            precision[to] = precision[from];
        }
    }

    /** Forgets all state, as a freshly constructed optimizer. */
    public void reset() {
        for (int k = 0; k < resetArrays.size(); k++) {
            double[] a = resetArrays.get(k), init = resetValues.get(k);
            if (init == null) {
                Arrays.fill(a, 0);
            } else {
                for (int c = 0; c < dim; c++) {
                    System.arraycopy(init, 0, a, c * stride, stride);
                }
            }
        }
        for (int k = 0; k < resetScalars.size(); k++) {
            Arrays.fill(resetScalars.get(k), resetScalarValues.get(k));
        }
        steps = 0;
    }

    /** A hyperparameter per run, {@code value(configs[r])}; constant, moved with its run. */
    protected final <C> double[] hyper(List<C> configs, ToDoubleFunction<C> value) {
        double[] a = new double[stride];
        for (int r = 0; r < configs.size(); r++) {
            a[r] = value.applyAsDouble(configs.get(r));
        }
        perRun.add(a);
        return a;
    }

    /** A switch per run; constant, moved with its run. */
    protected final <C> boolean[] flag(List<C> configs, Predicate<C> value) {
        boolean[] a = new boolean[stride];
        for (int r = 0; r < configs.size(); r++) {
            a[r] = value.test(configs.get(r));
        }
        perRunFlags.add(a);
        return a;
    }

    /** A scalar state per run, {@code initial} after construction and {@link #reset}; moved with its run. */
    protected final double[] runState(double initial) {
        double[] a = new double[stride];
        Arrays.fill(a, initial);
        perRun.add(a);
        resetScalars.add(a);
        resetScalarValues.add(initial);
        return a;
    }

    /**
     * Per-run values of the last update that are read after it (e.g. a bias correction behind
     * {@link Preconditioned#denominator}); moved with their run, not reset.
     */
    protected final double[] runScratch() {
        double[] a = new double[stride];
        perRun.add(a);
        return a;
    }

    /** State in θ's layout (a momentum buffer, a moment estimate), 0 after construction and reset. */
    protected final double[] state() {
        double[] a = new double[dim * stride];
        perCoordinate.add(a);
        resetArrays.add(a);
        resetValues.add(null);
        return a;
    }

    /** State in θ's layout that starts (and resets) at {@code initial[r]} for every coordinate of run r. */
    protected final double[] state(double[] initial) {
        double[] a = new double[dim * stride];
        perCoordinate.add(a);
        resetArrays.add(a);
        resetValues.add(initial);
        for (int c = 0; c < dim; c++) {
            System.arraycopy(initial, 0, a, c * stride, stride);
        }
        return a;
    }

    /**
     * A per-run hyperparameter repeated for every coordinate (θ's layout), so that a hot loop indexes
     * every array alike: the JIT vectorizes a loop only when all its accesses share one index.
     */
    protected final double[] spread(double[] perRunValue) {
        double[] a = new double[dim * stride];
        for (int c = 0; c < dim; c++) {
            System.arraycopy(perRunValue, 0, a, c * stride, stride);
        }
        perCoordinate.add(a);
        return a;
    }


    /**
     * Told by the caller that every run's learning rate stays the same at every update (no warmup,
     * constant schedules), so a method that spreads per-run rates over coordinates does it once.
     */
    public void ratesAreConstant() {
        ratesConstant = true;
    }

    /**
     * The names of the state this method shows beside its path (CMA-ES's σ and C), fixed for the
     * optimizer's life; empty for most methods. The update pipeline reports them like the channels
     * of its links.
     */
    public List<String> channels() {
        return List.of();
    }

    /** Channel k of the run in slot r: its value after the last update (before the first, the initial state). */
    public double channel(int k, int slot) {
        return Double.NaN;
    }

    /**
     * True for methods with a low-precision path: given a format by {@link #computeIn}, they hold θ
     * and their state in it and round every operation as torch's tensors of that dtype do (SGD,
     * Adam, AdamW). Other methods run in a low precision only with master weights.
     */
    public boolean hasLowPrecisionPath() {
        return false;
    }

    /**
     * Slot {@code slot}'s update from now on computed in format {@code p}, θ, gradient and state held
     * in it (the caller has rounded θ and the gradient to it). Float64 is the default.
     *
     * @throws IllegalArgumentException if p is not float64 and the method has no low-precision path
     */
    public final void computeIn(int slot, Precision p) {
        if (p == Precision.FLOAT64 && precision == null) {
            return;
        }
        if (p != Precision.FLOAT64 && !hasLowPrecisionPath()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no " + p.key()
                    + " path: use master weights");
        }
        if (precision == null) {
            precision = new Precision[stride];
            Arrays.fill(precision, Precision.FLOAT64);
        }
        precision[slot] = p;
        lowPrecision = true;
    }

    /** The format slot r computes in (float64 unless {@link #computeIn} said otherwise). */
    protected final Precision precision(int slot) {
        return precision == null ? Precision.FLOAT64 : precision[slot];
    }

    /** Does this method use {@link Objective#hessian}? */
    public boolean needsHessian() {
        return false;
    }

    /** Copies coordinate block {@code c} of run {@code from} to run {@code to} in a per-run state array. */
    protected final void moveState(double[] state, int from, int to) {
        for (int c = 0; c < dim; c++) {
            state[c * stride + to] = state[c * stride + from];
        }
    }
}
