package org.losslab.render;

/**
 * The segments already drawn in one stroke, with their ends snapped to a grid of {@code cell}
 * pixels, so that a path going back and forth over the same segment (an optimizer caught in a
 * two-step oscillation across a valley draws thousands of them) strokes it once. A stroke is the
 * union of its segments, so a segment whose snapped ends match one drawn before changes no pixel
 * by more than the snap; a rasterizer pays for every crossing of every segment edge, so a path that
 * oscillates for 4,000 steps costs as much as 30 that do not.
 *
 * <p>An open-addressing hash set of the snapped end pairs (direction ignored), cleared in O(1) by a
 * generation count; it grows only when a stroke has more distinct segments than ever before, so
 * repainting allocates nothing.
 */
final class RepeatedSegments {
    private final double cell;
    private long[] keys = new long[2 * 1024];
    private int[] stamp = new int[1024];
    private int generation = 1;
    private int size;

    /** @param cell the grid spacing in pixels */
    RepeatedSegments(double cell) {
        this.cell = cell;
    }

    /** Forgets every segment: the next stroke starts. */
    void clear() {
        generation++;
        size = 0;
        if (generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            generation = 1;
        }
    }

    /**
     * Records the segment from (x0, y0) to (x1, y1).
     *
     * @return whether a segment with the same snapped ends was recorded since {@link #clear()}
     */
    boolean seen(double x0, double y0, double x1, double y1) {
        long a = pack(x0, y0), b = pack(x1, y1);
        long k0 = Math.min(a, b), k1 = Math.max(a, b);
        if (2 * (size + 1) > stamp.length) {
            grow();
        }
        int mask = stamp.length - 1;
        for (int i = hash(k0, k1) & mask;; i = (i + 1) & mask) {
            if (stamp[i] != generation) {
                stamp[i] = generation;
                keys[2 * i] = k0;
                keys[2 * i + 1] = k1;
                size++;
                return false;
            }
            if (keys[2 * i] == k0 && keys[2 * i + 1] == k1) {
                return true;
            }
        }
    }

    private long pack(double x, double y) {
        // Pixel coordinates are clamped to ±1e5 by the painter, so a cell index fits 32 bits.
        long i = (long) Math.floor(x / cell), j = (long) Math.floor(y / cell);
        return (i << 32) ^ (j & 0xffffffffL);
    }

    private static int hash(long k0, long k1) {
        long h = k0 * 0x9E3779B97F4A7C15L + k1;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldStamp = stamp;
        keys = new long[2 * oldKeys.length];
        stamp = new int[2 * oldStamp.length];
        int mask = stamp.length - 1;
        for (int s = 0; s < oldStamp.length; s++) {
            if (oldStamp[s] == generation) {
                long k0 = oldKeys[2 * s], k1 = oldKeys[2 * s + 1];
                int i = hash(k0, k1) & mask;
                while (stamp[i] == generation) {
                    i = (i + 1) & mask;
                }
                stamp[i] = generation;
                keys[2 * i] = k0;
                keys[2 * i + 1] = k1;
            }
        }
    }
}
