package org.autogradstudio.ui;

import javafx.application.Application;

/** Opens the studio; {@code args} may name a lesson file ({@code .py} or {@code .ipynb}) to open. */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        StartupClock.markMain();
        Application.launch(StudioApp.class, args);
    }
}
