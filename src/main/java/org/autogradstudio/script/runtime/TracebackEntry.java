package org.autogradstudio.script.runtime;

/** One frame of a traceback: file, line (file numbering), function name and the stripped source line. */
public record TracebackEntry(String file, int line, String function, String sourceLine) {
}
