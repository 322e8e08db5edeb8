package org.losslab.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.losslab.app.model.JobThreads;
import org.losslab.app.model.LabModel;
import org.losslab.engine.analysis.SweepResult;
import org.losslab.format.InputException;
import org.losslab.format.scenario.ScenarioReader;

/** The sweep panel's model without a window: keys, checks with clear messages, a run and loading a cell. */
class SweepModelTest {
    private ExecutorService pool;
    private LabModel lab;
    private SweepModel m;

    @BeforeEach
    void setUp() throws InputException {
        pool = Executors.newFixedThreadPool(2);
        lab = new LabModel(Runnable::run, pool, Runnable::run);
        lab.show(ScenarioReader.read(AnalysisPanesTest.BOWL, "bowl"));
        // Synchronous: the job runs and publishes on the calling thread.
        m = new SweepModel(lab, new JobThreads(Runnable::run, pool, 2), Runnable::run);
        m.suggestAxes();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void offersTheNumericHyperparametersOfTheRun() {
        List<String> keys = SweepModel.keys(lab.scenario().runs().get(0));
        assertTrue(keys.containsAll(List.of("optimizer.lr", "optimizer.momentum", "optimizer.weightDecay", "samRho",
                "noiseTemperature", "start.x")), keys.toString());
        assertTrue(keys.stream().noneMatch(k -> k.equals("optimizer.nesterov")), "booleans cannot be swept");
        assertEquals("optimizer.lr", m.xKeyProperty().get());
        assertEquals("optimizer.momentum", m.yKeyProperty().get());
        assertTrue(m.xLogProperty().get());
        assertEquals(0.05 / 100, m.xFromProperty().get(), 1e-15);
    }

    @Test
    void badRangesAreOneMessageNamingTheField() {
        m.xFromProperty().set(0);
        InputException e = assertThrows(InputException.class, m::describe);
        assertEquals("$.x", e.where());
        assertTrue(e.problem().contains("log axis needs positive ends"), e.problem());
        m.xFromProperty().set(0.001);
        m.yCountProperty().set(513);
        assertEquals("$.y", assertThrows(InputException.class, m::describe).where());
        m.yCountProperty().set(4);
        m.yKeyProperty().set("optimizer.lr");
        assertEquals("$.y.key", assertThrows(InputException.class, m::describe).where());
        m.yKeyProperty().set("optimizer.momentum");
        m.yFromProperty().set(-0.5);
        InputException range = assertThrows(InputException.class, m::describe);
        assertEquals("$.y.from", range.where());
        assertTrue(range.problem().contains("momentum"), range.problem());
        assertTrue(m.start() != null && m.messageProperty().get().contains("$.y.from"), m.messageProperty().get());
    }

    @Test
    void aFinishedSweepLoadsACellIntoTheScenario() {
        m.xCountProperty().set(5);
        m.yCountProperty().set(3);
        assertNull(m.start());
        SweepResult r = m.resultProperty().get();
        assertTrue(r.complete());
        assertTrue(m.messageProperty().get().startsWith("15 runs in"), m.messageProperty().get());
        assertNull(m.loadCell(2, 1));
        var opt = lab.scenario().runs().get(0).optimizer();
        assertEquals(r.x().value(2), ((Number) opt.params().get("lr")).doubleValue(), 0);
        assertEquals(r.y().value(1), ((Number) opt.params().get("momentum")).doubleValue(), 0);
        assertTrue(lab.dirtyProperty().get());
    }
}
