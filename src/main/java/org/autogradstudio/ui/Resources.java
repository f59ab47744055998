package org.autogradstudio.ui;

import java.net.URL;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one place the studio loads its own resources (stylesheets, bundles, icons) from. Fails fast:
 * a missing resource is a packaging bug, reported at once with its full path, never a silent null.
 */
public final class Resources {
    /** Classpath folder of the studio's resources. */
    public static final String ROOT = "/org/autogradstudio/ui/";

    private Resources() {
    }

    /** The URL of {@code ROOT + relative}; throws if it is not on the classpath. */
    public static URL url(String relative) {
        URL url = Resources.class.getResource(ROOT + relative);
        if (url == null) {
            throw new IllegalStateException("missing resource: " + ROOT + relative);
        }
        return url;
    }

    /** A stylesheet under {@code css/}, as the external form JavaFX wants. */
    public static String stylesheet(String name) {
        return url("css/" + name).toExternalForm();
    }

    /** The interface strings for a locale (English is the fallback). */
    public static ResourceBundle messages(Locale locale) {
        url("i18n/messages.properties");
        // no fallback to the machine's default locale: English asked is English given
        return ResourceBundle.getBundle(ROOT.substring(1).replace('/', '.') + "i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
