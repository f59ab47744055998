package org.autogradstudio.ui.derivation;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * LaTeX drawn by jlatexmath into an image. jlatexmath draws black by default, so the colour is
 * passed in from the theme (light text on the dark theme).
 */
final class LatexImage {
    private LatexImage() {
    }

    /** The formula as an image, or null when jlatexmath cannot parse it (the caller shows plain text). */
    static Image of(String latex, double size, javafx.scene.paint.Color colour) {
        try {
            TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, (float) size);
            icon.setForeground(new Color((float) colour.getRed(), (float) colour.getGreen(), (float) colour.getBlue()));
            BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                    BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            icon.paintIcon(null, g, 0, 0);
            g.dispose();
            return SwingFXUtils.toFXImage(img, null);
        } catch (RuntimeException parseOrDrawFailure) {
            return null;
        }
    }
}
