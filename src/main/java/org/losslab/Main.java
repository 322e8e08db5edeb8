package org.losslab;

import org.losslab.cli.Cli;

/**
 * Entry point: with no arguments opens the app, otherwise runs a headless command. The JavaFX
 * application class is loaded only in the first case, so the command line works with no display.
 */
public final class Main {
    private Main() {
    }

    /**
     * Loads the JavaFX application by name, so that running a headless command never loads (or
     * needs) the JavaFX toolkit.
     */
    private static void launchApp(String[] args) {
        try {
            Class.forName("org.losslab.app.LossLabApp").getMethod("launchApp", String[].class).invoke(null, (Object) args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("losslab: cannot start the app: " + cause);
            System.exit(Cli.FAILED);
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            launchApp(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
