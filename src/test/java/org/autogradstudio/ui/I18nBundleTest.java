package org.autogradstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** English and Hindi hold the same keys with the same placeholders, and English is never replaced by the machine's locale. */
class I18nBundleTest {
    private static final Locale HINDI = Locale.forLanguageTag("hi");

    @Test
    void hindiHasEveryKeyWithTheSamePlaceholders() {
        ResourceBundle en = Resources.messages(Locale.ENGLISH);
        ResourceBundle hi = Resources.messages(HINDI);
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(hi.keySet()));
        for (String key : en.keySet()) {
            int expected = new MessageFormat(en.getString(key)).getFormatsByArgumentIndex().length;
            assertEquals(expected, new MessageFormat(hi.getString(key)).getFormatsByArgumentIndex().length, key);
            if (!en.getString(key).isEmpty() && !key.startsWith("app.")) {
                assertFalse(hi.getString(key).isBlank(), key);
            }
        }
    }

    @Test
    void englishStaysEnglishWhenTheMachineSpeaksHindi() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(HINDI);
            ResourceBundle.clearCache();
            assertEquals("Run All", Resources.messages(Locale.ENGLISH).getString("toolbar.runAll"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
