package org.autogradstudio.ui.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Presenter mode for a class: full screen, editing chrome hidden, keyboard-only stepping, and text
 * and graph scaled by {@link #scaleProperty()} (100-250 %, in steps of 25 %). State only; the window follows it.
 */
public final class PresenterMode {
    public static final double MIN_SCALE = 1.0;
    public static final double MAX_SCALE = 2.5;
    public static final double STEP = 0.25;
    /** The root font size at 100 %, as in studio.css. */
    public static final double BASE_FONT_PX = 14;

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.5);
    private final DoubleBinding effectiveScale = Bindings.createDoubleBinding(
            () -> active.get() ? scale.get() : 1.0, active, scale);

    public BooleanProperty activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }

    public void setActive(boolean on) {
        active.set(on);
    }

    public void toggle() {
        active.set(!active.get());
    }

    /** The scale chosen for presenting (kept when presenter mode is left). */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** Sets the scale, clamped to 100-250 % and rounded to a 25 % step. */
    public void setScale(double s) {
        double clamped = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
        scale.set(Math.round(clamped / STEP) * STEP);
    }

    public void larger() {
        setScale(scale.get() + STEP);
    }

    public void smaller() {
        setScale(scale.get() - STEP);
    }

    /** The scale in force now: the chosen one while presenting, else 1. */
    public DoubleBinding effectiveScale() {
        return effectiveScale;
    }

    /** The root font size in force now. */
    public double fontPx() {
        return BASE_FONT_PX * effectiveScale.get();
    }
}
