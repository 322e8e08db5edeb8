package org.losslab.engine.update;

import java.util.List;
import org.losslab.engine.random.Gaussian;
import org.losslab.engine.random.Seeds;

/**
 * Step 6, Langevin noise at temperature T (stochastic gradient Langevin dynamics, Welling &amp; Teh
 * 2011, with the temperature of the Gibbs density exp(−f/T)):
 * <pre>
 *   θ_{t+1} = θ + √(2·lr_t·T)·ξ,   ξ ~ N(0, I)
 * </pre>
 * one variate per coordinate in coordinate order, from the run's own stream ({@link Seeds#NOISE}).
 */
public final class LangevinNoise implements Transform {

    /** @param temperature T ≥ 0 */
    public record Config(double temperature) implements TransformConfig {
        public Config {
            if (!(temperature >= 0)) {
                throw new IllegalArgumentException("noise temperature must be ≥ 0, got " + temperature);
            }
        }

        @Override
        public Stage stage() {
            return Stage.LANGEVIN_NOISE;
        }

        @Override
        public boolean isIdentity() {
            return temperature == 0;
        }

        @Override
        public Transform newBatch(int dim, int stride, List<? extends TransformConfig> slots, RandomStreams streams) {
            double[] temperature = new double[stride];
            Gaussian[] noise = new Gaussian[stride];
            for (int r = 0; r < slots.size(); r++) {
                if (slots.get(r) instanceof Config c && c.temperature > 0) {
                    temperature[r] = c.temperature;
                    noise[r] = new Gaussian(streams.seed(r, Seeds.NOISE));
                }
            }
            return new LangevinNoise(dim, stride, temperature, noise);
        }
    }

    private final int dim, stride;
    private final double[] temperature;
    private final Gaussian[] noise;

    private LangevinNoise(int dim, int stride, double[] temperature, Gaussian[] noise) {
        this.dim = dim;
        this.stride = stride;
        this.temperature = temperature;
        this.noise = noise;
    }

    @Override
    public void apply(Update u) {
        final double[] theta = u.theta, lr = u.lr;
        for (int r = 0; r < u.n; r++) {
            if (temperature[r] > 0) {
                double s = Math.sqrt(2 * lr[r] * temperature[r]);
                Gaussian xi = noise[r];
                for (int c = 0; c < dim; c++) {
                    theta[c * stride + r] += s * xi.next();
                }
            }
        }
    }

    @Override
    public void moveRun(int from, int to) {
        temperature[to] = temperature[from];
        noise[to] = noise[from];
    }
}
