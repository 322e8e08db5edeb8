package org.losslab.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.losslab.app.model.WorkPools;

/**
 * The desktop app. System properties for classroom set-up and for screenshots:
 * {@code losslab.scenario} (file to open), {@code losslab.theme} (light|dark),
 * {@code losslab.presentation} (true), {@code losslab.lesson} (a lesson id or file to teach) and
 * {@code losslab.lessonPage} (its page, from 1), {@code losslab.layout} (single|two),
 * {@code losslab.window} (WxH), {@code losslab.tab} (run|narration: the side panel's tab),
 * {@code losslab.layout} (two|3d), {@code losslab.overlays} (gradient,vectors), {@code losslab.run} (index of the selected run), {@code losslab.step} (playback step to show), {@code losslab.screenshot} (PNG file: snapshot the window once
 * everything is drawn, then exit), {@code losslab.timing} (true: print the time from JVM start to
 * the first complete frame).
 */
public final class LossLabApp extends Application {
    /** Every background thread of the app, from start to stop. */
    private WorkPools pools;

    /** Opens the app (org.losslab.Main calls this with no arguments). */
    public static void launchApp(String[] args) {
        Application.launch(LossLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        String scenario = System.getProperty("losslab.scenario");
        double w = 0, h = 0;
        String size = System.getProperty("losslab.window");
        if (size != null && size.matches("\\d+x\\d+")) {
            w = Double.parseDouble(size.substring(0, size.indexOf('x')));
            h = Double.parseDouble(size.substring(size.indexOf('x') + 1));
        }
        pools = WorkPools.forThisMachine();
        MainController c = MainWindow.show(stage, pools, scenario != null ? Path.of(scenario) : null, w, h);
        if ("dark".equals(System.getProperty("losslab.theme"))) {
            c.setTheme(Theme.DARK);
        }
        if (Boolean.getBoolean("losslab.presentation")) {
            c.setPresentation(true);
        }
        if ("two".equals(System.getProperty("losslab.layout"))) {
            c.views().setMode(ViewArea.Mode.TWO_SURFACES);
        } else if ("3d".equals(System.getProperty("losslab.layout"))) {
            c.views().setMode(ViewArea.Mode.WITH_3D);
        }
        c.model().selectedProperty().set(Integer.getInteger("losslab.run", 0));
        String tab = System.getProperty("losslab.tab");
        if (tab != null) {
            c.showSideTab(tab.equals("run") ? 1 : tab.equals("narration") ? 2 : 0);
        }
        String overlays = System.getProperty("losslab.overlays", "");
        c.setOverlays(overlays.contains("gradient"), overlays.contains("vectors"));
        String lesson = System.getProperty("losslab.lesson");
        if (lesson != null) {
            c.lessons().open(lesson, Integer.getInteger("losslab.lessonPage", 1));
        }
        String shot = System.getProperty("losslab.screenshot");
        Long step = Long.getLong("losslab.step");
        boolean timing = Boolean.getBoolean("losslab.timing");
        if (shot != null || timing) {
            Screenshots.whenDrawn(c, () -> {
                if (timing) {
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.err.println("losslab: first complete frame " + ms + " ms after JVM start" + cpuTime());
                }
                if (shot != null && step != null) {
                    c.model().playback().seek(step);
                    Screenshots.whenDrawn(c, () -> {
                        Screenshots.write(c, Path.of(shot));
                        Platform.exit();
                    });
                } else if (shot != null) {
                    Screenshots.write(c, Path.of(shot));
                    Platform.exit();
                }
            });
        }
    }

    /**
     * ", N ms of CPU time" spent by the whole process so far (every thread: JIT compilers, GC,
     * rendering), which on a machine shared with other work says more than the wall-clock time; read
     * from Linux's /proc/self/stat (utime + stime in clock ticks of 10 ms), empty elsewhere.
     */
    private static String cpuTime() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ", " + ticks * 10 + " ms of CPU time";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** The window closed or the app exits: stop the background work (its threads are daemons, but a study may be running). */
    @Override
    public void stop() {
        if (pools != null) {
            pools.close();
        }
    }
}
