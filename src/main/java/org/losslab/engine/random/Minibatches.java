package org.losslab.engine.random;

import java.util.SplittableRandom;

/**
 * Minibatch indices as torch's {@code DataLoader(shuffle=True, drop_last=False)} draws them: each
 * epoch a fresh random permutation of the n examples, cut into consecutive batches, the last one
 * possibly smaller. Shared by the 2-D stepper and the MLP trainer.
 */
public final class Minibatches {
    private final int[] perm;
    private final int batchSize;
    private final SplittableRandom random;
    private int pos;
    private int from;
    private int to;

    public Minibatches(int size, int batchSize, long seed) {
        perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        this.batchSize = batchSize;
        random = new SplittableRandom(seed);
        pos = size;
    }

    /** Advances to the next batch, reshuffling at the start of each epoch. */
    public void next() {
        if (pos >= perm.length) {
            // Fisher–Yates shuffle.
            for (int i = perm.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            pos = 0;
        }
        from = pos;
        to = Math.min(pos + batchSize, perm.length);
        pos = to;
    }

    public int[] indices() {
        return perm;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }
}
