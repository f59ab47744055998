package org.autogradstudio.ui;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.function.Supplier;
import javafx.application.Application;

/** The AtlantaFX themes the studio offers; the studio's own stylesheet sits on top of each. */
public enum StudioTheme {
    LIGHT("Primer Light", PrimerLight::new, false),
    DARK("Primer Dark", PrimerDark::new, true),
    CUPERTINO_LIGHT("Cupertino Light", CupertinoLight::new, false),
    CUPERTINO_DARK("Cupertino Dark", CupertinoDark::new, true),
    NORD_DARK("Nord Dark", NordDark::new, true);

    private final String label;
    private final Supplier<Theme> theme;
    private final boolean dark;

    StudioTheme(String label, Supplier<Theme> theme, boolean dark) {
        this.label = label;
        this.theme = theme;
        this.dark = dark;
    }

    public String label() {
        return label;
    }

    public boolean isDark() {
        return dark;
    }

    /** Installs the theme as the application's user-agent stylesheet (FX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(theme.get().getUserAgentStylesheet());
    }
}
