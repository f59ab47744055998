package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.TracebackEntry;
import org.autogradstudio.script.syntax.SourceText;

/** Where code came from, for tracebacks: its function name and source. */
record CodeInfo(String name, SourceText source) {
    TracebackEntry entry(int line) {
        return new TracebackEntry(source.fileName(), line + source.lineOffset(), name, source.line(line));
    }
}
