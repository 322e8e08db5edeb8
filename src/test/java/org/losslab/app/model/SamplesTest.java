package org.losslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {

    @Test
    void listsScenariosNotOtherFormats(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b-race.json"), "{\"format\": \"losslab-scenario/1\"}");
        Files.writeString(dir.resolve("a-broken.json"), "{\"format\": ");
        Files.writeString(dir.resolve("mlp.json"), "{\"format\": \"losslab-train/1\"}");
        Files.writeString(dir.resolve("sweep.json"), "{\"format\": \"losslab-sweep/1\", \"scenario\": {\"format\": \"losslab-scenario/1\"}}");
        Files.writeString(dir.resolve("notes.txt"), "x");
        String old = System.getProperty("losslab.samples");
        System.setProperty("losslab.samples", dir.toString());
        try {
            assertEquals(List.of(dir.resolve("a-broken.json"), dir.resolve("b-race.json")), Samples.list());
        } finally {
            if (old == null) {
                System.clearProperty("losslab.samples");
            } else {
                System.setProperty("losslab.samples", old);
            }
        }
    }
}
