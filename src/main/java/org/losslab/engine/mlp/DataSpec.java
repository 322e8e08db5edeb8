package org.losslab.engine.mlp;

import java.util.SplittableRandom;
import org.losslab.engine.random.Gaussian;

/**
 * How to make a train/test split: a generated dataset (or one read from a file), shuffled and cut,
 * with optional label corruption for memorization experiments.
 *
 * <p>The recipe, all from one seed: generate the points (for {@link DataKind#CSV}, take the given
 * ones); with {@code randomLabels}, replace every label by a uniformly random class, train and test
 * alike (Zhang et al. 2017, "Understanding deep learning requires rethinking generalization"; for
 * regression, the targets are randomly permuted); shuffle; the first ⌊n·testFraction⌉ points are the
 * test set, the rest the training set; with {@code labelNoise} p, each training label is replaced
 * with probability p by a different class chosen uniformly.
 *
 * @param kind          which dataset
 * @param points        total points, train and test (ignored for CSV)
 * @param noise         σ of the Gaussian noise (see {@link DataKind})
 * @param testFraction  share of the points held out, 0 ≤ f &lt; 1
 * @param classes       classes of {@link DataKind#BLOBS} (others have 2, the curve 0)
 * @param randomLabels  replace all labels by random ones
 * @param labelNoise    probability that a training label is flipped, 0 ≤ p ≤ 1
 * @param seed          seed of the points, the split and the labels
 */
public record DataSpec(DataKind kind, int points, double noise, double testFraction, int classes,
                       boolean randomLabels, double labelNoise, long seed) {

    public DataSpec {
        if (points < 0 || !(noise >= 0) || !(testFraction >= 0 && testFraction < 1) || !(labelNoise >= 0 && labelNoise <= 1)) {
            throw new IllegalArgumentException("invalid data spec " + points + ", " + noise + ", " + testFraction + ", " + labelNoise);
        }
        if (kind == DataKind.BLOBS && classes < 2) {
            throw new IllegalArgumentException("blobs need at least 2 classes");
        }
    }

    /** Number of classes of the generated data (0 for regression). */
    public int classCount() {
        return switch (kind) {
            case BLOBS -> classes;
            case CURVE -> 0;
            case CSV -> classes;
            default -> 2;
        };
    }

    /** The points of a built-in dataset, before labels are corrupted, shuffled or split. */
    public Dataset generate() {
        if (kind == DataKind.CSV) {
            throw new IllegalStateException("CSV data is read, not generated");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Gaussian normal = new Gaussian(rng);
        int n = points, k = classCount();
        double[] x1 = new double[n], x2 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = k == 0 ? 0 : i % k;
            int per = k == 0 ? n : (n - c + k - 1) / k;
            int j = k == 0 ? i : i / k;
            double a, b, label = c;
            switch (kind) {
                case SPIRALS: {
                    double s = (double) j / per;
                    double angle = 3.5 * Math.PI * s + c * Math.PI;
                    a = s * Math.sin(angle);
                    b = s * Math.cos(angle);
                    break;
                }
                case MOONS: {
                    double t = Math.PI * rng.nextDouble();
                    a = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
                    b = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                    a -= 0.5;
                    b -= 0.25;
                    break;
                }
                case CIRCLES: {
                    double t = 2 * Math.PI * rng.nextDouble();
                    double r = c == 0 ? 1 : 0.5;
                    a = r * Math.cos(t);
                    b = r * Math.sin(t);
                    break;
                }
                case XOR: {
                    a = awayFromAxis(rng);
                    b = awayFromAxis(rng);
                    label = (a > 0) != (b > 0) ? 1 : 0;
                    break;
                }
                case BLOBS: {
                    double t = 2 * Math.PI * c / k + Math.PI / 2;
                    a = 0.8 * Math.cos(t) + 0.2 * normal.next();
                    b = 0.8 * Math.sin(t) + 0.2 * normal.next();
                    break;
                }
                case CURVE: {
                    a = 2 * rng.nextDouble() - 1;
                    b = 0;
                    label = Math.sin(Math.PI * a) + noise * normal.next();
                    break;
                }
                default:
                    throw new AssertionError(kind);
            }
            if (kind != DataKind.CURVE) {
                a += noise * normal.next();
                b += noise * normal.next();
            }
            x1[i] = a;
            x2[i] = b;
            y[i] = label;
        }
        return new Dataset(x1, x2, y, k);
    }

    private static double awayFromAxis(SplittableRandom rng) {
        double u = 0.1 + 0.9 * rng.nextDouble();
        return rng.nextBoolean() ? u : -u;
    }

    /** Generates the points and splits them. */
    public Split split() {
        return split(generate());
    }

    /** Corrupts, shuffles and splits {@code all} as the recipe says (the seed continues after generation). */
    public Split split(Dataset all) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = all.size(), k = all.classes();
        if (randomLabels) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = all.y(i);
            }
            if (k > 0) {
                for (int i = 0; i < n; i++) {
                    y[i] = rng.nextInt(k);
                }
            } else {
                shuffle(y, rng);
            }
            all = all.withTargets(y);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int nTest = (int) Math.round(n * testFraction);
        Dataset test = all.subset(perm, 0, nTest);
        Dataset train = all.subset(perm, nTest, n);
        if (labelNoise > 0 && k > 0) {
            double[] y = new double[train.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = train.y(i);
                if (rng.nextDouble() < labelNoise) {
                    int other = rng.nextInt(k - 1);
                    y[i] = other >= train.label(i) ? other + 1 : other;
                }
            }
            train = train.withTargets(y);
        }
        return new Split(train, test);
    }

    private static void shuffle(double[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A training set and a held-out test set. */
    public record Split(Dataset train, Dataset test) {
    }
}
