package org.autogradstudio.ui.run;

/**
 * Looks at the kernel from the script thread while cells run: after each live chart point (a
 * training loop's step) and when a cell ends. It must be quick and must not throw; whatever it
 * wants to show it hands to the FX thread itself.
 */
public interface ScriptObserver {
    /** The chart point {@code name} was just offered (script thread, inside the running cell). */
    void onChartPoint(Kernel kernel, String name);

    /** A cell finished (script thread, after the cell). */
    default void onCellEnd(Kernel kernel) {
    }
}
