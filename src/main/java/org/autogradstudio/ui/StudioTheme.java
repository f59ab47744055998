package org.autogradstudio.ui;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * The AtlantaFX themes the studio offers; the studio's own stylesheets sit on top of each. High
 * contrast is Primer Dark with {@code css/high-contrast.css} over it (AtlantaFX 2.0 has none of its own).
 * The scene's root gets the pseudo-classes {@code :dark} and {@code :high-contrast} for stylesheets to follow.
 */
public enum StudioTheme {
    LIGHT("theme.light", PrimerLight::new, false, null),
    DARK("theme.dark", PrimerDark::new, true, null),
    HIGH_CONTRAST("theme.highContrast", PrimerDark::new, true, "high-contrast.css"),
    CUPERTINO_LIGHT("theme.cupertinoLight", CupertinoLight::new, false, null),
    CUPERTINO_DARK("theme.cupertinoDark", CupertinoDark::new, true, null),
    NORD_DARK("theme.nordDark", NordDark::new, true, null);

    private static final PseudoClass DARK_CLASS = PseudoClass.getPseudoClass("dark");
    private static final PseudoClass CONTRAST_CLASS = PseudoClass.getPseudoClass("high-contrast");

    private final String key;
    private final Supplier<Theme> theme;
    private final boolean dark;
    private final String overlay;

    StudioTheme(String key, Supplier<Theme> theme, boolean dark, String overlay) {
        this.key = key;
        this.theme = theme;
        this.dark = dark;
        this.overlay = overlay;
    }

    /** The bundle key of the theme's name. */
    public String key() {
        return key;
    }

    public String label() {
        return I18n.get(key);
    }

    public boolean isDark() {
        return dark;
    }

    /** The stylesheet over the AtlantaFX theme (null for none). */
    public String overlayStylesheet() {
        return overlay == null ? null : Resources.stylesheet(overlay);
    }

    /** Installs the theme as the application's user-agent stylesheet (FX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(theme.get().getUserAgentStylesheet());
    }

    /** Installs the theme and puts its overlay (only its own) on {@code scene}. */
    public void apply(Scene scene) {
        apply();
        for (StudioTheme t : values()) {
            if (t.overlay != null) {
                scene.getStylesheets().remove(t.overlayStylesheet());
            }
        }
        if (overlay != null) {
            scene.getStylesheets().add(overlayStylesheet());
        }
        if (scene.getRoot() != null) {
            scene.getRoot().pseudoClassStateChanged(DARK_CLASS, dark);
            scene.getRoot().pseudoClassStateChanged(CONTRAST_CLASS, overlay != null);
        }
    }
}
