package org.losslab;

import org.losslab.cli.Cli;

/**
 * Entry point: with no arguments opens the app ({@link AppLauncher}, which loads JavaFX as named
 * modules), otherwise runs a headless command, which never loads the toolkit, so the command line
 * works with no display ({@code HeadlessCommandTest} checks it).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            AppLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
