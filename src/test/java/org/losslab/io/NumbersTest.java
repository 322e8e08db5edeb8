package org.losslab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.losslab.reference.CsvRows;

class NumbersTest {

    @Test
    void writesLikePythonRepr() {
        assertEquals("12.5", Numbers.format(12.5));
        assertEquals("2.0", Numbers.format(2));
        assertEquals("0.0001", Numbers.format(1e-4));
        assertEquals("1e-05", Numbers.format(1e-5));
        assertEquals("-1.5e-07", Numbers.format(-1.5e-7));
        assertEquals("1e+16", Numbers.format(1e16));
        assertEquals("1234567890123456.0", Numbers.format(1234567890123456.0));
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
        assertEquals("nan", Numbers.format(Double.NaN));
        assertEquals("inf", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Numbers.format(Double.NEGATIVE_INFINITY));
        assertEquals("-0.0", Numbers.format(-0.0));
        assertEquals("5e-324", Numbers.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", Numbers.format(Double.MAX_VALUE));
        // JDK 17's Double.toString gives 2.0E-3 style and is not always shortest (JDK-4511638).
        assertEquals("2e-23", Numbers.format(2e-23));
    }

    @Test
    void everyNumberOfThePyTorchReferencesPrintsIdentically() throws Exception {
        Path dir = Path.of(getClass().getResource("/org/losslab/reference").toURI());
        int checked = 0;
        try (var files = Files.list(dir)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                var lines = Files.readAllLines(csv);
                for (String line : lines.subList(1, lines.size())) {
                    var f = CsvRows.fields(line);
                    for (int i = 3; i < f.size(); i++) {
                        if (!f.get(i).isEmpty()) {
                            assertEquals(f.get(i), Numbers.format(Numbers.parse(f.get(i))), csv.getFileName() + ": " + line);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(true, checked > 10_000, "checked " + checked);
    }

    @Test
    void roundTripsRandomDoubles() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isNaN(d)) {
                assertEquals(d, Numbers.parse(Numbers.format(d)));
            }
        }
    }
}
