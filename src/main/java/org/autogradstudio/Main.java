package org.autogradstudio;

import org.autogradstudio.cli.Cli;

/**
 * The jar's entry point: with a command ({@code run}, {@code graph}, {@code trace}, {@code check},
 * {@code bench}) it stays headless; otherwise it opens the studio (optionally on a lesson file).
 * Lives outside {@code cli} and {@code ui} so that neither has to know the other.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.execute(args));
        }
        org.autogradstudio.ui.StudioLauncher.launch(args);
    }
}
