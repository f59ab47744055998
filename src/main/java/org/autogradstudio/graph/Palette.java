package org.autogradstudio.graph;

/**
 * The studio's role colours (Okabe-Ito, safe for colour-blind viewers), for exports; the app's CSS
 * ({@code graph.css}) uses the same values.
 */
public final class Palette {
    public static final String FUNCTION = "#3d4451";
    public static final String GRAD = "#b34700";
    public static final String EDGE = "#5f6673";
    public static final String TEXT = "#1f2328";
    public static final String BACKGROUND = "#ffffff";
    /** The step of the backward pass being shown: its edge, function and tensor. */
    public static final String ACTIVE = "#e69f00";

    private Palette() {
    }

    public static String of(Role role) {
        switch (role) {
            case PARAMETER: return "#0072b2";
            case CONSTANT: return "#7a7a7a";
            case ROOT: return "#cc79a7";
            default: return "#009e73";
        }
    }
}
