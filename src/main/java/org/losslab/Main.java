package org.losslab;

import org.losslab.app.LossLabApp;
import org.losslab.cli.Cli;

/**
 * Entry point: with no arguments opens the app, otherwise runs a headless command. The JVM links
 * {@link LossLabApp} (and so JavaFX) only when the first branch runs, so the command line works
 * with no display and never loads the toolkit ({@code HeadlessCommandTest} checks it).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            LossLabApp.launchApp(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
