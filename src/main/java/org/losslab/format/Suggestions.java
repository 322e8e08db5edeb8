package org.losslab.format;

import java.util.Collection;

/**
 * "Did you mean" for a misspelt key: the allowed key nearest in edit distance (Levenshtein,
 * case-insensitive), if it is within a third of the key's length (at least one edit).
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** {@code " (did you mean \"steps\"?)"}, or "" when no allowed key is near. */
    public static String didYouMean(String key, Collection<String> allowed) {
        if (key.length() > 64) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(key.toLowerCase(), a.toLowerCase());
            if (d < bestDistance || d == bestDistance && best != null && a.compareTo(best) < 0) {
                best = a;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, key.length() / 3) ? " (did you mean \"" + best + "\"?)" : "";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
