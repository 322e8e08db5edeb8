package org.losslab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void fieldsNumbersAndEmptyValues() {
        StringWriter s = new StringWriter();
        CsvWriter csv = new CsvWriter(s, "a,b,c,d,e,f");
        csv.integer(3).number(0.1).number(1e-5).numberIf(false, 2).countOrEmpty(-1).countOrEmpty(7).end();
        csv.number(Double.NaN).number(Double.NEGATIVE_INFINITY).number(2).text("x").text("plain").numberIf(true, 0.5).end();
        assertEquals("a,b,c,d,e,f\n3,0.1,1e-05,,,7\nnan,-inf,2.0,x,plain,0.5\n", s.toString());
    }

    @Test
    void textIsQuotedAsRfc4180Says() {
        assertEquals("plain", CsvWriter.quote("plain"));
        assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.quote("two\nlines"));
        StringWriter s = new StringWriter();
        new CsvWriter(s, "label").text("SGD, momentum").end();
        assertEquals("label\n\"SGD, momentum\"\n", s.toString());
    }
}
