package org.autogradstudio.lesson;

/**
 * What running one cell produced: its printed output, the echoed value of a last bare expression
 * (notebook mode; null when none), and the error if it failed.
 */
public record CellResult(String output, String echo, ScriptError error, boolean cancelled) {
    public boolean ok() {
        return error == null;
    }
}
