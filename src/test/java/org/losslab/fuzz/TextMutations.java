package org.losslab.fuzz;

import java.util.Random;

/** Character-level mutations shared by the fuzz targets: cut, doubled or moved ranges, inserted characters, truncation. */
final class TextMutations {
    private TextMutations() {
    }

    /** {@code edits} random edits of {@code s}; inserted characters come from {@code alphabet} or anywhere in Unicode. */
    static String mutate(String s, Random r, String alphabet, int edits) {
        StringBuilder b = new StringBuilder(s);
        for (int e = 0; e < edits; e++) {
            int n = b.length();
            int i = n == 0 ? 0 : r.nextInt(n + 1);
            int len = n == 0 ? 0 : Math.min(n - Math.min(i, n), 1 + r.nextInt(Math.min(16, n)));
            switch (r.nextInt(6)) {
                case 0 -> b.delete(i, i + len);
                case 1 -> b.insert(i, b.substring(i, i + len));
                case 2 -> b.insert(i, alphabet.charAt(r.nextInt(alphabet.length())));
                case 3 -> b.insert(i, Character.toChars(r.nextInt(4) == 0 ? r.nextInt(0x20) : r.nextInt(0x10FFFF + 1) & ~0x800));
                case 4 -> b.setLength(i);
                default -> {
                    if (n > 0) {
                        int j = r.nextInt(n);
                        char c = b.charAt(j);
                        b.setCharAt(j, alphabet.charAt(r.nextInt(alphabet.length())));
                        if (r.nextBoolean()) {
                            b.insert(r.nextInt(b.length() + 1), c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }
}
