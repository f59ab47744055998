package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyList;

/**
 * The warnings filters of a session ({@code warnings.filterwarnings}, {@code simplefilter}), in
 * Python's order: the first filter that matches a warning decides what happens to it; none
 * matching means "default" (shown once per place). While a {@code catch_warnings(record=True)}
 * is open, shown warnings go into its list instead of the error sink.
 */
final class WarningFilters {
    static final Set<String> ACTIONS = Set.of("error", "ignore", "always", "default", "module", "once");

    /** One filter: a null message matches every text; lineno 0 every line. */
    record Filter(String action, Pattern message, PyClass category, int lineno) {
        boolean matches(PyClass warning, String text, int line) {
            return (message == null || message.matcher(text).lookingAt()) && warning.isSubclassOf(category)
                    && (lineno == 0 || lineno == line);
        }
    }

    private List<Filter> filters = new ArrayList<>();
    /** Texts already shown under "once", by category and text. */
    private final Set<String> onceShown = new HashSet<>();
    /** The list an open {@code catch_warnings(record=True)} collects into, or null. */
    private PyList recording;

    /** {@code filterwarnings}: before the others, or after them with {@code append}. */
    void add(String action, String messageRegex, PyClass category, int lineno, boolean append) {
        if (!ACTIONS.contains(action)) {
            throw new org.autogradstudio.script.runtime.PyException("AssertionError", "invalid action: " + Py.repr(action));
        }
        Pattern message = messageRegex == null || messageRegex.isEmpty() ? null
                : Pattern.compile(messageRegex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Filter f = new Filter(action, message, category, lineno);
        filters.remove(f);
        if (append) {
            filters.add(f);
        } else {
            filters.add(0, f);
        }
    }

    void reset() {
        filters.clear();
    }

    /** What to do with a warning: one of {@link #ACTIONS}. */
    String action(PyClass category, String text, int line) {
        for (Filter f : filters) {
            if (f.matches(category, text, line)) {
                return f.action;
            }
        }
        return "default";
    }

    /** Whether a warning shown under "once" is new. */
    boolean firstTime(PyClass category, String text) {
        return onceShown.add(category.name() + ':' + text);
    }

    PyList recording() {
        return recording;
    }

    /** The state a {@code catch_warnings} block restores when it ends. */
    record Saved(List<Filter> filters, PyList recording) {
    }

    /** Saves the filters (the block may change them) and, with {@code record}, starts collecting into a new list. */
    Saved enter(boolean record) {
        Saved saved = new Saved(new ArrayList<>(filters), recording);
        if (record) {
            recording = new PyList(new ArrayList<>());
        }
        return saved;
    }

    void restore(Saved saved) {
        filters = saved.filters();
        recording = saved.recording();
    }
}
