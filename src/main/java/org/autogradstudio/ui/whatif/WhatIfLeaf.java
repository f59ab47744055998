package org.autogradstudio.ui.whatif;

/** A scalar leaf of the drawn graph a slider can move: its variable name, recorded value and range. */
public record WhatIfLeaf(String name, double recorded, double min, double max) {
    /** A range around the recorded value wide enough to explore: value ± max(1, |value|). */
    public static WhatIfLeaf around(String name, double value) {
        double span = Math.max(1, Math.abs(value));
        return new WhatIfLeaf(name, value, value - span, value + span);
    }
}
