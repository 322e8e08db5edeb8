package org.losslab.engine.optim;

/**
 * The floating-point format a run's parameters, gradients and optimizer state are held in, and the
 * arithmetic torch's CPU kernels do on tensors of that dtype (PyTorch 1.13, measured on the tensors
 * of one 2-D parameter). Values are carried in doubles that the format holds exactly; each method is
 * one tensor operation and returns its result rounded to the format, so an optimizer written with
 * these methods in torch's order of operations rounds where torch rounds.
 *
 * <ul>
 *   <li>float64 and float32: IEEE arithmetic in the format, Python scalars converted to it;
 *       {@code add(other, alpha)} and {@code addcmul} are fused multiply-adds (as the float64
 *       optimizers assume, see {@link Sgd}).</li>
 *   <li>bfloat16 and float16 (c10::BFloat16, c10::Half): each operation is done in float32 and
 *       rounded to the format. In {@code add(other, alpha)}, {@code mul}, {@code div} and adding a
 *       scalar, the scalar is first rounded to the format and {@code alpha·other} is rounded before
 *       the addition (c10's scalar operators); {@code addcmul} and {@code addcdiv} keep their value in
 *       float32 and round once. Torch 1.13 has no float16 {@code sqrt}, {@code addcmul} or
 *       {@code addcdiv} on the CPU; float16 follows the bfloat16 rule there (one float32 operation,
 *       rounded).</li>
 * </ul>
 * A double is converted to bfloat16 or float16 through float32, as {@code tensor.to(dtype)} does
 * (c10's constructors take a float), so {@link #round} may round twice; the float32 → format step
 * is round to nearest, ties to even ({@link BFloat16}, {@link Float16}).
 */
public enum Precision {
    FLOAT64("float64", 52) {
        @Override
        public double round(double x) {
            return x;
        }

        @Override
        public double add(double a, double b, double alpha) {
            return Math.fma(alpha, b, a);
        }

        @Override
        public double mul(double a, double s) {
            return a * s;
        }

        @Override
        public double div(double a, double s) {
            return a / s;
        }

        @Override
        public double addScalar(double a, double s) {
            return a + s;
        }

        @Override
        public double sqrt(double a) {
            return Math.sqrt(a);
        }

        @Override
        public double addcmul(double a, double t1, double t2, double value) {
            return Math.fma(value * t1, t2, a);
        }

        @Override
        public double addcdiv(double a, double t1, double t2, double value) {
            return a + value * t1 / t2;
        }
    },
    FLOAT32("float32", 23) {
        @Override
        public double round(double x) {
            return (float) x;
        }

        @Override
        public double add(double a, double b, double alpha) {
            return Math.fma((float) alpha, (float) b, (float) a);
        }

        @Override
        public double mul(double a, double s) {
            return (float) a * (float) s;
        }

        @Override
        public double div(double a, double s) {
            return (float) a / (float) s;
        }

        @Override
        public double addScalar(double a, double s) {
            return (float) a + (float) s;
        }

        @Override
        public double sqrt(double a) {
            // The double square root of a float, rounded to float, is the correctly rounded float root.
            return (float) Math.sqrt(a);
        }

        @Override
        public double addcmul(double a, double t1, double t2, double value) {
            return Math.fma((float) value * (float) t1, (float) t2, (float) a);
        }

        @Override
        public double addcdiv(double a, double t1, double t2, double value) {
            return (float) a + (float) value * (float) t1 / (float) t2;
        }
    },
    BFLOAT16("bfloat16", 7) {
        @Override
        float narrow(float f) {
            return BFloat16.round(f);
        }
    },
    FLOAT16("float16", 10) {
        @Override
        float narrow(float f) {
            return Float16.round(f);
        }
    };

    private final String key;
    private final int fractionBits;

    Precision(String key, int fractionBits) {
        this.key = key;
        this.fractionBits = fractionBits;
    }

    /** The name in scenario files and in torch ({@code torch.float16}, …). */
    public String key() {
        return key;
    }

    /** Stored fraction bits: the spacing of the format near 1 is 2^−fractionBits. */
    public int fractionBits() {
        return fractionBits;
    }

    /** The format named {@code key}, or null. */
    public static Precision of(String key) {
        for (Precision p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** A float32 value rounded to this reduced format (bfloat16, float16 only). */
    float narrow(float f) {
        throw new UnsupportedOperationException(key);
    }

    /** A reduced format's value of a double, through float32 as {@code tensor.to(dtype)} converts. */
    private double r(double x) {
        return narrow((float) x);
    }

    /** {@code x} as a tensor of this dtype holds it ({@code torch.tensor(x, dtype=torch.float64).to(dtype)}). */
    public double round(double x) {
        return r(x);
    }

    /** {@code a.add(b, alpha=alpha)}: a + alpha·b. */
    public double add(double a, double b, double alpha) {
        return r((float) a + narrow((float) r(alpha) * (float) b));
    }

    /** {@code a.mul(s)} for a Python number s. */
    public double mul(double a, double s) {
        return r((float) a * (float) r(s));
    }

    /** {@code a / s} for a Python number s. */
    public double div(double a, double s) {
        return r((float) a / (float) r(s));
    }

    /** {@code a.add(s)} for a Python number s. */
    public double addScalar(double a, double s) {
        return r((float) a + (float) r(s));
    }

    /** {@code a.sqrt()}. */
    public double sqrt(double a) {
        return r((float) Math.sqrt(a));
    }

    /** {@code a.addcmul(t1, t2, value=value)}: a + value·t1·t2. */
    public double addcmul(double a, double t1, double t2, double value) {
        return r(Math.fma((float) value * (float) t1, (float) t2, (float) a));
    }

    /** {@code a.addcdiv(t1, t2, value=value)}: a + value·t1/t2. */
    public double addcdiv(double a, double t1, double t2, double value) {
        return r((float) a + (float) value * (float) t1 / (float) t2);
    }
}
