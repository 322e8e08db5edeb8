package org.losslab.format;

import java.util.List;
import org.losslab.engine.optim.Precision;
import org.losslab.engine.update.LowPrecision;

/**
 * A run's number format as a file states it: the keys {@code precision}, {@code masterWeights} and
 * {@code lossScale} (docs/scenario-format.md, "Low precision"), each null when absent.
 *
 * @param precision     the format of parameters, gradients and optimizer state; null: float64
 * @param masterWeights null: false
 * @param lossScale     null: 1
 */
public record PrecisionSpec(Precision precision, Boolean masterWeights, Double lossScale) {
    /** The names of the formats, as files and torch spell them. */
    public static final List<String> FORMATS = List.of("float64", "float32", "bfloat16", "float16");
    /** The optimizers that compute in a low precision themselves; the others need master weights. */
    public static final List<String> LOW_PRECISION_OPTIMIZERS = List.of("sgd", "adam", "adamw");

    /** True when the spec changes nothing: float64 (master weights and loss scale then do nothing). */
    public boolean isFloat64() {
        return precision == null || precision == Precision.FLOAT64;
    }

    public boolean masters() {
        return Boolean.TRUE.equals(masterWeights);
    }

    public double scale() {
        return lossScale == null ? 1 : lossScale;
    }

    /** The engine's link. */
    public LowPrecision.Config toConfig() {
        return new LowPrecision.Config(precision == null ? Precision.FLOAT64 : precision, masters(), scale());
    }
}
