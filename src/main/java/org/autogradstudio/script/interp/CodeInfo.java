package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.TracebackEntry;
import org.autogradstudio.script.syntax.SourceText;

/**
 * Where code came from, for tracebacks: its function name and source; and its local variables
 * (parameters first), where a NameError looks for a name to suggest first.
 */
record CodeInfo(String name, SourceText source, java.util.List<String> varnames) {
    CodeInfo(String name, SourceText source) {
        this(name, source, java.util.List.of());
    }

    TracebackEntry entry(int line) {
        return new TracebackEntry(source.fileName(), line + source.lineOffset(), name, source.line(line));
    }
}
