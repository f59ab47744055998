package org.autogradstudio.lesson;

import org.autogradstudio.script.RunResult;

/** Turns an interpreter error into a {@link ScriptError} with the line and column inside the cell. */
final class ScriptErrors {
    private ScriptErrors() {
    }

    static ScriptError of(RunResult r, String cellSource) {
        int line = r.errorLine();
        int column = 0;
        String syntax = r.error().syntaxErrorText();
        if (syntax != null) {
            column = caretColumn(syntax, cellSource, line);
        }
        return new ScriptError(r.errorType(), r.errorMessage(), line, column, r.traceback());
    }

    /**
     * Python prints the offending line stripped of its indentation, indented by four spaces, and a
     * caret under the error; the column in the cell adds the stripped indentation back (1-based).
     */
    private static int caretColumn(String syntaxText, String source, int line) {
        String[] lines = syntaxText.split("\n");
        for (String l : lines) {
            String trimmed = l.stripTrailing();
            if (!trimmed.isEmpty() && trimmed.strip().chars().allMatch(c -> c == '^' || c == '~')) {
                int caret = trimmed.indexOf('^');
                if (caret < 0) {
                    caret = trimmed.indexOf('~');
                }
                String[] src = source.split("\n", -1);
                int indent = 0;
                if (line >= 1 && line <= src.length) {
                    String s = src[line - 1];
                    indent = s.length() - s.stripLeading().length();
                }
                return Math.max(1, caret - 4 + indent + 1);
            }
        }
        return 0;
    }
}
