package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.TestWindow.fx;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.losslab.app.model.LabModel;
import org.losslab.format.lesson.LessonReader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson in the real window, headless at 1366 × 768: walk the learning-rate lesson page by page and
 * see the scenario and the controls change; drag the learning rate past the 2/λ mark as the first page
 * asks and see the prompt notice it; reset the page.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {
    @RegisterExtension
    static final TestWindow WINDOW = new TestWindow();
    private MainController c;

    @Start
    void start(Stage stage) {
        c = WINDOW.show(stage);
    }

    private LabModel model() {
        return c.model();
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !model().computingProperty().get()
                && model().snapshot() != null && model().snapshot().scenario().equals(model().scenario())));
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private String text(String id) throws Exception {
        return fx(() -> ((Label) c.root().getScene().lookup(id)).getText());
    }

    private double lr(int run) throws Exception {
        return fx(() -> ((Number) model().scenario().runs().get(run).optimizer().params().get("lr")).doubleValue());
    }

    private boolean dimmed(String sliderId) throws Exception {
        // The id is the inner slider's; a dimmed one is disabled and drawn faint.
        return fx(() -> {
            Node slider = c.root().getScene().lookup("#" + sliderId);
            Node p = slider;
            while (!(p instanceof ParamSlider)) {
                p = p.getParent();
            }
            return slider.isDisabled() && p.getOpacity() < 1;
        });
    }

    @Test
    void walksALessonAndNoticesThePromptedAction(FxRobot robot) throws Exception {
        Path file = Path.of("sample-landscapes/lessons/01-learning-rate-limit.json");
        var lesson = LessonReader.read(file);
        fx(() -> {
            c.lessons().open(lesson);
            return null;
        });
        awaitIdle();
        assertNotNull(fx(() -> c.root().getRight()));
        assertEquals("Page 1 of 3", text("#lessonPageNumber"));
        assertEquals("Below and above 2/λ", text("#lessonPageTitle"));
        assertEquals("The 2/λ edge: one step size just too big", fx(() -> model().scenario().title()));
        assertEquals(2, fx(() -> model().snapshot().trajectories().size()));
        // The page needs lr and steps: the other sliders are dimmed, and the run list is out of use.
        assertFalse(dimmed("lrSlider"));
        assertFalse(dimmed("stepsSlider"));
        assertTrue(dimmed("momentumSlider"));
        assertTrue(dimmed("samSlider"));
        assertTrue(fx(() -> c.runsPane().isDisabled()));
        assertNull(fx(() -> c.root().getLeft()), "a page without runs or surface controls hides the side panel");
        assertTrue(text("#lessonTryIt").startsWith("Try it"));

        robot.clickOn("#lessonNext");
        awaitIdle();
        assertEquals("Page 2 of 3", text("#lessonPageNumber"));
        assertEquals("η = 2/λ: the steep direction neither grows nor shrinks", fx(() -> model().scenario().title()));
        assertEquals(1, fx(() -> model().snapshot().trajectories().size()));
        assertTrue(dimmed("stepsSlider"));
        assertFalse(fx(() -> c.root().getScene().lookup("#lessonTryIt").isVisible()));

        robot.clickOn("#lessonNext");
        awaitIdle();
        assertEquals("Page 3 of 3", text("#lessonPageNumber"));
        assertEquals("lr 0.5: fixed step against Armijo backtracking", fx(() -> model().scenario().title()));
        assertTrue(fx(() -> model().snapshot().trajectory(0).diverged()));
        assertFalse(fx(() -> model().snapshot().trajectory(1).diverged()));
        assertTrue(fx(() -> c.root().getScene().lookup("#lessonNext").isDisabled()));

        robot.clickOn("#lessonPrevious");
        robot.clickOn("#lessonPrevious");
        awaitIdle();
        assertEquals("Page 1 of 3", text("#lessonPageNumber"));
        assertEquals(0.19, lr(0));

        // Do what the page asks: drag the learning rate of the blue run past the 2/λ mark.
        Node thumb = c.root().getScene().lookup("#lrSlider").lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY);
        for (int i = 0; i < 40 && lr(0) <= 0.2; i++) {
            robot.moveBy(2, 0);
            WaitForAsyncUtils.sleep(30, TimeUnit.MILLISECONDS);
        }
        robot.drop();
        awaitIdle();
        assertTrue(lr(0) > 0.2, "lr " + lr(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#lessonTryIt").startsWith("✓"));
        assertEquals("✓ " + lesson.pages().get(0).tryIt().noticed(), text("#lessonTryIt"));
        assertTrue(fx(() -> c.lessons().session().noticed()));

        // Reset: the page's own settings come back and the prompt waits again.
        robot.clickOn("#lessonReset");
        awaitIdle();
        assertEquals(0.19, lr(0));
        assertTrue(text("#lessonTryIt").startsWith("Try it"));

        robot.clickOn("#lessonClose");
        assertNull(fx(() -> c.root().getRight()));
        assertFalse(dimmed("momentumSlider"));
        assertFalse(fx(() -> c.runsPane().isDisabled()));
        assertEquals(fx(() -> c.sideTabs()), fx(() -> c.root().getLeft()));
    }

    @Test
    void theLessonsMenuListsTheShippedLessons() throws Exception {
        var items = fx(() -> c.lessons().menu().getItems().stream().map(i -> i.getText()).toList());
        assertEquals("The learning-rate limit 2/L", items.get(0));
        assertTrue(items.size() >= 12 + 2, items.toString());
        assertTrue(items.contains("_Open lesson file…"));
    }

    @Test
    void aTrainingPageOpensTheTrainerWithItsConfig(FxRobot robot) throws Exception {
        var lesson = LessonReader.read(Path.of("sample-landscapes/lessons/13-edge-of-stability.json"));
        fx(() -> {
            c.lessons().open(lesson);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        assertTrue(fx(() -> c.trainer() != null && c.root().getCenter() == c.trainer()));
        assertEquals("", fx(() -> c.trainer().message()));
        fx(() -> {
            c.lessons().close();
            c.showTrainer(false);
            return null;
        });
    }

    @Test
    void aSweepPageRunsItsSweepAndADivergencePromptIsNoticed(FxRobot robot) throws Exception {
        var lesson = LessonReader.read(Path.of("sample-landscapes/lessons/04-momentum-lr-stability.json"));
        fx(() -> {
            c.lessons().open(lesson);
            return null;
        });
        var sweep = fx(() -> c.analysis().sweepModel());
        assertEquals(fx(() -> c.analysis().sweepTab()), fx(() -> c.centerTabs().getSelectionModel().getSelectedItem()));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> sweep.resultProperty().get() != null
                && sweep.resultProperty().get().complete()));
        assertEquals(160, fx(() -> sweep.resultProperty().get().width()));
        assertEquals("optimizer.momentum", fx(() -> sweep.yKeyProperty().get()));

        robot.clickOn("#lessonNext");
        awaitIdle();
        assertEquals(fx(() -> c.centerTabs().getTabs().get(0)), fx(() -> c.centerTabs().getSelectionModel().getSelectedItem()));
        assertFalse(fx(() -> model().snapshot().trajectory(0).diverged()));
        assertTrue(text("#lessonTryIt").startsWith("Try it"));
        // Lower the momentum of the watched run below 0.8: lr 0.36 falls outside 2(1 + β)/λ and diverges.
        Node thumb = c.root().getScene().lookup("#momentumSlider").lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY);
        robot.moveBy(-60, 0);
        robot.drop();
        awaitIdle();
        assertTrue(fx(() -> model().snapshot().trajectory(0).diverged()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#lessonTryIt").startsWith("✓"));
        fx(() -> {
            c.lessons().close();
            return null;
        });
    }
}
