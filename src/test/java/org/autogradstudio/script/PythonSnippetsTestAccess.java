package org.autogradstudio.script;

import java.util.List;

/** Gives other tests the snippet programs of {@link PythonSnippetsTest} (its expectations are generated). */
final class PythonSnippetsTestAccess {
    private PythonSnippetsTestAccess() {
    }

    static List<String> sources() {
        return PythonSnippetsTest.sources();
    }
}
