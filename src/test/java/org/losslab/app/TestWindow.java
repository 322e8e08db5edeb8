package org.losslab.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.losslab.app.model.WorkPools;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window of a UI test: the app's threads made once per test class and closed after its
 * last test, the window at a projector's 1366×768, and calls on the FX thread with a timeout.
 * Register it as a static field ({@code @RegisterExtension static final TestWindow WINDOW = new
 * TestWindow();}) and show it from the class's own {@code @Start} method (TestFX looks for that
 * method on the test class itself).
 */
public final class TestWindow implements AfterAllCallback {
    private final WorkPools pools = WorkPools.forThisMachine();

    /** The main window on {@code stage}, as the app opens it at 1366×768. */
    public MainController show(Stage stage) {
        return MainWindow.show(stage, pools, null, 1366, 768);
    }

    public WorkPools pools() {
        return pools;
    }

    /** {@code call} on the FX thread; its result, or its failure, within 20 seconds. */
    public static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(20, TimeUnit.SECONDS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pools.close();
    }
}
