package org.autogradstudio.script.interp;

/** A variable shared between a function and the closures nested in it; null value means unbound. */
final class Cell {
    Object value;

    Cell(Object value) {
        this.value = value;
    }
}
