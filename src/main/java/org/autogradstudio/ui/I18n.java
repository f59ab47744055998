package org.autogradstudio.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Interface strings from {@code messages.properties}. Views bind their texts with {@link #text}, so
 * switching {@link #localeProperty()} at run time (English/Hindi) relabels the whole window.
 * A missing key throws: a typo must not reach a classroom as a blank label.
 */
public final class I18n {
    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(Locale.ENGLISH);
    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private I18n() {
    }

    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    /** The current text of {@code key}, formatted with {@code args} ({@link MessageFormat} style). */
    public static String get(String key, Object... args) {
        // the bundle follows the locale at the moment of asking: bindings are recomputed on the
        // locale's invalidation, before any change listener could swap a cached bundle
        String pattern = BUNDLES.computeIfAbsent(LOCALE.get(), Resources::messages).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, LOCALE.get()).format(args);
    }

    /** A binding that follows the locale. */
    public static StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), LOCALE);
    }
}
